import type { Tagged } from '../describe-scoped.js';
import type { FieldValue, FilterSpec } from '../filters/filter-spec.js';
import { taggedTags } from '../tag-filter.js';
import type { NetworkAcl, NetworkAclAssociation, NetworkAclEntry } from './network-acl.js';

/** A network ACL with the subnets it serves. */
export interface NetworkAclView {
  readonly acl: NetworkAcl;
  readonly associations: readonly NetworkAclAssociation[];
}

type Item = Tagged<NetworkAclView>;

const entries = (f: (e: NetworkAclEntry) => string | number | boolean | undefined) => ({ resource: v }: Item): FieldValue =>
  v.acl.entries.map((e) => {
    const value = f(e);
    return value === undefined ? undefined : String(value);
  });

/** The filters DescribeNetworkAcls documents (and `entry.egress`, which Terraform sends). */
export const NETWORK_ACL_FILTERS: FilterSpec<Item> = {
  tags: taggedTags,
  fields: {
    'association.association-id': ({ resource: v }) => v.associations.map((a) => a.id),
    'association.network-acl-id': ({ resource: v }) => (v.associations.length > 0 ? v.acl.id : undefined),
    'association.subnet-id': ({ resource: v }) => v.associations.map((a) => a.subnetId),
    default: ({ resource: v }) => v.acl.isDefault,
    'entry.cidr': entries((e) => e.cidr),
    'entry.ipv6-cidr': entries((e) => e.ipv6Cidr),
    'entry.icmp.code': entries((e) => e.icmp?.code),
    'entry.icmp.type': entries((e) => e.icmp?.type),
    'entry.port-range.from': entries((e) => e.portRange?.from),
    'entry.port-range.to': entries((e) => e.portRange?.to),
    'entry.protocol': entries((e) => e.protocol),
    'entry.rule-action': entries((e) => e.action),
    'entry.egress': entries((e) => e.egress),
    'entry.rule-number': entries((e) => e.ruleNumber),
    'network-acl-id': ({ resource: v }) => v.acl.id,
    'owner-id': ({ resource: v }) => v.acl.accountId,
    'vpc-id': ({ resource: v }) => v.acl.vpcId,
  },
};
