import type { RouteTable, Vpc, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { CreateVpcCommand, DescribeRouteTablesCommand, DescribeVpcPeeringConnectionsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { expect } from 'vitest';

/** The API seen by an account in a region: how scenarios check what the console did. */
export function ec2(url: string, accountId: string, region = 'us-east-1'): EC2Client {
  return new EC2Client({ endpoint: url, region, credentials: { accessKeyId: accountId, secretAccessKey: 'test' }, maxAttempts: 1 });
}

export async function peering(client: EC2Client, id: string): Promise<VpcPeeringConnection> {
  const r = await client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
  const c = r.VpcPeeringConnections?.[0];
  if (!c) throw new Error(`${id} not described`);
  return c;
}

/** Waits until the connection, as `client` sees it, has this status (a new request settles a moment after it is made). */
export async function waitForPeeringStatus(client: EC2Client, id: string, code: string): Promise<void> {
  await expect.poll(async () => (await peering(client, id)).Status?.Code, { timeout: 30_000 }).toBe(code);
}

export async function createVpc(client: EC2Client, cidr: string): Promise<string> {
  const id = (await client.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId;
  if (!id) throw new Error(`no VPC id for ${cidr}`);
  return id;
}

export async function vpcByName(client: EC2Client, name: string): Promise<Vpc> {
  const r = await client.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: [name] }] }));
  const v = r.Vpcs?.[0];
  if (!v) throw new Error(`no VPC named ${name}`);
  return v;
}

export async function mainRouteTable(client: EC2Client, vpcId: string): Promise<RouteTable> {
  const r = await client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'association.main', Values: ['true'] }] }));
  const t = r.RouteTables?.[0];
  if (!t) throw new Error(`no main route table for ${vpcId}`);
  return t;
}

export function routeTo(table: RouteTable, destination: string): { state?: string; target?: string } | undefined {
  const r = table.Routes?.find((x) => x.DestinationCidrBlock === destination || x.DestinationIpv6CidrBlock === destination);
  return r && { state: r.State, target: r.VpcPeeringConnectionId ?? r.GatewayId };
}
