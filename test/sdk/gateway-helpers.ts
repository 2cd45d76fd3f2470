// Shared pieces of the gateway suites: one server per file with a client for each of two
// accounts, and small creators for gateways and IPv6 VPCs.
import { AttachInternetGatewayCommand, CreateEgressOnlyInternetGatewayCommand, CreateInternetGatewayCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import type { EC2Client, TagSpecification } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { ec2 } from './sdk-helpers.js';

export const DRY_RUN = 'Request would have succeeded, but DryRun flag is set.';

export interface TwoAccounts {
  readonly server: RunningServer;
  /** A client of the first account, and one of the second. */
  readonly a: EC2Client;
  readonly b: EC2Client;
}

/** Starts a server before the file's tests and stops it after; the fields are set from then on. */
export function useTwoAccounts(accountA: string, accountB: string): TwoAccounts {
  const holder = {} as { server: RunningServer; a: EC2Client; b: EC2Client };
  beforeAll(async () => {
    holder.server = await startServer();
    holder.a = ec2(holder.server.url, accountA);
    holder.b = ec2(holder.server.url, accountB);
  });
  afterAll(async () => {
    await holder.server.stop();
  });
  return holder;
}

function tagSpecs(type: TagSpecification['ResourceType'], tags: Record<string, string>): TagSpecification[] | undefined {
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  return list.length ? [{ ResourceType: type, Tags: list }] : undefined;
}

export async function newInternetGateway(client: EC2Client, tags: Record<string, string> = {}): Promise<string> {
  const id = (await client.send(new CreateInternetGatewayCommand({ TagSpecifications: tagSpecs('internet-gateway', tags) }))).InternetGateway?.InternetGatewayId;
  if (!id) throw new Error('CreateInternetGateway returned no id');
  return id;
}

export async function attachedGateway(client: EC2Client, vpcId: string): Promise<string> {
  const igw = await newInternetGateway(client);
  await client.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
  return igw;
}

export async function ipv6Vpc(client: EC2Client, cidr: string): Promise<string> {
  const id = (await client.send(new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: true }))).Vpc?.VpcId;
  if (!id) throw new Error(`CreateVpc ${cidr} returned no VpcId`);
  return id;
}

export async function newEgressOnlyGateway(client: EC2Client, vpcId: string, tags: Record<string, string> = {}): Promise<string> {
  const r = await client.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpcId, TagSpecifications: tagSpecs('egress-only-internet-gateway', tags) }));
  const id = r.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId;
  if (!id) throw new Error('CreateEgressOnlyInternetGateway returned no id');
  return id;
}
