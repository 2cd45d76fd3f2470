import type { CreateRouteCommandInput, DeleteRouteCommandInput, ReplaceRouteCommandInput, Route } from '@aws-sdk/client-ec2';
import { routeDestination, routeTarget } from './route-table-row';

/** One row of the routes editor: what the user wants the table to hold. */
export interface RouteDraft {
  readonly key: string;
  readonly destination: string;
  readonly target: string;
  /** The target type picked for a row whose target is not chosen yet (else read from the target). */
  readonly kind?: string;
  /** The VPC's own `local` routes: shown, never removed or retargeted here. */
  readonly locked: boolean;
}

export type RouteChange =
  | { readonly kind: 'delete'; readonly destination: string }
  | { readonly kind: 'replace'; readonly destination: string; readonly target: string }
  | { readonly kind: 'create'; readonly destination: string; readonly target: string };

export function draftsOf(routes: readonly Route[]): RouteDraft[] {
  return routes.map((r) => {
    const destination = routeDestination(r);
    return { key: `existing:${destination}`, destination, target: routeTarget(r), locked: r.GatewayId === 'local' && r.Origin === 'CreateRouteTable' };
  });
}

/**
 * The writes that turn the table's current routes into the drafts, removals first (a destination
 * may move to a new row), then retargets, then additions. Computed against what the server last
 * said, so after a partial failure the same drafts give exactly the writes still missing.
 */
export function planRouteChanges(current: readonly Route[], drafts: readonly RouteDraft[]): RouteChange[] {
  const now = new Map(current.map((r) => [routeDestination(r), routeTarget(r)]));
  const wanted = new Map(drafts.map((d) => [d.destination.trim(), d.target]));
  const deletes: RouteChange[] = [...now.keys()].filter((d) => !wanted.has(d)).map((destination) => ({ kind: 'delete', destination }));
  const replaces: RouteChange[] = [];
  const creates: RouteChange[] = [];
  for (const [destination, target] of wanted) {
    const was = now.get(destination);
    if (was === undefined) creates.push({ kind: 'create', destination, target });
    else if (was !== target) replaces.push({ kind: 'replace', destination, target });
  }
  return [...deletes, ...replaces, ...creates];
}

const destinationParam = (d: string): { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string } =>
  d.includes(':') ? { DestinationIpv6CidrBlock: d } : { DestinationCidrBlock: d };

function targetParam(target: string, replacing: boolean): Partial<CreateRouteCommandInput & ReplaceRouteCommandInput> {
  if (target.startsWith('pcx-')) return { VpcPeeringConnectionId: target };
  if (target.startsWith('nat-')) return { NatGatewayId: target };
  if (target.startsWith('eigw-')) return { EgressOnlyInternetGatewayId: target };
  if (target === 'local') return replacing ? { LocalTarget: true } : { GatewayId: 'local' };
  return { GatewayId: target };
}

export function deleteInput(routeTableId: string, c: RouteChange): DeleteRouteCommandInput {
  return { RouteTableId: routeTableId, ...destinationParam(c.destination) };
}

export function writeInput(routeTableId: string, c: Extract<RouteChange, { target: string }>): CreateRouteCommandInput & ReplaceRouteCommandInput {
  return { RouteTableId: routeTableId, ...destinationParam(c.destination), ...targetParam(c.target, c.kind === 'replace') };
}
