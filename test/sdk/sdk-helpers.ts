// Shared pieces of the AWS SDK for JavaScript suites: clients bound to a running vpcpeer server
// (account = 12-digit access key id, region = signing region) and small EC2 helpers.
import {
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeVpcPeeringConnectionsCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import type { CreateVpcPeeringConnectionCommandInput, Route, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { expect } from 'vitest';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const PCX = /^pcx-[0-9a-f]{17}$/;
export const DAY_MS = 24 * 3600 * 1000;

export function ec2(url: string, account: string, region = 'us-east-1'): EC2Client {
  return new EC2Client({ endpoint: url, region, credentials: { accessKeyId: account, secretAccessKey: 'x' }, maxAttempts: 1 });
}

export function sts(url: string, account: string): STSClient {
  return new STSClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, maxAttempts: 1 });
}

/** Awaits a call that must fail with an EC2 service error and returns that error. */
export async function failure(call: Promise<unknown>): Promise<EC2ServiceException> {
  let result: unknown;
  try {
    result = await call;
  } catch (e) {
    if (e instanceof EC2ServiceException) return e;
    throw new Error(`expected an EC2ServiceException, got ${String(e)}`, { cause: e });
  }
  throw new Error(`expected the call to fail, it succeeded with ${JSON.stringify(result)}`);
}

/** Asserts an EC2 error's code, message, HTTP status and that the request id was read. */
export function expectEc2Error(e: EC2ServiceException, code: string, message: string | RegExp, status = 400): void {
  expect(e.name).toBe(code);
  if (typeof message === 'string') expect(e.message).toBe(message);
  else expect(e.message).toMatch(message);
  expect(e.$metadata.httpStatusCode).toBe(status);
  expect(e.$metadata.requestId).toMatch(UUID);
  expect(e.$fault).toBe('client');
}

export async function newVpc(client: EC2Client, cidr: string): Promise<string> {
  const r = await client.send(new CreateVpcCommand({ CidrBlock: cidr }));
  const id = r.Vpc?.VpcId;
  if (!id) throw new Error(`CreateVpc ${cidr} returned no VpcId`);
  return id;
}

export async function createPeering(client: EC2Client, input: CreateVpcPeeringConnectionCommandInput): Promise<VpcPeeringConnection & { VpcPeeringConnectionId: string }> {
  const r = await client.send(new CreateVpcPeeringConnectionCommand(input));
  const p = r.VpcPeeringConnection;
  if (!p?.VpcPeeringConnectionId) throw new Error('CreateVpcPeeringConnection returned no connection id');
  return { ...p, VpcPeeringConnectionId: p.VpcPeeringConnectionId };
}

/** Describe by id, expecting exactly that one connection back. */
export async function describeOne(client: EC2Client, id: string): Promise<VpcPeeringConnection> {
  const r = await client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] }));
  expect(r.$metadata.httpStatusCode).toBe(200);
  expect(r.$metadata.requestId).toMatch(UUID);
  const items = r.VpcPeeringConnections ?? [];
  expect(items.map((p) => p.VpcPeeringConnectionId)).toEqual([id]);
  return items[0] as VpcPeeringConnection;
}

export async function mainRouteTable(client: EC2Client, vpcId: string): Promise<string> {
  const r = await client.send(
    new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'association.main', Values: ['true'] }] }),
  );
  const tables = r.RouteTables ?? [];
  expect(tables).toHaveLength(1);
  const id = tables[0]?.RouteTableId;
  if (!id) throw new Error(`no main route table id for ${vpcId}`);
  return id;
}

/** The route for `destination` in a route table, or undefined. */
export async function routeTo(client: EC2Client, routeTableId: string, destination: string): Promise<Route | undefined> {
  const r = await client.send(new DescribeRouteTablesCommand({ RouteTableIds: [routeTableId] }));
  return r.RouteTables?.[0]?.Routes?.find((route) => route.DestinationCidrBlock === destination);
}

export function tagsOf(p: VpcPeeringConnection): Record<string, string> {
  return Object.fromEntries((p.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

export const DEFAULT_OPTIONS = {
  AllowDnsResolutionFromRemoteVpc: false,
  AllowEgressFromLocalClassicLinkToRemoteVpc: false,
  AllowEgressFromLocalVpcToRemoteClassicLink: false,
} as const;
