import type { Tagged } from '../core/describe-scoped.js';
import type { NatGateway } from '../core/nat-gateways/nat-gateway.js';
import * as nat from '../core/nat-gateways/nat-gateway-service.js';
import { natGatewayState } from '../core/nat-gateways/nat-gateway-state.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

export function natGatewayToWire({ resource: g, tags }: Tagged<NatGateway>): W.NatGateway {
  const state = natGatewayState(g);
  return {
    CreateTime: new Date(g.createdAt),
    DeleteTime: wire.date(g.deletedAt),
    FailureCode: g.failure?.code,
    FailureMessage: g.failure?.message,
    NatGatewayAddresses: g.addresses.map((a) => ({
      AllocationId: a.allocationId,
      NetworkInterfaceId: a.networkInterfaceId,
      PrivateIp: a.privateIp,
      PublicIp: a.publicIp,
      AssociationId: a.associationId,
      IsPrimary: a.isPrimary,
      Status: g.failure ? 'failed' : 'succeeded',
    })),
    NatGatewayId: g.id,
    State: state,
    SubnetId: g.subnetId,
    VpcId: g.vpcId,
    Tags: wire.tags(tags),
    ConnectivityType: g.connectivityType,
  };
}

/**
 * CreateNatGateway answers a new gateway as `pending`, with only what is known before it is
 * provisioned: the Elastic IP's allocation id for a public gateway, an empty address for a private
 * one (the EC2 CLI reference's create-nat-gateway examples). Any later read shows it `available`.
 */
function createdToWire(created: nat.CreatedNatGateway): W.NatGateway {
  if (created.repeated) return natGatewayToWire(created);
  const g = created.resource;
  return {
    CreateTime: new Date(g.createdAt),
    NatGatewayAddresses: g.addresses.map((a) => (a.allocationId === undefined ? {} : { AllocationId: a.allocationId })),
    NatGatewayId: g.id,
    State: 'pending',
    SubnetId: g.subnetId,
    VpcId: g.vpcId,
    Tags: created.tags.length > 0 ? wire.tags(created.tags) : undefined,
    ConnectivityType: g.connectivityType,
  };
}

/** Request members for features not modelled here; each is refused by name when given. */
function unsupportedMembers(input: W.CreateNatGatewayRequest): string[] {
  const given: [string, boolean][] = [
    ['AvailabilityMode', input.AvailabilityMode === 'regional'],
    ['VpcId', input.VpcId !== undefined],
    ['AvailabilityZoneAddress', (input.AvailabilityZoneAddresses?.length ?? 0) > 0],
    ['SecondaryAllocationId', (input.SecondaryAllocationIds?.length ?? 0) > 0],
    ['SecondaryPrivateIpAddress', (input.SecondaryPrivateIpAddresses?.length ?? 0) > 0],
    ['SecondaryPrivateIpAddressCount', input.SecondaryPrivateIpAddressCount !== undefined],
  ];
  return given.filter(([, present]) => present).map(([name]) => name);
}

/** NAT gateways, public and private. */
export const NAT_GATEWAY_OPERATIONS: OperationTable = {
  CreateNatGateway: writes(async (ctx, input) => {
    const created = await nat.createNatGateway(ctx, {
      subnetId: input.SubnetId,
      connectivityType: input.ConnectivityType,
      allocationId: input.AllocationId,
      privateIpAddress: input.PrivateIpAddress,
      clientToken: input.ClientToken,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
      unsupported: unsupportedMembers(input),
    });
    return { ClientToken: input.ClientToken, NatGateway: createdToWire(created) };
  }),
  DescribeNatGateways: reads(async (ctx, input) => {
    const page = await nat.describeNatGateways(ctx, { ids: input.NatGatewayIds, filters: wire.filters(input.Filter), ...wire.page(input) });
    return { NatGateways: page.items.map(natGatewayToWire), NextToken: page.nextToken };
  }),
  DeleteNatGateway: writes(async (ctx, input) => {
    return { NatGatewayId: await nat.deleteNatGateway(ctx, input.NatGatewayId) };
  }),
};
