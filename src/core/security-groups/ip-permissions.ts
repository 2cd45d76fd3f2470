import { errors } from '../errors.js';
import { parseCidrParam } from '../parse-cidr.js';
import type { NamedProtocol } from './security-group.js';
import { sgErrors } from './security-group-errors.js';

/** A group named in a permission, before it is looked up. */
export interface GroupRefInput {
  readonly groupId?: string;
  readonly groupName?: string;
  readonly userId?: string;
  /** A peer VPC's group: the VPC and the connection the caller says it is reached through. */
  readonly vpcId?: string;
  readonly vpcPeeringConnectionId?: string;
  readonly description?: string;
}

/** One IpPermission as the request gives it (IpPermissions.N, or the legacy top-level parameters). */
export interface PermissionInput {
  readonly protocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly ipRanges?: readonly { readonly cidr?: string; readonly description?: string }[];
  readonly ipv6Ranges?: readonly { readonly cidr?: string; readonly description?: string }[];
  readonly groups?: readonly GroupRefInput[];
  readonly prefixLists?: readonly { readonly prefixListId?: string; readonly description?: string }[];
}

/** A rule's peer before group references are resolved against the store. */
export type PeerInput =
  | { readonly kind: 'ipv4'; readonly cidr: string }
  | { readonly kind: 'ipv6'; readonly cidr: string }
  | { readonly kind: 'group'; readonly ref: GroupRefInput }
  | { readonly kind: 'prefix-list'; readonly prefixListId: string };

/** One rule a permission asks for: one protocol, one port range, one peer. */
export interface RuleSpec {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly peer: PeerInput;
  readonly description?: string;
}

const BY_NUMBER: Readonly<Record<string, NamedProtocol>> = { '-1': '-1', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
const NAMES: ReadonlySet<string> = new Set(['tcp', 'udp', 'icmp', 'icmpv6']);

/**
 * The protocol as AWS stores and shows it: tcp/udp/icmp/icmpv6 by name (given by name or by
 * number), `-1` for all (`all` too, as the CLI and Terraform accept), any other protocol as its
 * number (EC2 API reference, IpPermission.IpProtocol).
 */
export function normalizeProtocol(value: string | undefined, parameter: string): string {
  if (value === undefined || value === '') throw errors.missingParameter(parameter);
  const lower = value.toLowerCase();
  if (lower === 'all') return '-1';
  if (NAMES.has(lower)) return lower;
  if (!/^-?\d{1,3}$/.test(lower)) throw sgErrors.unknownProtocol(value);
  const n = Number(lower);
  if (n < -1 || n > 255) throw sgErrors.unknownProtocol(value);
  return BY_NUMBER[String(n)] ?? String(n);
}

/** The port range (or ICMP type/code) a rule of this protocol keeps; other protocols match all ports. */
export function portsFor(protocol: string, fromPort: number | undefined, toPort: number | undefined): { fromPort: number; toPort: number } {
  if (protocol === 'tcp' || protocol === 'udp') {
    if (fromPort === undefined || toPort === undefined) throw sgErrors.portsRequired('TCP/UDP');
    for (const p of [fromPort, toPort]) if (p < 0 || p > 65535) throw sgErrors.badPortRange(`Port ${p} is out of the range 0-65535.`);
    if (fromPort > toPort) throw sgErrors.badPortRange(`From port ${fromPort} is greater than to port ${toPort}.`);
    return { fromPort, toPort };
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    // ICMPv6 may omit both: every type and code (IpPermission.IpProtocol documentation).
    if (protocol === 'icmpv6' && fromPort === undefined && toPort === undefined) return { fromPort: -1, toPort: -1 };
    if (fromPort === undefined || toPort === undefined) throw sgErrors.portsRequired('ICMP');
    for (const p of [fromPort, toPort]) if (p < -1 || p > 255) throw sgErrors.badPortRange(`ICMP type or code ${p} is out of the range -1-255.`);
    return { fromPort, toPort };
  }
  // -1 and every other protocol allow all ports "regardless of any port range you specify".
  return { fromPort: -1, toPort: -1 };
}

// Allowed characters of names and descriptions (CreateSecurityGroup GroupName/Description, IpRange.Description).
const ALLOWED = /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;

/** Checks a name or description against AWS's length and character rules. */
export function checkText(parameter: 'GroupName' | 'GroupDescription' | 'Description', value: string): void {
  // Non-ASCII is named as such first: that is the message AWS gives for it.
  if (!/^[\x20-\x7e]*$/.test(value)) throw sgErrors.invalidText(parameter, value, 'ascii');
  if (value.length > 255) throw sgErrors.invalidText(parameter, value, 'length');
  if (!ALLOWED.test(value)) throw sgErrors.invalidText(parameter, value, 'characters');
}

function description(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  checkText('Description', value);
  return value;
}

/** Splits one permission into its rules: one per IPv4 range, IPv6 range, group and prefix list. */
export function rulesOf(p: PermissionInput, parameter: string): RuleSpec[] {
  const protocol = normalizeProtocol(p.protocol, `${parameter}.IpProtocol`);
  const { fromPort, toPort } = portsFor(protocol, p.fromPort, p.toPort);
  const base = { protocol, fromPort, toPort };
  const specs: RuleSpec[] = [];
  for (const r of p.ipRanges ?? []) {
    // AWS keeps the network address: 10.0.0.1/16 is stored as 10.0.0.0/16.
    const cidr = parseCidrParam(`${parameter}.IpRanges.CidrIp`, r.cidr, 4).canonical().toString();
    specs.push({ ...base, peer: { kind: 'ipv4', cidr }, description: description(r.description) });
  }
  for (const r of p.ipv6Ranges ?? []) {
    const cidr = parseCidrParam(`${parameter}.Ipv6Ranges.CidrIpv6`, r.cidr, 6).canonical().toString();
    specs.push({ ...base, peer: { kind: 'ipv6', cidr }, description: description(r.description) });
  }
  for (const g of p.groups ?? []) {
    if (!g.groupId && !g.groupName) throw errors.missingParameter(`${parameter}.Groups.GroupId`);
    specs.push({ ...base, peer: { kind: 'group', ref: g }, description: description(g.description) });
  }
  for (const pl of p.prefixLists ?? []) {
    if (!pl.prefixListId) throw errors.missingParameter(`${parameter}.PrefixListIds.PrefixListId`);
    specs.push({ ...base, peer: { kind: 'prefix-list', prefixListId: pl.prefixListId }, description: description(pl.description) });
  }
  if (specs.length === 0) throw sgErrors.noPeer();
  return specs;
}

/** The legacy top-level parameters (CidrIp, IpProtocol, FromPort, ToPort, SourceSecurityGroup*) as permissions. */
export interface LegacyInput {
  readonly cidrIp?: string;
  readonly ipProtocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly sourceSecurityGroupName?: string;
  readonly sourceSecurityGroupOwnerId?: string;
}

export function legacyPermissions(l: LegacyInput): PermissionInput[] {
  const anyPort = l.ipProtocol !== undefined || l.fromPort !== undefined || l.toPort !== undefined;
  if (l.sourceSecurityGroupName !== undefined || l.sourceSecurityGroupOwnerId !== undefined) {
    if (l.cidrIp !== undefined || anyPort) {
      throw sgErrors.combination('The parameter sourceSecurityGroupName cannot be used with the parameters cidrIp, ipProtocol, fromPort or toPort; use IpPermissions instead');
    }
    if (!l.sourceSecurityGroupName) throw errors.missingParameter('SourceSecurityGroupName');
    // "Creates rules that grant full ICMP, UDP, and TCP access" (model doc, SourceSecurityGroupName).
    const groups = [{ groupName: l.sourceSecurityGroupName, userId: l.sourceSecurityGroupOwnerId }];
    return [
      { protocol: 'icmp', fromPort: -1, toPort: -1, groups },
      { protocol: 'tcp', fromPort: 0, toPort: 65535, groups },
      { protocol: 'udp', fromPort: 0, toPort: 65535, groups },
    ];
  }
  if (l.cidrIp === undefined && !anyPort) return [];
  return [{ protocol: l.ipProtocol, fromPort: l.fromPort, toPort: l.toPort, ipRanges: [{ cidr: l.cidrIp }] }];
}
