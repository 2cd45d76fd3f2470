import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { PeeringConnection } from '../peering/peering-connection.js';
import { carriesGroupReferences } from '../security-groups/rule-peering.js';
import type { RulePeer, SecurityGroup, SecurityGroupRule } from '../security-groups/security-group.js';
import type { SecurityGroupRuleHit } from './analysis-result.js';
import { addressSpans, cidrSpans, emptyLike, icmpConstraint, isEmptySet, restrict, spansUnion, union, without, type Constraint, type PacketSet, type Spans } from './packet-set.js';
import type { WorldIndex } from './world-index.js';

/** A group reference the analysis could not resolve because its owner is not visible (§3.4, §3.8). */
export interface UnknownReference {
  readonly groupId: string;
  readonly accountId: string;
  readonly peering?: PeeringConnection;
}

export interface GroupsVerdict {
  readonly allowed: PacketSet;
  /** The group and rule that admitted the first packets, when some were admitted. */
  readonly group?: SecurityGroup;
  readonly rule?: SecurityGroupRuleHit;
  /** The ENI's groups (those still existing). */
  readonly groups: readonly SecurityGroup[];
  readonly unknown: readonly UnknownReference[];
  /**
   * Groups the analysis must do without (FilterOutArns) that would have admitted some of the
   * packets: set only when the others admit none, the reason the path is not found.
   */
  readonly removed: readonly SecurityGroup[];
}

interface PeerAddresses {
  readonly spans: Spans;
  readonly unknown?: UnknownReference;
}

/**
 * Which addresses a group reference stands for: the private IPv4s of every ENI carrying the
 * group (VPC peering guide, "Update your security groups to reference peer security groups").
 * Across a peering only while it is active and within one Region; a deleted group or peering
 * leaves a stale rule that matches nothing; a group in an account the analysis may not see
 * matches nothing and is reported (UNKNOWN_PEERED_SGS).
 */
function referencedAddresses(ix: WorldIndex, localVpcId: string, peer: Extract<RulePeer, { kind: 'group' }>, remoteVpcId: string | undefined): PeerAddresses {
  const g = ix.group(peer.groupId);
  const owner = g?.accountId ?? peer.userId;
  const vpcId = g?.vpcId ?? peer.vpcId;
  if (!ix.visible(owner)) {
    const peering = ix.peeringsBetween(localVpcId, vpcId)[0];
    return { spans: [], unknown: peering ? { groupId: peer.groupId, accountId: owner, peering } : { groupId: peer.groupId, accountId: owner } };
  }
  if (!g) return { spans: [] };
  // A reference stands for the interfaces carrying the group, not for their addresses: a packet
  // from (or to) another VPC whose addresses overlap the group's VPC is not matched (§3.4: through
  // a middlebox the reference no longer matches). When the far end's VPC is known, only it counts.
  if (remoteVpcId !== undefined && g.vpcId !== remoteVpcId) return { spans: [] };
  if (g.vpcId !== localVpcId) {
    const live = ix.peeringsBetween(localVpcId, g.vpcId).some((p) => carriesGroupReferences(p, ix.world.now));
    if (!live) return { spans: [] };
  }
  let spans: Spans = [];
  for (const e of ix.enisCarrying(g.id)) {
    if (e.vpcId !== g.vpcId) continue;
    for (const ip of e.privateIps) spans = spansUnion(spans, addressSpans(ip) ?? []);
  }
  return { spans };
}

function peerSpans(ix: WorldIndex, localVpcId: string, peer: RulePeer, remoteVpcId: string | undefined): PeerAddresses {
  switch (peer.kind) {
    case 'ipv4':
      return { spans: cidrSpans(peer.cidr) ?? [] };
    case 'group':
      return referencedAddresses(ix, localVpcId, peer, remoteVpcId);
    // IPv6 ranges never match an IPv4 packet; the world holds no prefix lists.
    case 'ipv6':
    case 'prefix-list':
      return { spans: [] };
  }
}

function ruleHit(g: SecurityGroup, r: SecurityGroupRule): SecurityGroupRuleHit {
  const base = { direction: r.egress ? ('egress' as const) : ('ingress' as const), securityGroupId: g.id, protocol: r.protocol === '-1' ? 'all' : r.protocol };
  const withPorts = r.protocol === 'tcp' || r.protocol === 'udp' ? { ...base, portRange: { from: r.fromPort, to: r.toPort } } : base;
  if (r.peer.kind === 'ipv4' || r.peer.kind === 'ipv6') return { ...withPorts, cidr: r.peer.cidr };
  if (r.peer.kind === 'prefix-list') return { ...withPorts, prefixListId: r.peer.prefixListId };
  return withPorts;
}

/**
 * Security groups allow only, and an ENI's groups act as one: the union of their rules of one
 * direction (VPC user guide, "Security group rules"). Egress rules name the destination,
 * ingress rules the source; protocol -1 matches all, tcp/udp their port range, icmp its type and code.
 * A group the analysis must do without (FilterOutArns) lends none of its rules: the path must be
 * admitted by the ENI's other groups.
 */
export function evaluateGroups(ix: WorldIndex, eni: NetworkInterface, egress: boolean, set: PacketSet, remoteVpcId?: string): GroupsVerdict {
  const groups = eni.groupIds.map((id) => ix.group(id)).filter((g): g is SecurityGroup => g !== undefined);
  const used = groups.filter((g) => !ix.excluded(g.id));
  const verdict = admit(ix, eni, used, egress, set, remoteVpcId);
  const removed = isEmptySet(verdict.allowed) ? groups.filter((g) => ix.excluded(g.id) && !isEmptySet(admit(ix, eni, [g], egress, set, remoteVpcId).allowed)) : [];
  return { ...verdict, groups, removed };
}

/** What these groups admit together, and the first group and rule that admitted something. */
function admit(
  ix: WorldIndex,
  eni: NetworkInterface,
  groups: readonly SecurityGroup[],
  egress: boolean,
  set: PacketSet,
  remoteVpcId: string | undefined,
): Pick<GroupsVerdict, 'allowed' | 'group' | 'rule' | 'unknown'> {
  const unknown: UnknownReference[] = [];
  let remaining = set;
  let allowed = emptyLike(set);
  let first: { group: SecurityGroup; rule: SecurityGroupRule } | undefined;
  for (const g of groups) {
    for (const r of g.rules) {
      if (r.egress !== egress || isEmptySet(remaining)) continue;
      if (r.protocol !== '-1' && r.protocol !== set.protocol) continue;
      const peer = peerSpans(ix, eni.vpcId, r.peer, remoteVpcId);
      if (peer.unknown) unknown.push(peer.unknown);
      if (peer.spans.length === 0) continue;
      // An ICMP rule's FromPort and ToPort are the type and code, -1 for any (AuthorizeSecurityGroupIngress).
      const ports: Constraint = r.protocol === '-1' ? {} : r.protocol === 'icmp' ? icmpConstraint(r.fromPort, r.toPort) : { dp: [[r.fromPort, r.toPort]] };
      const c: Constraint = egress ? { dst: peer.spans, ...ports } : { src: peer.spans, ...ports };
      const part = restrict(remaining, c);
      if (isEmptySet(part)) continue;
      allowed = union(allowed, part);
      first ??= { group: g, rule: r };
      remaining = without(remaining, c);
    }
  }
  return first ? { allowed, group: first.group, rule: ruleHit(first.group, first.rule), unknown } : { allowed, unknown };
}
