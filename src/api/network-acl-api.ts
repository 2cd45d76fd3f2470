import type { Tagged } from '../core/describe-scoped.js';
import type { NetworkAclView } from '../core/network-acls/network-acl-filters.js';
import type { EntryInput } from '../core/network-acls/network-acl-service.js';
import * as acls from '../core/network-acls/network-acl-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

function networkAclToWire({ resource: v, tags }: Tagged<NetworkAclView>): W.NetworkAcl {
  return {
    NetworkAclId: v.acl.id,
    VpcId: v.acl.vpcId,
    OwnerId: v.acl.accountId,
    IsDefault: v.acl.isDefault,
    Entries: v.acl.entries.map((e) => ({
      RuleNumber: e.ruleNumber,
      Egress: e.egress,
      Protocol: e.protocol,
      RuleAction: e.action,
      CidrBlock: e.cidr,
      Ipv6CidrBlock: e.ipv6Cidr,
      ...(e.portRange ? { PortRange: { From: e.portRange.from, To: e.portRange.to } } : {}),
      ...(e.icmp ? { IcmpTypeCode: { Type: e.icmp.type, Code: e.icmp.code } } : {}),
    })),
    Associations: v.associations.map((a) => ({ NetworkAclAssociationId: a.id, NetworkAclId: v.acl.id, SubnetId: a.subnetId })),
    Tags: wire.tags(tags),
  };
}

function entryInput(input: W.CreateNetworkAclEntryRequest | W.ReplaceNetworkAclEntryRequest): EntryInput {
  return {
    networkAclId: input.NetworkAclId,
    ruleNumber: input.RuleNumber,
    egress: input.Egress,
    protocol: input.Protocol,
    ruleAction: input.RuleAction,
    cidrBlock: input.CidrBlock,
    ipv6CidrBlock: input.Ipv6CidrBlock,
    portRange: input.PortRange ? { from: input.PortRange.From, to: input.PortRange.To } : undefined,
    icmpTypeCode: input.IcmpTypeCode ? { type: input.IcmpTypeCode.Type, code: input.IcmpTypeCode.Code } : undefined,
  };
}

/** Network ACLs, their entries and their subnet associations. */
export const NETWORK_ACL_OPERATIONS: OperationTable = {
  CreateNetworkAcl: writes(async (ctx, input) => {
    const acl = await acls.createNetworkAcl(ctx, { vpcId: input.VpcId, tagSpecifications: wire.tagSpecs(input.TagSpecifications) });
    return { NetworkAcl: networkAclToWire(acl), ClientToken: input.ClientToken };
  }),
  DeleteNetworkAcl: writes(async (ctx, input) => {
    await acls.deleteNetworkAcl(ctx, input.NetworkAclId);
    return {};
  }),
  DescribeNetworkAcls: reads(async (ctx, input) => {
    const page = await acls.describeNetworkAcls(ctx, { ids: input.NetworkAclIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { NetworkAcls: page.items.map(networkAclToWire), NextToken: page.nextToken };
  }),
  CreateNetworkAclEntry: writes(async (ctx, input) => {
    await acls.createNetworkAclEntry(ctx, entryInput(input));
    return {};
  }),
  ReplaceNetworkAclEntry: writes(async (ctx, input) => {
    await acls.replaceNetworkAclEntry(ctx, entryInput(input));
    return {};
  }),
  DeleteNetworkAclEntry: writes(async (ctx, input) => {
    await acls.deleteNetworkAclEntry(ctx, { networkAclId: input.NetworkAclId, ruleNumber: input.RuleNumber, egress: input.Egress });
    return {};
  }),
  ReplaceNetworkAclAssociation: writes(async (ctx, input) => {
    const id = await acls.replaceNetworkAclAssociation(ctx, { associationId: input.AssociationId, networkAclId: input.NetworkAclId });
    return { NewAssociationId: id };
  }),
};
