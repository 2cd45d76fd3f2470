import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { PeeringConnection } from '../peering/peering-connection.js';
import type { Subnet } from '../subnet.js';
import { evaluateAcl } from './acl-evaluate.js';
import type { ComponentRef, Explanation } from './analysis-result.js';
import { sentence } from './explanation-sentence.js';
import { addressSpans, spansUnion, describePorts, describeTraffic, firstAddress, isEmptySet, project, restrict, spansIntersect, spansToCidrs, type PacketSet, type Spans } from './packet-set.js';
import type { OpenHop, PathBuilder } from './path-builder.js';
import { routeHit } from './route-lookup.js';
import type { GroupsVerdict } from './security-group-evaluate.js';
import type { IndexedRoute, WorldIndex } from './world-index.js';

/** The resource's id, account and Region as a ComponentRef, for anything the world holds. */
export function refOf(ix: WorldIndex, r: { readonly id: string; readonly accountId: string; readonly region: string }): ComponentRef {
  return ix.ref(r.id, r);
}

/** A VPC's ref even when the world holds only a peering's snapshot of it. */
export function vpcRef(ix: WorldIndex, vpcId: string, fallback: { readonly accountId: string; readonly region: string }): ComponentRef {
  return ix.ref(vpcId, ix.vpc(vpcId) ?? fallback);
}

const EPHEMERAL: Spans = [[1024, 65535]];


/**
 * The subnet's network ACL, one direction, as a hop showing the rule that decided
 * (SUBNET_ACL_RESTRICTION when nothing passes, §2.4). Returns the packets to walk on: the
 * allowed ones, or all of them when blocked, since AWS keeps walking past a block (§2.5c).
 */
export function aclHop(ix: WorldIndex, path: PathBuilder, subnet: Subnet, egress: boolean, set: PacketSet, reply: boolean, peerLabel: string): PacketSet {
  const acl = ix.aclOf(subnet);
  if (!acl) return set;
  const verdict = evaluateAcl(acl, egress, set);
  const aclRef = refOf(ix, acl);
  const hop = path.add({ component: aclRef, aclRule: verdict.rule });
  if (!isEmptySet(verdict.allowed)) return verdict.allowed;
  const direction = egress ? 'egress' : 'ingress';
  // A reply goes to the client's ephemeral port: suggest the ephemeral range (VPC user guide,
  // network ACLs, "Ephemeral ports") where the reply's ports include it.
  const replyPorts = project(set, 'dp');
  const ephemeral = spansIntersect(replyPorts, EPHEMERAL);
  const shown = reply && ephemeral.length > 0 ? ephemeral : replyPorts;
  const ports = set.protocol === 'icmp' ? describeTraffic(set, shown) : describePorts(shown);
  const portWord = shown.length === 1 && shown[0]?.[0] === shown[0]?.[1] ? 'port' : 'ports';
  const what = set.protocol === 'icmp'
    ? `${reply ? 'the reply, ' : ''}${ports} ${egress ? 'to' : 'from'} ${peerLabel}`
    : reply ? `the reply to ${portWord} ${ports}` : `${set.protocol.toUpperCase()} ${egress ? 'to' : 'from'} ${peerLabel} on ${portWord} ${ports}`;
  const rule = verdict.rule.ruleNumber === 32767 ? '*' : String(verdict.rule.ruleNumber);
  const fix = `add ${direction === 'egress' ? 'an egress' : 'an ingress'} allow rule for ${ports} ${egress ? 'to' : 'from'} ${peerLabel}${verdict.rule.ruleAction === 'deny' && rule !== '*' ? ` numbered below ${rule}` : ''}`;
  const vpc = vpcRef(ix, subnet.vpcId, subnet);
  path.explain(hop, {
    code: 'SUBNET_ACL_RESTRICTION',
    sentence: sentence.aclDenies(acl.id, direction, rule, what, fix),
    direction,
    acl: aclRef,
    aclRule: verdict.rule,
    subnet: refOf(ix, subnet),
    vpc,
  });
  return set;
}

/**
 * Why an ENI's groups admit nothing: UNKNOWN_PEERED_SGS when a reference into an invisible
 * account might have; COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT when only groups the analysis
 * excludes (FilterOutArns) would have; SG_HAS_NO_RULES when the ENI's groups have no rules at all, in either
 * direction (explanation-codes page: "This security group has no inbound or outbound rules"), so a
 * new group with only its default egress rule is a mismatch on the way in, not an empty group;
 * else ENI_SG_RULES_MISMATCH (§2.4, fields as in the AWS CLI example of §2.5a).
 */
export function groupsExplanations(ix: WorldIndex, eni: NetworkInterface, egress: boolean, verdict: GroupsVerdict, set: PacketSet, peerLabel: string): Explanation[] {
  const direction = egress ? 'egress' : 'ingress';
  const eniRef = refOf(ix, eni);
  if (verdict.unknown.length > 0) {
    return verdict.unknown.map((u) => {
      const pcx = u.peering;
      const e: Explanation = {
        code: 'UNKNOWN_PEERED_SGS',
        sentence: sentence.unknownPeeredGroup(u.groupId, u.accountId, pcx?.id ?? 'a peering connection'),
        direction,
        networkInterface: eniRef,
        securityGroup: ix.ref(u.groupId, { accountId: u.accountId, region: eni.region }),
        componentAccount: u.accountId,
      };
      return pcx ? { ...e, vpcPeeringConnection: ix.ref(pcx.id, pcx.requester) } : e;
    });
  }
  if (verdict.removed.length > 0) {
    // Only a group the analysis excludes would admit the traffic: the search filter, not the
    // groups, is why no path is found (explanation-codes page, search filter codes).
    return verdict.removed.map((g) => ({
      code: 'COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT',
      sentence: sentence.filteredOut(g.id, `is admitted ${egress ? 'out of' : 'into'} ${eni.id} only by`),
      direction,
      component: refOf(ix, g),
      networkInterface: eniRef,
    }));
  }
  const traffic = describeTraffic(set);
  const fix = `add an ${direction} rule allowing ${traffic} ${egress ? 'to' : 'from'} ${peerLabel}`;
  const groups = verdict.groups;
  if (groups.length > 0 && groups.every((g) => g.rules.length === 0)) {
    return groups.map((g) => ({
      code: 'SG_HAS_NO_RULES',
      sentence: sentence.sgNoRules(g.id, eni.id, fix),
      direction,
      networkInterface: eniRef,
      securityGroup: refOf(ix, g),
    }));
  }
  const subnet = ix.subnet(eni.subnetId);
  // The far addresses as blocks, unless they are too many to read (the internet's ~40): then by name.
  const cidrs = spansToCidrs(project(set, egress ? 'dst' : 'src'));
  const what = `${traffic} ${egress ? 'to' : 'from'} ${cidrs.length > 4 ? peerLabel : cidrs.join(', ')}`;
  const e: Explanation = {
    code: 'ENI_SG_RULES_MISMATCH',
    sentence: sentence.sgMismatch(eni.id, groups.map((g) => g.id), direction, what, fix),
    direction,
    networkInterface: eniRef,
    securityGroups: groups.map((g) => refOf(ix, g)),
    vpc: vpcRef(ix, eni.vpcId, eni),
  };
  return [subnet ? { ...e, subnet: refOf(ix, subnet) } : e];
}

/** The ENI hop's usual members: the instance it is attached to, its subnet and VPC (§2.2). */
export function eniHopFields(ix: WorldIndex, eni: NetworkInterface): { component: ComponentRef; attachedTo?: ComponentRef; subnet?: ComponentRef; vpc: ComponentRef } {
  const subnet = ix.subnet(eni.subnetId);
  const instance = eni.attachment ? ix.instance(eni.attachment.instanceId) : undefined;
  return {
    component: refOf(ix, eni),
    ...(instance ? { attachedTo: refOf(ix, instance) } : {}),
    ...(subnet ? { subnet: refOf(ix, subnet) } : {}),
    vpc: vpcRef(ix, eni.vpcId, eni),
  };
}

/** A VPC's blocks for sentences ("10.1.0.0/16"), or the addresses themselves. */
export function vpcLabel(ix: WorldIndex, vpcId: string | undefined, fallback: string): string {
  const cidrs = vpcId ? ix.vpcCidrs(vpcId) : [];
  return cidrs.length > 0 ? cidrs.join(', ') : fallback;
}

/**
 * An ENI sends only from, and receives only for, its own private addresses: with the source/
 * destination check on, ENI_SOURCE_DEST_CHECK_RESTRICTION; at the destination,
 * ENI_ADDRESS_RESTRICTION (§2.3). Returns the packets to walk on (all of them when blocked).
 */
export function ownAddressCheck(ix: WorldIndex, path: PathBuilder, hop: OpenHop, eni: NetworkInterface, set: PacketSet, dim: 'src' | 'dst'): PacketSet {
  // A union, not a concatenation: spans must be sorted, and an ENI's addresses come in any order.
  const own = restrict(set, { [dim]: eni.privateIps.reduce<Spans>((acc, ip) => spansUnion(acc, addressSpans(ip) ?? []), []) });
  if (!isEmptySet(own)) return own;
  const address = firstAddress(set, dim);
  path.explain(hop, {
    code: dim === 'src' ? 'ENI_SOURCE_DEST_CHECK_RESTRICTION' : 'ENI_ADDRESS_RESTRICTION',
    sentence: dim === 'src' ? sentence.sourceDestCheck(eni.id, address, eni.privateIps) : sentence.eniAddress(eni.id, address, eni.privateIps),
    networkInterface: refOf(ix, eni),
    address,
    addresses: [...eni.privateIps],
  });
  return set;
}

/**
 * BAD_STATE_ROUTE for a blackholed route through a peering the world still holds: the connection's
 * state and how to mend it. `fields` locate the route (route table, subnet, VPC).
 */
export function blackholeExplanation(ix: WorldIndex, pcx: PeeringConnection, pcxRef: ComponentRef, route: IndexedRoute, fields: Partial<Explanation>): Explanation {
  const status = ix.peeringStatus(pcx);
  const owner = pcx.accepter.accountId;
  return {
    code: 'BAD_STATE_ROUTE',
    sentence: sentence.blackhole(pcx.id, status, owner, pcx.accepter.region, sentence.blackholeFix(status, owner)),
    ...fields,
    routeTableRoute: routeHit(route),
    vpcPeeringConnection: pcxRef,
    state: status,
  };
}
