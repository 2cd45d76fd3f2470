import type { Tagged } from '../core/describe-scoped.js';
import type { RouteInput } from '../core/route-table-service.js';
import * as tables from '../core/route-table-service.js';
import type { RouteTableView } from '../core/route-table-filters.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

export function routeTableToWire({ resource: v, tags }: Tagged<RouteTableView>): W.RouteTable {
  const t = v.table;
  return {
    RouteTableId: t.id,
    VpcId: t.vpcId,
    OwnerId: t.accountId,
    Associations: t.associations.map((a) => ({
      Main: a.main,
      RouteTableAssociationId: a.id,
      RouteTableId: t.id,
      SubnetId: a.subnetId,
      AssociationState: { State: 'associated' },
    })),
    PropagatingVgws: [],
    Routes: t.routes.map((r, i) => ({
      DestinationCidrBlock: r.destinationCidrBlock,
      DestinationIpv6CidrBlock: r.destinationIpv6CidrBlock,
      GatewayId: r.target.kind === 'local' ? 'local' : r.target.kind === 'gateway' ? r.target.id : undefined,
      EgressOnlyInternetGatewayId: r.target.kind === 'egress-only-internet-gateway' ? r.target.id : undefined,
      NatGatewayId: r.target.kind === 'nat-gateway' ? r.target.id : undefined,
      VpcPeeringConnectionId: r.target.kind === 'vpc-peering-connection' ? r.target.id : undefined,
      Origin: r.origin,
      State: v.routeStates[i],
    })),
    Tags: wire.tags(tags),
  };
}

/** Route targets naming kinds of resource this server holds none of: each gets its own NotFound. */
const OTHER_TARGETS = [
  ['InstanceId', 'instanceId', 'InvalidInstanceID.NotFound'],
  ['NetworkInterfaceId', 'networkInterfaceId', 'InvalidNetworkInterfaceID.NotFound'],
  ['TransitGatewayId', 'transitGatewayId', 'InvalidTransitGatewayID.NotFound'],
  ['LocalGatewayId', 'localGatewayId', 'InvalidLocalGatewayID.NotFound'],
  ['CarrierGatewayId', 'carrierGatewayId', 'InvalidCarrierGatewayID.NotFound'],
  ['VpcEndpointId', 'vpcEndpointId', 'InvalidVpcEndpointId.NotFound'],
  ['CoreNetworkArn', 'coreNetworkArn', 'InvalidCoreNetworkArn.NotFound'],
  ['OdbNetworkArn', 'odbNetworkArn', 'InvalidOdbNetworkArn.NotFound'],
] as const;

function routeInput(input: W.CreateRouteRequest | W.ReplaceRouteRequest | W.DeleteRouteRequest): RouteInput {
  const all = input as Partial<W.ReplaceRouteRequest>;
  const otherTargets = OTHER_TARGETS.flatMap(([member, parameter, code]) => {
    const id = all[member];
    return id === undefined ? [] : [{ parameter, code, id }];
  });
  return {
    routeTableId: input.RouteTableId,
    destinationCidrBlock: input.DestinationCidrBlock,
    destinationIpv6CidrBlock: input.DestinationIpv6CidrBlock,
    destinationPrefixListId: input.DestinationPrefixListId,
    gatewayId: all.GatewayId,
    egressOnlyInternetGatewayId: all.EgressOnlyInternetGatewayId,
    natGatewayId: all.NatGatewayId,
    vpcPeeringConnectionId: all.VpcPeeringConnectionId,
    localTarget: all.LocalTarget,
    otherTargets,
  };
}

export const ROUTE_TABLE_OPERATIONS: OperationTable = {
  CreateRouteTable: writes(async (ctx, input) => {
    const t = await tables.createRouteTable(ctx, { vpcId: input.VpcId, tagSpecifications: wire.tagSpecs(input.TagSpecifications) });
    return { RouteTable: routeTableToWire(t) };
  }),
  DescribeRouteTables: reads(async (ctx, input) => {
    const page = await tables.describeRouteTables(ctx, { ids: input.RouteTableIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { RouteTables: page.items.map(routeTableToWire), NextToken: page.nextToken };
  }),
  DeleteRouteTable: writes(async (ctx, input) => {
    await tables.deleteRouteTable(ctx, input.RouteTableId);
    return {};
  }),
  AssociateRouteTable: writes(async (ctx, input) => {
    const r = await tables.associateRouteTable(ctx, { routeTableId: input.RouteTableId, subnetId: input.SubnetId, gatewayId: input.GatewayId });
    return { AssociationId: r.associationId, AssociationState: { State: 'associated' } };
  }),
  DisassociateRouteTable: writes(async (ctx, input) => {
    await tables.disassociateRouteTable(ctx, input.AssociationId);
    return {};
  }),
  ReplaceRouteTableAssociation: writes(async (ctx, input) => {
    const r = await tables.replaceRouteTableAssociation(ctx, { associationId: input.AssociationId, routeTableId: input.RouteTableId });
    return { NewAssociationId: r.associationId, AssociationState: { State: 'associated' } };
  }),
  CreateRoute: writes(async (ctx, input) => {
    await tables.createRoute(ctx, routeInput(input));
    return { Return: true };
  }),
  ReplaceRoute: writes(async (ctx, input) => {
    await tables.replaceRoute(ctx, routeInput(input));
    return {};
  }),
  DeleteRoute: writes(async (ctx, input) => {
    await tables.deleteRoute(ctx, routeInput(input));
    return {};
  }),
};
