import type { OperationTable } from './operation.js';

/** NAT gateways, public and private. */
export const NAT_GATEWAY_OPERATIONS: OperationTable = {};
