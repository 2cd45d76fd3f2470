/**
 * Seeded random worlds for the reachability property test: a handful of VPCs in one or two
 * accounts (sometimes two Regions), peerings in every state, route tables, security groups,
 * network ACLs, interfaces and instances, as the store holds them; plus the probes to ask.
 * The same seed always gives the same world, so a failure replays from its seed alone.
 */
import type { Instance } from '../../../src/core/instances/instance.js';
import type { NetworkAcl, NetworkAclEntry } from '../../../src/core/network-acls/network-acl.js';
import type { NetworkInterface } from '../../../src/core/network-interfaces/network-interface.js';
import type { PeeringConnection, PeeringSide, PeeringStatus } from '../../../src/core/peering/peering-connection.js';
import type { PortRange, ReachQuery, ReachWorld } from '../../../src/core/reachability/reach-world.js';
import type { Route, RouteTable } from '../../../src/core/route-table.js';
import type { RulePeer, SecurityGroup, SecurityGroupRule } from '../../../src/core/security-groups/security-group.js';
import type { Subnet } from '../../../src/core/subnet.js';
import type { Vpc } from '../../../src/core/vpc.js';
import { makeRng } from '../../../bench/prng.js';
import { cidrWithin, cidrsOverlap, ipToNumber, numberToIp } from './ipv4.js';

class Dice {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from nothing');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** Picks by weight: [[weight, value], ...]. */
  weighted<T>(options: readonly (readonly [number, T])[]): T {
    const total = options.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of options) {
      r -= w;
      if (r < 0) return v;
    }
    return (options[options.length - 1] as readonly [number, T])[1];
  }
}

export const ACCOUNTS = ['111111111111', '222222222222'] as const;
export const REGIONS = ['us-east-1', 'eu-west-1'] as const;
const NOW = 1_800_000_000_000;
const DAY = 86_400_000;
// Few blocks, so that VPCs overlap now and then (peers of one VPC may overlap each other).
const PRIMARY_BLOCKS = ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16', '10.3.0.0/16', '172.16.0.0/16', '10.1.0.0/16'] as const;
// Port edges rules like to sit on: well-known, ephemeral, and the ends.
const PORTS = [0, 22, 80, 443, 1023, 1024, 3306, 32767, 32768, 49152, 65535] as const;
const RANGES: readonly PortRange[] = [
  { from: 0, to: 65535 },
  { from: 1024, to: 65535 },
  { from: 32768, to: 65535 },
  { from: 0, to: 1023 },
  { from: 22, to: 22 },
  { from: 80, to: 80 },
  { from: 443, to: 443 },
  { from: 80, to: 443 },
  { from: 1024, to: 49151 },
  { from: 49152, to: 65535 },
];

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

export interface RandomWorld {
  readonly seed: number;
  readonly world: ReachWorld;
  readonly probes: readonly ReachQuery[];
}

export function randomWorld(seed: number, probeCount = 6): RandomWorld {
  const d = new Dice(makeRng(seed));
  let counter = 0;
  const id = (prefix: string): string => `${prefix}-${hex(seed % 0x10000, 4)}${hex(++counter, 13)}`;
  const twoAccounts = d.chance(0.6);
  const twoRegions = d.chance(0.35);
  const accounts = twoAccounts ? [...ACCOUNTS] : [ACCOUNTS[0]];
  const regions = twoRegions ? [...REGIONS] : [REGIONS[0]];

  // VPCs.
  const vpcs: Vpc[] = [];
  const vpcCount = d.int(2, 6);
  for (let i = 0; i < vpcCount; i++) {
    const primary = d.pick(PRIMARY_BLOCKS);
    const blocks: string[] = [primary];
    if (d.chance(0.25)) blocks.push(`100.64.${d.int(0, 3)}.0/24`);
    const vpcId = id('vpc');
    vpcs.push({
      id: vpcId,
      accountId: d.pick(accounts),
      region: d.pick(regions),
      cidrBlock: primary,
      cidrAssociations: blocks.map((cidr) => ({ associationId: id('vpc-cidr-assoc'), cidr, state: 'associated' as const })),
      ipv6Associations: [],
      isDefault: false,
      instanceTenancy: 'default',
      dhcpOptionsId: 'dopt-00000000',
      enableDnsSupport: true,
      enableDnsHostnames: false,
      enableNetworkAddressUsageMetrics: false,
      createdAt: NOW - 30 * DAY,
    });
  }
  const cidrsOf = (v: Vpc): string[] => v.cidrAssociations.map((a) => a.cidr);
  const overlap = (a: Vpc, b: Vpc): boolean => cidrsOf(a).some((x) => cidrsOf(b).some((y) => cidrsOverlap(x, y)));

  // Subnets: /24s of a VPC block (third octet 0-3 of the primary, or the whole secondary /24).
  const subnets: Subnet[] = [];
  for (const v of vpcs) {
    const used = new Set<string>();
    const n = d.int(1, 3);
    for (let i = 0; i < n; i++) {
      const block = d.pick(cidrsOf(v));
      const base = ipToNumber(block.split('/')[0] as string);
      const cidr = block.endsWith('/24') ? block : `${numberToIp(base + d.int(0, 3) * 256)}/24`;
      if (used.has(cidr)) continue;
      used.add(cidr);
      subnets.push({
        id: id('subnet'),
        accountId: v.accountId,
        region: v.region,
        vpcId: v.id,
        cidrBlock: cidr,
        ipv6Associations: [],
        availabilityZone: `${v.region}a`,
        availabilityZoneId: `${v.region === 'us-east-1' ? 'use1' : 'euw1'}-az1`,
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
        assignIpv6AddressOnCreation: false,
        createdAt: NOW - 29 * DAY,
      });
    }
  }
  const subnetsOf = (v: Vpc): Subnet[] => subnets.filter((s) => s.vpcId === v.id);

  // Peerings, in every state. Only non-overlapping VPCs can be active (AWS refuses the others:
  // they end `failed`); at most one live connection per pair (aws-semantics: one per pair).
  const peerings: PeeringConnection[] = [];
  const live = new Set<string>();
  const peeringCount = d.int(1, vpcCount + 2);
  for (let i = 0; i < peeringCount; i++) {
    const a = d.pick(vpcs);
    const b = d.pick(vpcs);
    if (a === b) continue;
    let status: PeeringStatus = d.weighted<PeeringStatus>([
      [14, 'active'],
      [2, 'pending-acceptance'],
      [1, 'rejected'],
      [1, 'deleted'],
      [1, 'expired'],
      [1, 'failed'],
      [0.3, 'provisioning'],
    ]);
    const pair = [a.id, b.id].sort().join('+');
    if (overlap(a, b) && status !== 'deleted' && status !== 'rejected') status = 'failed';
    const isLive = status === 'active' || status === 'pending-acceptance' || status === 'provisioning';
    if (isLive && live.has(pair)) continue;
    if (isLive) live.add(pair);
    const side = (v: Vpc): PeeringSide => ({
      accountId: v.accountId,
      region: v.region,
      vpcId: v.id,
      cidrBlock: v.cidrBlock,
      cidrBlocks: cidrsOf(v),
      ipv6CidrBlocks: [],
      options: { allowDnsResolutionFromRemoteVpc: false, allowEgressFromLocalClassicLinkToRemoteVpc: false, allowEgressFromLocalVpcToRemoteClassicLink: false },
    });
    const createdAt = NOW - d.int(1, 10) * DAY;
    peerings.push({
      id: id('pcx'),
      requester: side(a),
      accepter: side(b),
      status,
      createdAt,
      statusChangedAt: createdAt + 1000,
      // A pending request may already be past its expiry (it then reads `expired`).
      expiresAt: createdAt + 7 * DAY,
      ...(status === 'active' || status === 'deleted' ? { acceptedAt: createdAt + 1000 } : {}),
      ...(status === 'deleted' || status === 'rejected' ? { changedBy: b.accountId } : {}),
    });
  }
  const peersOf = (v: Vpc): { pcx: PeeringConnection; far: Vpc }[] =>
    peerings.flatMap((p) => {
      const farId = p.requester.vpcId === v.id ? p.accepter.vpcId : p.accepter.vpcId === v.id ? p.requester.vpcId : undefined;
      const far = vpcs.find((x) => x.id === farId);
      return far ? [{ pcx: p, far }] : [];
    });

  // Security groups: each VPC's default group plus a couple; rules come after the ENIs exist.
  const groups: SecurityGroup[] = [];
  for (const v of vpcs) {
    const n = d.int(1, 3);
    for (let i = 0; i < n; i++) {
      groups.push({ id: id('sg'), accountId: v.accountId, region: v.region, vpcId: v.id, name: i === 0 ? 'default' : `g${i}`, description: 'x', rules: [], createdAt: NOW - 28 * DAY });
    }
  }

  // Interfaces: a few per subnet, host numbers from a small range so addresses recur across
  // overlapping VPCs; unique within a VPC.
  const enis: NetworkInterface[] = [];
  const instances: Instance[] = [];
  for (const v of vpcs) {
    const taken = new Set<string>();
    const own = groups.filter((g) => g.vpcId === v.id);
    for (const s of subnetsOf(v)) {
      const base = ipToNumber(s.cidrBlock.split('/')[0] as string);
      const n = d.int(1, 3);
      for (let i = 0; i < n; i++) {
        const ips: string[] = [];
        const want = d.chance(0.2) ? 2 : 1;
        for (let k = 0; k < 6 && ips.length < want; k++) {
          const ip = numberToIp(base + d.int(4, 12));
          if (!taken.has(ip)) {
            taken.add(ip);
            ips.push(ip);
          }
        }
        if (ips.length === 0) continue;
        const groupIds = [d.pick(own).id];
        if (d.chance(0.3)) {
          const extra = d.pick(own).id;
          if (!groupIds.includes(extra)) groupIds.push(extra);
        }
        const eniId = id('eni');
        const withInstance = d.chance(0.3);
        const instanceId = withInstance ? id('i') : undefined;
        enis.push({
          id: eniId,
          accountId: v.accountId,
          region: v.region,
          subnetId: s.id,
          vpcId: v.id,
          availabilityZone: s.availabilityZone,
          description: '',
          groupIds,
          privateIps: ips,
          ipv6Addresses: [],
          sourceDestCheck: d.chance(0.9),
          macAddress: `02:00:00:00:${hex(counter % 256, 2)}:01`,
          interfaceType: 'interface',
          requesterManaged: false,
          ...(instanceId
            ? { attachment: { id: id('eni-attach'), instanceId, instanceOwnerId: v.accountId, deviceIndex: 0, deleteOnTermination: true, attachedAt: NOW - 20 * DAY } }
            : {}),
          createdAt: NOW - 20 * DAY,
        });
        if (instanceId) {
          instances.push({
            id: instanceId,
            accountId: v.accountId,
            region: v.region,
            reservationId: id('r'),
            imageId: 'ami-0123456789abcdef0',
            instanceType: 't3.micro',
            subnetId: s.id,
            vpcId: v.id,
            availabilityZone: s.availabilityZone,
            primaryNetworkInterfaceId: eniId,
            lifecycle: { target: 'running', since: NOW - 20 * DAY },
            launchedAt: NOW - 20 * DAY,
          });
        }
      }
    }
  }

  // Addresses rules and routes like to name: whole VPCs, subnets, single hosts, the world.
  const someCidr = (): string =>
    d.weighted<() => string>([
      [3, () => '0.0.0.0/0'],
      [3, () => d.pick(cidrsOf(d.pick(vpcs)))],
      [2, () => d.pick(subnets).cidrBlock],
      [2, () => (enis.length ? `${d.pick(d.pick(enis).privateIps)}/32` : '10.0.0.0/8')],
      [1, () => '10.0.0.0/8'],
      [1, () => '10.1.0.0/17'],
    ])();

  const rule = (egress: boolean): SecurityGroupRule => {
    const protocol = d.weighted<string>([
      [4, '-1'],
      [5, 'tcp'],
      [3, 'udp'],
      [1, 'icmp'],
      [0.3, '50'],
    ]);
    const range = protocol === 'tcp' || protocol === 'udp' ? (d.chance(0.5) ? d.pick(RANGES) : (() => { const p = d.pick(PORTS); return { from: p, to: p }; })()) : { from: -1, to: -1 };
    const peer: RulePeer = d.chance(0.35)
      ? (() => {
          // Any group of the world (cross-VPC and cross-account references included), now and then
          // one that no longer exists (a stale reference matches nothing).
          if (d.chance(0.1)) return { kind: 'group', groupId: id('sg'), userId: ACCOUNTS[0], vpcId: d.pick(vpcs).id };
          const g = d.pick(groups);
          return { kind: 'group', groupId: g.id, userId: g.accountId, vpcId: g.vpcId };
        })()
      : d.chance(0.05)
        ? { kind: 'ipv6', cidr: '::/0' }
        : { kind: 'ipv4', cidr: someCidr() };
    return { id: id('sgr'), egress, protocol, fromPort: range.from, toPort: range.to, peer };
  };
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi] as SecurityGroup;
    const rules: SecurityGroupRule[] = [];
    // A new group's own egress rule allows everything (REACHABILITY.md §4.2); keep it most of the time.
    if (d.chance(0.8)) rules.push({ id: id('sgr'), egress: true, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' } });
    const ins = d.int(0, 3);
    for (let i = 0; i < ins; i++) rules.push(rule(false));
    const outs = d.int(0, 2);
    for (let i = 0; i < outs; i++) rules.push(rule(true));
    if (d.chance(0.6)) rules.push({ id: id('sgr'), egress: false, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' } });
    groups[gi] = { ...g, rules };
  }

  // Network ACLs: the default (allow all both ways, usually) and sometimes a custom one.
  const catchAll: NetworkAclEntry[] = [
    { ruleNumber: 32767, egress: false, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
    { ruleNumber: 32767, egress: true, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
  ];
  const randomEntries = (egress: boolean): NetworkAclEntry[] => {
    const n = d.int(0, 4);
    const numbers = new Set<number>();
    const out: NetworkAclEntry[] = [];
    for (let i = 0; i < n; i++) {
      const ruleNumber = d.pick([10, 50, 100, 110, 120, 200, 300]);
      if (numbers.has(ruleNumber)) continue;
      numbers.add(ruleNumber);
      const protocol = d.weighted<string>([
        [4, '-1'],
        [5, '6'],
        [3, '17'],
        [1, '1'],
      ]);
      const action = d.chance(0.7) ? 'allow' : 'deny';
      const entry: NetworkAclEntry =
        protocol === '6' || protocol === '17'
          ? { ruleNumber, egress, protocol, action, cidr: someCidr(), portRange: d.pick(RANGES) }
          : protocol === '1'
            ? { ruleNumber, egress, protocol, action, cidr: someCidr(), icmp: { type: -1, code: -1 } }
            : { ruleNumber, egress, protocol, action, cidr: someCidr() };
      out.push(d.chance(0.04) ? { ruleNumber, egress, protocol: '-1', action: 'allow', ipv6Cidr: '::/0' } : entry);
    }
    return out;
  };
  const acls: NetworkAcl[] = [];
  for (const v of vpcs) {
    const allowAll: NetworkAclEntry[] = [
      { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
      { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
    ];
    const defaultEntries = d.chance(0.85) ? [...allowAll, ...catchAll] : [...randomEntries(false), ...randomEntries(true), ...catchAll];
    acls.push({ id: id('acl'), accountId: v.accountId, region: v.region, vpcId: v.id, isDefault: true, entries: defaultEntries, createdAt: NOW - 30 * DAY });
    const own = subnetsOf(v);
    if (own.length > 0 && d.chance(0.35)) {
      // A custom ACL: some deliberate rules, often with the ephemeral return rule, sometimes without.
      const entries = [...randomEntries(false), ...randomEntries(true), ...catchAll];
      if (d.chance(0.6)) entries.push({ ruleNumber: 400, egress: false, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' });
      if (d.chance(0.6)) entries.push({ ruleNumber: 400, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' });
      const associated = own.filter(() => d.chance(0.6));
      acls.push({
        id: id('acl'),
        accountId: v.accountId,
        region: v.region,
        vpcId: v.id,
        isDefault: false,
        entries,
        associations: associated.map((s) => ({ id: id('aclassoc'), subnetId: s.id })),
        createdAt: NOW - 25 * DAY,
      });
    }
  }

  // Route tables: the main one and sometimes a custom one with explicit associations; routes to
  // the VPC's peerings (whole far VPC, a subnet, one host, a supernet, another VPC's block: a
  // transit attempt), an internet gateway now and then.
  const tables: RouteTable[] = [];
  for (const v of vpcs) {
    const local: Route[] = cidrsOf(v).map((cidr) => ({ destinationCidrBlock: cidr, target: { kind: 'local' }, origin: 'CreateRouteTable' }));
    const peerRoutes = (): Route[] => {
      const routes: Route[] = [];
      const add = (cidr: string, target: Route['target']): void => {
        // Two routes of one table never share a block, and none is more specific than (or equal
        // to) the VPC's own blocks: CreateRoute refuses those for peering targets.
        if (routes.some((r) => r.destinationCidrBlock === cidr)) return;
        if (cidrsOf(v).some((own) => cidrWithin(cidr, own))) return;
        routes.push({ destinationCidrBlock: cidr, target, origin: 'CreateRoute' });
      };
      for (const { pcx, far } of peersOf(v)) {
        if (!d.chance(0.85)) continue;
        const target: Route['target'] = { kind: 'vpc-peering-connection', id: pcx.id };
        const farSubnets = subnetsOf(far);
        const farEnis = enis.filter((e) => e.vpcId === far.id);
        d.weighted<() => void>([
          [10, () => add(d.pick(cidrsOf(far)), target)],
          [2, () => farSubnets.length && add(d.pick(farSubnets).cidrBlock, target)],
          [2, () => farEnis.length && add(`${d.pick(d.pick(farEnis).privateIps)}/32`, target)],
          [1, () => add('10.0.0.0/8', target)],
          [1, () => add(d.pick(cidrsOf(d.pick(vpcs))), target)],
        ])();
        // A route through this peering to some other VPC: how people try transit.
        if (d.chance(0.25)) add(d.pick(cidrsOf(d.pick(vpcs))), target);
      }
      if (d.chance(0.2)) add('0.0.0.0/0', { kind: 'gateway', id: id('igw') });
      return routes;
    };
    const table = (associations: RouteTable['associations'], age: number): RouteTable => ({
      id: id('rtb'),
      accountId: v.accountId,
      region: v.region,
      vpcId: v.id,
      routes: [...local, ...peerRoutes()],
      associations,
      createdAt: NOW - age * DAY,
    });
    tables.push(table([{ id: id('rtbassoc'), main: true }], 30));
    const own = subnetsOf(v);
    if (own.length > 0 && d.chance(0.5)) {
      const associated = own.filter(() => d.chance(0.6));
      tables.push(table(associated.map((s) => ({ id: id('rtbassoc'), main: false, subnetId: s.id })), 25));
    }
  }

  const world: ReachWorld = {
    now: NOW,
    vpcs,
    subnets,
    routeTables: tables,
    peerings,
    securityGroups: groups,
    networkAcls: acls,
    networkInterfaces: enis,
    instances,
    names: new Map(),
    visibleAccounts: new Set(d.chance(0.8) ? accounts : []),
  };
  return { seed, world, probes: enis.length >= 2 ? Array.from({ length: probeCount }, () => randomProbe(d, world)) : [] };
}

function randomProbe(d: Dice, world: ReachWorld): ReachQuery {
  const src = d.pick(world.networkInterfaces);
  const instance = world.instances.find((i) => i.primaryNetworkInterfaceId === src.id);
  const source = instance && d.chance(0.3) ? instance.id : src.id;
  // Mostly towards the source's own VPC or a VPC it is peered with: where the interesting hops are.
  const peersOf = (vpcId: string): string[] =>
    world.peerings.flatMap((p) => (p.requester.vpcId === vpcId ? [p.accepter.vpcId] : p.accepter.vpcId === vpcId ? [p.requester.vpcId] : []));
  const near = new Set([src.vpcId, ...peersOf(src.vpcId)]);
  const nearEnis = world.networkInterfaces.filter((e) => e !== src && near.has(e.vpcId));
  const peerEnis = nearEnis.filter((e) => e.vpcId !== src.vpcId);
  // A peer of a peer: the transitive attempt peering forbids.
  const farEnis = world.networkInterfaces.filter((e) => !near.has(e.vpcId) && [...near].some((v) => peersOf(v).includes(e.vpcId)));
  const dst = d.weighted<() => NetworkInterface>([
    [peerEnis.length ? 6 : 0, () => d.pick(peerEnis)],
    [nearEnis.length ? 2 : 0, () => d.pick(nearEnis)],
    [farEnis.length ? 1 : 0, () => d.pick(farEnis)],
    [1, () => d.pick(world.networkInterfaces)],
  ])();
  // A path from an interface to itself is no question anyone asks (and AWS's answer is unknown).
  if (dst === src) return randomProbe(d, world);
  const dstInstance = world.instances.find((i) => i.primaryNetworkInterfaceId === dst.id);
  const sourceIp = d.weighted<string | undefined>([
    [8, undefined],
    [1.5, d.pick(src.privateIps)],
    // Not the source's: the source/dest check refuses it (only asked of interfaces that check).
    [src.sourceDestCheck ? 0.5 : 0, d.pick(dst.privateIps)],
  ]);
  const port = d.pick(PORTS);
  const destinationPorts = d.weighted<PortRange | undefined>([
    [7, { from: port, to: port }],
    [1.5, d.pick(RANGES)],
    [1.5, undefined],
  ]);
  const sourcePorts = d.weighted<PortRange | undefined>([
    [8, undefined],
    [2, d.pick(RANGES)],
  ]);
  // Now and then a component the analysis must do without (FilterOutArns): mostly one this probe's
  // packets may go through (either end's interface, instance, subnet, VPC, groups, ACLs, tables,
  // the source's peerings), now and then anything.
  const near2 = new Set([src.vpcId, dst.vpcId]);
  const around = [
    src.id, dst.id, src.subnetId, dst.subnetId, ...near2, ...src.groupIds, ...dst.groupIds,
    ...world.instances.filter((i) => i.primaryNetworkInterfaceId === src.id || i.primaryNetworkInterfaceId === dst.id).map((i) => i.id),
    ...world.networkAcls.filter((a) => near2.has(a.vpcId)).map((a) => a.id),
    ...world.routeTables.filter((t) => near2.has(t.vpcId)).map((t) => t.id),
    ...world.peerings.filter((p) => p.requester.vpcId === src.vpcId || p.accepter.vpcId === src.vpcId).map((p) => p.id),
  ];
  const anything = [...world.vpcs, ...world.subnets, ...world.securityGroups, ...world.networkAcls, ...world.routeTables, ...world.peerings].map((r) => r.id);
  const filterOut = d.weighted<string[] | undefined>([
    [8, undefined],
    [1.6, [d.pick(around)]],
    [0.4, [d.pick(anything), d.pick(around)]],
  ]);
  const byIp = d.chance(0.35);
  const common = {
    accountId: src.accountId,
    region: src.region,
    source,
    protocol: d.chance(0.6) ? ('tcp' as const) : ('udp' as const),
    ...(sourceIp !== undefined ? { sourceIp } : {}),
    ...(destinationPorts ? { destinationPorts } : {}),
    ...(sourcePorts ? { sourcePorts } : {}),
    ...(d.chance(0.5) ? { interRegion: true } : {}),
    ...(filterOut ? { filterOut } : {}),
  };
  if (byIp) {
    // An address only: an interface's, or a free one in some subnet (nobody owns it).
    const ip = d.chance(0.85) ? d.pick(dst.privateIps) : numberToIp(ipToNumber((d.pick(world.subnets).cidrBlock.split('/')[0]) as string) + d.int(4, 12));
    // Not one of the source's own addresses: talking to itself, again.
    return { ...common, destinationIp: src.privateIps.includes(ip) ? (dst.privateIps[0] as string) : ip };
  }
  const destination = dstInstance && d.chance(0.3) ? dstInstance.id : dst.id;
  // Now and then an address the destination does not own (ENI_ADDRESS_RESTRICTION).
  const destinationIp = d.weighted<string | undefined>([
    [8, undefined],
    [1, d.pick(dst.privateIps)],
    [0.4, d.pick(src.privateIps)],
  ]);
  return { ...common, destination, ...(destinationIp !== undefined ? { destinationIp } : {}) };
}
