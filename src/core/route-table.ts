import type { Scope } from './scope.js';

/**
 * What a route sends traffic to. `local` is the VPC itself; `gateway` is an internet gateway
 * (the kind keeps its first name: stored route tables carry it).
 */
export type RouteTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'gateway'; readonly id: string }
  | { readonly kind: 'egress-only-internet-gateway'; readonly id: string }
  | { readonly kind: 'nat-gateway'; readonly id: string }
  | { readonly kind: 'vpc-peering-connection'; readonly id: string };

export type RouteOrigin = 'CreateRouteTable' | 'CreateRoute';

export interface Route {
  /** Exactly one destination is set: canonical IPv4 or IPv6 CIDR text. */
  readonly destinationCidrBlock?: string;
  readonly destinationIpv6CidrBlock?: string;
  readonly target: RouteTarget;
  readonly origin: RouteOrigin;
}

export interface RouteTableAssociation {
  readonly id: string;
  readonly main: boolean;
  readonly subnetId?: string;
}

export interface RouteTable extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly routes: readonly Route[];
  readonly associations: readonly RouteTableAssociation[];
  readonly createdAt: number;
}

export function routeDestination(route: Route): string {
  return route.destinationCidrBlock ?? route.destinationIpv6CidrBlock ?? '';
}
