import { requireVpc } from '../checks.js';
import { errors } from '../errors.js';
import { isWellFormedId } from '../ids.js';
import type { Page, PageRequest } from '../paginate.js';
import { checkPageRequest, paginate } from '../paginate.js';
import type { RequestContext } from '../request-context.js';
import type { PeeringsOfVpc, RulePeering } from './rule-peering.js';
import { activePeeringBetween, carriesGroupReferences, crossesVpc, memoPeeringsOfVpc, referencedVpc, shownPeering } from './rule-peering.js';
import type { SecurityGroup, SecurityGroupRule } from './security-group.js';
import { sgErrors } from './security-group-errors.js';

/** One VPC across a peering with a group whose rules name one of the caller's groups. */
export interface SecurityGroupReference {
  readonly groupId: string;
  readonly referencingVpcId: string;
  readonly vpcPeeringConnectionId: string;
}

/**
 * DescribeSecurityGroupReferences: "the VPCs on the other side of a VPC peering connection that
 * are referencing the security groups you've specified" (EC2 API reference). The referencing group
 * may belong to the peer account: its VPC is read in that account's scope, through each active
 * same-Region connection of the group's VPC (references need one, REACHABILITY.md §3.4).
 */
export async function describeSecurityGroupReferences(ctx: RequestContext, input: { groupIds?: readonly string[] }): Promise<SecurityGroupReference[]> {
  const ids = input.groupIds ?? [];
  if (ids.length === 0) throw errors.missingParameter('GroupId');
  for (const id of ids) if (!isWellFormedId('sg', id)) throw errors.malformed('sg', id);
  const groups = await ctx.repo.securityGroups.list(ctx.caller, { ids: [...ids] });
  const missing = ids.find((id) => !groups.some((g) => g.id === id));
  if (missing !== undefined) throw sgErrors.notFound(missing);
  const out: SecurityGroupReference[] = [];
  const seen = new Set<string>();
  const peeringsOf = memoPeeringsOfVpc(ctx);
  for (const g of groups) {
    for (const c of await peeringsOf(g.vpcId)) {
      if (!carriesGroupReferences(c, ctx.now)) continue;
      const mine = c.requester.vpcId === g.vpcId && c.requester.accountId === g.accountId ? c.requester : c.accepter;
      const other = mine === c.requester ? c.accepter : c.requester;
      const referencing = await ctx.repo.securityGroups.list({ accountId: other.accountId, region: other.region }, { vpcId: other.vpcId });
      const refers = referencing.some((peer) => peer.rules.some((r) => r.peer.kind === 'group' && r.peer.groupId === g.id));
      const key = `${g.id}|${other.vpcId}`;
      if (refers && !seen.has(key)) {
        seen.add(key);
        out.push({ groupId: g.id, referencingVpcId: other.vpcId, vpcPeeringConnectionId: c.id });
      }
    }
  }
  return out;
}

/** A stale rule, with the peering its reference went through (for PeeringStatus). */
export interface StaleRule {
  readonly rule: SecurityGroupRule;
  readonly peering?: RulePeering;
}

export interface StaleSecurityGroup {
  readonly id: string;
  readonly group: SecurityGroup;
  readonly rules: readonly StaleRule[];
}

/**
 * A rule whose group reference no longer works, with the peering shown for it; undefined while it
 * works. It works while the group exists and a peer VPC's group is still reached through an active
 * connection. Otherwise the rule is stale (EC2 API reference, DescribeStaleSecurityGroups: "Rules
 * are stale when they reference a deleted security group … or a security group in a peer VPC for
 * which the VPC peering connection has been deleted"). A stale rule stays in its group and matches
 * nothing.
 */
async function staleRule(ctx: RequestContext, group: SecurityGroup, rule: SecurityGroupRule, peeringsOf: PeeringsOfVpc): Promise<StaleRule | undefined> {
  const target = referencedVpc(group, rule);
  if (!target || rule.peer.kind !== 'group') return undefined;
  const referenced = await ctx.repo.securityGroups.get({ accountId: target.accountId, region: target.region }, rule.peer.groupId);
  const crosses = crossesVpc(group, rule);
  const active = crosses ? await activePeeringBetween(ctx, group, target, peeringsOf) : undefined;
  if (referenced && (!crosses || active !== undefined)) return undefined;
  const peering = crosses ? await shownPeering(ctx, rule, active) : undefined;
  return { rule, ...(peering ? { peering } : {}) };
}

const PAGE = { min: 5, max: 255 } as const;

/** DescribeStaleSecurityGroups: the caller's groups of one VPC that hold stale rules, by group id. */
export async function describeStaleSecurityGroups(ctx: RequestContext, input: PageRequest & { vpcId?: string }): Promise<Page<StaleSecurityGroup>> {
  const vpc = await requireVpc(ctx, input.vpcId, 'VpcId');
  checkPageRequest(input, PAGE);
  const stale: StaleSecurityGroup[] = [];
  const peeringsOf = memoPeeringsOfVpc(ctx);
  // Lists come back ordered by id (ScopedCollection), so the groups are already in id order.
  for (const group of await ctx.repo.securityGroups.list(ctx.caller, { vpcId: vpc.id })) {
    const rules: StaleRule[] = [];
    for (const rule of group.rules) {
      const s = await staleRule(ctx, group, rule, peeringsOf);
      if (s) rules.push(s);
    }
    if (rules.length > 0) stale.push({ id: group.id, group, rules });
  }
  return paginate(stale, input, PAGE);
}
