import type { Route } from './route-table.js';
import type { Vpc } from './vpc.js';
import { liveIpv4Cidrs, liveIpv6Cidrs } from './vpc.js';

/** Every block of a VPC has its own `local` route in every route table of the VPC. */
export function localRoutes(vpc: Vpc): Route[] {
  return [
    ...liveIpv4Cidrs(vpc).map((cidr): Route => ({ destinationCidrBlock: cidr, target: { kind: 'local' }, origin: 'CreateRouteTable' })),
    ...liveIpv6Cidrs(vpc).map((cidr): Route => ({ destinationIpv6CidrBlock: cidr, target: { kind: 'local' }, origin: 'CreateRouteTable' })),
  ];
}

/** Replaces a table's local routes with the VPC's current ones, keeping every other route. */
export function withLocalRoutes(routes: readonly Route[], vpc: Vpc): Route[] {
  return [...localRoutes(vpc), ...routes.filter((r) => r.target.kind !== 'local')];
}
