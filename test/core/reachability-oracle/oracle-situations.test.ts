/**
 * The oracle itself on the situations of issue 11 point 3, in a hand-made world of three VPCs
 * A — B — C (A and C not peered): if the oracle were wrong here, the property test would prove
 * nothing. Each case changes one thing and says where the packet must stop.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkAcl, NetworkAclEntry } from '../../../src/core/network-acls/network-acl.js';
import type { NetworkInterface } from '../../../src/core/network-interfaces/network-interface.js';
import type { PeeringConnection, PeeringStatus } from '../../../src/core/peering/peering-connection.js';
import type { ReachQuery, ReachWorld } from '../../../src/core/reachability/reach-world.js';
import type { Route, RouteTable } from '../../../src/core/route-table.js';
import type { SecurityGroup, SecurityGroupRule } from '../../../src/core/security-groups/security-group.js';
import type { Subnet } from '../../../src/core/subnet.js';
import type { Vpc } from '../../../src/core/vpc.js';
import { oracle } from './oracle.js';

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const scope = { accountId: ACCOUNT, region: REGION };
const CIDRS = { a: '10.0.0.0/16', b: '10.1.0.0/16', c: '10.2.0.0/16' } as const;
type Name = keyof typeof CIDRS;

const vpc = (n: Name): Vpc => ({
  id: `vpc-${n}`,
  ...scope,
  cidrBlock: CIDRS[n],
  cidrAssociations: [{ associationId: `assoc-${n}`, cidr: CIDRS[n], state: 'associated' }],
  ipv6Associations: [],
  isDefault: false,
  instanceTenancy: 'default',
  dhcpOptionsId: 'dopt-1',
  enableDnsSupport: true,
  enableDnsHostnames: false,
  enableNetworkAddressUsageMetrics: false,
  createdAt: 0,
});
const prefix = (n: Name): string => CIDRS[n].split('.').slice(0, 2).join('.');
const subnet = (n: Name, k: number): Subnet => ({
  id: `subnet-${n}${k}`,
  ...scope,
  vpcId: `vpc-${n}`,
  cidrBlock: `${prefix(n)}.${k}.0/24`,
  ipv6Associations: [],
  availabilityZone: 'us-east-1a',
  availabilityZoneId: 'use1-az1',
  defaultForAz: false,
  mapPublicIpOnLaunch: false,
  assignIpv6AddressOnCreation: false,
  createdAt: 0,
});
const eni = (n: Name, k: number, host: number): NetworkInterface => ({
  id: `eni-${n}${k}${host}`,
  ...scope,
  subnetId: `subnet-${n}${k}`,
  vpcId: `vpc-${n}`,
  availabilityZone: 'us-east-1a',
  description: '',
  groupIds: [`sg-${n}`],
  privateIps: [`${prefix(n)}.${k}.${host}`],
  ipv6Addresses: [],
  sourceDestCheck: true,
  macAddress: '02:00:00:00:00:01',
  interfaceType: 'interface',
  requesterManaged: false,
  createdAt: 0,
});
const allowAll = (egress: boolean): SecurityGroupRule => ({ id: 'sgr', egress, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' } });
const group = (n: Name, rules: SecurityGroupRule[] = [allowAll(true), allowAll(false)]): SecurityGroup => ({ id: `sg-${n}`, ...scope, vpcId: `vpc-${n}`, name: 'default', description: '', rules, createdAt: 0 });
const entry = (ruleNumber: number, egress: boolean, action: 'allow' | 'deny', protocol = '-1', portRange?: { from: number; to: number }): NetworkAclEntry => ({
  ruleNumber,
  egress,
  protocol,
  action,
  cidr: '0.0.0.0/0',
  ...(portRange ? { portRange } : {}),
});
const acl = (n: Name, entries: NetworkAclEntry[] = [entry(100, false, 'allow'), entry(100, true, 'allow')]): NetworkAcl => ({
  id: `acl-${n}`,
  ...scope,
  vpcId: `vpc-${n}`,
  isDefault: true,
  entries: [...entries, entry(32767, false, 'deny'), entry(32767, true, 'deny')],
  createdAt: 0,
});
const route = (cidr: string, pcx: string): Route => ({ destinationCidrBlock: cidr, target: { kind: 'vpc-peering-connection', id: pcx }, origin: 'CreateRoute' });
const table = (n: Name, routes: Route[]): RouteTable => ({
  id: `rtb-${n}`,
  ...scope,
  vpcId: `vpc-${n}`,
  routes: [{ destinationCidrBlock: CIDRS[n], target: { kind: 'local' }, origin: 'CreateRouteTable' }, ...routes],
  associations: [{ id: `rtbassoc-${n}`, main: true }],
  createdAt: 0,
});
const pcx = (id: string, x: Name, y: Name, status: PeeringStatus = 'active'): PeeringConnection => {
  const side = (n: Name) => ({ ...scope, vpcId: `vpc-${n}`, cidrBlock: CIDRS[n], cidrBlocks: [CIDRS[n]], ipv6CidrBlocks: [], options: { allowDnsResolutionFromRemoteVpc: false, allowEgressFromLocalClassicLinkToRemoteVpc: false, allowEgressFromLocalVpcToRemoteClassicLink: false } });
  return { id, requester: side(x), accepter: side(y), status, createdAt: 0, statusChangedAt: 0, expiresAt: 7 * 86_400_000 };
};

/** A (10.0) peered with B (10.1) over pcx-ab, B with C (10.2) over pcx-bc; routes both ways; everything open. */
function base(): ReachWorld {
  return {
    now: 1000,
    vpcs: [vpc('a'), vpc('b'), vpc('c')],
    subnets: [subnet('a', 1), subnet('a', 2), subnet('b', 1), subnet('c', 1)],
    routeTables: [table('a', [route(CIDRS.b, 'pcx-ab')]), table('b', [route(CIDRS.a, 'pcx-ab'), route(CIDRS.c, 'pcx-bc')]), table('c', [route(CIDRS.b, 'pcx-bc')])],
    peerings: [pcx('pcx-ab', 'a', 'b'), pcx('pcx-bc', 'b', 'c')],
    securityGroups: [group('a'), group('b'), group('c')],
    networkAcls: [acl('a'), acl('b'), acl('c')],
    networkInterfaces: [eni('a', 1, 10), eni('a', 1, 11), eni('a', 2, 10), eni('b', 1, 10), eni('c', 1, 10)],
    instances: [],
    names: new Map(),
    visibleAccounts: new Set(),
  };
}
const q = (source: string, destination: string, extra: Partial<ReachQuery> = {}): ReachQuery => ({
  accountId: ACCOUNT,
  region: REGION,
  source,
  destination,
  protocol: 'tcp',
  destinationPorts: { from: 443, to: 443 },
  ...extra,
});
const replace = <T extends { id: string }>(xs: readonly T[], x: T): T[] => xs.map((y) => (y.id === x.id ? x : y));
const AB = q('eni-a110', 'eni-b110');

describe('the oracle on the situations of issue 11', () => {
  it('finds the open path over an active peering, and inside a VPC', () => {
    expect(oracle(base(), AB)).toMatchObject({ found: true, via: 'pcx-ab' });
    expect(oracle(base(), q('eni-a110', 'eni-a210')).found).toBe(true);
  });

  it('a missing route on either side', () => {
    const w = base();
    expect(oracle({ ...w, routeTables: replace(w.routeTables, table('a', [])) }, AB).block).toBe('no-route');
    expect(oracle({ ...w, routeTables: replace(w.routeTables, table('b', [route(CIDRS.c, 'pcx-bc')])) }, AB).block).toBe('return-route');
  });

  it('a route covering only part of the peer', () => {
    const w = base();
    const partial = { ...w, routeTables: replace(w.routeTables, table('a', [route('10.1.2.0/24', 'pcx-ab')])) };
    expect(oracle(partial, AB).block).toBe('no-route');
    expect(oracle({ ...w, routeTables: replace(w.routeTables, table('a', [route('10.1.1.10/32', 'pcx-ab')])) }, AB).found).toBe(true);
  });

  it('a security group that does not admit the peer, or admits it by group reference', () => {
    const w = base();
    const onlyOwn = group('b', [allowAll(true), { ...allowAll(false), peer: { kind: 'ipv4', cidr: CIDRS.b } }]);
    expect(oracle({ ...w, securityGroups: replace(w.securityGroups, onlyOwn) }, AB).block).toBe('sg-ingress');
    const byRef = group('b', [allowAll(true), { ...allowAll(false), peer: { kind: 'group', groupId: 'sg-a', userId: ACCOUNT, vpcId: 'vpc-a' } }]);
    expect(oracle({ ...w, securityGroups: replace(w.securityGroups, byRef) }, AB).found).toBe(true);
    const tcp22 = group('b', [allowAll(true), { ...allowAll(false), protocol: 'tcp', fromPort: 22, toPort: 22 }]);
    expect(oracle({ ...w, securityGroups: replace(w.securityGroups, tcp22) }, AB).block).toBe('sg-ingress');
    expect(oracle({ ...w, securityGroups: replace(w.securityGroups, group('a', [allowAll(false)])) }, AB).block).toBe('sg-egress');
  });

  it('a network ACL without its return rule; rule order decides', () => {
    const w = base();
    const noReturn = acl('b', [entry(100, false, 'allow'), entry(100, true, 'allow', '6', { from: 0, to: 1023 })]);
    const blocked = oracle({ ...w, networkAcls: replace(w.networkAcls, noReturn) }, AB);
    // Source ports 0-1023 would pass: the query's set must exclude them to see the block.
    expect(blocked.found).toBe(true);
    expect(oracle({ ...w, networkAcls: replace(w.networkAcls, noReturn) }, { ...AB, sourcePorts: { from: 1024, to: 65535 } }).block).toBe('return-acl-egress');
    const denyFirst = acl('b', [entry(50, false, 'deny', '6', { from: 443, to: 443 }), entry(100, false, 'allow'), entry(100, true, 'allow')]);
    expect(oracle({ ...w, networkAcls: replace(w.networkAcls, denyFirst) }, AB).block).toBe('acl-ingress');
    const allowFirst = acl('b', [entry(40, false, 'allow', '6', { from: 443, to: 443 }), entry(50, false, 'deny'), entry(100, true, 'allow')]);
    expect(oracle({ ...w, networkAcls: replace(w.networkAcls, allowFirst) }, AB).found).toBe(true);
    // Inside one subnet the ACL is never crossed.
    const closed = acl('a', []);
    expect(oracle({ ...w, networkAcls: replace(w.networkAcls, closed) }, q('eni-a110', 'eni-a111')).found).toBe(true);
    expect(oracle({ ...w, networkAcls: replace(w.networkAcls, closed) }, q('eni-a110', 'eni-a210')).block).toBe('acl-egress');
  });

  it('a connection that is pending, rejected, deleted or expired is a blackhole', () => {
    const w = base();
    for (const status of ['pending-acceptance', 'rejected', 'deleted', 'expired', 'failed'] as const) {
      expect(oracle({ ...w, peerings: replace(w.peerings, pcx('pcx-ab', 'a', 'b', status)) }, AB).block).toBe('blackhole');
    }
  });

  it('no transitive peering, whatever the middle VPC routes', () => {
    const w = base();
    const viaB = { ...w, routeTables: replace(w.routeTables, table('a', [route(CIDRS.b, 'pcx-ab'), route(CIDRS.c, 'pcx-ab')])) };
    expect(oracle(viaB, q('eni-a110', 'eni-c110')).block).toBe('pcx-cidr');
  });

  it('a component the query excludes (FilterOutArns): the packet may not use it', () => {
    const w = base();
    for (const out of ['pcx-ab', 'rtb-a', 'rtb-b', 'acl-a', 'acl-b', 'subnet-b1', 'vpc-a', 'eni-b110']) {
      expect(oracle(w, { ...AB, filterOut: [out] }).block, out).toBe('filtered-out');
    }
    // Inside one subnet no ACL is crossed; an unrelated component changes nothing.
    expect(oracle(w, q('eni-a110', 'eni-a111', { filterOut: ['acl-a', 'pcx-bc'] })).found).toBe(true);
    // A group lends none of its rules: the ENI's other groups must admit the packet.
    expect(oracle(w, { ...AB, filterOut: ['sg-b'] }).block).toBe('sg-ingress');
    const twoGroups = { ...w, networkInterfaces: w.networkInterfaces.map((e) => (e.id === 'eni-b110' ? { ...e, groupIds: ['sg-b', 'sg-c'] } : e)) };
    expect(oracle(twoGroups, { ...AB, filterOut: ['sg-b'] }).found).toBe(true);
  });

  it('the source/dest check, and an address nobody owns', () => {
    expect(oracle(base(), { ...AB, sourceIp: '10.0.1.99' }).block).toBe('source-address');
    const { destination: _d, ...noDest } = AB;
    expect(oracle(base(), { ...noDest, destinationIp: '10.1.1.99' }).block).toBe('no-destination');
    expect(oracle(base(), { ...noDest, destinationIp: '10.1.1.10' }).found).toBe(true);
  });
});
