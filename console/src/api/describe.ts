import type {
  Address,
  DhcpOptions,
  EC2Client,
  EgressOnlyInternetGateway,
  Filter,
  Instance,
  InternetGateway,
  NatGateway,
  NetworkInsightsAnalysis,
  NetworkInsightsPath,
  NetworkInterface,
  NetworkAcl,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  TagDescription,
  Vpc,
  VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import {
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeDhcpOptionsCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInsightsAnalysesCommand,
  DescribeNetworkInsightsPathsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
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

export function describeInternetGateways(ec2: EC2Client, signal?: AbortSignal, ids?: string[]): Promise<InternetGateway[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeInternetGatewaysCommand({ NextToken, InternetGatewayIds: ids }), { abortSignal: signal });
    return { items: r.InternetGateways, next: r.NextToken };
  });
}

export function describeEgressOnlyGateways(ec2: EC2Client, signal?: AbortSignal, ids?: string[]): Promise<EgressOnlyInternetGateway[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeEgressOnlyInternetGatewaysCommand({ NextToken, EgressOnlyInternetGatewayIds: ids }), { abortSignal: signal });
    return { items: r.EgressOnlyInternetGateways, next: r.NextToken };
  });
}

/** DescribeAddresses has no paging: one answer holds every address. */
export async function describeAddresses(ec2: EC2Client, signal?: AbortSignal, allocationIds?: string[]): Promise<Address[]> {
  const r = await ec2.send(new DescribeAddressesCommand({ AllocationIds: allocationIds }), { abortSignal: signal });
  return r.Addresses ?? [];
}

export function describeNatGateways(ec2: EC2Client, signal?: AbortSignal, ids?: string[], filters?: Filter[]): Promise<NatGateway[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeNatGatewaysCommand({ NextToken, NatGatewayIds: ids, Filter: filters }), { abortSignal: signal });
    return { items: r.NatGateways, next: r.NextToken };
  });
}

export function describeDhcpOptions(ec2: EC2Client, signal?: AbortSignal, ids?: string[]): Promise<DhcpOptions[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeDhcpOptionsCommand({ NextToken, DhcpOptionsIds: ids }), { abortSignal: signal });
    return { items: r.DhcpOptions, next: r.NextToken };
  });
}

export function describeSecurityGroups(ec2: EC2Client, signal?: AbortSignal, ids?: string[], filters?: Filter[]): Promise<SecurityGroup[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeSecurityGroupsCommand({ NextToken, GroupIds: ids, Filters: filters }), { abortSignal: signal });
    return { items: r.SecurityGroups, next: r.NextToken };
  });
}

export function describeSecurityGroupRules(ec2: EC2Client, groupId: string, signal?: AbortSignal): Promise<SecurityGroupRule[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeSecurityGroupRulesCommand({ NextToken, Filters: [{ Name: 'group-id', Values: [groupId] }] }), { abortSignal: signal });
    return { items: r.SecurityGroupRules, next: r.NextToken };
  });
}

export function describeNetworkAcls(ec2: EC2Client, signal?: AbortSignal, ids?: string[], filters?: Filter[]): Promise<NetworkAcl[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeNetworkAclsCommand({ NextToken, NetworkAclIds: ids, Filters: filters }), { abortSignal: signal });
    return { items: r.NetworkAcls, next: r.NextToken };
  });
}

export function describeNetworkInterfaces(ec2: EC2Client, signal?: AbortSignal, ids?: string[], filters?: Filter[]): Promise<NetworkInterface[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeNetworkInterfacesCommand({ NextToken, NetworkInterfaceIds: ids, Filters: filters }), { abortSignal: signal });
    return { items: r.NetworkInterfaces, next: r.NextToken };
  });
}

/** One resource's tags as they are now (DescribeTags filtered by resource-id). */
export function describeTags(ec2: EC2Client, resourceId: string, signal?: AbortSignal): Promise<TagDescription[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeTagsCommand({ NextToken, Filters: [{ Name: 'resource-id', Values: [resourceId] }] }), { abortSignal: signal });
    return { items: r.Tags, next: r.NextToken };
  });
}

/** Instances, out of their reservations (the console lists instances, not reservations). */
export function describeInstances(ec2: EC2Client, signal?: AbortSignal, ids?: string[], filters?: Filter[]): Promise<Instance[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeInstancesCommand({ NextToken, InstanceIds: ids, Filters: filters }), { abortSignal: signal });
    return { items: (r.Reservations ?? []).flatMap((x) => x.Instances ?? []), next: r.NextToken };
  });
}

export function describeInsightsPaths(ec2: EC2Client, signal?: AbortSignal, ids?: string[]): Promise<NetworkInsightsPath[]> {
  return all(async (NextToken) => {
    const r = await ec2.send(new DescribeNetworkInsightsPathsCommand({ NextToken, NetworkInsightsPathIds: ids }), { abortSignal: signal });
    return { items: r.NetworkInsightsPaths, next: r.NextToken };
  });
}

/** A path's analyses (or the given ones), newest first as AWS's console shows them. */
export async function describeInsightsAnalyses(ec2: EC2Client, signal?: AbortSignal, query: { pathId?: string; ids?: string[] } = {}): Promise<NetworkInsightsAnalysis[]> {
  const out = await all(async (NextToken) => {
    const r = await ec2.send(new DescribeNetworkInsightsAnalysesCommand({ NextToken, NetworkInsightsPathId: query.pathId, NetworkInsightsAnalysisIds: query.ids }), { abortSignal: signal });
    return { items: r.NetworkInsightsAnalyses, next: r.NextToken };
  });
  return out.sort((a, b) => (b.StartDate?.getTime() ?? 0) - (a.StartDate?.getTime() ?? 0));
}

/** The one resource a details page shows, or the error that says it is not there. */
export async function only<T>(items: Promise<T[]>, id: string): Promise<T> {
  const [first] = await items;
  if (first === undefined) throw new Error(`Describe returned no ${id}`);
  return first;
}
