/**
 * Differential test: on random worlds (VPCs in two accounts, one pair overlapping, peerings in
 * every state, per-subnet route tables with full, partial and /32 routes, group rules with CIDRs
 * and peer-group references, ICMP rules, ACL entries), every probe is sent as real traffic (TCP
 * connect and UDP echo from a fixed source port, ICMP echo) and asked of the reachability
 * analyzer with the same ports (ICMP: of vpcpeer's own endpoint, as AWS's analyzer asks TCP and
 * UDP only).
 * Both must agree, before and after random changes (a route deleted, a connection deleted, a rule
 * revoked, an ACL entry added, an instance stopped). Some instances have a second interface in
 * their own subnet (device 1), probed as a destination of its own.
 *
 * VPCPEER_DATAPLANE_SEED=<n> replays one world; VPCPEER_DATAPLANE_WORLDS=<n> draws more (default 6).
 */
import {
  AcceptVpcPeeringConnectionCommand,
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupEgressCommand,
  AttachNetworkInterfaceCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclEntryCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteRouteCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  RejectVpcPeeringConnectionCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../bench/prng.js';
import { analyzerSays, analyzerSaysPing, PROBE_AGENT, type ProbeAgent, pingAvailable, startProbeAgent, useDataplaneServer } from './dataplane-harness.js';

const A = '111111111111';
const B = '222222222222';
const PORTS = [22, 80];
const replay = process.env.VPCPEER_DATAPLANE_SEED;
const WORLDS = Number(process.env.VPCPEER_DATAPLANE_WORLDS ?? 6);
const FIRST_SEED = 0xda7a;

interface Vpc {
  readonly account: string;
  readonly id: string;
  readonly cidr: string;
  readonly group: string;
  readonly acl: string;
  readonly tables: string[];
  readonly subnets: string[];
}

interface Host {
  readonly account: string;
  readonly instance: string;
  readonly ip: string;
  readonly vpc: number;
  /** A second interface of `instance` (device 1, `ip` is its address): a destination only. */
  readonly eni?: string;
}

interface Probe {
  readonly from: Host;
  readonly to: Host;
  readonly proto: 'tcp' | 'udp' | 'icmp';
  readonly port: number;
  readonly sport: number;
}

const SPECS = [
  { account: A, cidr: '10.0.0.0/16' },
  { account: A, cidr: '10.1.0.0/16' },
  { account: B, cidr: '10.2.0.0/16' },
  // Overlaps the second on purpose: the same addresses behind two different peerings.
  { account: B, cidr: '10.1.0.0/16' },
];
const PAIRS: readonly [number, number][] = [[0, 1], [0, 2], [0, 3], [1, 2], [2, 3]];
const prefix = (cidr: string): string => cidr.split('.').slice(0, 2).join('.');

/** Calls that may be refused in some random states (AWS would refuse them too): the world is what the store holds. */
async function attempt(work: Promise<unknown>): Promise<void> {
  await work.catch(() => undefined);
}

describe.skipIf(!pingAvailable)('data plane: real traffic agrees with the analyzer', () => {
  const suite = useDataplaneServer();
  const clients = (): Record<string, EC2Client> => ({ [A]: suite.ec2(A), [B]: suite.ec2(B) });

  async function buildWorld(seed: number): Promise<{ vpcs: Vpc[]; hosts: Host[]; seconds: Host[]; peerings: { id: string; account: string }[]; log: string[] }> {
    const rnd = makeRng(seed);
    // Second interfaces draw from their own sequence: each seed's world is otherwise as before.
    const rndSecond = makeRng(seed ^ 0xe7e1);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const ec2 = clients();
    const log: string[] = [];
    const vpcs: Vpc[] = [];
    const hosts: Host[] = [];
    const seconds: Host[] = [];
    for (const [n, spec] of SPECS.entries()) {
      const c = ec2[spec.account] as EC2Client;
      const id = (await c.send(new CreateVpcCommand({ CidrBlock: spec.cidr }))).Vpc?.VpcId as string;
      const group = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).SecurityGroups?.[0]?.GroupId as string;
      const acl = (await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).NetworkAcls?.[0]?.NetworkAclId as string;
      const main = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).RouteTables?.[0]?.RouteTableId as string;
      const vpc: Vpc = { account: spec.account, id, cidr: spec.cidr, group, acl, tables: [main], subnets: [] };
      for (const third of [1, 2]) {
        const subnet = (await c.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: `${prefix(spec.cidr)}.${third}.0/24` }))).Subnet?.SubnetId as string;
        vpc.subnets.push(subnet);
        if (third === 2 && rnd() < 0.5) {
          const own = (await c.send(new CreateRouteTableCommand({ VpcId: id }))).RouteTable?.RouteTableId as string;
          await c.send(new AssociateRouteTableCommand({ RouteTableId: own, SubnetId: subnet }));
          vpc.tables.push(own);
          log.push(`vpc ${n}: subnet 2 has its own route table`);
        }
        const i = (await c.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }))).Instances?.[0];
        hosts.push({ account: spec.account, instance: i?.InstanceId as string, ip: i?.PrivateIpAddress as string, vpc: n });
      }
      if (rndSecond() < 0.5) {
        // In the instance's own subnet: both interfaces reach the subnet's router.
        const owner = hosts[hosts.length - 2] as Host;
        const eni = (await c.send(new CreateNetworkInterfaceCommand({ SubnetId: vpc.subnets[0] as string }))).NetworkInterface;
        await c.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni?.NetworkInterfaceId as string, InstanceId: owner.instance, DeviceIndex: 1 }));
        seconds.push({ ...owner, ip: eni?.PrivateIpAddress as string, eni: eni?.NetworkInterfaceId as string });
        log.push(`vpc ${n}: ${owner.instance} has a second interface in its subnet, ${eni?.PrivateIpAddress}`);
      }
      vpcs.push(vpc);
    }
    const peerings: { id: string; account: string }[] = [];
    const peerOf = new Map<string, { pcx: string; other: number }[]>();
    for (const [x, y] of PAIRS) {
      if (rnd() < 0.15) continue;
      const [vx, vy] = [vpcs[x] as Vpc, vpcs[y] as Vpc];
      const id = (await (ec2[vx.account] as EC2Client).send(new CreateVpcPeeringConnectionCommand({ VpcId: vx.id, PeerVpcId: vy.id, PeerOwnerId: vy.account }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
      const fate = rnd();
      const accepter = ec2[vy.account] as EC2Client;
      if (fate < 0.6) await accepter.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      else if (fate < 0.7) await accepter.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      else if (fate < 0.85) {
        await accepter.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
        await accepter.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      }
      log.push(`peering ${x}-${y}: ${fate < 0.6 ? 'active' : fate < 0.7 ? 'rejected' : fate < 0.85 ? 'deleted' : 'pending'}`);
      peerings.push({ id, account: vx.account });
      peerOf.set(`${x}`, [...(peerOf.get(`${x}`) ?? []), { pcx: id, other: y }]);
      peerOf.set(`${y}`, [...(peerOf.get(`${y}`) ?? []), { pcx: id, other: x }]);
    }
    for (const [n, v] of vpcs.entries()) {
      const c = ec2[v.account] as EC2Client;
      for (const table of v.tables) {
        const taken = new Set<string>();
        for (const { pcx, other } of peerOf.get(`${n}`) ?? []) {
          if (rnd() < 0.35) continue;
          const o = vpcs[other] as Vpc;
          const r = rnd();
          const target = hosts.filter((h) => h.vpc === other);
          const destination = r < 0.6 ? o.cidr : r < 0.85 ? `${prefix(o.cidr)}.${pick([1, 2])}.0/24` : `${pick(target).ip}/32`;
          if (taken.has(destination)) continue;
          taken.add(destination);
          await attempt(c.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: destination, VpcPeeringConnectionId: pcx })));
          log.push(`vpc ${n} table ${v.tables.indexOf(table)}: ${destination} -> peering with ${other}`);
        }
      }
      if (rnd() < 0.5) await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
      if (rnd() < 0.3) await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
      const peers = peerOf.get(`${n}`) ?? [];
      if (peers.length > 0 && rnd() < 0.5) {
        const { pcx, other } = pick(peers);
        const o = vpcs[other] as Vpc;
        await attempt(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: o.group, UserId: o.account, VpcPeeringConnectionId: pcx }] }] })));
        log.push(`vpc ${n}: group admits vpc ${other}'s group`);
      }
      if (peers.length > 0 && rnd() < 0.4) await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: 'udp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: (vpcs[pick(peers).other] as Vpc).cidr }] }] }));
      // ICMP: any type from the whole 10/8, or echo requests only from one peer.
      if (rnd() < 0.4) await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
      else if (peers.length > 0 && rnd() < 0.5) {
        await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: 'icmp', FromPort: 8, ToPort: 0, IpRanges: [{ CidrIp: (vpcs[pick(peers).other] as Vpc).cidr }] }] }));
        log.push(`vpc ${n}: group admits echo requests from one peer`);
      }
      if (rnd() < 0.15) {
        // Stateless: echo replies (type 0) leaving this VPC's subnets are dropped.
        await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: v.acl, RuleNumber: 30, Egress: true, Protocol: '1', RuleAction: 'deny', CidrBlock: '10.0.0.0/8', IcmpTypeCode: { Type: 0, Code: -1 } }));
        log.push(`vpc ${n}: ACL denies echo replies out`);
      }
      if (rnd() < 0.2) {
        await c.send(new RevokeSecurityGroupEgressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
        await c.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
        log.push(`vpc ${n}: egress tcp only`);
      }
      if (rnd() < 0.3) await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: v.acl, RuleNumber: 10, Egress: false, Protocol: '6', RuleAction: 'deny', CidrBlock: '10.0.0.0/8', PortRange: { From: 22, To: 22 } }));
      if (rnd() < 0.2) {
        // Replies to the probes' source ports (20000 and up) leave through outbound entries.
        await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: v.acl, RuleNumber: 20, Egress: true, Protocol: '17', RuleAction: 'deny', CidrBlock: '10.0.0.0/8', PortRange: { From: 1024, To: 65535 } }));
        log.push(`vpc ${n}: ACL denies udp out to high ports`);
      }
    }
    return { vpcs, hosts, seconds, peerings, log };
  }

  /** Makes random changes; answers the instances it stopped. */
  async function mutate(seed: number, vpcs: Vpc[], hosts: Host[], peerings: { id: string; account: string }[], log: string[]): Promise<Set<string>> {
    const stopped = new Set<string>();
    const rnd = makeRng(seed ^ 0x5a5a);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const ec2 = clients();
    for (let k = 0; k < 3; k++) {
      const what = Math.floor(rnd() * 5);
      const v = pick(vpcs);
      const c = ec2[v.account] as EC2Client;
      if (what === 0) {
        const table = pick(v.tables);
        const routes = (await c.send(new DescribeRouteTablesCommand({ RouteTableIds: [table] }))).RouteTables?.[0]?.Routes?.filter((r) => r.VpcPeeringConnectionId) ?? [];
        if (routes.length === 0) continue;
        const r = pick(routes);
        await c.send(new DeleteRouteCommand({ RouteTableId: table, DestinationCidrBlock: r.DestinationCidrBlock }));
        log.push(`change: vpc ${vpcs.indexOf(v)} route ${r.DestinationCidrBlock} deleted`);
      } else if (what === 1 && peerings.length > 0) {
        const p = pick(peerings);
        await attempt((ec2[p.account] as EC2Client).send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: p.id })));
        log.push(`change: peering ${p.id} deleted`);
      } else if (what === 2) {
        const rules = (await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [v.group] }] }))).SecurityGroupRules?.filter((r) => !r.IsEgress) ?? [];
        if (rules.length === 0) continue;
        const r = pick(rules);
        await c.send(new RevokeSecurityGroupIngressCommand({ GroupId: v.group, SecurityGroupRuleIds: [r.SecurityGroupRuleId as string] }));
        log.push(`change: vpc ${vpcs.indexOf(v)} ingress rule ${r.IpProtocol} ${r.FromPort} revoked`);
      } else if (what === 3) {
        await attempt(c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: v.acl, RuleNumber: 5, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: pick(SPECS).cidr })));
        log.push(`change: vpc ${vpcs.indexOf(v)} ACL entry 5 denies a peer`);
      } else {
        const h = pick(hosts);
        await (ec2[h.account] as EC2Client).send(new StopInstancesCommand({ InstanceIds: [h.instance] }));
        stopped.add(h.instance);
        log.push(`change: ${h.instance} stopped`);
      }
    }
    return stopped;
  }

  /** One probe agent per instance, all started together; resolves once each serves and listens. */
  async function startAgents(hosts: Host[]): Promise<Map<string, ProbeAgent>> {
    const agents = new Map<string, ProbeAgent>();
    await Promise.all(
      hosts.map(async (h) => {
        agents.set(h.instance, await startProbeAgent(suite.spawnIn(h.account, h.instance, ...PROBE_AGENT(h.instance, PORTS)), h.instance));
      }),
    );
    return agents;
  }

  const analyzer = (p: Probe): Promise<boolean> => {
    const question = {
      source: p.from.instance,
      destination: `arn:aws:ec2:us-east-1:${p.to.account}:${p.to.eni ? `network-interface/${p.to.eni}` : `instance/${p.to.instance}`}`,
      additionalAccounts: [p.from.account === A ? B : A],
    };
    if (p.proto === 'icmp') return analyzerSaysPing(suite.server.url, { account: p.from.account, ...question });
    return analyzerSays(suite.ec2(p.from.account), { ...question, protocol: p.proto, port: p.port, sourcePort: p.sport });
  };

  it(replay ? `agrees on world ${replay}` : `agrees on ${WORLDS} random worlds, before and after changes`, { timeout: 600_000 }, async () => {
    const seeds = replay ? [Number(replay)] : Array.from({ length: WORLDS }, (_, i) => FIRST_SEED + i);
    const disagreements: string[] = [];
    let probes = 0;
    let flowed = 0;
    const pings = { sent: 0, flowed: 0 };
    let sport = 20000;
    for (const seed of seeds) {
      const reset = await fetch(`${suite.server.url}/_vpcpeer/reset`, { method: 'POST' });
      expect(reset.status).toBe(200);
      const { vpcs, hosts, seconds, peerings, log } = await buildWorld(seed);
      await suite.settle();
      const agents = await startAgents(hosts);
      let stopped = new Set<string>();
      for (const round of ['before', 'after'] as const) {
        if (round === 'after') {
          stopped = await mutate(seed, vpcs, hosts, peerings, log);
          await suite.settle();
        }
        const batch: Probe[] = [];
        // A ping's answerer cannot be named: only addresses no other instance holds get one.
        const destinations = [...hosts, ...seconds];
        const unique = (h: Host): boolean => destinations.filter((o) => o.ip === h.ip).length === 1;
        for (const from of hosts) for (const to of destinations) {
          if (from.instance === to.instance) continue;
          // The analyzer resolves a network interface whatever its instance's state (an instance
          // named as such must be running), while a stopped instance's interfaces carry nothing:
          // once stopped, the owner's second interface is no question for the two to agree on.
          if (to.eni && stopped.has(to.instance)) continue;
          for (const [proto, port] of [['tcp', 22], ['tcp', 80], ['udp', 80]] as const) batch.push({ from, to, proto, port, sport: sport++ });
          if (unique(to)) batch.push({ from, to, proto: 'icmp', port: 0, sport: 0 });
        }
        const real = await Promise.all(batch.map((p) => agents.get(p.from.instance)?.ask({ proto: p.proto, ip: p.to.ip, port: p.port, sport: p.sport }) ?? Promise.resolve(null)));
        const said: boolean[] = [];
        for (let i = 0; i < batch.length; i += 16) said.push(...(await Promise.all(batch.slice(i, i + 16).map(analyzer))));
        batch.forEach((p, i) => {
          probes++;
          const flows = real[i] === (p.proto === 'icmp' ? p.to.ip : p.to.instance);
          if (flows) flowed++;
          if (p.proto === 'icmp') {
            pings.sent++;
            if (flows) pings.flowed++;
          }
          if (flows !== said[i]) {
            disagreements.push(
              `seed ${seed} ${round}: ${p.proto === 'icmp' ? 'icmp echo' : `${p.proto}/${p.port}`} vpc ${p.from.vpc} ${p.from.ip} -> vpc ${p.to.vpc} ${p.to.ip}${p.to.eni ? ' (eth1)' : ''}: traffic ${real[i] === null ? 'none' : `answered by ${real[i]}`}, analyzer ${said[i]}`,
            );
          }
        });
      }
      for (const { child } of agents.values()) child.kill('SIGTERM');
      if (disagreements.length > 0) {
        disagreements.push(`world ${seed}:\n  ${log.join('\n  ')}\n(replay: VPCPEER_DATAPLANE_SEED=${seed} npx vitest run test/dataplane)`);
        break;
      }
    }
    console.log(`data plane vs analyzer: ${probes} probes (${pings.sent} pings) on ${seeds.length} worlds, ${flowed} flowed (${pings.flowed} pings), ${disagreements.length} disagreements`);
    expect(disagreements).toEqual([]);
    // A run where nothing (or everything) flowed would prove little.
    expect(flowed).toBeGreaterThan(probes / 20);
    expect(flowed).toBeLessThan(probes);
    if (!replay) expect(pings.flowed, 'some pings must get through, and not all').toBeGreaterThan(0);
    if (!replay) expect(pings.flowed).toBeLessThan(pings.sent);
  });
});
