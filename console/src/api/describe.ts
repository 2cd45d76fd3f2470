import type { EC2Client, Filter, RouteTable, Subnet, Vpc, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import {
  DescribeAvailabilityZonesCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';

/** Follows NextToken to the end: the console filters and pages on the client, as AWS's does. */
async function all<T>(page: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const r = await page(token);
    out.push(...(r.items ?? []));
    token = r.next;
  } while (token);
  return out;
}

export function describeVpcs(ec2: EC2Client, signal?: AbortSignal, filters?: Filter[]): Promise<Vpc[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeVpcsCommand({ NextToken, Filters: filters }), { abortSignal: signal });
    return { items: r.Vpcs, next: r.NextToken };
  });
}

export function describeSubnets(ec2: EC2Client, signal?: AbortSignal, filters?: Filter[]): Promise<Subnet[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeSubnetsCommand({ NextToken, Filters: filters }), { abortSignal: signal });
    return { items: r.Subnets, next: r.NextToken };
  });
}

export function describeRouteTables(ec2: EC2Client, signal?: AbortSignal, filters?: Filter[]): Promise<RouteTable[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeRouteTablesCommand({ NextToken, Filters: filters }), { abortSignal: signal });
    return { items: r.RouteTables, next: r.NextToken };
  });
}

export function describePeerings(ec2: EC2Client, signal?: AbortSignal, ids?: string[]): Promise<VpcPeeringConnection[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeVpcPeeringConnectionsCommand({ NextToken, VpcPeeringConnectionIds: ids }), { abortSignal: signal });
    return { items: r.VpcPeeringConnections, next: r.NextToken };
  });
}

export async function describeRegions(ec2: EC2Client, signal?: AbortSignal): Promise<string[]> {
  const r = await ec2.send(new DescribeRegionsCommand({}), { abortSignal: signal });
  return (r.Regions ?? []).flatMap((x) => (x.RegionName ? [x.RegionName] : []));
}

export async function describeZones(ec2: EC2Client, signal?: AbortSignal): Promise<string[]> {
  const r = await ec2.send(new DescribeAvailabilityZonesCommand({}), { abortSignal: signal });
  return (r.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName ? [z.ZoneName] : []));
}

export interface VpcDnsAttributes {
  readonly dnsSupport: boolean;
  readonly dnsHostnames: boolean;
}

export async function describeVpcDns(ec2: EC2Client, vpcId: string, signal?: AbortSignal): Promise<VpcDnsAttributes> {
  const [support, hostnames] = await Promise.all([
    ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' }), { abortSignal: signal }),
    ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }), { abortSignal: signal }),
  ]);
  return { dnsSupport: support.EnableDnsSupport?.Value === true, dnsHostnames: hostnames.EnableDnsHostnames?.Value === true };
}
