import { checkId, requireVpc } from '../checks.js';
import { defaultVpcOf } from '../account-service.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { describeScopedViews } from '../describe-scoped.js';
import { errors } from '../errors.js';
import { compileFilters } from '../filters/compile-filters.js';
import { isWellFormedId } from '../ids.js';
import { checkPageRequest, paginate } from '../paginate.js';
import type { RequestContext } from '../request-context.js';
import type { Scope } from '../scope.js';
import type { Tag } from '../tag.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import type { Vpc } from '../vpc.js';
import type { LegacyInput, PermissionInput, RuleSpec } from './ip-permissions.js';
import { checkText, legacyPermissions, rulesOf } from './ip-permissions.js';
import type { RulePeer, SecurityGroup, SecurityGroupRule } from './security-group.js';
import { sgErrors } from './security-group-errors.js';
import type { SecurityGroupView } from './security-group-filters.js';
import { SECURITY_GROUP_FILTERS, SECURITY_GROUP_RULE_FILTERS } from './security-group-filters.js';
import { activePeeringBetween, peeringsOfGroups } from './rule-peering.js';

/** Inbound and outbound rules per group: default quota 60 each, counted apart for IPv4 and IPv6 (VPC quotas page). */
export const MAX_RULES_PER_DIRECTION = 60;

const PAGE = { min: 5, max: 1000 } as const;

export async function requireGroup(ctx: RequestContext, id: string | undefined, parameter = 'GroupId'): Promise<SecurityGroup> {
  const groupId = checkId('sg', id, parameter);
  const group = await ctx.repo.securityGroups.get(ctx.caller, groupId);
  if (!group) throw sgErrors.notFound(groupId);
  return group;
}

/** A group named by id, or by name in the default VPC (GroupName is for the default VPC only). */
export async function groupByIdOrName(ctx: RequestContext, groupId: string | undefined, groupName: string | undefined): Promise<SecurityGroup> {
  if (groupId !== undefined && groupName !== undefined) throw sgErrors.combination('The parameter groupName cannot be used with the parameter groupId');
  if (groupName === undefined) return requireGroup(ctx, groupId);
  const vpc = await defaultVpcOf(ctx);
  const group = vpc ? (await ctx.repo.securityGroups.list(ctx.caller, { vpcId: vpc.id })).find((g) => g.name === groupName) : undefined;
  if (!group) throw errors.groupNotInDefaultVpc(groupName, vpc?.id);
  return group;
}

// ---------------------------------------------------------------------------------------------
// Create and delete

export interface CreateSecurityGroupInput {
  readonly groupName?: string;
  readonly description?: string;
  readonly vpcId?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

function checkName(name: string | undefined): string {
  if (name === undefined || name === '') throw errors.missingParameter('GroupName');
  if (name.toLowerCase() === 'default') throw sgErrors.reservedName(name);
  if (name.toLowerCase().startsWith('sg-')) throw sgErrors.sgPrefix(name);
  checkText('GroupName', name);
  return name;
}

function newRule(ctx: RequestContext, egress: boolean, protocol: string, peer: RulePeer): SecurityGroupRule {
  return { id: ctx.ids.next('sgr'), egress, protocol, fromPort: -1, toPort: -1, peer };
}

export async function createSecurityGroup(ctx: RequestContext, input: CreateSecurityGroupInput): Promise<Tagged<SecurityGroup>> {
  const name = checkName(input.groupName);
  if (input.description === undefined || input.description === '') throw errors.missingParameter('GroupDescription');
  checkText('GroupDescription', input.description);
  const tags = tagsFromSpecifications('security-group', input.tagSpecifications);
  let vpc: Vpc;
  if (input.vpcId === undefined) {
    const found = await defaultVpcOf(ctx);
    if (!found) throw sgErrors.noDefaultVpc();
    vpc = found;
  } else {
    vpc = await requireVpc(ctx, input.vpcId, 'VpcId');
  }
  // Names are case-insensitive within a VPC (CreateSecurityGroup, GroupName).
  const siblings = await ctx.repo.securityGroups.list(ctx.caller, { vpcId: vpc.id });
  if (siblings.some((g) => g.name.toLowerCase() === name.toLowerCase())) throw sgErrors.duplicate(name, vpc.id);
  const group: SecurityGroup = {
    id: ctx.ids.next('sg'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    vpcId: vpc.id,
    name,
    description: input.description,
    // A new group allows all outbound IPv4 traffic and nothing inbound (VPC user guide, security groups).
    rules: [newRule(ctx, true, '-1', { kind: 'ipv4', cidr: '0.0.0.0/0' })],
    createdAt: ctx.now,
  };
  await ctx.repo.securityGroups.put(group);
  await addTags(ctx, ctx.caller, group.id, 'security-group', tags);
  return { id: group.id, resource: group, tags };
}

/**
 * The group AWS makes with every VPC (VPC user guide, "Default security groups"): members may
 * reach each other, everything may go out (IPv6 too when the VPC has a block).
 */
export function defaultSecurityGroup(ctx: RequestContext, vpc: Vpc): SecurityGroup {
  const id = ctx.ids.next('sg');
  const rules = [
    newRule(ctx, false, '-1', { kind: 'group', groupId: id, userId: vpc.accountId, vpcId: vpc.id }),
    newRule(ctx, true, '-1', { kind: 'ipv4', cidr: '0.0.0.0/0' }),
    ...(vpc.ipv6Associations.length > 0 ? [newRule(ctx, true, '-1', { kind: 'ipv6', cidr: '::/0' })] : []),
  ];
  return { id, accountId: vpc.accountId, region: vpc.region, vpcId: vpc.id, name: 'default', description: 'default VPC security group', rules, createdAt: ctx.now };
}

export async function deleteSecurityGroup(ctx: RequestContext, input: { groupId?: string; groupName?: string }): Promise<string> {
  if (input.groupId === undefined && input.groupName === undefined) throw errors.missingParameter('GroupId');
  const group = await groupByIdOrName(ctx, input.groupId, input.groupName);
  if (group.name === 'default') throw sgErrors.cannotDeleteDefault(group.id);
  // In use (DependencyViolation) while another group of the same VPC names it, or a network
  // interface carries it; a peer VPC's rule naming it goes stale instead (DeleteSecurityGroup
  // API reference; DescribeStaleSecurityGroups).
  const siblings = await ctx.repo.securityGroups.list(ctx.caller, { vpcId: group.vpcId });
  if (siblings.some((g) => g.id !== group.id && g.rules.some((r) => r.peer.kind === 'group' && r.peer.groupId === group.id))) {
    throw sgErrors.dependentObject(group.id);
  }
  // A network interface (an instance's too) using the group blocks it the same way (DeleteSecurityGroup reference).
  if ((await ctx.repo.networkInterfaces.list(ctx.caller, { vpcId: group.vpcId })).some((e) => e.groupIds.includes(group.id))) throw sgErrors.dependentObject(group.id);
  await ctx.repo.securityGroups.remove(group.id);
  await ctx.repo.tags.removeResource(group.id);
  for (const r of group.rules) await ctx.repo.tags.removeResource(r.id);
  return group.id;
}

// ---------------------------------------------------------------------------------------------
// Rules

/** A referenced group must be of the same VPC, or of a VPC joined to it by an active same-region peering. */
export async function resolvePeer(ctx: RequestContext, group: SecurityGroup, spec: RuleSpec): Promise<RulePeer> {
  const peer = spec.peer;
  if (peer.kind === 'ipv4' || peer.kind === 'ipv6') return peer;
  if (peer.kind === 'prefix-list') throw errors.notFoundPrefixList(peer.prefixListId);
  const owner = peer.ref.userId ?? ctx.caller.accountId;
  const scope: Scope = { accountId: owner, region: ctx.caller.region };
  let target: SecurityGroup | undefined;
  if (peer.ref.groupId !== undefined) {
    const id = checkId('sg', peer.ref.groupId, 'GroupId');
    target = await ctx.repo.securityGroups.get(scope, id);
    if (!target) throw sgErrors.notFound(id);
  } else {
    // By name: a group of the same VPC (the model's "[Default VPC]" GroupName / SourceSecurityGroupName).
    const name = peer.ref.groupName ?? '';
    target = owner === group.accountId ? (await ctx.repo.securityGroups.list(scope, { vpcId: group.vpcId })).find((g) => g.name === name) : undefined;
    if (!target) throw sgErrors.notFound(name);
  }
  if (peer.ref.vpcId !== undefined && peer.ref.vpcId !== target.vpcId) throw sgErrors.differentNetworks();
  if (target.vpcId === group.vpcId && target.accountId === group.accountId) return { kind: 'group', groupId: target.id, userId: target.accountId, vpcId: target.vpcId };
  // Another VPC's group: only through an active same-Region peering joining the two VPCs.
  const through = await activePeeringBetween(ctx, group, target);
  if (!through || (peer.ref.vpcPeeringConnectionId !== undefined && peer.ref.vpcPeeringConnectionId !== through)) throw sgErrors.differentNetworks();
  return { kind: 'group', groupId: target.id, userId: target.accountId, vpcId: target.vpcId, vpcPeeringConnectionId: through };
}

function peerKey(p: RulePeer): string {
  switch (p.kind) {
    case 'ipv4':
    case 'ipv6':
      return `${p.kind}:${p.cidr}`;
    case 'group':
      return `group:${p.groupId}`;
    case 'prefix-list':
      return `pl:${p.prefixListId}`;
  }
}

/** Two rules are the same rule when everything but id and description matches. */
export function sameRule(a: Omit<SecurityGroupRule, 'id'>, b: Omit<SecurityGroupRule, 'id'>): boolean {
  return a.egress === b.egress && a.protocol === b.protocol && a.fromPort === b.fromPort && a.toPort === b.toPort && peerKey(a.peer) === peerKey(b.peer);
}

/** AWS's text for a rule inside InvalidPermission.Duplicate: `peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW`. */
export function ruleText(r: Omit<SecurityGroupRule, 'id'>): string {
  const peer = r.peer.kind === 'group' ? r.peer.groupId : r.peer.kind === 'prefix-list' ? r.peer.prefixListId : r.peer.cidr;
  // [O] for TCP/UDP and for ALL; [I] ICMP and other protocols follow the same pattern.
  const what = r.protocol === '-1' ? 'ALL' : r.protocol === 'tcp' || r.protocol === 'udp' || r.protocol === 'icmp' || r.protocol === 'icmpv6' ? r.protocol.toUpperCase() : r.protocol;
  const ports = r.protocol === '-1' || !['tcp', 'udp', 'icmp', 'icmpv6'].includes(r.protocol) ? '' : `, from port: ${r.fromPort}, to port: ${r.toPort}`;
  return `peer: ${peer}, ${what}${ports}, ALLOW`;
}

/** The rules a request asks for: from IpPermissions, or from the legacy top-level parameters. */
export interface RuleRequest extends LegacyInput {
  readonly egress: boolean;
  readonly groupId?: string;
  readonly groupName?: string;
  readonly permissions?: readonly PermissionInput[];
}

function specsOf(req: RuleRequest): RuleSpec[] {
  const legacy = legacyPermissions(req);
  const given = req.permissions ?? [];
  if (legacy.length > 0 && given.length > 0) {
    throw sgErrors.combination('The parameter ipPermissions cannot be used with the parameters cidrIp, ipProtocol, fromPort, toPort or sourceSecurityGroupName');
  }
  const perms = given.length > 0 ? given : legacy;
  if (perms.length === 0) throw errors.missingParameter('IpPermissions');
  return perms.flatMap((p, i) => rulesOf(p, given.length > 0 ? `IpPermissions.${i + 1}` : 'IpProtocol'));
}

export function checkLimit(egress: boolean, rules: readonly SecurityGroupRule[]): void {
  const ofDirection = rules.filter((r) => r.egress === egress);
  // A group or prefix-list reference counts once for IPv4 and once for IPv6.
  const v4 = ofDirection.filter((r) => r.peer.kind !== 'ipv6').length;
  const v6 = ofDirection.filter((r) => r.peer.kind !== 'ipv4').length;
  if (v4 > MAX_RULES_PER_DIRECTION || v6 > MAX_RULES_PER_DIRECTION) throw sgErrors.ruleLimit();
}

export interface AuthorizeInput extends RuleRequest {
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

/** Adds rules, all or none: a rule already there (or given twice) is InvalidPermission.Duplicate. */
export async function authorizeRules(ctx: RequestContext, input: AuthorizeInput): Promise<{ group: SecurityGroup; added: SecurityGroupRule[]; tags: Tag[] }> {
  const group = await groupByIdOrName(ctx, input.groupId, input.egress ? undefined : input.groupName);
  const specs = specsOf(input);
  const tags = tagsFromSpecifications('security-group-rule', input.tagSpecifications);
  const added: SecurityGroupRule[] = [];
  for (const spec of specs) {
    const peer = await resolvePeer(ctx, group, spec);
    const candidate = { egress: input.egress, protocol: spec.protocol, fromPort: spec.fromPort, toPort: spec.toPort, peer };
    if ([...group.rules, ...added].some((r) => sameRule(r, candidate))) throw sgErrors.duplicatePermission(ruleText(candidate));
    added.push({ id: ctx.ids.next('sgr'), ...candidate, ...(spec.description === undefined ? {} : { description: spec.description }) });
  }
  const rules = [...group.rules, ...added];
  checkLimit(input.egress, rules);
  const updated = { ...group, rules };
  await ctx.repo.securityGroups.put(updated);
  for (const r of added) await addTags(ctx, ctx.caller, r.id, 'security-group-rule', tags);
  return { group: updated, added, tags };
}

export interface RevokeInput extends RuleRequest {
  readonly ruleIds?: readonly string[];
}

/**
 * Removes rules named by id or by their properties (description aside). In a non-default VPC
 * a rule that is not there fails the whole call with InvalidPermission.NotFound; in the default
 * VPC it is answered back as unknown and the rest are revoked (RevokeSecurityGroupIngress doc).
 */
export async function revokeRules(ctx: RequestContext, input: RevokeInput): Promise<{ group: SecurityGroup; revoked: SecurityGroupRule[]; unknown: RuleSpec[] }> {
  const group = await groupByIdOrName(ctx, input.groupId, input.egress ? undefined : input.groupName);
  const byId = input.ruleIds ?? [];
  let revoked: SecurityGroupRule[] = [];
  const unknown: RuleSpec[] = [];
  if (byId.length > 0) {
    if ((input.permissions ?? []).length > 0 || legacyPermissions(input).length > 0) {
      throw sgErrors.combination('The parameter securityGroupRuleIds cannot be used with ipPermissions or the cidrIp, ipProtocol, fromPort, toPort and sourceSecurityGroupName parameters');
    }
    for (const id of byId) {
      if (!isWellFormedId('sgr', id)) throw errors.malformed('sgr', id);
      const rule = group.rules.find((r) => r.id === id && r.egress === input.egress);
      if (!rule) throw errors.notFound('sgr', id);
      if (!revoked.includes(rule)) revoked.push(rule);
    }
  } else {
    const vpc = await ctx.repo.vpcs.get(ctx.caller, group.vpcId);
    for (const spec of specsOf(input)) {
      const peer = spec.peer.kind === 'group' ? await resolveRevokePeer(ctx, group, spec) : spec.peer.kind === 'prefix-list' ? { kind: 'prefix-list' as const, prefixListId: spec.peer.prefixListId } : spec.peer;
      const rule = peer ? group.rules.find((r) => sameRule(r, { egress: input.egress, protocol: spec.protocol, fromPort: spec.fromPort, toPort: spec.toPort, peer })) : undefined;
      if (rule) {
        if (!revoked.includes(rule)) revoked.push(rule);
      } else if (vpc?.isDefault) {
        unknown.push(spec);
      } else {
        throw sgErrors.permissionNotFound();
      }
    }
  }
  revoked = group.rules.filter((r) => revoked.includes(r));
  const updated = { ...group, rules: group.rules.filter((r) => !revoked.includes(r)) };
  await ctx.repo.securityGroups.put(updated);
  for (const r of revoked) await ctx.repo.tags.removeResource(r.id);
  return { group: updated, revoked, unknown };
}

/** For a revoke, a group reference is matched by id even if that group is gone (a stale rule). */
export async function resolveRevokePeer(ctx: RequestContext, group: SecurityGroup, spec: RuleSpec): Promise<RulePeer | undefined> {
  if (spec.peer.kind !== 'group') return undefined;
  const ref = spec.peer.ref;
  if (ref.groupId !== undefined) {
    const id = checkId('sg', ref.groupId, 'GroupId');
    return { kind: 'group', groupId: id, userId: ref.userId ?? ctx.caller.accountId, vpcId: group.vpcId };
  }
  const byName = (await ctx.repo.securityGroups.list(ctx.caller, { vpcId: group.vpcId })).find((g) => g.name === ref.groupName);
  return byName ? { kind: 'group', groupId: byName.id, userId: byName.accountId, vpcId: byName.vpcId } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Describe

/** Views with what rules need from elsewhere: referenced groups' names, and peerings they go through. */
async function viewsOf(ctx: RequestContext, groups: readonly SecurityGroup[]): Promise<SecurityGroupView[]> {
  const names = new Map<string, string>();
  const wanted = new Set(groups.flatMap((g) => g.rules.flatMap((r) => (r.peer.kind === 'group' ? [r.peer.groupId] : []))));
  if (wanted.size > 0) {
    for (const g of await ctx.repo.securityGroups.list(ctx.caller, { ids: [...wanted] })) names.set(g.id, g.name);
  }
  const peerings = await peeringsOfGroups(ctx, groups);
  return groups.map((group) => ({ group, names, peerings }));
}

export async function describeSecurityGroups(
  ctx: RequestContext,
  req: DescribeRequest & { readonly groupNames?: readonly string[] },
): Promise<{ items: Tagged<SecurityGroupView>[]; nextToken?: string }> {
  const ids = [...(req.ids ?? [])];
  for (const id of ids) if (!isWellFormedId('sg', id)) throw errors.malformed('sg', id);
  if (ids.length > 0) {
    const found = new Set((await ctx.repo.securityGroups.list(ctx.caller, { ids })).map((g) => g.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw sgErrors.notFound(missing);
  }
  const names = req.groupNames ?? [];
  if (names.length > 0) {
    // GroupNames name groups of the default VPC only (EC2 API reference, DescribeSecurityGroups).
    const vpc = await defaultVpcOf(ctx);
    const groups = vpc ? await ctx.repo.securityGroups.list(ctx.caller, { vpcId: vpc.id }) : [];
    for (const name of names) {
      const g = groups.find((x) => x.name === name);
      if (!g) throw errors.groupNotInDefaultVpc(name, vpc?.id);
      ids.push(g.id);
    }
  }
  return describeScopedViews(ctx, 'sg', ctx.repo.securityGroups, SECURITY_GROUP_FILTERS, { ...req, ids }, PAGE, (groups) => viewsOf(ctx, groups));
}

/** One rule with its group, as DescribeSecurityGroupRules lists it. */
export interface RuleView {
  readonly id: string;
  readonly rule: SecurityGroupRule;
  readonly group: SecurityGroup;
  readonly peering?: { readonly id: string; readonly status: string };
}

export async function describeSecurityGroupRules(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<RuleView>[]; nextToken?: string }> {
  const predicate = compileFilters(SECURITY_GROUP_RULE_FILTERS, req.filters);
  checkPageRequest(req, PAGE);
  const ids = req.ids ?? [];
  for (const id of ids) if (!isWellFormedId('sgr', id)) throw errors.malformed('sgr', id);
  const groups = await ctx.repo.securityGroups.list(ctx.caller);
  const views = await viewsOf(ctx, groups);
  let rules: RuleView[] = views.flatMap((v) =>
    v.group.rules.map((rule) => {
      const peering = v.peerings.get(rule.id);
      return { id: rule.id, rule, group: v.group, ...(peering ? { peering } : {}) };
    }),
  );
  if (ids.length > 0) {
    const have = new Set(rules.map((r) => r.id));
    const missing = ids.find((id) => !have.has(id));
    if (missing !== undefined) throw errors.notFound('sgr', missing);
    rules = rules.filter((r) => ids.includes(r.id));
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tags = rules.length === 0 ? new Map<string, Tag[]>() : await ctx.repo.tags.forResources(ctx.caller, rules.map((r) => r.id));
  const tagged = rules.map((r) => ({ id: r.id, resource: r, tags: tags.get(r.id) ?? [] }));
  return paginate(tagged.filter(predicate), req, PAGE);
}
