import type { Tagged } from '../core/describe-scoped.js';
import type { NetworkAclView } from '../core/network-acl-service.js';
import { describeNetworkAcls } from '../core/network-acl-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads } from './operation.js';
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
    })),
    Associations: v.associations.map((a) => ({ NetworkAclAssociationId: a.id, NetworkAclId: v.acl.id, SubnetId: a.subnetId })),
    Tags: wire.tags(tags),
  };
}

/** Network ACLs, their entries and their subnet associations. */
export const NETWORK_ACL_OPERATIONS: OperationTable = {
  DescribeNetworkAcls: reads(async (ctx, input) => {
    const page = await describeNetworkAcls(ctx, { ids: input.NetworkAclIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { NetworkAcls: page.items.map(networkAclToWire), NextToken: page.nextToken };
  }),
};
