// The guide's "IPv6 within one Region" as real traffic: two VPCs with Amazon-provided /56 blocks,
// peered in one Region, reach each other over IPv6 once both route tables have a route for the
// peer's IPv6 block ("you can add a route to your route table to enable communication with the
// peer VPC over IPv6", product guide). Each step changes one thing and checks the traffic that
// depends on it, in both families: IPv4 and IPv6 are routed, filtered and checked separately.
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteNetworkAclEntryCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  ReplaceRouteCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { Cidr, formatIpv6 } from '../../src/core/net/index.js';
import { listening, pingAvailable, TCP_PROBE, TCP_SERVER, useDataplaneServer } from './dataplane-harness.js';

const ACCOUNT = '111111111111';
const PORT = 9000;

interface Vpc {
  readonly id: string;
  readonly block6: string;
  readonly main: string;
  readonly group: string;
  readonly acl: string;
}

interface Instance {
  readonly id: string;
  readonly ip: string;
  readonly ip6: string;
}

describe.skipIf(!pingAvailable)('data plane: IPv6 within one Region', () => {
  const suite = useDataplaneServer();

  it('routes, groups, ACLs, transit and the peering state decide IPv6 traffic as they do IPv4', { timeout: 180_000 }, async () => {
    const ec2 = suite.ec2(ACCOUNT);
    const vpc = async (cidr: string): Promise<Vpc> => {
      const v = (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: true }))).Vpc;
      const id = v?.VpcId as string;
      const block6 = v?.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock as string;
      const byVpc = [{ Name: 'vpc-id', Values: [id] }];
      const group = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: byVpc }))).SecurityGroups?.[0]?.GroupId as string;
      const main = (await ec2.send(new DescribeRouteTablesCommand({ Filters: byVpc }))).RouteTables?.[0]?.RouteTableId as string;
      const acl = (await ec2.send(new DescribeNetworkAclsCommand({ Filters: byVpc }))).NetworkAcls?.[0]?.NetworkAclId as string;
      return { id, block6, main, group, acl };
    };
    const instance = async (v: Vpc, cidr: string, n: number): Promise<Instance> => {
      // The n-th /64 of the VPC's /56.
      const subnet6 = `${formatIpv6((Cidr.parse(v.block6) as Cidr).network + (BigInt(n) << 64n))}/64`;
      const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: v.id, CidrBlock: cidr, Ipv6CidrBlock: subnet6 }))).Subnet?.SubnetId as string;
      const i = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet, Ipv6AddressCount: 1 }))).Instances?.[0];
      const ip6 = i?.NetworkInterfaces?.[0]?.Ipv6Addresses?.[0]?.Ipv6Address as string;
      return { id: i?.InstanceId as string, ip: i?.PrivateIpAddress as string, ip6 };
    };
    const peer = async (from: string, to: string): Promise<string> => {
      const id = (await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: from, PeerVpcId: to }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
      await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      return id;
    };
    const route6 = (table: string, cidr: string, pcx: string): Promise<unknown> =>
      ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationIpv6CidrBlock: cidr, VpcPeeringConnectionId: pcx }));

    const a = await vpc('10.0.0.0/16');
    const b = await vpc('10.1.0.0/16');
    const c = await vpc('10.2.0.0/16');
    const a1 = await instance(a, '10.0.1.0/24', 1);
    const b1 = await instance(b, '10.1.1.0/24', 1);
    const c1 = await instance(c, '10.2.1.0/24', 1);
    expect((Cidr.parse(a.block6) as Cidr).contains(Cidr.parse(`${a1.ip6}/128`) as Cidr)).toBe(true);

    // B and C admit the port from anywhere, over IPv6 only.
    for (const v of [b, c]) {
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: v.group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: PORT, ToPort: PORT, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] }));
    }
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: b.group, IpPermissions: [{ IpProtocol: 'icmpv6', FromPort: -1, ToPort: -1, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] }));
    for (const server of [a1, b1, c1]) await listening(suite.spawnIn(ACCOUNT, server.id, ...TCP_SERVER([PORT], server.id)), [PORT]);

    const answer = async (from: Instance, ip: string): Promise<string | undefined> => {
      await suite.settle();
      const r = await suite.exec(ACCOUNT, from.id, ...TCP_PROBE(ip, PORT));
      return r.code === 0 ? r.out : undefined;
    };

    // The instance holds its address, with the router as its IPv6 next hop.
    const shown = await suite.exec(ACCOUNT, a1.id, 'ip', '-6', 'addr', 'show', 'dev', 'eth0');
    expect(shown.out).toContain(`${a1.ip6}/64`);

    const ab = await peer(a.id, b.id);
    await route6(a.main, b.block6, ab);
    expect(await answer(a1, b1.ip6), 'no route back from B yet').toBeUndefined();
    await route6(b.main, a.block6, ab);
    expect(await answer(a1, b1.ip6), 'routes both ways: B answers over IPv6').toBe(b1.id);
    expect(await answer(a1, b1.ip), 'no IPv4 route: IPv4 stays out').toBeUndefined();
    const ping = await suite.exec(ACCOUNT, a1.id, 'ping', '-6', '-c', '1', '-W', '1', b1.ip6);
    expect(ping.code, `ICMPv6 allowed by B's group: ${ping.out}`).toBe(0);

    // A stateless ACL entry on B's side, for IPv6 only, stops the flow; removed, it flows again.
    await ec2.send(new CreateNetworkAclEntryCommand({ NetworkAclId: b.acl, RuleNumber: 50, Protocol: '6', RuleAction: 'deny', Egress: false, Ipv6CidrBlock: a.block6, PortRange: { From: PORT, To: PORT } }));
    expect(await answer(a1, b1.ip6), "B's ACL denies A's IPv6 block").toBeUndefined();
    await ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: b.acl, RuleNumber: 50, Egress: false }));
    expect(await answer(a1, b1.ip6), 'entry deleted').toBe(b1.id);

    // C peers with B. A admits C's IPv6 block; C routes to A through B, and A back to C through
    // B: that is transit, and is dropped although every route and group says yes.
    const bc = await peer(b.id, c.id);
    await route6(c.main, b.block6, bc);
    await route6(b.main, c.block6, bc);
    expect(await answer(c1, b1.ip6), 'C reaches B over its own peering').toBe(b1.id);
    const admitC = { IpProtocol: 'tcp', FromPort: PORT, ToPort: PORT, Ipv6Ranges: [{ CidrIpv6: c.block6 }] };
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a.group, IpPermissions: [admitC] }));
    await route6(c.main, a.block6, bc);
    await route6(a.main, c.block6, ab);
    expect(await answer(c1, a1.ip6), 'C to A through B is transit').toBeUndefined();

    // A direct peering: the same routes now point at it, and C reaches A. Then A admits C by
    // group reference instead of by block: the reference must match C's IPv6 address.
    const ac = await peer(a.id, c.id);
    await ec2.send(new ReplaceRouteCommand({ RouteTableId: c.main, DestinationIpv6CidrBlock: a.block6, VpcPeeringConnectionId: ac }));
    await ec2.send(new ReplaceRouteCommand({ RouteTableId: a.main, DestinationIpv6CidrBlock: c.block6, VpcPeeringConnectionId: ac }));
    expect(await answer(c1, a1.ip6), 'direct peering').toBe(a1.id);
    const byReference = { IpProtocol: 'tcp', FromPort: PORT, ToPort: PORT, UserIdGroupPairs: [{ GroupId: c.group, VpcPeeringConnectionId: ac }] };
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a.group, IpPermissions: [byReference] }));
    await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: a.group, IpPermissions: [admitC] }));
    expect(await answer(c1, a1.ip6), "C's group admitted by reference: its IPv6 address matches").toBe(a1.id);
    await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: a.group, IpPermissions: [byReference] }));
    expect(await answer(c1, a1.ip6), 'reference revoked').toBeUndefined();

    // Deleting A-B turns A's IPv6 route into a blackhole; A-C is untouched.
    await ec2.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: ab }));
    const routes = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [a.main] }))).RouteTables?.[0]?.Routes ?? [];
    expect(routes.find((r) => r.DestinationIpv6CidrBlock === b.block6)?.State).toBe('blackhole');
    expect(await answer(a1, b1.ip6), "a deleted connection's IPv6 route is a blackhole").toBeUndefined();
    expect(await answer(a1, c1.ip6), 'A still reaches C').toBe(c1.id);
  });
});
