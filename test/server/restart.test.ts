import {
  AcceptVpcPeeringConnectionCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { adminGet, advanceClock, startServer } from '../support/start-server.js';

function client(server: RunningServer, account: string, region = 'us-east-1'): EC2Client {
  return new EC2Client({ endpoint: server.url, region, credentials: { accessKeyId: account, secretAccessKey: 'x' }, maxAttempts: 1 });
}

async function snapshot(server: RunningServer): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const account of ['111111111111', '222222222222']) {
    const ec2 = client(server, account);
    out[account] = {
      vpcs: (await ec2.send(new DescribeVpcsCommand({}))).Vpcs,
      subnets: (await ec2.send(new DescribeSubnetsCommand({}))).Subnets,
      tables: (await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables,
      peerings: (await ec2.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections,
      tags: (await ec2.send(new DescribeTagsCommand({}))).Tags,
    };
  }
  out.clock = ((await adminGet(server, '/_vpcpeer/clock')) as { offsetSeconds: number }).offsetSeconds;
  return out;
}

describe('state survives kill -9 and a restart', () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it('is identical after SIGKILL and restart on the same data folder', async () => {
    const first = await startServer();
    servers.push(first);
    const a = client(first, '111111111111');
    const b = client(first, '222222222222');
    const v1 = (await a.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'left' }] }] }))).Vpc?.VpcId;
    const v2 = (await b.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc?.VpcId;
    const pcx = (
      await a.send(new CreateVpcPeeringConnectionCommand({ VpcId: v1, PeerVpcId: v2, PeerOwnerId: '222222222222', TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: 'mine' }] }] }))
    ).VpcPeeringConnection?.VpcPeeringConnectionId;
    await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const rtb = (await a.send(new CreateRouteTableCommand({ VpcId: v1 }))).RouteTable?.RouteTableId;
    await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.1.0.0/28', VpcPeeringConnectionId: pcx }));
    await advanceClock(first, 3600);
    const before = await snapshot(first);

    await first.kill();
    const second = await startServer({ dataDir: first.dataDir });
    servers.push(second);
    const after = await snapshot(second);
    expect(after).toEqual(before);
    // The snapshot really holds the state written above, not two empty answers.
    expect(JSON.stringify(before)).toContain(pcx as string);
    expect(JSON.stringify(before)).toContain('10.1.0.0/28');
    expect((before as { clock: number }).clock).toBe(3600);
  });
});
