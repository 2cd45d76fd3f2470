import type { NetworkAclEntry } from '../network-acls/network-acl.js';
import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { WorldIndex } from '../reachability/world-index.js';
import { carriesGroupReferences } from '../security-groups/rule-peering.js';
import type { SecurityGroupRule } from '../security-groups/security-group.js';
import type { PlannedLink, PlannedPort } from './dataplane-plan.js';
import { deviceName } from './device-name.js';

/** What the renderer needs of a router: its VPC, blocks, interfaces and peering links. */
export interface RouterShape {
  readonly vpcId: string;
  readonly cidrs: readonly string[];
  readonly cidrs6: readonly string[];
  readonly ports: readonly PlannedPort[];
  readonly links: readonly PlannedLink[];
}

const q = (dev: string): string => `"${dev}"`;
/** nft chain names: letters, digits and `_` (ids carry `-`). */
const chainId = (prefix: string, id: string): string => `${prefix}_${id.replace(/-/g, '_')}`;
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'ipv6-icmp' };

/** Matches for a port range on TCP/UDP's destination port; nothing for the whole range. */
function ports(from: number, to: number): string {
  if (from <= 0 && to >= 65535) return '';
  return from === to ? ` th dport ${from}` : ` th dport ${from}-${to}`;
}

function icmpMatch(family: 'icmp' | 'icmpv6', type: number, code: number): string {
  return `${type >= 0 ? ` ${family} type ${type}` : ''}${type >= 0 && code >= 0 ? ` ${family} code ${code}` : ''}`;
}

/** A security group rule's protocol and ports (ICMP: type and code, -1 meaning any). */
function ruleProtocol(r: SecurityGroupRule): string {
  switch (r.protocol) {
    case '-1':
      return '';
    case 'tcp':
    case 'udp':
      return ` meta l4proto ${r.protocol}${ports(r.fromPort, r.toPort)}`;
    case 'icmp':
      return ` meta l4proto icmp${icmpMatch('icmp', r.fromPort, r.toPort)}`;
    case 'icmpv6':
      return ` meta l4proto ipv6-icmp${icmpMatch('icmpv6', r.fromPort, r.toPort)}`;
    default:
      return ` meta l4proto ${r.protocol}`;
  }
}

/** A network ACL entry's protocol part: the number, with TCP/UDP ports or ICMP type/code. */
function entryProtocol(e: NetworkAclEntry): string {
  if (e.protocol === '-1') return '';
  const name = PROTOCOL_NAMES[e.protocol] ?? e.protocol;
  if ((e.protocol === '6' || e.protocol === '17') && e.portRange) return ` meta l4proto ${name}${ports(e.portRange.from, e.portRange.to)}`;
  if (e.protocol === '1' && e.icmp) return ` meta l4proto icmp${icmpMatch('icmp', e.icmp.type, e.icmp.code)}`;
  if (e.protocol === '58' && e.icmp) return ` meta l4proto ipv6-icmp${icmpMatch('icmpv6', e.icmp.type, e.icmp.code)}`;
  return ` meta l4proto ${name}`;
}

/**
 * The (device, address) pairs a group reference stands for at this router: the interfaces
 * carrying the group in the group's VPC, reached through their own device when the group is in
 * this VPC, or through a peering link when it is a peer's and the connection carries references
 * (active, one Region: rule-peering.ts). Matching the device as well as the address keeps an
 * overlapping VPC's look-alike address from matching (REACHABILITY.md §3.4).
 */
function groupMembers(ix: WorldIndex, router: RouterShape, groupId: string, family: 'ip' | 'ip6'): string[] {
  const g = ix.group(groupId);
  if (!g) return [];
  const members = ix.enisCarrying(g.id).filter((e) => e.vpcId === g.vpcId);
  // A reference stands for all of a member's addresses, IPv4 and IPv6 alike.
  const addresses = (e: NetworkInterface): readonly string[] => (family === 'ip' ? e.privateIps : e.ipv6Addresses);
  const pairs = (dev: (e: NetworkInterface) => string): string[] => members.flatMap((e) => addresses(e).map((ip) => `${q(dev(e))} . ${ip}`));
  if (g.vpcId === router.vpcId) return pairs((e) => deviceName('e', e.id));
  const links = router.links.filter((l) => {
    const p = ix.peering(l.peeringId);
    return p !== undefined && ix.ends(p, router.vpcId)?.far.vpcId === g.vpcId && carriesGroupReferences(p, ix.world.now);
  });
  return links.flatMap((l) => pairs(() => l.dev));
}

/** One security group rule as nft rules that return (let the packet on) when they match. */
function sgRules(ix: WorldIndex, router: RouterShape, r: SecurityGroupRule): string[] {
  const where = r.egress ? 'daddr' : 'saddr';
  const device = r.egress ? 'oifname' : 'iifname';
  const proto = ruleProtocol(r);
  switch (r.peer.kind) {
    case 'ipv4':
      return [`ip ${where} ${r.peer.cidr}${proto} return`];
    case 'ipv6':
      return [`ip6 ${where} ${r.peer.cidr}${proto} return`];
    case 'group': {
      const groupId = r.peer.groupId;
      return (['ip', 'ip6'] as const).flatMap((family) => {
        const members = groupMembers(ix, router, groupId, family);
        return members.length === 0 ? [] : [`${device} . ${family} ${where} { ${members.join(', ')} }${proto} return`];
      });
    }
    // No prefix list holds addresses here: such a rule matches nothing (as in the analyzer).
    case 'prefix-list':
      return [];
  }
}

function aclChain(name: string, entries: readonly NetworkAclEntry[], egress: boolean, sameSubnet: readonly string[]): string[] {
  // Traffic within one subnet never crosses its network ACL (VPC user guide, "Network ACLs").
  const lines = [`  chain ${name} {`, `    ${egress ? 'oifname' : 'iifname'} { ${sameSubnet.map(q).join(', ')} } return`];
  const own = entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const e of own) {
    const where = egress ? 'daddr' : 'saddr';
    const address = e.cidr !== undefined ? `ip ${where} ${e.cidr}` : e.ipv6Cidr !== undefined ? `ip6 ${where} ${e.ipv6Cidr}` : undefined;
    if (!address) continue;
    lines.push(`    ${address}${entryProtocol(e)} ${e.action === 'allow' ? 'return' : 'drop'}`);
  }
  // `*`: whatever no numbered entry matched is denied.
  lines.push('    drop', '  }');
  return lines;
}

/**
 * A router's nftables table (DATAPLANE.md §2, extended with groups and ACLs). The forward chain,
 * in order: a peering link may only deliver to this VPC's own interfaces and addresses (no
 * transit, no edge-to-edge); the source/destination check; the network ACLs of the subnet left
 * and the subnet entered, on every packet (stateless); then replies of allowed flows (stateful
 * security groups), and for a new flow the sender's egress rules and the receiver's ingress
 * rules (the union of the interface's groups).
 */
export function renderRouterNft(ix: WorldIndex, router: RouterShape, interfaces: readonly NetworkInterface[]): string {
  const eniById = new Map(interfaces.map((e) => [e.id, e]));
  const lines: string[] = ['table inet vpcpeer {'];
  const set = (name: string, type: string, elements: readonly string[], flags = ''): string =>
    `  set ${name} { type ${type};${flags}${elements.length ? ` elements = { ${elements.join(', ')} }` : ''} }`;
  lines.push(set('vpc4', 'ipv4_addr', router.cidrs, ' flags interval;'), set('vpc6', 'ipv6_addr', router.cidrs6, ' flags interval;'));
  const checked = router.ports.filter((p) => eniById.get(p.eniId)?.sourceDestCheck !== false);
  lines.push(set('src_ok', 'ifname . ipv4_addr', checked.flatMap((p) => p.ips.map((ip) => `${q(p.dev)} . ${ip}`))));
  lines.push(set('src_ok6', 'ifname . ipv6_addr', checked.flatMap((p) => p.ipv6s.map((ip) => `${q(p.dev)} . ${ip}`))));
  const unchecked = router.ports.filter((p) => !checked.includes(p)).map((p) => q(p.dev));
  lines.push(`  set nocheck { type ifname;${unchecked.length ? ` elements = { ${unchecked.join(', ')} }` : ''} }`);

  const chains: string[] = [];
  const aclOut: string[] = [];
  const aclIn: string[] = [];
  const subnetIds = [...new Set(router.ports.map((p) => p.subnetId))];
  for (const subnetId of subnetIds) {
    const subnet = ix.subnet(subnetId);
    const acl = subnet ? ix.aclOf(subnet) : undefined;
    if (!acl) continue;
    const devs = router.ports.filter((p) => p.subnetId === subnetId).map((p) => p.dev);
    const out = chainId('acl_out', subnetId);
    const inn = chainId('acl_in', subnetId);
    chains.push(...aclChain(out, acl.entries, true, devs), ...aclChain(inn, acl.entries, false, devs));
    for (const d of devs) {
      aclOut.push(`${q(d)} : jump ${out}`);
      aclIn.push(`${q(d)} : jump ${inn}`);
    }
  }
  const sgOut: string[] = [];
  const sgIn: string[] = [];
  for (const port of router.ports) {
    const eni = eniById.get(port.eniId);
    const groups = (eni?.groupIds ?? []).map((id) => ix.group(id)).filter((g) => g !== undefined);
    for (const egress of [true, false]) {
      const name = chainId(egress ? 'sg_out' : 'sg_in', port.eniId);
      const rules = groups.flatMap((g) => g.rules.filter((r) => r.egress === egress).flatMap((r) => sgRules(ix, router, r)));
      chains.push(`  chain ${name} {`, ...rules.map((r) => `    ${r}`), '    drop', '  }');
      (egress ? sgOut : sgIn).push(`${q(port.dev)} : jump ${name}`);
    }
  }

  lines.push('  chain forward {', '    type filter hook forward priority filter; policy drop;');
  lines.push('    iifname "p*" oifname != "e*" drop', '    iifname "p*" ip daddr != @vpc4 drop', '    iifname "p*" ip6 daddr != @vpc6 drop');
  lines.push('    iifname "e*" iifname != @nocheck iifname . ip saddr != @src_ok drop');
  lines.push('    iifname "e*" iifname != @nocheck iifname . ip6 saddr != @src_ok6 drop');
  if (aclOut.length) lines.push(`    iifname vmap { ${aclOut.join(', ')} }`, `    oifname vmap { ${aclIn.join(', ')} }`);
  lines.push('    ct state established,related accept', '    ct state invalid drop');
  if (sgOut.length) lines.push(`    iifname vmap { ${sgOut.join(', ')} }`, `    oifname vmap { ${sgIn.join(', ')} }`);
  lines.push('    accept', '  }');
  lines.push(...chains, '}');
  return lines.join('\n') + '\n';
}
