// The peering guide's configurations as real traffic: a full-CIDR route, a partial-CIDR route,
// a /32 route to one instance, two VPCs with the same CIDR peered to a third (each reached
// through its own route), a pending connection that carries nothing, and a deleted connection
// whose route turns into a blackhole. Servers answer with their instance id, so a packet that
// reached the look-alike address in the other same-CIDR VPC is told apart.
import {
  AcceptVpcPeeringConnectionCommand,
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { dataplaneAvailable, listening, TCP_PROBE, TCP_SERVER, useDataplaneServer } from './dataplane-harness.js';

const ACCOUNT = '111111111111';
const PORT = 9000;

interface Instance {
  readonly id: string;
  readonly ip: string;
}

describe.skipIf(!dataplaneAvailable)("data plane: the peering guide's configurations", () => {
  const suite = useDataplaneServer();

  it('full, partial and /32 routes; same-CIDR peers; pending and deleted connections', { timeout: 180_000 }, async () => {
    const ec2 = suite.ec2(ACCOUNT);
    const vpc = async (cidr: string): Promise<{ id: string; main: string }> => {
      const id = (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId as string;
      const group = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).SecurityGroups?.[0]?.GroupId as string;
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: PORT, ToPort: PORT, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
      const main = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).RouteTables?.[0]?.RouteTableId as string;
      return { id, main };
    };
    const instance = async (vpcId: string, cidr: string): Promise<Instance & { subnet: string }> => {
      const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr }))).Subnet?.SubnetId as string;
      const i = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }))).Instances?.[0];
      return { id: i?.InstanceId as string, ip: i?.PrivateIpAddress as string, subnet };
    };
    const peer = async (c: EC2Client, from: string, to: string, accept = true): Promise<string> => {
      const id = (await c.send(new CreateVpcPeeringConnectionCommand({ VpcId: from, PeerVpcId: to }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
      if (accept) await c.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      return id;
    };
    const route = (table: string, cidr: string, pcx: string): Promise<unknown> => ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: cidr, VpcPeeringConnectionId: pcx }));

    const a = await vpc('10.0.0.0/16');
    const b = await vpc('10.1.0.0/16');
    const c = await vpc('10.1.0.0/16'); // the same block as B
    const d = await vpc('10.3.0.0/16');
    const a1 = await instance(a.id, '10.0.1.0/24');
    const a2 = await instance(a.id, '10.0.2.0/24');
    const b1 = await instance(b.id, '10.1.1.0/24');
    const c1 = await instance(c.id, '10.1.1.0/24');
    const d1 = await instance(d.id, '10.3.1.0/24');
    expect(c1.ip).toBe(b1.ip); // the look-alike address

    // a2's subnet has its own table: a /32 to C's instance only.
    const a2Table = (await ec2.send(new CreateRouteTableCommand({ VpcId: a.id }))).RouteTable?.RouteTableId as string;
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: a2Table, SubnetId: a2.subnet }));
    const ab = await peer(ec2, a.id, b.id);
    const ac = await peer(ec2, a.id, c.id);
    const ad = await peer(ec2, a.id, d.id, false); // pending
    await route(a.main, '10.1.0.0/16', ab); // full CIDR
    await route(a2Table, `${c1.ip}/32`, ac); // one instance
    await route(b.main, '10.0.1.0/24', ab); // partial CIDR: a1's subnet only
    await route(c.main, '10.0.2.0/24', ac);
    await route(a.main, '10.3.0.0/16', ad).catch(() => undefined);
    await route(d.main, '10.0.0.0/16', ad).catch(() => undefined);

    for (const server of [a2, b1, c1, d1]) {
      const child = suite.spawnIn(ACCOUNT, server.id, ...TCP_SERVER([PORT], server.id));
      await listening(child, [PORT]);
    }
    /** Who answered a connection from `from` to `ip` (undefined: nobody, within a second). */
    const answer = async (from: Instance, ip: string): Promise<string | undefined> => {
      await suite.settle();
      const r = await suite.exec(ACCOUNT, from.id, ...TCP_PROBE(ip, PORT));
      return r.code === 0 ? r.out : undefined;
    };

    expect(await answer(a1, b1.ip), 'full-CIDR route: B answers').toBe(b1.id);
    expect(await answer(a2, c1.ip), '/32 route to C from the other subnet: C answers, not B').toBe(c1.id);
    expect(await answer(b1, a2.ip), "partial-CIDR route: B's route covers a1's subnet only").toBeUndefined();
    expect(await answer(d1, a1.ip), 'a pending connection carries nothing').toBeUndefined();

    await ec2.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: ab }));
    const routes = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [a.main] }))).RouteTables?.[0]?.Routes ?? [];
    expect(routes.find((r) => r.DestinationCidrBlock === '10.1.0.0/16')?.State).toBe('blackhole');
    expect(await answer(a1, b1.ip), "a deleted connection's route is a blackhole").toBeUndefined();
    expect(await answer(a2, c1.ip), 'the other connection is untouched').toBe(c1.id);
  });
});
