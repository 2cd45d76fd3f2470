import type { RouteHit } from './analysis-result.js';
import { project, restrict, spansIntersect, spansSubtract, type PacketSet, type Spans } from './packet-set.js';
import type { IndexedRoute } from './world-index.js';

export interface RouteChoice {
  readonly route: IndexedRoute;
  /** The packets this route is the longest match for. */
  readonly set: PacketSet;
}

/** Addresses for which `r` is the longest match: its block minus every more specific block. */
function coverage(r: IndexedRoute, routes: readonly IndexedRoute[]): Spans {
  const specific = routes.filter((o) => o.prefixLength > r.prefixLength && o.span[0] <= r.span[1] && r.span[0] <= o.span[1]).map((o) => o.span);
  specific.sort((a, b) => a[0] - b[0]);
  return spansSubtract([r.span], specific);
}

/**
 * Longest-prefix match over a set of destinations (VPC user guide, "Route priority"; local
 * routes included, one per VPC block). Each destination address has one route; the walk
 * follows one of them: the first `preferred` route that is the longest match for some packet,
 * else the route of the lowest destination, and keeps only the packets it carries. Undefined
 * when no packet has a route (NO_ROUTE_TO_DESTINATION).
 */
export function lookupRoute(routes: readonly IndexedRoute[], set: PacketSet, preferred?: (r: IndexedRoute) => boolean): RouteChoice | undefined {
  const dst = project(set, 'dst');
  const choices: { route: IndexedRoute; region: Spans }[] = [];
  for (const route of routes) {
    if (spansIntersect([route.span], dst).length === 0) continue;
    const region = spansIntersect(coverage(route, routes), dst);
    if (region.length > 0) choices.push({ route, region });
  }
  choices.sort((a, b) => (a.region[0]?.[0] ?? 0) - (b.region[0]?.[0] ?? 0));
  const pick = (preferred && choices.find((c) => preferred(c.route))) ?? choices[0];
  return pick && { route: pick.route, set: restrict(set, { dst: pick.region }) };
}

/** Routes whose block overlaps some destination of the set (a match, though maybe not the longest). */
export function routesCovering(routes: readonly IndexedRoute[], set: PacketSet): IndexedRoute[] {
  const dst = project(set, 'dst');
  return routes.filter((r) => spansIntersect([r.span], dst).length > 0);
}

/** AnalysisRouteTableRoute: the origin in lower case, as Reachability Analyzer prints it (§2.2). */
export function routeHit(r: IndexedRoute): RouteHit {
  const t = r.route.target;
  const base = { destinationCidr: r.cidr, origin: r.route.origin.toLowerCase(), state: r.state };
  switch (t.kind) {
    case 'local':
      return { ...base, gatewayId: 'local' };
    case 'gateway':
      return { ...base, gatewayId: t.id };
    case 'nat-gateway':
      return { ...base, natGatewayId: t.id };
    case 'egress-only-internet-gateway':
      return { ...base, egressOnlyInternetGatewayId: t.id };
    case 'vpc-peering-connection':
      return { ...base, vpcPeeringConnectionId: t.id };
  }
}

export function pcxOf(r: IndexedRoute): string | undefined {
  return r.route.target.kind === 'vpc-peering-connection' ? r.route.target.id : undefined;
}
