import type { Tagged } from '../core/describe-scoped.js';
import type { Subnet } from '../core/subnet.js';
import * as subnets from '../core/subnet-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

export function subnetToWire({ resource: s, tags }: Tagged<Subnet>): W.Subnet {
  return {
    SubnetId: s.id,
    SubnetArn: subnets.subnetArn(s),
    VpcId: s.vpcId,
    OwnerId: s.accountId,
    State: 'available',
    CidrBlock: s.cidrBlock,
    AvailabilityZone: s.availabilityZone,
    AvailabilityZoneId: s.availabilityZoneId,
    AvailableIpAddressCount: subnets.availableIpAddressCount(s),
    DefaultForAz: s.defaultForAz,
    MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    AssignIpv6AddressOnCreation: s.assignIpv6AddressOnCreation,
    Ipv6CidrBlockAssociationSet: s.ipv6Associations.map((a) => ({ AssociationId: a.associationId, Ipv6CidrBlock: a.cidr, Ipv6CidrBlockState: { State: 'associated' } })),
    Ipv6Native: false,
    MapCustomerOwnedIpOnLaunch: false,
    EnableDns64: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    Tags: wire.tags(tags),
  };
}

export const SUBNET_OPERATIONS: OperationTable = {
  CreateSubnet: writes(async (ctx, input) => {
    const s = await subnets.createSubnet(ctx, {
      vpcId: input.VpcId,
      cidrBlock: input.CidrBlock,
      ipv6CidrBlock: input.Ipv6CidrBlock,
      availabilityZone: input.AvailabilityZone,
      availabilityZoneId: input.AvailabilityZoneId,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return { Subnet: subnetToWire(s) };
  }),
  DescribeSubnets: reads(async (ctx, input) => {
    const page = await subnets.describeSubnets(ctx, { ids: input.SubnetIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { Subnets: page.items.map(subnetToWire), NextToken: page.nextToken };
  }),
  DeleteSubnet: writes(async (ctx, input) => {
    await subnets.deleteSubnet(ctx, input.SubnetId);
    return {};
  }),
};
