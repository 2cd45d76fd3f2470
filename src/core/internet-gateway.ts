// The type now lives in internet-gateways/; repository.ts (not ours to edit) still imports it
// from here. Drop this file once that import points at the folder.
export type { InternetGateway } from './internet-gateways/internet-gateway.js';
