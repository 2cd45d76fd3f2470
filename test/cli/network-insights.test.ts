import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import type { Caller } from './aws-cli.js';
import { ACCOUNT_A, ACCOUNT_B, createPeering, createVpc, useServer } from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);
// Each `aws` call starts a Python interpreter: seconds apiece on a busy machine.
const TIMEOUT = 900_000;

interface Path {
  NetworkInsightsPathId: string;
  NetworkInsightsPathArn: string;
  CreatedDate: string;
  Source: string;
  SourceArn: string;
  Destination?: string;
  DestinationArn?: string;
  SourceIp?: string;
  DestinationIp?: string;
  Protocol: string;
  DestinationPort?: number;
  FilterAtSource?: Record<string, unknown>;
  FilterAtDestination?: Record<string, unknown>;
  Tags?: { Key: string; Value: string }[];
}

interface Analysis {
  NetworkInsightsAnalysisId: string;
  NetworkInsightsAnalysisArn: string;
  NetworkInsightsPathId: string;
  StartDate: string;
  Status: string;
  FilterInArns?: string[];
  AdditionalAccounts?: string[];
  NetworkPathFound?: boolean;
  ForwardPathComponents?: unknown[];
  ReturnPathComponents?: unknown[];
  Explanations?: unknown[];
  AlternatePathHints?: unknown[];
  SuggestedAccounts?: string[];
  Tags?: { Key: string; Value: string }[];
}

/** A VPC with one subnet and one bare interface in it. */
async function interfaceIn(c: Caller, cidr: string, subnetCidr: string): Promise<{ vpcId: string; subnetId: string; eni: string; ip: string }> {
  const vpc = await createVpc(c, cidr);
  const subnet = (await c.ok<{ Subnet: { SubnetId: string } }>('ec2', 'create-subnet', '--vpc-id', vpc.VpcId, '--cidr-block', subnetCidr)).Subnet;
  const eni = (await c.ok<{ NetworkInterface: { NetworkInterfaceId: string; PrivateIpAddress: string } }>('ec2', 'create-network-interface', '--subnet-id', subnet.SubnetId)).NetworkInterface;
  return { vpcId: vpc.VpcId, subnetId: subnet.SubnetId, eni: eni.NetworkInterfaceId, ip: eni.PrivateIpAddress };
}

async function createPath(c: Caller, ...args: string[]): Promise<Path> {
  return (await c.ok<{ NetworkInsightsPath: Path }>('ec2', 'create-network-insights-path', ...args)).NetworkInsightsPath;
}

async function startAnalysis(c: Caller, ...args: string[]): Promise<Analysis> {
  return (await c.ok<{ NetworkInsightsAnalysis: Analysis }>('ec2', 'start-network-insights-analysis', ...args)).NetworkInsightsAnalysis;
}

async function describeAnalyses(c: Caller, ...args: string[]): Promise<Analysis[]> {
  return (await c.ok<{ NetworkInsightsAnalyses: Analysis[] }>('ec2', 'describe-network-insights-analyses', ...args)).NetworkInsightsAnalyses;
}

async function describePaths(c: Caller, ...args: string[]): Promise<Path[]> {
  return (await c.ok<{ NetworkInsightsPaths: Path[] }>('ec2', 'describe-network-insights-paths', ...args)).NetworkInsightsPaths;
}

/**
 * REACHABILITY.md §1: the six Network Insights operations through the AWS CLI, and the situations.
 * Refusals, DryRun, ClientToken idempotency, isolation and pagination are walked in full by
 * test/boto3/network-insights.py (the same botocore underneath); each `aws` call here starts a
 * Python interpreter, so this suite keeps to what only the CLI does: its argument shorthand,
 * output and exit codes.
 */
describe.skipIf(!available)('AWS CLI: Network Insights paths and analyses', () => {
  const suite = useServer();

  it('a path: ids, ARNs, protocol in any case stored lower, unset members absent, tags; describe, filters, delete', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([interfaceIn(a, '10.10.0.0/16', '10.10.1.0/24'), interfaceIn(a, '10.11.0.0/16', '10.11.1.0/24')]);
    const path = await createPath(
      a, '--source', x.eni, '--destination', `arn:aws:ec2:us-east-1:${ACCOUNT_A}:network-interface/${y.eni}`, '--protocol', 'TCP', '--destination-port', '443',
      '--tag-specifications', 'ResourceType=network-insights-path,Tags=[{Key=Name,Value=web}]',
    );
    expect(path.NetworkInsightsPathId).toMatch(/^nip-[0-9a-f]{17}$/);
    expect(path.NetworkInsightsPathArn).toBe(`arn:aws:ec2:us-east-1:${ACCOUNT_A}:network-insights-path/${path.NetworkInsightsPathId}`);
    // §1.1: timestamps carry milliseconds.
    expect(path.CreatedDate).toMatch(/\.\d{3}/);
    expect(path).toMatchObject({
      Source: x.eni,
      SourceArn: `arn:aws:ec2:us-east-1:${ACCOUNT_A}:network-interface/${x.eni}`,
      // §1.2: an ARN comes back as the plain id, with the ARN beside it.
      Destination: y.eni,
      DestinationArn: `arn:aws:ec2:us-east-1:${ACCOUNT_A}:network-interface/${y.eni}`,
      Protocol: 'tcp',
      DestinationPort: 443,
      Tags: [{ Key: 'Name', Value: 'web' }],
    });
    for (const absent of ['SourceIp', 'DestinationIp', 'FilterAtSource', 'FilterAtDestination'] as const) expect(path[absent]).toBeUndefined();

    const ipOnly = await createPath(a, '--source', x.eni, '--protocol', 'udp', '--filter-at-source', `DestinationAddress=${y.ip},DestinationPortRange={FromPort=53,ToPort=53}`);
    expect(ipOnly.Destination).toBeUndefined();
    expect(ipOnly.FilterAtSource).toEqual({ DestinationAddress: y.ip, DestinationPortRange: { FromPort: 53, ToPort: 53 } });
    const withIps = await createPath(a, '--source', x.eni, '--destination', y.eni, '--protocol', 'tcp', '--source-ip', x.ip, '--filter-at-destination', 'SourcePortRange={FromPort=1024,ToPort=65535}');
    expect(withIps).toMatchObject({ SourceIp: x.ip, FilterAtDestination: { SourcePortRange: { FromPort: 1024, ToPort: 65535 } } });
    expect(withIps.DestinationIp).toBeUndefined();

    expect((await describePaths(a, '--network-insights-path-ids', path.NetworkInsightsPathId))[0]).toEqual(path);
    const ids = (paths: Path[]): string[] => paths.map((p) => p.NetworkInsightsPathId).sort();
    expect(ids(await describePaths(a, '--filters', `Name=source,Values=${x.eni}`))).toEqual(ids([path, ipOnly, withIps]));
    expect(ids(await describePaths(a, '--filters', `Name=destination,Values=${y.eni}`))).toEqual(ids([path, withIps]));
    expect(ids(await describePaths(a, '--filters', 'Name=protocol,Values=udp'))).toEqual([ipOnly.NetworkInsightsPathId]);
    expect(ids(await describePaths(a, '--filters', `Name=filter-at-source.destination-address,Values=${y.ip}`))).toEqual([ipOnly.NetworkInsightsPathId]);
    expect(ids(await describePaths(a, '--filters', 'Name=filter-at-source.destination-port-range,Values=53'))).toEqual([ipOnly.NetworkInsightsPathId]);
    expect(ids(await describePaths(a, '--filters', 'Name=filter-at-destination.source-port-range,Values=1024-65535'))).toEqual([withIps.NetworkInsightsPathId]);
    expect(ids(await describePaths(a, '--filters', 'Name=tag:Name,Values=web'))).toEqual([path.NetworkInsightsPathId]);
    // Another account sees none of them.
    expect(await describePaths(suite.as(ACCOUNT_B))).toEqual([]);

    expect(await a.ok('ec2', 'delete-network-insights-path', '--network-insights-path-id', ipOnly.NetworkInsightsPathId)).toEqual({ NetworkInsightsPathId: ipOnly.NetworkInsightsPathId });
    const gone = await a.fail('ec2', 'describe-network-insights-paths', '--network-insights-path-ids', ipOnly.NetworkInsightsPathId);
    expect([gone.code, gone.message]).toEqual(['InvalidNetworkInsightsPathId.NotFound', `The networkInsightsPath ID '${ipOnly.NetworkInsightsPathId}' does not exist`]);
  }, TIMEOUT);

  it('an analysis: Start answers running, Describe already succeeded; echoes; filters; a path with analyses cannot be deleted', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([interfaceIn(a, '10.30.0.0/16', '10.30.1.0/24'), interfaceIn(a, '10.31.0.0/16', '10.31.1.0/24')]);
    await createPeering(a, x.vpcId, y.vpcId);
    const path = await createPath(a, '--source', x.eni, '--destination', y.eni, '--protocol', 'tcp', '--destination-port', '22');
    const filterIn = `arn:aws:ec2:us-east-1:${ACCOUNT_A}:vpc-peering-connection/pcx-0123456789abcdef0`;
    const started = await startAnalysis(
      a, '--network-insights-path-id', path.NetworkInsightsPathId, '--filter-in-arns', filterIn, '--additional-accounts', ACCOUNT_B,
      '--tag-specifications', 'ResourceType=network-insights-analysis,Tags=[{Key=Name,Value=first}]',
    );
    expect(started.NetworkInsightsAnalysisId).toMatch(/^nia-[0-9a-f]{17}$/);
    // §1.3: AWS answers at once, `running`, before any verdict.
    expect(started).toMatchObject({
      NetworkInsightsAnalysisArn: `arn:aws:ec2:us-east-1:${ACCOUNT_A}:network-insights-analysis/${started.NetworkInsightsAnalysisId}`,
      NetworkInsightsPathId: path.NetworkInsightsPathId,
      Status: 'running',
      FilterInArns: [filterIn],
      AdditionalAccounts: [ACCOUNT_B],
      Tags: [{ Key: 'Name', Value: 'first' }],
    });
    expect(started.StartDate).toMatch(/\.\d{3}/);
    expect(started.NetworkPathFound).toBeUndefined();
    expect(started.ForwardPathComponents).toBeUndefined();

    const [described] = await describeAnalyses(a, '--network-insights-analysis-ids', started.NetworkInsightsAnalysisId);
    // §1.4: every read after Start sees the finished analysis.
    expect(described).toMatchObject({ NetworkInsightsAnalysisId: started.NetworkInsightsAnalysisId, NetworkInsightsPathId: path.NetworkInsightsPathId, Status: 'succeeded', FilterInArns: [filterIn], AdditionalAccounts: [ACCOUNT_B], StartDate: started.StartDate });
    // Lists only when they hold something: no return path for a blocked forward one, no hints.
    expect(described?.AlternatePathHints).toBeUndefined();
    expect(described?.ReturnPathComponents).toBeUndefined();
    // The peering is not accepted and neither table has a route: NO_ROUTE_TO_DESTINATION at X's table
    // (a connection between the VPCs exists, so not DISCONNECTED_VPCS: REACHABILITY.md §2.4); and the
    // forced connection (FilterInArns) is one the path does not cross (§2.3).
    expect(described?.NetworkPathFound).toBe(false);
    expect((described?.Explanations as { ExplanationCode: string }[]).map((e) => e.ExplanationCode)).toEqual(['NO_ROUTE_TO_DESTINATION', 'COMPONENT_FILTER_RESTRICTION']);
    expect(Array.isArray(described?.ForwardPathComponents)).toBe(true);
    expect(Array.isArray(described?.Explanations)).toBe(true);

    const second = await startAnalysis(a, '--network-insights-path-id', path.NetworkInsightsPathId);
    // Nothing but what the CLI reference's start-network-insights-analysis example shows: no empty FilterInArns.
    expect(Object.keys(second).sort()).toEqual(['NetworkInsightsAnalysisArn', 'NetworkInsightsAnalysisId', 'NetworkInsightsPathId', 'StartDate', 'Status']);
    const ids = (list: Analysis[]): string[] => list.map((x) => x.NetworkInsightsAnalysisId).sort();
    const both = [started.NetworkInsightsAnalysisId, second.NetworkInsightsAnalysisId].sort();
    expect(ids(await describeAnalyses(a, '--network-insights-path-id', path.NetworkInsightsPathId))).toEqual(both);
    expect(ids(await describeAnalyses(a, '--network-insights-path-id', path.NetworkInsightsPathId, '--filters', 'Name=status,Values=succeeded'))).toEqual(both);
    expect(ids(await describeAnalyses(a, '--network-insights-path-id', path.NetworkInsightsPathId, '--filters', 'Name=path-found,Values=false'))).toEqual(both);
    expect(await describeAnalyses(a, '--network-insights-path-id', path.NetworkInsightsPathId, '--filters', 'Name=path-found,Values=true')).toEqual([]);
    expect(ids(await describeAnalyses(a, '--filters', 'Name=tag:Name,Values=first'))).toEqual([started.NetworkInsightsAnalysisId]);
    expect(await describeAnalyses(a, '--network-insights-path-id', path.NetworkInsightsPathId, '--analysis-start-time', '2000-01-01T00:00:00Z', '--analysis-end-time', '2000-01-02T00:00:00Z')).toEqual([]);
    expect(ids(await describeAnalyses(a, '--network-insights-path-id', path.NetworkInsightsPathId, '--analysis-start-time', '2000-01-01T00:00:00Z'))).toEqual(both);

    const refused = await a.fail('ec2', 'delete-network-insights-path', '--network-insights-path-id', path.NetworkInsightsPathId);
    expect(refused.code).toBe('AnalysisExistsForNetworkInsightsPath');
    expect(await a.ok('ec2', 'delete-network-insights-analysis', '--network-insights-analysis-id', started.NetworkInsightsAnalysisId)).toEqual({ NetworkInsightsAnalysisId: started.NetworkInsightsAnalysisId });
    await a.ok('ec2', 'delete-network-insights-analysis', '--network-insights-analysis-id', second.NetworkInsightsAnalysisId);
    const again = await a.fail('ec2', 'delete-network-insights-analysis', '--network-insights-analysis-id', second.NetworkInsightsAnalysisId);
    expect([again.code, again.message]).toEqual(['InvalidNetworkInsightsAnalysisId.NotFound', `The networkInsightsAnalysis ID '${second.NetworkInsightsAnalysisId}' does not exist`]);
    await a.ok('ec2', 'delete-network-insights-path', '--network-insights-path-id', path.NetworkInsightsPathId);
  }, TIMEOUT);

  it('the situations through the CLI: a missing route, then the path found once routes and a group rule exist, and a transitive attempt', async ({ expect }) => {
    const a = suite.as('565656565656');
    const [x, y, z] = await Promise.all([
      interfaceIn(a, '10.90.0.0/16', '10.90.1.0/24'),
      interfaceIn(a, '10.91.0.0/16', '10.91.1.0/24'),
      interfaceIn(a, '10.92.0.0/16', '10.92.1.0/24'),
    ]);
    const xy = (await createPeering(a, x.vpcId, y.vpcId)).VpcPeeringConnectionId;
    const yz = (await createPeering(a, y.vpcId, z.vpcId)).VpcPeeringConnectionId;
    await a.ok('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', xy);
    await a.ok('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', yz);
    const verdict = async (destination: string): Promise<Analysis> => {
      const path = await createPath(a, '--source', x.eni, '--destination', destination, '--protocol', 'tcp', '--destination-port', '443');
      const started = await startAnalysis(a, '--network-insights-path-id', path.NetworkInsightsPathId);
      return (await describeAnalyses(a, '--network-insights-analysis-ids', started.NetworkInsightsAnalysisId))[0] as Analysis;
    };
    const codes = (an: Analysis): string[] => (an.Explanations as { ExplanationCode: string }[]).map((e) => e.ExplanationCode);
    const missing = await verdict(y.eni);
    expect(missing.NetworkPathFound).toBe(false);
    expect(codes(missing)).toContain('NO_ROUTE_TO_DESTINATION');

    const tables = await a.ok<{ RouteTables: { RouteTableId: string; VpcId: string }[] }>('ec2', 'describe-route-tables', '--filters', 'Name=association.main,Values=true', `Name=vpc-id,Values=${x.vpcId},${y.vpcId}`);
    const main = (vpc: string): string => tables.RouteTables.find((t) => t.VpcId === vpc)?.RouteTableId as string;
    await a.ok('ec2', 'create-route', '--route-table-id', main(x.vpcId), '--destination-cidr-block', '10.91.0.0/16', '--vpc-peering-connection-id', xy);
    await a.ok('ec2', 'create-route', '--route-table-id', main(x.vpcId), '--destination-cidr-block', '10.92.0.0/16', '--vpc-peering-connection-id', xy);
    await a.ok('ec2', 'create-route', '--route-table-id', main(y.vpcId), '--destination-cidr-block', '10.90.0.0/16', '--vpc-peering-connection-id', xy);
    const group = await a.ok<{ SecurityGroups: { GroupId: string }[] }>('ec2', 'describe-security-groups', '--filters', `Name=vpc-id,Values=${y.vpcId}`, 'Name=group-name,Values=default');
    await a.ok('ec2', 'authorize-security-group-ingress', '--group-id', group.SecurityGroups[0]?.GroupId as string, '--protocol', 'tcp', '--port', '443', '--cidr', '10.90.0.0/16');
    const found = await verdict(y.eni);
    expect(found.NetworkPathFound).toBe(true);
    // No empty lists on a found path (the guide's reachable example has no Explanations, no AlternatePathHints).
    expect(found.Explanations).toBeUndefined();
    expect(found.AlternatePathHints).toBeUndefined();
    expect((found.ReturnPathComponents ?? []).length).toBeGreaterThan(0);

    // A -> B -> C: the packet for C dies at the A-B connection (no transitive peering).
    const transitive = await verdict(z.eni);
    expect(transitive.NetworkPathFound).toBe(false);
    expect(codes(transitive)).toContain('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
  }, TIMEOUT);
});
