import type { Instance } from '../instances/instance.js';
import type { InternetGateway } from '../internet-gateways/internet-gateway.js';
import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { PeeringConnection } from '../peering/peering-connection.js';

/** Where a path starts: an ENI, reached through an instance when the path named one. */
export interface Endpoint {
  readonly eni: NetworkInterface;
  readonly instance?: Instance;
}

/** Where a path ends (REACHABILITY.md §1.6): an ENI (or instance), a peering connection, or an address. */
export type Target =
  | { readonly kind: 'eni'; readonly eni: NetworkInterface; readonly instance?: Instance }
  | { readonly kind: 'pcx'; readonly pcx: PeeringConnection }
  | { readonly kind: 'ip' };

/** Where a path may end: a Target of the walk through VPCs and peerings, or an internet gateway (internet-walk.ts). */
export type PathEnd = Target | { readonly kind: 'igw'; readonly igw: InternetGateway };
