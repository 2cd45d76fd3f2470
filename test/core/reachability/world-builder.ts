// A small typed builder of ReachWorlds for the analyzer's tests: VPCs with their main route
// table (local routes) and default ACL (allow all), subnets, peerings in any state, routes,
// security groups, custom ACLs, ENIs and instances, as the services would store them.
import type { Instance } from '../../../src/core/instances/instance.js';
import type { InternetGateway } from '../../../src/core/internet-gateways/internet-gateway.js';
import { defaultAclEntries } from '../../../src/core/network-acls/default-network-acl.js';
import type { NetworkAcl, NetworkAclEntry } from '../../../src/core/network-acls/network-acl.js';
import type { NetworkInterface } from '../../../src/core/network-interfaces/network-interface.js';
import type { PeeringConnection, PeeringStatus } from '../../../src/core/peering/peering-connection.js';
import { DEFAULT_PEERING_OPTIONS } from '../../../src/core/peering/peering-connection.js';
import type { PublicAddress, ReachQuery, ReachWorld } from '../../../src/core/reachability/reach-world.js';
import type { RouteTable } from '../../../src/core/route-table.js';
import type { RulePeer, SecurityGroup, SecurityGroupRule } from '../../../src/core/security-groups/security-group.js';
import type { Subnet } from '../../../src/core/subnet.js';
import type { Vpc } from '../../../src/core/vpc.js';

export const ACCOUNT = '111111111111';
export const OTHER = '222222222222';
export const REGION = 'us-east-1';
export const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);

interface Where {
  readonly account?: string;
  readonly region?: string;
}

/** One rule as tests write it: ports for tcp/udp, a CIDR or a group as the peer. */
export interface RuleSpec {
  readonly protocol?: string;
  readonly ports?: readonly [number, number];
  readonly cidr?: string;
  readonly group?: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class WorldBuilder {
  private n = 0;
  readonly vpcs: Vpc[] = [];
  readonly subnets: Subnet[] = [];
  readonly routeTables: Mutable<RouteTable>[] = [];
  readonly peerings: PeeringConnection[] = [];
  readonly securityGroups: Mutable<SecurityGroup>[] = [];
  readonly networkAcls: Mutable<NetworkAcl>[] = [];
  readonly networkInterfaces: NetworkInterface[] = [];
  readonly instances: Instance[] = [];
  readonly names = new Map<string, string>();
  readonly visibleAccounts = new Set<string>();
  readonly internetGateways: InternetGateway[] = [];
  readonly publicAddresses: PublicAddress[] = [];

  private id(prefix: string): string {
    this.n += 1;
    return `${prefix}-${this.n.toString(16).padStart(17, '0')}`;
  }

  private scope(where: Where | undefined): { accountId: string; region: string } {
    return { accountId: where?.account ?? ACCOUNT, region: where?.region ?? REGION };
  }

  /** A VPC with its main route table (one local route per block) and default ACL. */
  vpc(name: string, cidrs: string | readonly string[], where?: Where): string {
    const blocks = typeof cidrs === 'string' ? [cidrs] : cidrs;
    const id = this.id('vpc');
    const vpc: Vpc = {
      ...this.scope(where),
      id,
      cidrBlock: blocks[0] ?? '',
      cidrAssociations: blocks.map((cidr, i) => ({ associationId: `vpc-cidr-assoc-${id}-${i}`, cidr, state: 'associated' as const })),
      ipv6Associations: [],
      isDefault: false,
      instanceTenancy: 'default',
      dhcpOptionsId: 'dopt-00000000',
      enableDnsSupport: true,
      enableDnsHostnames: false,
      enableNetworkAddressUsageMetrics: false,
      createdAt: NOW,
    };
    this.vpcs.push(vpc);
    this.names.set(id, name);
    this.table(id, [], true);
    this.networkAcls.push({ ...this.scope(where), id: this.id('acl'), vpcId: id, isDefault: true, entries: defaultAclEntries(vpc), associations: [], createdAt: NOW });
    return id;
  }

  private vpcOf(id: string): Vpc {
    const v = this.vpcs.find((x) => x.id === id);
    if (!v) throw new Error(`no vpc ${id}`);
    return v;
  }

  mainTable(vpcId: string): string {
    const t = this.routeTables.find((r) => r.vpcId === vpcId && r.associations.some((a) => a.main));
    if (!t) throw new Error(`no main table for ${vpcId}`);
    return t.id;
  }

  defaultAcl(vpcId: string): string {
    const a = this.networkAcls.find((x) => x.vpcId === vpcId && x.isDefault);
    if (!a) throw new Error(`no default acl for ${vpcId}`);
    return a.id;
  }

  subnet(vpcId: string, cidr: string, name?: string): string {
    const vpc = this.vpcOf(vpcId);
    const id = this.id('subnet');
    this.subnets.push({
      accountId: vpc.accountId,
      region: vpc.region,
      id,
      vpcId,
      cidrBlock: cidr,
      ipv6Associations: [],
      availabilityZone: `${vpc.region}a`,
      availabilityZoneId: 'use1-az1',
      defaultForAz: false,
      mapPublicIpOnLaunch: false,
      assignIpv6AddressOnCreation: false,
      createdAt: NOW,
    });
    if (name) this.names.set(id, name);
    return id;
  }

  /** A route table (local routes included) explicitly associated with these subnets, or the main one. */
  table(vpcId: string, subnetIds: readonly string[], main = false): string {
    const vpc = this.vpcOf(vpcId);
    const id = this.id('rtb');
    this.routeTables.push({
      accountId: vpc.accountId,
      region: vpc.region,
      id,
      vpcId,
      routes: vpc.cidrAssociations.map((a) => ({ destinationCidrBlock: a.cidr, target: { kind: 'local' as const }, origin: 'CreateRouteTable' as const })),
      associations: main ? [{ id: this.id('rtbassoc'), main: true }] : subnetIds.map((subnetId) => ({ id: this.id('rtbassoc'), main: false, subnetId })),
      createdAt: NOW,
    });
    return id;
  }

  /** A route to a peering connection (or to an internet gateway when `target` starts igw-). */
  route(tableId: string, cidr: string, target: string): void {
    const t = this.routeTables.find((r) => r.id === tableId);
    if (!t) throw new Error(`no table ${tableId}`);
    const to = target.startsWith('pcx-') ? { kind: 'vpc-peering-connection' as const, id: target } : { kind: 'gateway' as const, id: target };
    const destination = cidr.includes(':') ? { destinationIpv6CidrBlock: cidr } : { destinationCidrBlock: cidr };
    t.routes = [...t.routes, { ...destination, target: to, origin: 'CreateRoute' }];
  }

  /** Gives a VPC an IPv6 block, a subnet its /64 and interfaces their addresses (in that order of need). */
  ipv6(vpcId: string, block: string, subnets: Readonly<Record<string, string>> = {}, enis: Readonly<Record<string, string>> = {}): void {
    const replace = <T extends { id: string }>(list: T[], id: string, change: (x: T) => T): void => {
      const i = list.findIndex((x) => x.id === id);
      if (i < 0) throw new Error(`no ${id}`);
      list[i] = change(list[i] as T);
    };
    replace(this.vpcs, vpcId, (v) => ({ ...v, ipv6Associations: [{ associationId: `vpc-cidr-assoc-${vpcId}-6`, cidr: block, state: 'associated' as const }] }));
    for (const [id, cidr] of Object.entries(subnets)) replace(this.subnets, id, (x) => ({ ...x, ipv6Associations: [{ associationId: `subnet-cidr-assoc-${id}`, cidr }] }));
    for (const [id, address] of Object.entries(enis)) replace(this.networkInterfaces, id, (x) => ({ ...x, ipv6Addresses: [address] }));
  }

  peering(requesterVpc: string, accepterVpc: string, status: PeeringStatus = 'active', options: { expiresAt?: number } = {}): string {
    const side = (vpcId: string) => {
      const v = this.vpcOf(vpcId);
      return {
        accountId: v.accountId,
        region: v.region,
        vpcId,
        cidrBlock: v.cidrBlock,
        cidrBlocks: v.cidrAssociations.map((a) => a.cidr),
        ipv6CidrBlocks: [],
        options: DEFAULT_PEERING_OPTIONS,
      };
    };
    const id = this.id('pcx');
    this.peerings.push({
      id,
      requester: side(requesterVpc),
      accepter: side(accepterVpc),
      status,
      createdAt: NOW - 1000,
      statusChangedAt: NOW - 1000,
      expiresAt: options.expiresAt ?? NOW + 7 * 86_400_000,
      ...(status === 'active' ? { acceptedAt: NOW - 500 } : {}),
    });
    return id;
  }

  group(vpcId: string, rules: { ingress?: readonly RuleSpec[]; egress?: readonly RuleSpec[] } = {}, name?: string): string {
    const vpc = this.vpcOf(vpcId);
    const id = this.id('sg');
    const toRule = (egress: boolean) => (r: RuleSpec): SecurityGroupRule => {
      const protocol = r.protocol ?? 'tcp';
      const [fromPort, toPort] = protocol === 'tcp' || protocol === 'udp' ? (r.ports ?? [0, 65535]) : (r.ports ?? [-1, -1]);
      const peer: RulePeer = r.group !== undefined ? this.groupPeer(r.group) : { kind: 'ipv4', cidr: r.cidr ?? '0.0.0.0/0' };
      return { id: this.id('sgr'), egress, protocol, fromPort, toPort, peer };
    };
    this.securityGroups.push({
      accountId: vpc.accountId,
      region: vpc.region,
      id,
      vpcId,
      name: name ?? id,
      description: 'test',
      rules: [...(rules.ingress ?? []).map(toRule(false)), ...(rules.egress ?? []).map(toRule(true))],
      createdAt: NOW,
    });
    if (name) this.names.set(id, name);
    return id;
  }

  private groupPeer(groupId: string): RulePeer {
    const g = this.securityGroups.find((x) => x.id === groupId);
    if (g) return { kind: 'group', groupId, userId: g.accountId, vpcId: g.vpcId };
    return { kind: 'group', groupId, userId: OTHER, vpcId: 'vpc-00000000000000000' };
  }

  /** Adds rules to a group after the fact (e.g. a reference to a group created later). */
  addRules(groupId: string, rules: { ingress?: readonly RuleSpec[]; egress?: readonly RuleSpec[] }): void {
    const g = this.securityGroups.find((x) => x.id === groupId);
    if (!g) throw new Error(`no group ${groupId}`);
    const more = this.group(g.vpcId, rules);
    const made = this.securityGroups.pop();
    if (!made || made.id !== more) throw new Error('builder out of step');
    g.rules = [...g.rules, ...made.rules];
  }

  removeGroup(groupId: string): void {
    const i = this.securityGroups.findIndex((x) => x.id === groupId);
    this.securityGroups.splice(i, 1);
  }

  /** A custom ACL (only the `*` denies plus the given entries) associated with these subnets. */
  acl(vpcId: string, entries: readonly NetworkAclEntry[], subnetIds: readonly string[]): string {
    const vpc = this.vpcOf(vpcId);
    const id = this.id('acl');
    const all: NetworkAclEntry[] = [
      ...entries.map((e) => ({ ...e, cidr: e.cidr ?? '0.0.0.0/0' })),
      { ruleNumber: 32767, egress: true, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
      { ruleNumber: 32767, egress: false, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
    ];
    this.networkAcls.push({
      accountId: vpc.accountId,
      region: vpc.region,
      id,
      vpcId,
      isDefault: false,
      entries: all,
      associations: subnetIds.map((subnetId) => ({ id: this.id('aclassoc'), subnetId })),
      createdAt: NOW,
    });
    return id;
  }

  eni(subnetId: string, ips: string | readonly string[], groupIds: readonly string[], options: { sourceDestCheck?: boolean; name?: string } = {}): string {
    const s = this.subnets.find((x) => x.id === subnetId);
    if (!s) throw new Error(`no subnet ${subnetId}`);
    const id = this.id('eni');
    this.networkInterfaces.push({
      accountId: s.accountId,
      region: s.region,
      id,
      subnetId,
      vpcId: s.vpcId,
      availabilityZone: s.availabilityZone,
      description: '',
      groupIds,
      privateIps: typeof ips === 'string' ? [ips] : ips,
      ipv6Addresses: [],
      sourceDestCheck: options.sourceDestCheck ?? true,
      macAddress: '02:00:00:00:00:01',
      interfaceType: 'interface',
      requesterManaged: false,
      createdAt: NOW,
    });
    if (options.name) this.names.set(id, options.name);
    return id;
  }

  /** An instance whose primary interface is `eniId` (attached as device 0). */
  instance(eniId: string, state: 'running' | 'stopped' | 'terminated' = 'running'): string {
    const i = this.networkInterfaces.findIndex((x) => x.id === eniId);
    const eni = this.networkInterfaces[i];
    if (!eni) throw new Error(`no eni ${eniId}`);
    const id = this.id('i');
    this.networkInterfaces[i] = {
      ...eni,
      attachment: { id: this.id('eni-attach'), instanceId: id, instanceOwnerId: eni.accountId, deviceIndex: 0, deleteOnTermination: true, attachedAt: NOW },
    };
    this.instances.push({
      accountId: eni.accountId,
      region: eni.region,
      id,
      reservationId: this.id('r'),
      imageId: 'ami-12345678',
      instanceType: 't3.micro',
      subnetId: eni.subnetId,
      vpcId: eni.vpcId,
      availabilityZone: eni.availabilityZone,
      primaryNetworkInterfaceId: eniId,
      lifecycle: { target: state, since: NOW - 60_000 },
      launchedAt: NOW - 120_000,
    });
    return id;
  }

  /** An internet gateway, attached to the VPC (or detached when `vpcId` is null). */
  igw(vpcId: string | null): string {
    const id = this.id('igw');
    const where = vpcId === null ? this.scope(undefined) : { accountId: this.vpcOf(vpcId).accountId, region: this.vpcOf(vpcId).region };
    this.internetGateways.push({ ...where, id, ...(vpcId === null ? {} : { attachedVpcId: vpcId }), createdAt: NOW });
    return id;
  }

  /** A public address paired with an interface's private one (an Elastic IP's association). */
  publicIp(eniId: string, publicIp: string, privateIp?: string): void {
    const eni = this.networkInterfaces.find((e) => e.id === eniId);
    if (!eni) throw new Error(`no ${eniId}`);
    this.publicAddresses.push({ publicIp, networkInterfaceId: eniId, privateIp: privateIp ?? (eni.privateIps[0] as string) });
  }

  /** Attaches `eniId` to a running instance as another device (a second interface). */
  attach(eniId: string, instanceId: string, deviceIndex: number): void {
    const i = this.networkInterfaces.findIndex((x) => x.id === eniId);
    const eni = this.networkInterfaces[i];
    if (!eni) throw new Error(`no eni ${eniId}`);
    this.networkInterfaces[i] = { ...eni, attachment: { id: this.id('eni-attach'), instanceId, instanceOwnerId: eni.accountId, deviceIndex, deleteOnTermination: false, attachedAt: NOW } };
  }

  build(now: number = NOW): ReachWorld {
    return {
      now,
      vpcs: [...this.vpcs],
      subnets: [...this.subnets],
      routeTables: [...this.routeTables],
      peerings: [...this.peerings],
      securityGroups: [...this.securityGroups],
      networkAcls: [...this.networkAcls],
      networkInterfaces: [...this.networkInterfaces],
      instances: [...this.instances],
      names: new Map(this.names),
      visibleAccounts: new Set(this.visibleAccounts),
      internetGateways: [...this.internetGateways],
      publicAddresses: [...this.publicAddresses],
    };
  }
}

export function query(source: string, more: Partial<ReachQuery> = {}): ReachQuery {
  return { accountId: ACCOUNT, region: REGION, source, protocol: 'tcp', ...more };
}

/** The two-VPC world of the peering guide: A 10.0.0.0/16 and B 10.1.0.0/16, routes both ways. */
export function peeredPair(options: { status?: PeeringStatus; routeA?: string | null; routeB?: string | null; bWhere?: Where } = {}) {
  const w = new WorldBuilder();
  const a = w.vpc('vpc-A', '10.0.0.0/16');
  const b = w.vpc('vpc-B', '10.1.0.0/16', options.bWhere);
  const subA = w.subnet(a, '10.0.1.0/24', 'subnet-A1');
  const subB = w.subnet(b, '10.1.1.0/24', 'subnet-B1');
  const pcx = w.peering(a, b, options.status ?? 'active');
  if (options.routeA !== null) w.route(w.mainTable(a), options.routeA ?? '10.1.0.0/16', pcx);
  if (options.routeB !== null) w.route(w.mainTable(b), options.routeB ?? '10.0.0.0/16', pcx);
  const sgA = w.group(a, { egress: [{ protocol: '-1' }] }, 'sg-A');
  const sgB = w.group(b, { ingress: [{ ports: [443, 443], cidr: '10.0.0.0/16' }], egress: [{ protocol: '-1' }] }, 'sg-B');
  const eniA = w.eni(subA, '10.0.1.10', [sgA]);
  const eniB = w.eni(subB, '10.1.1.20', [sgB]);
  return { w, a, b, subA, subB, pcx, sgA, sgB, eniA, eniB };
}
