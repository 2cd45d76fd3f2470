import type { ElasticIp } from '../core/addresses/elastic-ip.js';
import * as addresses from '../core/addresses/address-service.js';
import type { Tagged } from '../core/describe-scoped.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

// Every address here comes from Amazon's pool in the region's own border group.
const AMAZON_POOL = 'amazon';

export function addressToWire({ resource: a, tags }: Tagged<ElasticIp>): W.Address {
  const assoc = a.association;
  return {
    AllocationId: a.id,
    AssociationId: assoc?.associationId,
    Domain: 'vpc',
    InstanceId: assoc?.instanceId,
    NetworkInterfaceId: assoc?.networkInterfaceId,
    NetworkInterfaceOwnerId: assoc?.networkInterfaceOwnerId,
    PrivateIpAddress: assoc?.privateIpAddress,
    PublicIp: a.publicIp,
    PublicIpv4Pool: AMAZON_POOL,
    NetworkBorderGroup: a.networkBorderGroup,
    Tags: wire.tags(tags),
  };
}

/** Elastic IP addresses. */
export const ADDRESS_OPERATIONS: OperationTable = {
  AllocateAddress: writes(async (ctx, input) => {
    const a = await addresses.allocateAddress(ctx, {
      domain: input.Domain,
      address: input.Address,
      publicIpv4Pool: input.PublicIpv4Pool,
      networkBorderGroup: input.NetworkBorderGroup,
      customerOwnedIpv4Pool: input.CustomerOwnedIpv4Pool,
      ipamPoolId: input.IpamPoolId,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return { AllocationId: a.id, PublicIp: a.publicIp, Domain: 'vpc', PublicIpv4Pool: AMAZON_POOL, NetworkBorderGroup: a.networkBorderGroup };
  }),
  ReleaseAddress: writes(async (ctx, input) => {
    await addresses.releaseAddress(ctx, { allocationId: input.AllocationId, publicIp: input.PublicIp, networkBorderGroup: input.NetworkBorderGroup });
    return {};
  }),
  DescribeAddresses: reads(async (ctx, input) => {
    const found = await addresses.describeAddresses(ctx, { allocationIds: input.AllocationIds, publicIps: input.PublicIps, filters: wire.filters(input.Filters) });
    return { Addresses: found.map(addressToWire) };
  }),
  DescribeAddressesAttribute: reads(async (ctx, input) => {
    const page = await addresses.describeAddressesAttribute(ctx, { allocationIds: input.AllocationIds, attribute: input.Attribute, ...wire.page(input) });
    return { Addresses: [], NextToken: page.nextToken };
  }),
  AssociateAddress: writes(async (ctx, input) => {
    const associationId = await addresses.associateAddress(ctx, {
      allocationId: input.AllocationId,
      publicIp: input.PublicIp,
      instanceId: input.InstanceId,
      networkInterfaceId: input.NetworkInterfaceId,
      privateIpAddress: input.PrivateIpAddress,
      allowReassociation: input.AllowReassociation,
    });
    return { AssociationId: associationId };
  }),
  DisassociateAddress: writes(async (ctx, input) => {
    await addresses.disassociateAddress(ctx, { associationId: input.AssociationId, publicIp: input.PublicIp });
    return {};
  }),
};
