import type { DescribeRequest, Tagged } from './describe-scoped.js';
import { describeScoped } from './describe-scoped.js';
import { errors } from './errors.js';
import type { FieldValue, FilterSpec } from './filters/filter-spec.js';
import type { RequestContext } from './request-context.js';
import type { SecurityGroup, SecurityGroupRule } from './security-group.js';
import { taggedTags } from './tag-filter.js';

type Rules = (sg: SecurityGroup) => readonly SecurityGroupRule[];

/** The `ip-permission.*` filters, for ingress or (with the `egress.` prefix) egress rules. */
function permissionFilters(prefix: string, rules: Rules): Record<string, (item: Tagged<SecurityGroup>) => FieldValue> {
  const all = (f: (r: SecurityGroupRule) => (string | undefined)[]) => (item: Tagged<SecurityGroup>) => rules(item.resource).flatMap(f);
  return {
    [`${prefix}ip-permission.cidr`]: all((r) => [...r.cidrs]),
    [`${prefix}ip-permission.ipv6-cidr`]: all((r) => [...r.ipv6Cidrs]),
    [`${prefix}ip-permission.from-port`]: all((r) => [r.fromPort === undefined ? undefined : String(r.fromPort)]),
    [`${prefix}ip-permission.to-port`]: all((r) => [r.toPort === undefined ? undefined : String(r.toPort)]),
    [`${prefix}ip-permission.protocol`]: all((r) => [r.protocol]),
    [`${prefix}ip-permission.group-id`]: all((r) => r.groups.map((g) => g.groupId)),
    [`${prefix}ip-permission.group-name`]: () => undefined,
    [`${prefix}ip-permission.user-id`]: all((r) => r.groups.map((g) => g.userId)),
    [`${prefix}ip-permission.prefix-list-id`]: () => undefined,
  };
}

export const SECURITY_GROUP_FILTERS: FilterSpec<Tagged<SecurityGroup>> = {
  tags: taggedTags,
  fields: {
    description: ({ resource: g }) => g.description,
    'group-id': ({ resource: g }) => g.id,
    'group-name': ({ resource: g }) => g.name,
    'owner-id': ({ resource: g }) => g.accountId,
    'vpc-id': ({ resource: g }) => g.vpcId,
    ...permissionFilters('', (g) => g.ingress),
    ...permissionFilters('egress.', (g) => g.egress),
  },
};

export async function describeSecurityGroups(
  ctx: RequestContext,
  req: DescribeRequest & { readonly groupNames?: readonly string[] },
): Promise<{ items: Tagged<SecurityGroup>[]; nextToken?: string }> {
  const names = req.groupNames ?? [];
  if (names.length === 0) return describeScoped(ctx, 'sg', ctx.repo.securityGroups, SECURITY_GROUP_FILTERS, req, { min: 5, max: 1000 });
  // GroupNames name groups of the default VPC only (EC2 API reference, DescribeSecurityGroups).
  const defaultVpc = (await ctx.repo.vpcs.list(ctx.caller)).find((v) => v.isDefault);
  const groups = defaultVpc ? await ctx.repo.securityGroups.list(ctx.caller, { vpcId: defaultVpc.id }) : [];
  const ids: string[] = [];
  for (const name of names) {
    const g = groups.find((x) => x.name === name);
    if (!g) throw errors.groupNotInDefaultVpc(name, defaultVpc?.id);
    ids.push(g.id);
  }
  return describeScoped(ctx, 'sg', ctx.repo.securityGroups, SECURITY_GROUP_FILTERS, { ...req, ids: [...(req.ids ?? []), ...ids] }, { min: 5, max: 1000 });
}
