import type { Tagged } from '../core/describe-scoped.js';
import type { RequestContext } from '../core/request-context.js';
import type { Vpc } from '../core/vpc.js';
import * as vpcs from '../core/vpc-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

export function vpcToWire({ resource: v, tags }: Tagged<Vpc>): W.Vpc {
  return {
    VpcId: v.id,
    OwnerId: v.accountId,
    State: 'available',
    CidrBlock: v.cidrBlock,
    CidrBlockAssociationSet: v.cidrAssociations.map((a) => ({ AssociationId: a.associationId, CidrBlock: a.cidr, CidrBlockState: { State: a.state } })),
    Ipv6CidrBlockAssociationSet: v.ipv6Associations.map((a) => ({
      AssociationId: a.associationId,
      Ipv6CidrBlock: a.cidr,
      Ipv6CidrBlockState: { State: a.state },
      Ipv6Pool: 'Amazon',
      NetworkBorderGroup: v.region,
    })),
    DhcpOptionsId: v.dhcpOptionsId,
    InstanceTenancy: v.instanceTenancy,
    IsDefault: v.isDefault,
    Tags: wire.tags(tags),
  };
}

async function describeVpcs(ctx: RequestContext, input: W.DescribeVpcsRequest): Promise<W.DescribeVpcsResult> {
  const page = await vpcs.describeVpcs(ctx, { ids: input.VpcIds, filters: wire.filters(input.Filters), ...wire.page(input) });
  return { Vpcs: page.items.map(vpcToWire), NextToken: page.nextToken };
}

export const VPC_OPERATIONS: OperationTable = {
  CreateVpc: writes(async (ctx, input) => {
    if (input.Ipv4IpamPoolId !== undefined || input.Ipv6IpamPoolId !== undefined || input.Ipv6Pool !== undefined || input.Ipv6CidrBlock !== undefined) {
      throw vpcs.unsupportedAddressSource();
    }
    const vpc = await vpcs.createVpc(ctx, {
      cidrBlock: input.CidrBlock,
      amazonProvidedIpv6CidrBlock: input.AmazonProvidedIpv6CidrBlock,
      instanceTenancy: input.InstanceTenancy,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    // AWS answers CreateVpc with state `pending`; it is `available` by the next read.
    return { Vpc: { ...vpcToWire(vpc), State: 'pending' } };
  }),
  DescribeVpcs: reads(describeVpcs),
  DeleteVpc: writes(async (ctx, input) => {
    await vpcs.deleteVpc(ctx, input.VpcId);
    return {};
  }),
  AssociateVpcCidrBlock: writes(async (ctx, input) => {
    if (input.Ipv4IpamPoolId !== undefined || input.Ipv6IpamPoolId !== undefined || input.Ipv6Pool !== undefined || input.Ipv6CidrBlock !== undefined) {
      throw vpcs.unsupportedAddressSource();
    }
    const r = await vpcs.associateVpcCidrBlock(ctx, { vpcId: input.VpcId, cidrBlock: input.CidrBlock, amazonProvidedIpv6CidrBlock: input.AmazonProvidedIpv6CidrBlock });
    const a = r.association;
    return r.ipv6
      ? { VpcId: r.vpcId, Ipv6CidrBlockAssociation: { AssociationId: a.associationId, Ipv6CidrBlock: a.cidr, Ipv6CidrBlockState: { State: a.state }, Ipv6Pool: 'Amazon', NetworkBorderGroup: ctx.caller.region } }
      : { VpcId: r.vpcId, CidrBlockAssociation: { AssociationId: a.associationId, CidrBlock: a.cidr, CidrBlockState: { State: a.state } } };
  }),
  DisassociateVpcCidrBlock: writes(async (ctx, input) => {
    const r = await vpcs.disassociateVpcCidrBlock(ctx, input.AssociationId);
    const a = r.association;
    return r.ipv6
      ? { VpcId: r.vpcId, Ipv6CidrBlockAssociation: { AssociationId: a.associationId, Ipv6CidrBlock: a.cidr, Ipv6CidrBlockState: { State: a.state } } }
      : { VpcId: r.vpcId, CidrBlockAssociation: { AssociationId: a.associationId, CidrBlock: a.cidr, CidrBlockState: { State: a.state } } };
  }),
  DescribeVpcAttribute: reads(async (ctx, input) => {
    const r = await vpcs.describeVpcAttribute(ctx, input.VpcId, input.Attribute);
    const value = { Value: r.value };
    if (r.attribute === 'enableDnsSupport') return { VpcId: r.vpcId, EnableDnsSupport: value };
    if (r.attribute === 'enableDnsHostnames') return { VpcId: r.vpcId, EnableDnsHostnames: value };
    return { VpcId: r.vpcId, EnableNetworkAddressUsageMetrics: value };
  }),
  ModifyVpcAttribute: writes(async (ctx, input) => {
    await vpcs.modifyVpcAttribute(ctx, input.VpcId, {
      enableDnsSupport: input.EnableDnsSupport?.Value,
      enableDnsHostnames: input.EnableDnsHostnames?.Value,
      enableNetworkAddressUsageMetrics: input.EnableNetworkAddressUsageMetrics?.Value,
    });
    return {};
  }),
};
