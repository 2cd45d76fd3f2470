import { effectiveStatus } from '../peering/effective-status.js';
import type { PeeringConnection } from '../peering/peering-connection.js';
import type { RequestContext } from '../request-context.js';
import type { Scope } from '../scope.js';
import type { SecurityGroup, SecurityGroupRule } from './security-group.js';

/** A VPC named with its owner and Region: peering sides are compared on all three. */
export type VpcAt = Scope & { readonly vpcId: string };

/** The peering a reference to a peer VPC's group goes through, as UserIdGroupPair/ReferencedGroupInfo show it. */
export interface RulePeering {
  readonly id: string;
  readonly status: string;
}

const sameVpc = (s: VpcAt, t: VpcAt): boolean => s.vpcId === t.vpcId && s.accountId === t.accountId && s.region === t.region;

/**
 * Whether a connection carries security-group references: active as of `now` and within one
 * Region (VPC peering guide, "Update your security groups to reference peer security groups";
 * REACHABILITY.md §3.4; AWS-BEHAVIOUR.md §3.13).
 */
export function carriesGroupReferences(c: PeeringConnection, now: number): boolean {
  return effectiveStatus(c, now).status === 'active' && c.requester.region === c.accepter.region;
}

/** A VPC's connections (any state), as `listForVpc` gives them. */
export type PeeringsOfVpc = (vpcId: string) => Promise<readonly PeeringConnection[]>;

/**
 * `listForVpc`, read once per VPC: for one read-only request, which writes no connection between
 * two reads.
 */
export function memoPeeringsOfVpc(ctx: RequestContext): PeeringsOfVpc {
  const memo = new Map<string, Promise<PeeringConnection[]>>();
  return (vpcId) => {
    let found = memo.get(vpcId);
    if (!found) {
      found = ctx.repo.peerings.listForVpc(vpcId);
      memo.set(vpcId, found);
    }
    return found;
  };
}

/**
 * The active same-Region peering joining two VPCs, if any. A group of a peer VPC may be referenced
 * only while such a connection exists (see carriesGroupReferences).
 */
export async function activePeeringBetween(
  ctx: RequestContext,
  a: VpcAt,
  b: VpcAt,
  peeringsOf: PeeringsOfVpc = (vpcId) => ctx.repo.peerings.listForVpc(vpcId),
): Promise<string | undefined> {
  for (const c of await peeringsOf(a.vpcId)) {
    if (!carriesGroupReferences(c, ctx.now)) continue;
    if ((sameVpc(c.requester, a) && sameVpc(c.accepter, b)) || (sameVpc(c.accepter, a) && sameVpc(c.requester, b))) return c.id;
  }
  return undefined;
}

/** The VPC a group-reference rule points at (its owner, in the group's Region). */
export function referencedVpc(group: SecurityGroup, rule: SecurityGroupRule): VpcAt | undefined {
  if (rule.peer.kind !== 'group') return undefined;
  return { accountId: rule.peer.userId, region: group.region, vpcId: rule.peer.vpcId };
}

/** True when a rule references a group of another VPC (which only a peering can carry). */
export function crossesVpc(group: SecurityGroup, rule: SecurityGroupRule): boolean {
  return rule.peer.kind === 'group' && (rule.peer.vpcId !== group.vpcId || rule.peer.userId !== group.accountId);
}

/**
 * The peering shown with a cross-VPC reference: the active connection joining the two VPCs now;
 * failing that the one the rule was authorized through, with its status as of now (`deleted` once
 * the connection has been purged). Undefined for references inside the group's own VPC.
 */
async function peeringOfRule(ctx: RequestContext, group: SecurityGroup, rule: SecurityGroupRule, peeringsOf: PeeringsOfVpc): Promise<RulePeering | undefined> {
  const target = referencedVpc(group, rule);
  if (!target || !crossesVpc(group, rule)) return undefined;
  return shownPeering(ctx, rule, await activePeeringBetween(ctx, group, target, peeringsOf));
}

/**
 * The peering shown with a cross-VPC reference once the active connection between the two VPCs
 * (`active`, if any) is known: see peeringOfRule.
 */
export async function shownPeering(ctx: RequestContext, rule: SecurityGroupRule, active: string | undefined): Promise<RulePeering | undefined> {
  if (active) return { id: active, status: 'active' };
  const through = rule.peer.kind === 'group' ? rule.peer.vpcPeeringConnectionId : undefined;
  if (through === undefined) return undefined;
  const c = await ctx.repo.peerings.get(through);
  return { id: through, status: c ? effectiveStatus(c, ctx.now).status : 'deleted' };
}

/** Per rule id, the peering each cross-VPC reference of these groups goes through. */
export async function peeringsOfGroups(ctx: RequestContext, groups: readonly SecurityGroup[]): Promise<Map<string, RulePeering>> {
  const out = new Map<string, RulePeering>();
  const memo = new Map<string, RulePeering | undefined>();
  const peeringsOf = memoPeeringsOfVpc(ctx);
  for (const g of groups) {
    for (const r of g.rules) {
      if (r.peer.kind !== 'group' || !crossesVpc(g, r)) continue;
      const key = `${g.vpcId}|${r.peer.userId}|${r.peer.vpcId}|${r.peer.vpcPeeringConnectionId ?? ''}`;
      if (!memo.has(key)) memo.set(key, await peeringOfRule(ctx, g, r, peeringsOf));
      const p = memo.get(key);
      if (p) out.set(r.id, p);
    }
  }
  return out;
}
