// The store is the only truth: after a graceful stop or a crash, a restarted server rebuilds the
// data plane from it, and traffic flows again as before.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { dataplaneAvailable, ec2Client, reaches as reachesOn, sameSubnetPair } from './dataplane-harness.js';

const ACCOUNT = '111111111111';

const ec2 = (server: RunningServer): EC2Client => ec2Client(server.url, ACCOUNT);
const reaches = (server: RunningServer, from: string, to: { id: string; ip: string }, port: number): Promise<boolean> => reachesOn(server.url, ACCOUNT, from, to, port);

describe.skipIf(!dataplaneAvailable)('data plane: rebuilt from the store at start', () => {
  it('when the agent dies the API keeps serving, and the data plane comes back by itself', { timeout: 60_000 }, async () => {
    const server = await startServer({ inMemory: true, args: ['--dataplane'] });
    try {
      const { a, b } = await sameSubnetPair(server.url, ACCOUNT);
      expect(await reaches(server, a, b, 9100)).toBe(true);
      const status = async (): Promise<{ running: boolean; agentPid?: number; hosts: number }> => (await (await fetch(`${server.url}/_vpcpeer/dataplane`)).json()) as { running: boolean; agentPid?: number; hosts: number };
      const before = await status();
      process.kill(before.agentPid as number, 'SIGKILL');
      // The API answers meanwhile.
      const c = ec2(server);
      expect((await c.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }))).Instances?.length).toBe(1);
      c.destroy();
      let after = await status();
      for (let waited = 0; !(after.running && after.agentPid !== before.agentPid) && waited < 10_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        after = await status();
      }
      expect(after.agentPid).not.toBe(before.agentPid);
      expect(await reaches(server, a, b, 9100)).toBe(true);
      expect(server.output()).toMatch(/the data plane agent exited/);
    } finally {
      await server.stop();
    }
  });

  it('after a graceful stop and after a crash, traffic flows again as the store says', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vpcpeer-dp-restart-'));
    let server = await startServer({ dataDir, args: ['--dataplane'] });
    try {
      const c = ec2(server);
      const made: { vpc: string; table: string; instance: string; ip: string }[] = [];
      for (const n of [0, 1]) {
        const vpc = (await c.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }))).Vpc?.VpcId as string;
        const subnet = (await c.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.${n}.1.0/24` }))).Subnet?.SubnetId as string;
        const group = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).SecurityGroups?.[0]?.GroupId as string;
        await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 9000, ToPort: 9000, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
        const table = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).RouteTables?.[0]?.RouteTableId as string;
        const i = (await c.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }))).Instances?.[0];
        made.push({ vpc, table, instance: i?.InstanceId as string, ip: i?.PrivateIpAddress as string });
      }
      const [a, b] = made as [(typeof made)[number], (typeof made)[number]];
      const pcx = (await c.send(new CreateVpcPeeringConnectionCommand({ VpcId: a.vpc, PeerVpcId: b.vpc }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
      await c.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
      await c.send(new CreateRouteCommand({ RouteTableId: a.table, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx }));
      await c.send(new CreateRouteCommand({ RouteTableId: b.table, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: pcx }));
      c.destroy();
      const target = { id: b.instance, ip: b.ip };
      expect(await reaches(server, a.instance, target, 9000)).toBe(true);

      await server.stop();
      server = await startServer({ dataDir, args: ['--dataplane'] });
      expect(await reaches(server, a.instance, target, 9000)).toBe(true);

      await server.kill();
      server = await startServer({ dataDir, args: ['--dataplane'] });
      expect(await reaches(server, a.instance, target, 9000)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
