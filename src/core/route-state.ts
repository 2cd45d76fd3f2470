import { effectiveStatus } from './peering/effective-status.js';
import type { PeeringConnection } from './peering/peering-connection.js';
import type { Route } from './route-table.js';

export type RouteState = 'active' | 'blackhole';

/** What the routes of some route tables point at, as it is now. */
export interface RouteTargets {
  /** The connections the caller can still see, by id. */
  readonly peerings: ReadonlyMap<string, PeeringConnection>;
  /** Each gateway that can carry traffic (internet, egress-only, NAT), with the VPC it serves. */
  readonly gatewayVpcs: ReadonlyMap<string, string>;
}

/**
 * A route's state is derived, never stored: a peering route is `active` only while its
 * connection is active, and `blackhole` before, after, and once the connection is purged — the
 * route itself stays (AWS-BEHAVIOUR.md §3.10). A gateway route is `active` while its gateway
 * serves the table's VPC, and `blackhole` once it is detached or deleted (EC2 model, Route.State:
 * "the route's target isn't available (for example, the specified gateway isn't attached to the
 * VPC ...)"); a NAT gateway that failed or is being deleted carries nothing either.
 */
export function routeState(route: Route, vpcId: string, targets: RouteTargets, now: number): RouteState {
  const t = route.target;
  if (t.kind === 'local') return 'active';
  if (t.kind === 'vpc-peering-connection') {
    const c = targets.peerings.get(t.id);
    return c && effectiveStatus(c, now).status === 'active' ? 'active' : 'blackhole';
  }
  return targets.gatewayVpcs.get(t.id) === vpcId ? 'active' : 'blackhole';
}
