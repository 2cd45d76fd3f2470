import type { Route, RouteTable } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface RouteTableRow {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string;
  readonly main: boolean;
  readonly mainLabel: string;
  readonly subnets: readonly string[];
  readonly ownerId: string;
  readonly tags: readonly string[];
  readonly table: RouteTable;
}

export function isMain(t: RouteTable): boolean {
  return (t.Associations ?? []).some((a) => a.Main === true);
}

export function explicitSubnets(t: RouteTable): string[] {
  return (t.Associations ?? []).flatMap((a) => (a.SubnetId && !a.Main ? [a.SubnetId] : []));
}

export function toRouteTableRow(t: RouteTable, yes: string, no: string): RouteTableRow {
  const main = isMain(t);
  return {
    id: t.RouteTableId ?? '',
    name: nameTag(t.Tags),
    vpcId: t.VpcId ?? '',
    main,
    mainLabel: main ? yes : no,
    subnets: explicitSubnets(t),
    ownerId: t.OwnerId ?? '',
    tags: tagStrings(t.Tags),
    table: t,
  };
}

export function routeDestination(r: Route): string {
  return r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '';
}

/** What a route points at, as the console names it: `local`, a gateway, a peering connection... */
export function routeTarget(r: Route): string {
  return (
    r.VpcPeeringConnectionId ??
    r.GatewayId ??
    r.NatGatewayId ??
    r.TransitGatewayId ??
    r.NetworkInterfaceId ??
    r.InstanceId ??
    r.EgressOnlyInternetGatewayId ??
    r.LocalGatewayId ??
    r.CarrierGatewayId ??
    r.CoreNetworkArn ??
    '-'
  );
}
