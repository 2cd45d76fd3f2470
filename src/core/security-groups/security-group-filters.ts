import type { Tagged } from '../describe-scoped.js';
import type { FieldValue, FilterSpec } from '../filters/filter-spec.js';
import { taggedTags } from '../tag-filter.js';
import type { SecurityGroup, SecurityGroupRule } from './security-group.js';
import { hasPorts } from './security-group.js';

/** A group as Describe shows it, with the names of groups its rules reference and the peerings they cross. */
export interface SecurityGroupView {
  readonly group: SecurityGroup;
  /** Group id -> name, for the referenced groups the caller can see. */
  readonly names: ReadonlyMap<string, string>;
  /** Rule id -> the peering a reference to a peer VPC's group goes through. */
  readonly peerings: ReadonlyMap<string, { readonly id: string; readonly status: string }>;
}

type Item = Tagged<SecurityGroupView>;

/**
 * The `ip-permission.*` filters for one direction (`egress.` prefix for outbound). Each filter
 * matches if any rule matches it: "the results include security groups for which any
 * combination of rules - not necessarily a single rule - match all filters".
 */
function permissionFilters(prefix: string, egress: boolean): Record<string, (item: Item) => FieldValue> {
  const all =
    (f: (r: SecurityGroupRule, v: SecurityGroupView) => (string | undefined)[]) =>
    ({ resource: v }: Item): (string | undefined)[] =>
      v.group.rules.filter((r) => r.egress === egress).flatMap((r) => f(r, v));
  const port = (n: number, r: SecurityGroupRule) => (hasPorts(r.protocol) ? [String(n)] : []);
  return {
    [`${prefix}ip-permission.cidr`]: all((r) => (r.peer.kind === 'ipv4' ? [r.peer.cidr] : [])),
    [`${prefix}ip-permission.ipv6-cidr`]: all((r) => (r.peer.kind === 'ipv6' ? [r.peer.cidr] : [])),
    [`${prefix}ip-permission.from-port`]: all((r) => port(r.fromPort, r)),
    [`${prefix}ip-permission.to-port`]: all((r) => port(r.toPort, r)),
    [`${prefix}ip-permission.protocol`]: all((r) => [r.protocol]),
    [`${prefix}ip-permission.group-id`]: all((r) => (r.peer.kind === 'group' ? [r.peer.groupId] : [])),
    [`${prefix}ip-permission.group-name`]: all((r, v) => (r.peer.kind === 'group' ? [v.names.get(r.peer.groupId)] : [])),
    [`${prefix}ip-permission.user-id`]: all((r) => (r.peer.kind === 'group' ? [r.peer.userId] : [])),
    [`${prefix}ip-permission.prefix-list-id`]: all((r) => (r.peer.kind === 'prefix-list' ? [r.peer.prefixListId] : [])),
  };
}

export const SECURITY_GROUP_FILTERS: FilterSpec<Item> = {
  tags: taggedTags,
  fields: {
    description: ({ resource: v }) => v.group.description,
    'group-id': ({ resource: v }) => v.group.id,
    'group-name': ({ resource: v }) => v.group.name,
    'owner-id': ({ resource: v }) => v.group.accountId,
    'vpc-id': ({ resource: v }) => v.group.vpcId,
    ...permissionFilters('', false),
    ...permissionFilters('egress.', true),
  },
};

/** DescribeSecurityGroupRules' filters (EC2 API reference): group-id, security-group-rule-id, tags. */
export const SECURITY_GROUP_RULE_FILTERS: FilterSpec<Tagged<{ readonly rule: SecurityGroupRule; readonly group: SecurityGroup }>> = {
  tags: taggedTags,
  fields: {
    'group-id': ({ resource: r }) => r.group.id,
    'security-group-rule-id': ({ resource: r }) => r.rule.id,
  },
};
