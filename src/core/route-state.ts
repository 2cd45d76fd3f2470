import { effectiveStatus } from './peering/effective-status.js';
import type { PeeringConnection } from './peering/peering-connection.js';
import type { Route } from './route-table.js';

export type RouteState = 'active' | 'blackhole';

/**
 * A route's state is derived, never stored: a peering route is `active` only while its
 * connection is active, and `blackhole` before, after, and once the connection is purged — the
 * route itself stays (AWS-BEHAVIOUR.md §3.10).
 */
export function routeState(route: Route, peerings: ReadonlyMap<string, PeeringConnection>, now: number): RouteState {
  if (route.target.kind !== 'vpc-peering-connection') return 'active';
  const c = peerings.get(route.target.id);
  return c && effectiveStatus(c, now).status === 'active' ? 'active' : 'blackhole';
}
