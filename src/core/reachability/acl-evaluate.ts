import { CATCH_ALL_IPV4, type NetworkAcl, type NetworkAclEntry } from '../network-acls/network-acl.js';
import type { AclRuleHit } from './analysis-result.js';
import { cidrSpans, emptyLike, icmpConstraint, isEmptySet, protocolNumber, restrict, union, without, type Constraint, type PacketSet } from './packet-set.js';

export interface AclVerdict {
  /** The packets the ACL lets through. */
  readonly allowed: PacketSet;
  /** The first allow rule that let some packet through; when none did, the rule that denied. */
  readonly rule: AclRuleHit;
}

/** AnalysisAclRule: protocol "all" for -1, else the number (§2.2). */
function hit(e: NetworkAclEntry): AclRuleHit {
  const base = { cidr: e.cidr ?? '0.0.0.0/0', egress: e.egress, protocol: e.protocol === '-1' ? 'all' : e.protocol, ruleAction: e.action, ruleNumber: e.ruleNumber };
  return e.portRange ? { ...base, portRange: { from: e.portRange.from, to: e.portRange.to } } : base;
}

/** The packets an entry matches, or undefined when its protocol is not the packets' (§3.5). */
function matches(e: NetworkAclEntry, set: PacketSet, egress: boolean): Constraint | undefined {
  const number = protocolNumber(set.protocol);
  if (e.protocol !== '-1' && e.protocol !== number) return undefined;
  const addresses = cidrSpans(e.cidr ?? '');
  if (!addresses) return undefined;
  // The rule's port range is the packet's destination port, both ways (CreateNetworkAclEntry);
  // an ICMP entry's type and code constrain ICMP packets the same way.
  const ports: Constraint =
    e.protocol === '1' ? (e.icmp ? icmpConstraint(e.icmp.type, e.icmp.code) : {}) : e.protocol !== '-1' && e.portRange ? { dp: [[e.portRange.from, e.portRange.to]] } : {};
  return egress ? { dst: addresses, ...ports } : { src: addresses, ...ports };
}

const CATCH_ALL = (egress: boolean): NetworkAclEntry => ({ ruleNumber: CATCH_ALL_IPV4, egress, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' });

/**
 * A network ACL is stateless and ordered: IPv4 entries of one direction by ascending rule
 * number, the first match decides, `*` (32767) denies what is left (CreateNetworkAclEntry
 * reference; VPC user guide, "Network ACL rules"). Over a set that is set subtraction.
 */
export function evaluateAcl(acl: NetworkAcl, egress: boolean, set: PacketSet): AclVerdict {
  const entries = acl.entries.filter((e) => e.egress === egress && e.cidr !== undefined).sort((a, b) => a.ruleNumber - b.ruleNumber);
  if (!entries.some((e) => e.ruleNumber === CATCH_ALL_IPV4)) entries.push(CATCH_ALL(egress));
  let remaining = set;
  let allowed = emptyLike(set);
  let firstAllow: NetworkAclEntry | undefined;
  let firstDeny: NetworkAclEntry | undefined;
  for (const e of entries) {
    if (isEmptySet(remaining)) break;
    const c = matches(e, remaining, egress);
    if (!c) continue;
    const part = restrict(remaining, c);
    if (isEmptySet(part)) continue;
    if (e.action === 'allow') {
      allowed = union(allowed, part);
      firstAllow ??= e;
    } else firstDeny ??= e;
    remaining = without(remaining, c);
  }
  const decided = firstAllow ?? firstDeny ?? CATCH_ALL(egress);
  return { allowed, rule: hit(decided) };
}
