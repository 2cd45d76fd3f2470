import type { DescribeRequest, Tagged } from './describe-scoped.js';
import { describeScopedViews } from './describe-scoped.js';
import type { FilterSpec } from './filters/filter-spec.js';
import type { NetworkAcl } from './network-acl.js';
import type { RequestContext } from './request-context.js';
import { taggedTags } from './tag-filter.js';

/** A network ACL with the subnets it serves: the default ACL serves every subnet of its VPC. */
export interface NetworkAclView {
  readonly acl: NetworkAcl;
  readonly associations: readonly { readonly id: string; readonly subnetId: string }[];
}

/** Association ids are derived from the subnet so they stay the same from read to read. */
export function aclAssociationId(subnetId: string): string {
  return 'aclassoc-' + subnetId.slice('subnet-'.length);
}

const entries = (v: Tagged<NetworkAclView>) => v.resource.acl.entries;

export const NETWORK_ACL_FILTERS: FilterSpec<Tagged<NetworkAclView>> = {
  tags: taggedTags,
  fields: {
    'association.association-id': ({ resource: v }) => v.associations.map((a) => a.id),
    'association.network-acl-id': ({ resource: v }) => v.associations.map(() => v.acl.id),
    'association.subnet-id': ({ resource: v }) => v.associations.map((a) => a.subnetId),
    default: ({ resource: v }) => v.acl.isDefault,
    'entry.cidr': (v) => entries(v).map((e) => e.cidr),
    'entry.ipv6-cidr': (v) => entries(v).map((e) => e.ipv6Cidr),
    'entry.icmp.code': () => undefined,
    'entry.icmp.type': () => undefined,
    'entry.port-range.from': () => undefined,
    'entry.port-range.to': () => undefined,
    'entry.protocol': (v) => entries(v).map((e) => e.protocol),
    'entry.rule-action': (v) => entries(v).map((e) => e.action),
    'entry.egress': (v) => entries(v).map((e) => String(e.egress)),
    'entry.rule-number': (v) => entries(v).map((e) => String(e.ruleNumber)),
    'network-acl-id': ({ resource: v }) => v.acl.id,
    'owner-id': ({ resource: v }) => v.acl.accountId,
    'vpc-id': ({ resource: v }) => v.acl.vpcId,
  },
};

export function describeNetworkAcls(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<NetworkAclView>[]; nextToken?: string }> {
  return describeScopedViews(ctx, 'acl', ctx.repo.networkAcls, NETWORK_ACL_FILTERS, req, { min: 5, max: 1000 }, async (acls) => {
    const subnets = await ctx.repo.subnets.list(ctx.caller);
    return acls.map((acl) => ({
      acl,
      // The default ACL serves every subnet of its VPC (no other ACL exists here).
      associations: acl.isDefault ? subnets.filter((s) => s.vpcId === acl.vpcId).map((s) => ({ id: aclAssociationId(s.id), subnetId: s.id })) : [],
    }));
  });
}
