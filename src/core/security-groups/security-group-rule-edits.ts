import { errors } from '../errors.js';
import { checkId } from '../checks.js';
import type { RequestContext } from '../request-context.js';
import type { PermissionInput } from './ip-permissions.js';
import { checkText, rulesOf } from './ip-permissions.js';
import type { SecurityGroup, SecurityGroupRule } from './security-group.js';
import { sgErrors } from './security-group-errors.js';
import { checkLimit, groupByIdOrName, requireGroup, resolvePeer, resolveRevokePeer, ruleText, sameRule } from './security-group-service.js';

/** One `SecurityGroupRuleRequest` of ModifySecurityGroupRules (EC2 API reference). */
export interface RuleRequestInput {
  readonly protocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrIpv4?: string;
  readonly cidrIpv6?: string;
  readonly prefixListId?: string;
  /** `sg-…`, or `<account>/sg-…` for a peer account's group (the form Terraform's rule resources send). */
  readonly referencedGroupId?: string;
  readonly description?: string;
}

export interface RuleUpdateInput {
  readonly ruleId?: string;
  readonly rule?: RuleRequestInput;
}

/** A SecurityGroupRuleRequest as the one-peer permission Authorize would take. */
function permissionOf(r: RuleRequestInput): PermissionInput {
  const given = [r.cidrIpv4, r.cidrIpv6, r.prefixListId, r.referencedGroupId].filter((v) => v !== undefined && v !== '');
  if (given.length === 0) throw sgErrors.noPeer();
  if (given.length > 1) throw sgErrors.combination('A security group rule takes exactly one of CidrIpv4, CidrIpv6, PrefixListId and ReferencedGroupId');
  const d = r.description;
  const ref = r.referencedGroupId;
  const slash = ref?.indexOf('/') ?? -1;
  return {
    protocol: r.protocol,
    fromPort: r.fromPort,
    toPort: r.toPort,
    ipRanges: r.cidrIpv4 ? [{ cidr: r.cidrIpv4, description: d }] : [],
    ipv6Ranges: r.cidrIpv6 ? [{ cidr: r.cidrIpv6, description: d }] : [],
    prefixLists: r.prefixListId ? [{ prefixListId: r.prefixListId, description: d }] : [],
    groups: ref ? [slash > 0 ? { userId: ref.slice(0, slash), groupId: ref.slice(slash + 1), description: d } : { groupId: ref, description: d }] : [],
  };
}

/**
 * ModifySecurityGroupRules: each named rule of the group is replaced in place, keeping its
 * `sgr-` id, direction and tags; the new content is checked as Authorize checks it. All or none.
 * [I] the request replaces the whole rule: a Description left out clears it (Terraform's
 * aws_vpc_security_group_*_rule sends every attribute it has on update).
 */
export async function modifySecurityGroupRules(ctx: RequestContext, input: { groupId?: string; updates?: readonly RuleUpdateInput[] }): Promise<SecurityGroup> {
  const group = await requireGroup(ctx, input.groupId);
  const updates = input.updates ?? [];
  if (updates.length === 0) throw errors.missingParameter('SecurityGroupRule');
  const replaced = new Map<string, SecurityGroupRule>();
  for (const [i, u] of updates.entries()) {
    const parameter = `SecurityGroupRule.${i + 1}`;
    const id = checkId('sgr', u.ruleId, `${parameter}.SecurityGroupRuleId`);
    const old = group.rules.find((r) => r.id === id);
    if (!old) throw errors.notFound('sgr', id);
    if (!u.rule) throw errors.missingParameter(`${parameter}.SecurityGroupRule`);
    const [spec] = rulesOf(permissionOf(u.rule), parameter);
    if (!spec) throw sgErrors.noPeer();
    const peer = await resolvePeer(ctx, group, spec);
    replaced.set(id, { id, egress: old.egress, protocol: spec.protocol, fromPort: spec.fromPort, toPort: spec.toPort, peer, ...(spec.description === undefined ? {} : { description: spec.description }) });
  }
  const rules = group.rules.map((r) => replaced.get(r.id) ?? r);
  // Two rules may not end up the same (InvalidPermission.Duplicate, as Authorize).
  for (const r of replaced.values()) {
    if (rules.some((other) => other.id !== r.id && sameRule(other, r))) throw sgErrors.duplicatePermission(ruleText(r));
  }
  checkLimit(false, rules);
  checkLimit(true, rules);
  const updated = { ...group, rules };
  await ctx.repo.securityGroups.put(updated);
  return updated;
}

export interface DescriptionUpdateInput {
  readonly egress: boolean;
  readonly groupId?: string;
  readonly groupName?: string;
  readonly permissions?: readonly PermissionInput[];
  readonly byRuleId?: readonly { readonly ruleId?: string; readonly description?: string }[];
}

/**
 * UpdateSecurityGroupRuleDescriptionsIngress/Egress: sets (or, when left out, clears) the
 * description of existing rules named by their content (IpPermissions, description aside) or by
 * id (SecurityGroupRuleDescriptions). A rule that is not there fails the call, nothing changed.
 */
export async function updateRuleDescriptions(ctx: RequestContext, input: DescriptionUpdateInput): Promise<SecurityGroup> {
  if (input.groupId === undefined && input.groupName === undefined) throw errors.missingParameter('GroupId');
  const group = await groupByIdOrName(ctx, input.groupId, input.egress ? undefined : input.groupName);
  const perms = input.permissions ?? [];
  const byId = input.byRuleId ?? [];
  if (perms.length > 0 && byId.length > 0) throw sgErrors.combination('The parameter IpPermissions cannot be used with the parameter SecurityGroupRuleDescriptions');
  if (perms.length === 0 && byId.length === 0) throw errors.missingParameter('IpPermissions');
  const descriptions = new Map<string, string | undefined>();
  if (byId.length > 0) {
    for (const [i, d] of byId.entries()) {
      const id = checkId('sgr', d.ruleId, `SecurityGroupRuleDescription.${i + 1}.SecurityGroupRuleId`);
      if (!group.rules.some((r) => r.id === id && r.egress === input.egress)) throw errors.notFound('sgr', id);
      if (d.description) checkText('Description', d.description);
      descriptions.set(id, d.description || undefined);
    }
  } else {
    for (const [i, p] of perms.entries()) {
      for (const spec of rulesOf(p, `IpPermissions.${i + 1}`)) {
        const peer = spec.peer.kind === 'group' ? await resolveRevokePeer(ctx, group, spec) : spec.peer.kind === 'prefix-list' ? { kind: 'prefix-list' as const, prefixListId: spec.peer.prefixListId } : spec.peer;
        const rule = peer ? group.rules.find((r) => sameRule(r, { egress: input.egress, protocol: spec.protocol, fromPort: spec.fromPort, toPort: spec.toPort, peer })) : undefined;
        if (!rule) throw sgErrors.permissionNotFound();
        descriptions.set(rule.id, spec.description);
      }
    }
  }
  const rules = group.rules.map((r) => {
    if (!descriptions.has(r.id)) return r;
    const description = descriptions.get(r.id);
    const { description: _old, ...rest } = r;
    return description === undefined ? rest : { ...rest, description };
  });
  const updated = { ...group, rules };
  await ctx.repo.securityGroups.put(updated);
  return updated;
}
