/**
 * The reachability benchmark's world: 1,000 VPCs peered the way organisations peer them, built
 * as the store's own records. Twenty hubs in a full mesh, thirty spokes on each hub (600), and
 * the remaining 380 VPCs in chains of ten; each VPC with two subnets, a main and a custom route
 * table, a default and an application security group, a default and a custom network ACL
 * (with its ephemeral-port return rule), four interfaces. One connection in twenty is not
 * active (pending, rejected, deleted), and some spokes route the whole 10/8 to their hub, which
 * peering will not carry further (the transitive mistake).
 */
import type { NetworkAcl, NetworkAclEntry } from '../../src/core/network-acls/network-acl.js';
import type { NetworkInterface } from '../../src/core/network-interfaces/network-interface.js';
import type { PeeringConnection, PeeringSide, PeeringStatus } from '../../src/core/peering/peering-connection.js';
import type { ReachQuery, ReachWorld } from '../../src/core/reachability/reach-world.js';
import type { Route, RouteTable } from '../../src/core/route-table.js';
import type { SecurityGroup } from '../../src/core/security-groups/security-group.js';
import type { Subnet } from '../../src/core/subnet.js';
import type { Vpc } from '../../src/core/vpc.js';
import { makeRng } from '../prng.js';

const REGION = 'us-east-1';
const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'] as const;
const NOW = 1_800_000_000_000;
export const VPC_COUNT = 1000;
const HUBS = 20;
// A hub has 19 mesh peers and 30 spokes: under AWS's 50 active connections per VPC (default quota).
const SPOKES_PER_HUB = 30;
const CHAIN = 10;

const hex = (n: number): string => n.toString(16).padStart(17, '0');

/** VPC i owns 10.a.b.0/20: sixteen /20s per second octet, none overlapping. */
function vpcCidr(i: number): { cidr: string; octet2: number; octet3: number } {
  const octet2 = Math.floor(i / 16);
  const octet3 = (i % 16) * 16;
  return { cidr: `10.${octet2}.${octet3}.0/20`, octet2, octet3 };
}

/** The whole world: the stored collections an analysis' world is sliced from. */
export type BigWorld = Pick<ReachWorld, 'vpcs' | 'subnets' | 'routeTables' | 'peerings' | 'securityGroups' | 'networkAcls' | 'networkInterfaces'>;

export function thousandVpcWorld(seed = 11): BigWorld {
  const rnd = makeRng(seed);
  let n = 0;
  const id = (prefix: string): string => `${prefix}-${hex(++n)}`;
  const vpcs: Vpc[] = [];
  const subnets: Subnet[] = [];
  const tables: RouteTable[] = [];
  const groups: SecurityGroup[] = [];
  const acls: NetworkAcl[] = [];
  const enis: NetworkInterface[] = [];
  const peerings: PeeringConnection[] = [];
  /** Per VPC index: the peering routes both its tables get. */
  const extraRoutes = new Map<number, Route[]>();

  for (let i = 0; i < VPC_COUNT; i++) {
    const { cidr, octet2, octet3 } = vpcCidr(i);
    const accountId = ACCOUNTS[i % ACCOUNTS.length] as string;
    const scope = { accountId, region: REGION };
    const vpc: Vpc = {
      id: id('vpc'),
      ...scope,
      cidrBlock: cidr,
      cidrAssociations: [{ associationId: id('vpc-cidr-assoc'), cidr, state: 'associated' }],
      ipv6Associations: [],
      isDefault: false,
      instanceTenancy: 'default',
      dhcpOptionsId: 'dopt-00000000',
      enableDnsSupport: true,
      enableDnsHostnames: false,
      enableNetworkAddressUsageMetrics: false,
      createdAt: NOW,
    };
    vpcs.push(vpc);
    const mySubnets = [0, 1].map(
      (k): Subnet => ({
        id: id('subnet'),
        ...scope,
        vpcId: vpc.id,
        cidrBlock: `10.${octet2}.${octet3 + k}.0/24`,
        ipv6Associations: [],
        availabilityZone: `${REGION}${k ? 'b' : 'a'}`,
        availabilityZoneId: `use1-az${k + 1}`,
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
        assignIpv6AddressOnCreation: false,
        createdAt: NOW,
      }),
    );
    subnets.push(...mySubnets);
    const local: Route = { destinationCidrBlock: cidr, target: { kind: 'local' }, origin: 'CreateRouteTable' };
    tables.push({ id: id('rtb'), ...scope, vpcId: vpc.id, routes: [local], associations: [{ id: id('rtbassoc'), main: true }], createdAt: NOW });
    tables.push({
      id: id('rtb'),
      ...scope,
      vpcId: vpc.id,
      routes: [local],
      associations: [{ id: id('rtbassoc'), main: false, subnetId: (mySubnets[1] as Subnet).id }],
      createdAt: NOW,
    });
    extraRoutes.set(i, []);
    // The default group: egress anywhere, ingress from its own members (AWS's default rules).
    const defaultId = id('sg');
    const defaultGroup: SecurityGroup = {
      id: defaultId,
      ...scope,
      vpcId: vpc.id,
      name: 'default',
      description: 'default VPC security group',
      createdAt: NOW,
      rules: [
        { id: id('sgr'), egress: true, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' } },
        { id: id('sgr'), egress: false, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'group', groupId: defaultId, userId: accountId, vpcId: vpc.id } },
      ],
    };
    const app: SecurityGroup = {
      id: id('sg'),
      ...scope,
      vpcId: vpc.id,
      name: 'app',
      description: 'app tier',
      createdAt: NOW,
      rules: [
        { id: id('sgr'), egress: true, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' } },
        { id: id('sgr'), egress: false, protocol: 'tcp', fromPort: 443, toPort: 443, peer: { kind: 'ipv4', cidr: '10.0.0.0/8' } },
        { id: id('sgr'), egress: false, protocol: 'tcp', fromPort: 22, toPort: 22, peer: { kind: 'ipv4', cidr: `10.${octet2}.0.0/16` } },
        { id: id('sgr'), egress: false, protocol: 'udp', fromPort: 53, toPort: 53, peer: { kind: 'ipv4', cidr: '10.0.0.0/8' } },
      ],
    };
    groups.push(defaultGroup, app);
    const allowAll = (egress: boolean): NetworkAclEntry => ({ ruleNumber: 100, egress, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' });
    const star = (egress: boolean): NetworkAclEntry => ({ ruleNumber: 32767, egress, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' });
    acls.push({ id: id('acl'), ...scope, vpcId: vpc.id, isDefault: true, entries: [allowAll(false), allowAll(true), star(false), star(true)], createdAt: NOW });
    acls.push({
      id: id('acl'),
      ...scope,
      vpcId: vpc.id,
      isDefault: false,
      createdAt: NOW,
      associations: [{ id: id('aclassoc'), subnetId: (mySubnets[1] as Subnet).id }],
      entries: [
        { ruleNumber: 50, egress: false, protocol: '6', action: 'deny', cidr: '10.255.0.0/16', portRange: { from: 0, to: 65535 } },
        { ruleNumber: 100, egress: false, protocol: '6', action: 'allow', cidr: '10.0.0.0/8', portRange: { from: 443, to: 443 } },
        { ruleNumber: 110, egress: false, protocol: '6', action: 'allow', cidr: '10.0.0.0/8', portRange: { from: 1024, to: 65535 } },
        { ruleNumber: 120, egress: false, protocol: '17', action: 'allow', cidr: '10.0.0.0/8', portRange: { from: 53, to: 53 } },
        { ruleNumber: 100, egress: true, protocol: '6', action: 'allow', cidr: '10.0.0.0/8', portRange: { from: 0, to: 65535 } },
        // No UDP ephemeral return rule: DNS answers from this subnet are refused (a classic).
        { ruleNumber: 110, egress: true, protocol: '17', action: 'allow', cidr: '10.0.0.0/8', portRange: { from: 53, to: 53 } },
        star(false),
        star(true),
      ],
    });
    for (const [k, s] of mySubnets.entries()) {
      for (let e = 0; e < 2; e++) {
        enis.push({
          id: id('eni'),
          ...scope,
          subnetId: s.id,
          vpcId: vpc.id,
          availabilityZone: s.availabilityZone,
          description: '',
          groupIds: e === 0 ? [defaultGroup.id, app.id] : [app.id],
          privateIps: [`10.${octet2}.${octet3 + k}.${10 + e}`],
          ipv6Addresses: [],
          sourceDestCheck: true,
          macAddress: '02:00:00:00:00:01',
          interfaceType: 'interface',
          requesterManaged: false,
          createdAt: NOW,
        });
      }
    }
  }

  const peer = (a: number, b: number): void => {
    const roll = rnd();
    const status: PeeringStatus = roll < 0.95 ? 'active' : roll < 0.97 ? 'pending-acceptance' : roll < 0.985 ? 'rejected' : 'deleted';
    const side = (v: Vpc): PeeringSide => ({
      accountId: v.accountId,
      region: v.region,
      vpcId: v.id,
      cidrBlock: v.cidrBlock,
      cidrBlocks: [v.cidrBlock],
      ipv6CidrBlocks: [],
      options: { allowDnsResolutionFromRemoteVpc: false, allowEgressFromLocalClassicLinkToRemoteVpc: false, allowEgressFromLocalVpcToRemoteClassicLink: false },
    });
    const va = vpcs[a] as Vpc;
    const vb = vpcs[b] as Vpc;
    const pcx: PeeringConnection = {
      id: id('pcx'),
      requester: side(va),
      accepter: side(vb),
      status,
      createdAt: NOW - 86_400_000,
      statusChangedAt: NOW - 86_000_000,
      expiresAt: NOW + 6 * 86_400_000,
      ...(status === 'active' ? { acceptedAt: NOW - 86_000_000 } : {}),
    };
    peerings.push(pcx);
    const target = { kind: 'vpc-peering-connection' as const, id: pcx.id };
    (extraRoutes.get(a) as Route[]).push({ destinationCidrBlock: vb.cidrBlock, target, origin: 'CreateRoute' });
    (extraRoutes.get(b) as Route[]).push({ destinationCidrBlock: va.cidrBlock, target, origin: 'CreateRoute' });
  };
  // Hubs 0..19 in a full mesh; spokes 20..619, thirty per hub; chains over 620..999.
  for (let h = 0; h < HUBS; h++) for (let g = h + 1; g < HUBS; g++) peer(h, g);
  for (let s = 0; s < HUBS * SPOKES_PER_HUB; s++) {
    const spoke = HUBS + s;
    peer(spoke, s % HUBS);
    // One spoke in eight sends all of 10/8 to its hub, hoping to reach the other spokes.
    if (s % 8 === 3) (extraRoutes.get(spoke) as Route[]).push({ destinationCidrBlock: '10.0.0.0/8', target: { kind: 'vpc-peering-connection', id: (peerings[peerings.length - 1] as PeeringConnection).id }, origin: 'CreateRoute' });
  }
  for (let c = HUBS + HUBS * SPOKES_PER_HUB; c + 1 < VPC_COUNT; c++) if ((c - HUBS - HUBS * SPOKES_PER_HUB) % CHAIN !== CHAIN - 1) peer(c, c + 1);

  // Both tables of a VPC carry its peering routes, except that every tenth custom table forgot them.
  const withRoutes = tables.map((t, k) => {
    const i = Math.floor(k / 2);
    const custom = k % 2 === 1;
    if (custom && i % 10 === 7) return t;
    return { ...t, routes: [...t.routes, ...(extraRoutes.get(i) as Route[])] };
  });
  return { vpcs, subnets, routeTables: withRoutes, peerings, securityGroups: groups, networkAcls: acls, networkInterfaces: enis };
}

/**
 * What the loader hands the analyzer for a path (src/core/network-insights/load-reach-world.ts):
 * the VPCs of the source and the destination, every VPC joined to either by a connection in any
 * state, and their contents.
 */
export function worldFor(big: BigWorld, seedVpcIds: readonly string[]): ReachWorld {
  const peerings = big.peerings.filter((p) => seedVpcIds.includes(p.requester.vpcId) || seedVpcIds.includes(p.accepter.vpcId));
  const ids = new Set([...seedVpcIds, ...peerings.flatMap((p) => [p.requester.vpcId, p.accepter.vpcId])]);
  const inside = <T extends { vpcId: string }>(xs: readonly T[]): T[] => xs.filter((x) => ids.has(x.vpcId));
  return {
    now: NOW,
    vpcs: big.vpcs.filter((v) => ids.has(v.id)),
    subnets: inside(big.subnets),
    routeTables: inside(big.routeTables),
    peerings,
    securityGroups: inside(big.securityGroups),
    networkAcls: inside(big.networkAcls),
    networkInterfaces: inside(big.networkInterfaces),
    instances: [],
    names: new Map(),
    visibleAccounts: new Set(ACCOUNTS),
  };
}

export interface BenchCase {
  readonly world: ReachWorld;
  readonly query: ReachQuery;
  readonly kind: string;
}

/**
 * A mix of questions people ask: to a peer's interface on 443 (mostly found), DNS to a peer
 * (the UDP return rule), to a peer of a peer (transitive: blocked), inside the VPC.
 */
export function benchCases(big: BigWorld, count: number, seed = 7): BenchCase[] {
  const rnd = makeRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const worlds = new Map<string, ReachWorld>();
  const slice = (...vpcIds: string[]): ReachWorld => {
    const key = [...new Set(vpcIds)].sort().join('+');
    let w = worlds.get(key);
    if (!w) worlds.set(key, (w = worldFor(big, [...new Set(vpcIds)])));
    return w;
  };
  const enisOf = new Map<string, NetworkInterface[]>();
  for (const e of big.networkInterfaces) enisOf.set(e.vpcId, [...(enisOf.get(e.vpcId) ?? []), e]);
  const cases: BenchCase[] = [];
  const peersOf = new Map<string, string[]>();
  for (const p of big.peerings) {
    peersOf.set(p.requester.vpcId, [...(peersOf.get(p.requester.vpcId) ?? []), p.accepter.vpcId]);
    peersOf.set(p.accepter.vpcId, [...(peersOf.get(p.accepter.vpcId) ?? []), p.requester.vpcId]);
  }
  while (cases.length < count) {
    const src = pick(big.networkInterfaces);
    const peers = peersOf.get(src.vpcId) ?? [];
    const roll = rnd();
    const base = { accountId: src.accountId, region: REGION, source: src.id };
    if (roll < 0.75 && peers.length) {
      const dst = pick(enisOf.get(pick(peers)) as NetworkInterface[]);
      const world = slice(src.vpcId, dst.vpcId);
      const udp = roll >= 0.6;
      cases.push({
        world,
        kind: udp ? 'peer udp/53' : 'peer tcp/443',
        query: { ...base, destination: dst.id, protocol: udp ? 'udp' : 'tcp', destinationPorts: udp ? { from: 53, to: 53 } : { from: 443, to: 443 } },
      });
    } else if (roll < 0.9) {
      // Any VPC by address, mostly two or more hops away: the loader's world holds the source's side only.
      const far = pick(big.vpcs);
      const ip = (pick(enisOf.get(far.id) as NetworkInterface[]).privateIps[0]) as string;
      cases.push({ world: slice(src.vpcId), kind: 'any VPC by address', query: { ...base, destinationIp: ip, protocol: 'tcp', destinationPorts: { from: 443, to: 443 } } });
    } else {
      const dst = pick((enisOf.get(src.vpcId) as NetworkInterface[]).filter((e) => e !== src));
      cases.push({ world: slice(src.vpcId), kind: 'same VPC tcp/22', query: { ...base, destination: dst.id, protocol: 'tcp', destinationPorts: { from: 22, to: 22 } } });
    }
  }
  return cases;
}
