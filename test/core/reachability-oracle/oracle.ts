/**
 * An independent reachability oracle for the property test of issue 11. Written without reading
 * the analyzer (src/core/reachability/ apart from its input contract), as plainly as possible:
 * it follows ONE concrete packet hop by hop, forward and back, per /work/shared/REACHABILITY.md §3
 * (REACHABILITY.md below), and decides a query by trying one packet per elementary port
 * interval (every packet of an interval meets exactly the same rules, so this is exact).
 */
import type { NetworkAcl } from '../../../src/core/network-acls/network-acl.js';
import type { NetworkInterface } from '../../../src/core/network-interfaces/network-interface.js';
import type { PeeringConnection } from '../../../src/core/peering/peering-connection.js';
import type { RouteTable } from '../../../src/core/route-table.js';
import type { ReachQuery, ReachWorld } from '../../../src/core/reachability/reach-world.js';
import type { SecurityGroup } from '../../../src/core/security-groups/security-group.js';
import type { Subnet } from '../../../src/core/subnet.js';
import type { Vpc } from '../../../src/core/vpc.js';
import { cidrContains, prefixLength } from './ipv4.js';

export interface Packet {
  readonly protocol: 'tcp' | 'udp';
  readonly srcIp: string;
  readonly dstIp: string;
  readonly srcPort: number;
  readonly dstPort: number;
}

/** Where a packet was stopped, in walk order (the index is how far it got). */
export const BLOCKS = [
  'source-address', // the source ENI does not own the source address (source/dest check)
  'sg-egress', // no egress rule of the source's groups admits it
  'acl-egress', // the source subnet's ACL refuses it outbound
  'no-route', // no route, or a route to something that is not a peering (an IGW): never an ENI
  'blackhole', // the route's peering is not active
  'pcx-cidr', // the address is not inside the far VPC's CIDRs (transitive / edge-to-edge)
  'out-of-scope', // another Region without the inter-Region switch, or an account not visible
  'no-destination', // nobody (or not the named ENI) owns the address where the packet lands
  'acl-ingress', // the destination subnet's ACL refuses it inbound
  'sg-ingress', // no ingress rule of the destination's groups admits it
  'return-acl-egress', // the destination subnet's ACL refuses the reply outbound
  'return-route', // the destination subnet's table does not send the reply back the same way
  'return-acl-ingress', // the source subnet's ACL refuses the reply inbound
  'filtered-out', // the packet got through, but by a component the query excludes (FilterOutArns)
] as const;
export type Block = (typeof BLOCKS)[number];

export type PacketVerdict = { readonly passes: true; readonly via?: string } | { readonly passes: false; readonly block: Block; readonly why: string };

/** The two ends as resolved from a query. */
export interface Ends {
  readonly source: NetworkInterface;
  /** Set when the query names the destination resource; else any ENI owning the address. */
  readonly destination?: NetworkInterface;
  readonly srcIp: string;
  readonly dstIp: string;
}

const pass: PacketVerdict = { passes: true };
const stop = (block: Block, why: string): PacketVerdict => ({ passes: false, block, why });

/** The VPC's IPv4 blocks that route (associated, or on their way). */
function vpcCidrs(vpc: Vpc): string[] {
  return vpc.cidrAssociations.filter((a) => a.state === 'associated' || a.state === 'associating').map((a) => a.cidr);
}

/**
 * Only an active connection carries traffic (§3.2 step 5: otherwise the route is a blackhole).
 * A pending request past its expiry reads `expired`, but it was not active before either, so the
 * stored status answers.
 */
function isActive(p: PeeringConnection): boolean {
  return p.status === 'active';
}

function subnetAcl(world: ReachWorld, subnet: Subnet): NetworkAcl | undefined {
  const acls = world.networkAcls.filter((a) => a.vpcId === subnet.vpcId);
  return acls.find((a) => (a.associations ?? []).some((x) => x.subnetId === subnet.id)) ?? acls.find((a) => a.isDefault);
}

function subnetTable(world: ReachWorld, subnet: Subnet): RouteTable | undefined {
  const tables = world.routeTables.filter((t) => t.vpcId === subnet.vpcId);
  return (
    tables.find((t) => t.associations.some((a) => !a.main && a.subnetId === subnet.id)) ?? tables.find((t) => t.associations.some((a) => a.main))
  );
}

/** First matching rule by number decides; nothing matching is the implicit deny (REACHABILITY.md §3.5). */
function aclAllows(acl: NetworkAcl | undefined, egress: boolean, protocol: 'tcp' | 'udp', remoteIp: string, port: number): boolean {
  if (!acl) return false;
  const number = protocol === 'tcp' ? '6' : '17';
  const entries = acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const e of entries) {
    if (e.protocol !== '-1' && e.protocol !== number) continue;
    if (e.cidr === undefined || !cidrContains(e.cidr, remoteIp)) continue;
    if (e.protocol !== '-1' && e.portRange && (port < e.portRange.from || port > e.portRange.to)) continue;
    return e.action === 'allow';
  }
  return false;
}

/**
 * Union of allow rules of all the ENI's groups (REACHABILITY.md §3.2 steps 2 and 8), but those
 * the query excludes. A group reference matches when the ENI at the other end carries the group
 * and is in this VPC or across a same-Region peering (§3.4); `other` is undefined when no ENI
 * owns the address.
 */
function groupsAllow(
  world: ReachWorld,
  excluded: ReadonlySet<string>,
  eni: NetworkInterface,
  egress: boolean,
  protocol: 'tcp' | 'udp',
  remoteIp: string,
  port: number,
  other: NetworkInterface | undefined,
  crossed: PeeringConnection | undefined,
): boolean {
  const groups = eni.groupIds.map((id) => world.securityGroups.find((g) => g.id === id)).filter((g): g is SecurityGroup => g !== undefined);
  for (const g of groups) {
    if (excluded.has(g.id)) continue;
    for (const r of g.rules) {
      if (r.egress !== egress) continue;
      if (r.protocol !== '-1' && r.protocol !== protocol) continue;
      if (r.protocol !== '-1' && (port < r.fromPort || port > r.toPort)) continue;
      const p = r.peer;
      if (p.kind === 'ipv4' && cidrContains(p.cidr, remoteIp)) return true;
      if (p.kind === 'group' && other && other.groupIds.includes(p.groupId)) {
        const sameVpc = other.vpcId === eni.vpcId;
        const sameRegionPeer = crossed !== undefined && crossed.requester.region === crossed.accepter.region;
        if (sameVpc || sameRegionPeer) return true;
      }
    }
  }
  return false;
}

/** Longest-prefix match over the VPC's local blocks and the table's stored IPv4 routes (§3.2 step 5). */
function lookup(table: RouteTable | undefined, vpc: Vpc, ip: string): { kind: string; id?: string; cidr: string } | undefined {
  const candidates: { kind: string; id?: string; cidr: string }[] = vpcCidrs(vpc).map((cidr) => ({ kind: 'local', cidr }));
  for (const r of table?.routes ?? []) {
    if (r.destinationCidrBlock === undefined || r.target.kind === 'local') continue;
    candidates.push({ kind: r.target.kind, id: 'id' in r.target ? r.target.id : undefined, cidr: r.destinationCidrBlock });
  }
  let best: { kind: string; id?: string; cidr: string } | undefined;
  for (const c of candidates) {
    if (!cidrContains(c.cidr, ip)) continue;
    if (!best || (prefixLength(c.cidr) ?? -1) > (prefixLength(best.cidr) ?? -1)) best = c;
  }
  return best;
}

function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`oracle: world lacks ${what}`);
  return v;
}

/** One packet, forward then reply. */
export function checkPacket(world: ReachWorld, query: ReachQuery, ends: Ends, pkt: Packet): PacketVerdict {
  const visible = (account: string): boolean => account === query.accountId || world.visibleAccounts.has(account);
  const excluded = new Set(query.filterOut ?? []);
  const src = ends.source;
  const srcSubnet = must(world.subnets.find((s) => s.id === src.subnetId), src.subnetId);
  const srcVpc = must(world.vpcs.find((v) => v.id === src.vpcId), src.vpcId);

  // 1. Source/dest check.
  if (!src.privateIps.includes(pkt.srcIp)) return stop('source-address', `${pkt.srcIp} is not an address of ${src.id}`);

  // Where does routing put the packet? (Decided now; reported in walk order below.)
  const route = lookup(subnetTable(world, srcSubnet), srcVpc, pkt.dstIp);
  let landing: Vpc | undefined;
  let crossed: PeeringConnection | undefined;
  let routeBlock: PacketVerdict = pass;
  if (!route) routeBlock = stop('no-route', `no route for ${pkt.dstIp}`);
  else if (route.kind === 'local') landing = srcVpc;
  else if (route.kind !== 'vpc-peering-connection') routeBlock = stop('no-route', `${route.cidr} goes to ${route.kind} ${route.id}`);
  else {
    const pcx = world.peerings.find((p) => p.id === route.id);
    const farSide = pcx && (pcx.requester.vpcId === srcVpc.id ? pcx.accepter : pcx.accepter.vpcId === srcVpc.id ? pcx.requester : undefined);
    const far = farSide && world.vpcs.find((v) => v.id === farSide.vpcId);
    if (!pcx || !isActive(pcx)) routeBlock = stop('blackhole', `${route.cidr} -> ${route.id} (${pcx?.status ?? 'missing'})`);
    else if (!far) routeBlock = stop('pcx-cidr', `${route.id} has no far VPC in the world`);
    else if (!vpcCidrs(far).some((c) => cidrContains(c, pkt.dstIp))) routeBlock = stop('pcx-cidr', `${pkt.dstIp} not in ${far.id} ${vpcCidrs(far).join(',')}`);
    else if (far.region !== srcVpc.region && !query.interRegion) routeBlock = stop('out-of-scope', `${far.id} is in ${far.region}`);
    else if (!visible(far.accountId)) routeBlock = stop('out-of-scope', `${far.id} is in account ${far.accountId}`);
    else {
      landing = far;
      crossed = pcx;
    }
  }
  // The ENI that owns the address where the packet lands (addresses are unique within a VPC).
  const dst = landing ? world.networkInterfaces.find((e) => e.vpcId === landing.id && e.privateIps.includes(pkt.dstIp)) : undefined;
  const dstSubnet = dst && world.subnets.find((s) => s.id === dst.subnetId);
  // Traffic that stays inside one subnet never crosses its ACL (§3.5).
  const sameSubnet = landing === srcVpc && cidrContains(srcSubnet.cidrBlock, pkt.dstIp);

  // 2. Source groups, egress.
  if (!groupsAllow(world, excluded, src, true, pkt.protocol, pkt.dstIp, pkt.dstPort, dst, crossed)) return stop('sg-egress', `groups ${src.groupIds.join(',')} of ${src.id}`);
  // 3. Source subnet ACL, egress.
  const srcAcl = subnetAcl(world, srcSubnet);
  if (!sameSubnet && !aclAllows(srcAcl, true, pkt.protocol, pkt.dstIp, pkt.dstPort)) return stop('acl-egress', `${srcAcl?.id} egress`);
  // 4-6. Route table, peering hop.
  if (!routeBlock.passes) return routeBlock;
  // 7. Delivery, and the named destination.
  if (!dst || !dstSubnet) return stop('no-destination', `no ENI owns ${pkt.dstIp} in ${landing?.id}`);
  if (ends.destination && ends.destination.id !== dst.id) return stop('no-destination', `${pkt.dstIp} lands on ${dst.id}, not ${ends.destination.id}`);
  // 8. Destination subnet ACL, ingress; destination groups, ingress.
  const dstAcl = subnetAcl(world, dstSubnet);
  if (!sameSubnet && !aclAllows(dstAcl, false, pkt.protocol, pkt.srcIp, pkt.dstPort)) return stop('acl-ingress', `${dstAcl?.id} ingress`);
  if (!groupsAllow(world, excluded, dst, false, pkt.protocol, pkt.srcIp, pkt.dstPort, src, crossed)) return stop('sg-ingress', `groups ${dst.groupIds.join(',')} of ${dst.id}`);

  // Reply (§3.3): groups are stateful; ACLs see the reply with ports swapped.
  if (!sameSubnet && !aclAllows(dstAcl, true, pkt.protocol, pkt.srcIp, pkt.srcPort)) return stop('return-acl-egress', `${dstAcl?.id} egress to port ${pkt.srcPort}`);
  const dstVpc = must(landing, 'landing');
  const back = lookup(subnetTable(world, dstSubnet), dstVpc, pkt.srcIp);
  const sameWay = crossed ? back?.kind === 'vpc-peering-connection' && back.id === crossed.id : back?.kind === 'local';
  if (!sameWay) return stop('return-route', `reply to ${pkt.srcIp} goes ${back ? `${back.cidr} -> ${back.kind} ${back.id ?? ''}` : 'nowhere'}`);
  if (!sameSubnet && !aclAllows(srcAcl, false, pkt.protocol, pkt.dstIp, pkt.srcPort)) return stop('return-acl-ingress', `${srcAcl?.id} ingress to port ${pkt.srcPort}`);
  // Everything the packet and its reply went through (groups were handled above): the interfaces
  // (and instances the query names), their subnets and VPCs, the ACLs crossed, both route tables
  // and the peering. None of them may be one the query excludes.
  const used = [
    query.source, src.id, srcSubnet.id, srcVpc.id, subnetTable(world, srcSubnet)?.id, crossed?.id,
    query.destination, dst.id, dstSubnet.id, dstVpc.id, subnetTable(world, dstSubnet)?.id,
    ...(sameSubnet ? [] : [srcAcl?.id, dstAcl?.id]),
  ];
  const out = used.find((id) => id !== undefined && excluded.has(id));
  if (out !== undefined) return stop('filtered-out', `${out} is excluded`);
  return crossed ? { passes: true, via: crossed.id } : pass;
}

/** The query's source and destination as ENIs and addresses (instances stand for their primary ENI). */
export function resolveEnds(world: ReachWorld, query: ReachQuery): Ends | undefined {
  const eniOf = (id: string): NetworkInterface | undefined => {
    const eniId = id.startsWith('i-') ? world.instances.find((i) => i.id === id)?.primaryNetworkInterfaceId : id;
    return world.networkInterfaces.find((e) => e.id === eniId);
  };
  const source = eniOf(query.source);
  if (!source) return undefined;
  const destination = query.destination !== undefined ? eniOf(query.destination) : undefined;
  if (query.destination !== undefined && !destination) return undefined;
  const dstIp = query.destinationIp ?? destination?.privateIps[0];
  if (dstIp === undefined) return undefined;
  return { source, destination, srcIp: query.sourceIp ?? (source.privateIps[0] as string), dstIp };
}

/**
 * One port per elementary interval of [lo, hi] cut at every rule boundary that can see this
 * query's packets: all packets of one interval meet the same rules, so trying one is exact.
 */
function representatives(lo: number, hi: number, boundaries: Iterable<number>): number[] {
  // The edges the brief names, too: cheap, and they make a failure easy to read.
  const points = new Set<number>([lo, 0, 1023, 1024, 32768, 65535]);
  for (const b of boundaries) points.add(b);
  return [...points].filter((p) => p >= lo && p <= hi).sort((a, b) => a - b);
}

export interface OracleAnswer {
  readonly found: boolean;
  /** A packet that passes, or the one that got furthest, with where it stopped. */
  readonly packet?: Packet;
  /** The peering a found path crosses. */
  readonly via?: string;
  readonly block?: Block;
  readonly why?: string;
  readonly packetsTried: number;
}

export function oracle(world: ReachWorld, query: ReachQuery): OracleAnswer {
  // The oracle checks AWS's questions; ICMP (vpcpeer's own) is checked against real pings instead.
  if (query.protocol === 'icmp') throw new Error('the oracle answers tcp and udp questions only');
  const protocol = query.protocol;
  const ends = resolveEnds(world, query);
  if (!ends) return { found: false, block: 'no-destination', why: 'query names nothing in the world', packetsTried: 0 };
  // Every rule that may look at these packets: the groups and ACLs at the source and at any ENI
  // that owns the destination address (wherever routing lands, it lands on one of them).
  const owners = ends.destination ? [ends.destination] : world.networkInterfaces.filter((e) => e.privateIps.includes(ends.dstIp));
  const enis = [ends.source, ...owners];
  const groupIds = new Set(enis.flatMap((e) => e.groupIds));
  const subnets = enis.map((e) => world.subnets.find((s) => s.id === e.subnetId)).filter((s): s is Subnet => s !== undefined);
  const acls = subnets.map((s) => subnetAcl(world, s)).filter((a): a is NetworkAcl => a !== undefined);
  const dstCuts: number[] = [];
  for (const g of world.securityGroups) {
    if (!groupIds.has(g.id)) continue;
    for (const r of g.rules) dstCuts.push(r.fromPort, r.toPort + 1);
  }
  const srcCuts: number[] = [];
  for (const a of acls) {
    for (const e of a.entries) {
      if (e.portRange) {
        dstCuts.push(e.portRange.from, e.portRange.to + 1);
        srcCuts.push(e.portRange.from, e.portRange.to + 1);
      }
    }
  }
  const dstPorts = representatives(query.destinationPorts?.from ?? 0, query.destinationPorts?.to ?? 65535, dstCuts);
  const srcPorts = representatives(query.sourcePorts?.from ?? 0, query.sourcePorts?.to ?? 65535, srcCuts);
  let best: OracleAnswer | undefined;
  let tried = 0;
  for (const dstPort of dstPorts) {
    for (const srcPort of srcPorts) {
      const packet: Packet = { protocol, srcIp: ends.srcIp, dstIp: ends.dstIp, srcPort, dstPort };
      const v = checkPacket(world, query, ends, packet);
      tried++;
      if (v.passes) return { found: true, packet, ...(v.via ? { via: v.via } : {}), packetsTried: tried };
      if (!best || BLOCKS.indexOf(v.block) > BLOCKS.indexOf(best.block as Block)) best = { found: false, packet, block: v.block, why: v.why, packetsTried: 0 };
    }
  }
  return { ...(best ?? { found: false }), packetsTried: tried };
}
