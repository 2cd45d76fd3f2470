import type { Tagged } from '../core/describe-scoped.js';
import type { Subnet } from '../core/subnet.js';
import { ipv6AssociationsWithState, launchOptions } from '../core/subnet.js';
import { modifySubnetAttribute } from '../core/subnet-attributes.js';
import { subnetErrors } from '../core/subnet-errors.js';
import { availableIpAddressCount, subnetArn } from '../core/subnet-filters.js';
import { associateSubnetCidrBlock, disassociateSubnetCidrBlock } from '../core/subnet-ipv6.js';
import type { SubnetIpv6Change } from '../core/subnet-ipv6.js';
import * as subnets from '../core/subnet-service.js';
import { errors } from '../core/errors.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

/**
 * A subnet as DescribeSubnets shows it, field for field as AWS does for a subnet in a Region
 * (not on an Outpost): MapCustomerOwnedIpOnLaunch false, no CustomerOwnedIpv4Pool, OutpostArn
 * or EnableLniAtDeviceIndex.
 */
export function subnetToWire({ resource: s, tags }: Tagged<Subnet & { readonly addressesInUse?: number }>): W.Subnet {
  const dns = launchOptions(s);
  return {
    AvailabilityZone: s.availabilityZone,
    AvailabilityZoneId: s.availabilityZoneId,
    AvailableIpAddressCount: availableIpAddressCount(s),
    CidrBlock: s.cidrBlock,
    DefaultForAz: s.defaultForAz,
    MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    MapCustomerOwnedIpOnLaunch: false,
    State: 'available',
    SubnetId: s.id,
    VpcId: s.vpcId,
    OwnerId: s.accountId,
    AssignIpv6AddressOnCreation: s.assignIpv6AddressOnCreation,
    Ipv6CidrBlockAssociationSet: ipv6AssociationsWithState(s).map(({ association: a, state }) => ({
      AssociationId: a.associationId,
      Ipv6CidrBlock: a.cidr,
      Ipv6CidrBlockState: { State: state },
      Ipv6AddressAttribute: 'public',
      IpSource: 'amazon',
    })),
    Tags: wire.tags(tags),
    SubnetArn: subnetArn(s),
    EnableDns64: dns.enableDns64,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: {
      HostnameType: dns.hostnameType,
      EnableResourceNameDnsARecord: dns.enableResourceNameDnsARecord,
      EnableResourceNameDnsAAAARecord: dns.enableResourceNameDnsAAAARecord,
    },
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
  };
}

function ipv6ChangeToWire(c: SubnetIpv6Change): W.AssociateSubnetCidrBlockResult {
  return {
    SubnetId: c.subnetId,
    Ipv6CidrBlockAssociation: { AssociationId: c.association.associationId, Ipv6CidrBlock: c.association.cidr, Ipv6CidrBlockState: { State: c.state } },
  };
}

/** `Name.Value=…` as the domain wants it: absent, or the value (`null` when Value is missing). */
const flag = (v: W.AttributeBooleanValue | undefined): boolean | null | undefined => (v === undefined ? undefined : (v.Value ?? null));

export const SUBNET_OPERATIONS: OperationTable = {
  CreateSubnet: writes(async (ctx, input) => {
    // [I] Not modelled here: refused rather than ignored, so nothing is made that was not asked for.
    if (input.OutpostArn !== undefined) throw errors.invalidParameterValue('Subnets on an AWS Outpost are not supported here: OutpostArn cannot be used.');
    if (input.Ipv4IpamPoolId !== undefined || input.Ipv4NetmaskLength !== undefined || input.Ipv6IpamPoolId !== undefined || input.Ipv6NetmaskLength !== undefined) {
      throw errors.invalidParameterValue('Only CidrBlock and Ipv6CidrBlock are supported here: IPAM pools are not.');
    }
    if (input.Ipv6Native === true) throw errors.invalidParameterValue('IPv6-only subnets (Ipv6Native) are not supported here: a subnet needs a CidrBlock.');
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
  ModifySubnetAttribute: writes(async (ctx, input) => {
    await modifySubnetAttribute(ctx, input.SubnetId, {
      mapPublicIpOnLaunch: flag(input.MapPublicIpOnLaunch),
      assignIpv6AddressOnCreation: flag(input.AssignIpv6AddressOnCreation),
      enableDns64: flag(input.EnableDns64),
      privateDnsHostnameTypeOnLaunch: input.PrivateDnsHostnameTypeOnLaunch,
      enableResourceNameDnsARecordOnLaunch: flag(input.EnableResourceNameDnsARecordOnLaunch),
      enableResourceNameDnsAAAARecordOnLaunch: flag(input.EnableResourceNameDnsAAAARecordOnLaunch),
      mapCustomerOwnedIpOnLaunch: flag(input.MapCustomerOwnedIpOnLaunch),
      customerOwnedIpv4Pool: input.CustomerOwnedIpv4Pool,
      enableLniAtDeviceIndex: input.EnableLniAtDeviceIndex,
      disableLniAtDeviceIndex: flag(input.DisableLniAtDeviceIndex),
    });
    return {};
  }),
  AssociateSubnetCidrBlock: writes(async (ctx, input) => {
    if (input.Ipv6IpamPoolId !== undefined || input.Ipv6NetmaskLength !== undefined) throw subnetErrors.ipamUnsupported();
    return ipv6ChangeToWire(await associateSubnetCidrBlock(ctx, input.SubnetId, input.Ipv6CidrBlock));
  }),
  DisassociateSubnetCidrBlock: writes(async (ctx, input) => ipv6ChangeToWire(await disassociateSubnetCidrBlock(ctx, input.AssociationId))),
};
