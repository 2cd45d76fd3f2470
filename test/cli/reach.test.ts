// `vpcpeer reach` against a started server, as a user runs it: the world is built with the JS SDK,
// then the compiled CLI is run as a child process and its output and exit code are checked.
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  DescribeNetworkInsightsAnalysesCommand,
  DescribeNetworkInsightsPathsCommand,
  DescribeSecurityGroupsCommand,
  AcceptVpcPeeringConnectionCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPeering, ec2, mainRouteTable, newVpc } from '../sdk/sdk-helpers.js';
import { CLI, startServer, type RunningServer } from '../support/start-server.js';

const ACCOUNT = '121212121212';
const OTHER = '343434343434';

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function reach(server: RunningServer, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, 'reach', ...args, '--endpoint', server.url], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, AWS_ACCESS_KEY_ID: ACCOUNT, AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1' } }, (error, stdout, stderr) => {
      done({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

async function interfaceIn(client: EC2Client, cidr: string, subnetCidr: string): Promise<{ vpc: string; eni: string; ip: string }> {
  const vpc = await newVpc(client, cidr);
  const subnet = (await client.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: subnetCidr }))).Subnet?.SubnetId;
  const eni = (await client.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet }))).NetworkInterface;
  if (!eni?.NetworkInterfaceId || !eni.PrivateIpAddress) throw new Error('CreateNetworkInterface returned no interface');
  return { vpc, eni: eni.NetworkInterfaceId, ip: eni.PrivateIpAddress };
}

describe('vpcpeer reach', () => {
  let server: RunningServer;
  let client: EC2Client;
  let a: { vpc: string; eni: string; ip: string };
  let b: { vpc: string; eni: string; ip: string };
  let pcx: string;

  beforeAll(async () => {
    server = await startServer({ inMemory: true });
    client = ec2(server.url, ACCOUNT);
    [a, b] = await Promise.all([interfaceIn(client, '10.80.0.0/16', '10.80.1.0/24'), interfaceIn(client, '10.81.0.0/16', '10.81.1.0/24')]);
    pcx = (await createPeering(client, { VpcId: a.vpc, PeerVpcId: b.vpc })).VpcPeeringConnectionId;
    await client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
  }, 120_000);

  afterAll(async () => {
    client?.destroy();
    await server?.stop();
  });

  it('usage and API problems exit 2 with one line saying what is wrong', async () => {
    const missing = await reach(server, a.eni);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing required argument 'destination'/);
    const port = await reach(server, a.eni, b.eni, '--port', '70000');
    expect(port.status).toBe(2);
    expect(port.stderr).toBe("vpcpeer reach: --port must be a whole number from 0 to 65535, not '70000'\n");
    const protocol = await reach(server, a.eni, b.eni, '--protocol', 'gre');
    expect([protocol.status, protocol.stderr]).toEqual([2, "vpcpeer reach: --protocol must be tcp, udp or icmp, not 'gre'\n"]);
    const icmpPort = await reach(server, a.eni, b.eni, '--protocol', 'icmp', '--port', '8');
    expect([icmpPort.status, icmpPort.stderr]).toEqual([2, 'vpcpeer reach: --port does not apply to ICMP\n']);
    const unknown = await reach(server, 'eni-0123456789abcdef0', b.eni);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("vpcpeer reach: InvalidNetworkInterfaceID.NotFound: The networkInterface ID 'eni-0123456789abcdef0' does not exist\n");
    const down = await reach({ ...server, url: 'http://127.0.0.1:9' } as RunningServer, a.eni, b.eni);
    expect(down.status).toBe(2);
  }, 300_000);

  it('a blocked path exits 1 and names the blocking hop with its sentence; nothing is left behind', async () => {
    const run = await reach(server, a.eni, b.eni, '--protocol', 'tcp', '--port', '443');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${a.eni} -> ${b.eni}, tcp port 443\nNot reachable: the path is blocked\\.\n`));
    // No route in A's table yet: the walk stops at the route table, and says how to fix it.
    expect(run.stdout).toMatch(/Forward path:\n {3}1 {2}eni-[0-9a-f]{17} \(network interface\)/);
    expect(run.stdout).toMatch(/Why:\n {2}NO_ROUTE_TO_DESTINATION[^:]*: \S.*\n/);
    expect((await client.send(new DescribeNetworkInsightsPathsCommand({}))).NetworkInsightsPaths).toEqual([]);
    expect((await client.send(new DescribeNetworkInsightsAnalysesCommand({}))).NetworkInsightsAnalyses).toEqual([]);
  }, 300_000);

  it('a reachable path exits 0 and prints both ways hop by hop; --keep keeps the path and analysis', async () => {
    const [rta, rtb] = await Promise.all([mainRouteTable(client, a.vpc), mainRouteTable(client, b.vpc)]);
    await client.send(new CreateRouteCommand({ RouteTableId: rta, DestinationCidrBlock: '10.81.0.0/16', VpcPeeringConnectionId: pcx }));
    await client.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.80.0.0/16', VpcPeeringConnectionId: pcx }));
    const groups = await client.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [b.vpc] }, { Name: 'group-name', Values: ['default'] }] }));
    await client.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groups.SecurityGroups?.[0]?.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.80.0.0/16' }] }] }));
    const run = await reach(server, a.eni, b.eni, '--port', '443', '--keep');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Reachable: the path was found, there and back\./);
    expect(run.stdout).toContain(`route 10.81.0.0/16 -> ${pcx} (active)`);
    expect(run.stdout).toMatch(new RegExp(`${pcx} \\(peering connection\\) {2}${a.vpc} -> ${b.vpc}`));
    expect(run.stdout).toMatch(/Return path:\n/);
    expect(run.stdout).not.toMatch(/Why:/);
    const kept = /kept: path (nip-[0-9a-f]{17}), analysis (nia-[0-9a-f]{17})/.exec(run.stdout);
    expect(kept).not.toBeNull();
    const analyses = (await client.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsPathId: kept?.[1] }))).NetworkInsightsAnalyses ?? [];
    expect(analyses.map((x) => [x.NetworkInsightsAnalysisId, x.NetworkPathFound])).toEqual([[kept?.[2], true]]);
  }, 300_000);

  it('--json prints the analysis with a sentence on every explanation; an IP destination works too', async () => {
    const run = await reach(server, a.eni, b.ip, '--port', '22', '--json');
    expect(run.status).toBe(1);
    const analysis = JSON.parse(run.stdout) as { Status: string; NetworkPathFound: boolean; Explanations: { ExplanationCode: string; Sentence: string }[] };
    expect(analysis.Status).toBe('succeeded');
    expect(analysis.NetworkPathFound).toBe(false);
    expect(analysis.Explanations.length).toBeGreaterThan(0);
    for (const e of analysis.Explanations) {
      expect(e.ExplanationCode).toMatch(/^[A-Z_]+$/);
      expect(e.Sentence.length).toBeGreaterThan(10);
    }
  }, 300_000);

  it('GET /_vpcpeer/analyses/<id> answers the caller only', async () => {
    const run = await reach(server, a.eni, b.eni, '--port', '443', '--keep');
    const id = /analysis (nia-[0-9a-f]{17})/.exec(run.stdout)?.[1] as string;
    const auth = (account: string): { authorization: string } => ({ authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0` });
    const mine = await fetch(`${server.url}/_vpcpeer/analyses/${id}`, { headers: auth(ACCOUNT) });
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { NetworkInsightsAnalysis: { NetworkInsightsAnalysisId: string; Status: string }; NetworkInsightsPath: { Source: string } };
    expect(body.NetworkInsightsAnalysis).toMatchObject({ NetworkInsightsAnalysisId: id, Status: 'succeeded' });
    expect(body.NetworkInsightsPath.Source).toBe(a.eni);
    const theirs = await fetch(`${server.url}/_vpcpeer/analyses/${id}`, { headers: auth(OTHER) });
    expect(theirs.status).toBe(400);
    expect(await theirs.json()).toEqual({ error: 'InvalidNetworkInsightsAnalysisId.NotFound', message: `The networkInsightsAnalysis ID '${id}' does not exist` });
    const otherRegion = await fetch(`${server.url}/_vpcpeer/analyses/${id}`, { headers: { authorization: auth(ACCOUNT).authorization.replace('us-east-1', 'eu-west-1') } });
    expect(otherRegion.status).toBe(400);
    const malformed = await fetch(`${server.url}/_vpcpeer/analyses/nia-x`, { headers: auth(ACCOUNT) });
    expect((await malformed.json()) as unknown).toEqual({ error: 'InvalidNetworkInsightsAnalysisId.Malformed', message: 'Invalid id: "nia-x"' });
  }, 300_000);

  it('--protocol icmp asks about an echo, which Reachability Analyzer cannot: its own rules decide, and nothing is stored', async () => {
    // Routes both ways exist and B admits TCP 443 from A (earlier tests): an echo is still refused.
    const refused = await reach(server, a.eni, b.eni, '--protocol', 'icmp', '--json');
    expect(refused.stderr).toBe('');
    expect(refused.status).toBe(1);
    const why = (JSON.parse(refused.stdout) as { Explanations: { ExplanationCode: string; Sentence: string }[] }).Explanations;
    expect(why.map((e) => e.ExplanationCode)).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(why[0]?.Sentence).toContain('ICMP type 8');
    const groups = await client.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [b.vpc] }, { Name: 'group-name', Values: ['default'] }] }));
    // Type 8 (echo request), any code: the reply is let back by the group's state.
    await client.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groups.SecurityGroups?.[0]?.GroupId, IpPermissions: [{ IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '10.80.0.0/16' }] }] }));
    const allowed = await reach(server, a.eni, b.eni, '--protocol', 'icmp');
    expect(allowed.stderr).toBe('');
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toMatch(new RegExp(`^${a.eni} -> ${b.eni}, icmp echo\nReachable: the path was found, there and back\.\n`));
    const paths = (await client.send(new DescribeNetworkInsightsPathsCommand({}))).NetworkInsightsPaths ?? [];
    expect(paths.every((p) => p.Protocol === 'tcp' || p.Protocol === 'udp')).toBe(true);
  }, 300_000);

  it('--inter-region follows a peering into another Region, which a Network Insights path may not join', async () => {
    const west = ec2(server.url, ACCOUNT, 'eu-west-1');
    try {
      const [east, far] = await Promise.all([interfaceIn(client, '10.84.0.0/16', '10.84.1.0/24'), interfaceIn(west, '10.85.0.0/16', '10.85.1.0/24')]);
      const link = (await createPeering(client, { VpcId: east.vpc, PeerVpcId: far.vpc, PeerRegion: 'eu-west-1' })).VpcPeeringConnectionId;
      await west.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: link }));
      const [rtEast, rtWest] = await Promise.all([mainRouteTable(client, east.vpc), mainRouteTable(west, far.vpc)]);
      await client.send(new CreateRouteCommand({ RouteTableId: rtEast, DestinationCidrBlock: '10.85.0.0/16', VpcPeeringConnectionId: link }));
      await west.send(new CreateRouteCommand({ RouteTableId: rtWest, DestinationCidrBlock: '10.84.0.0/16', VpcPeeringConnectionId: link }));
      const groups = await west.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [far.vpc] }, { Name: 'group-name', Values: ['default'] }] }));
      await west.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groups.SecurityGroups?.[0]?.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.84.0.0/16' }] }] }));
      const farArn = `arn:aws:ec2:eu-west-1:${ACCOUNT}:network-interface/${far.eni}`;
      // As on AWS, a path's two ends must share a Region: the server refuses it and says how to ask.
      const refused = await reach(server, east.eni, farArn, '--port', '443');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('InvalidParameterValue: The source and destination resources must be in the same Region');
      expect(refused.stderr).toContain('vpcpeer reach --inter-region');
      const run = await reach(server, east.eni, farArn, '--port', '443', '--inter-region');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^${east.eni} -> ${farArn}, tcp port 443, across Regions\nReachable: the path was found, there and back\.\n`));
      expect(run.stdout).toContain(link);
      // Blocked across Regions too: the port the far group does not admit.
      const ssh = await reach(server, east.eni, farArn, '--port', '22', '--inter-region');
      expect(ssh.status).toBe(1);
      expect(ssh.stdout).toMatch(/ENI_SG_RULES_MISMATCH/);
    } finally {
      west.destroy();
    }
  }, 300_000);

  it('GET /_vpcpeer/reach refuses bad questions with AWS-style codes', async () => {
    const auth = { authorization: `AWS4-HMAC-SHA256 Credential=${ACCOUNT}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0` };
    const ask = async (query: string): Promise<{ status: number; body: unknown }> => {
      const res = await fetch(`${server.url}/_vpcpeer/reach?${query}`, { headers: auth });
      return { status: res.status, body: await res.json() };
    };
    expect(await ask(`source=${a.eni}`)).toEqual({ status: 400, body: { error: 'MissingParameter', message: "The request must contain the parameter destination" } });
    expect((await ask(`source=${a.eni}&destination=${b.eni}&protocol=gre`)).body).toMatchObject({ error: 'InvalidParameterValue' });
    expect((await ask(`source=${a.eni}&destination=${b.eni}&protocol=icmp&port=8`)).body).toMatchObject({ error: 'InvalidParameterValue' });
    expect((await ask(`source=${a.eni}&destination=${b.eni}&port=99999`)).body).toMatchObject({ error: 'InvalidParameterValue' });
    expect(await ask(`source=eni-0123456789abcdef0&destination=${b.eni}`)).toMatchObject({ status: 400, body: { error: 'InvalidNetworkInterfaceID.NotFound' } });
    const tcp = await ask(`source=${a.eni}&destination=${b.eni}&protocol=tcp&port=443`);
    expect(tcp).toMatchObject({ status: 200, body: { NetworkInsightsAnalysis: { Status: 'succeeded', NetworkPathFound: true } } });
    expect((await ask(`source=${a.eni}&destination=${b.eni}&interRegion=yes`)).body).toMatchObject({ error: 'InvalidParameterValue', message: 'Value (yes) for parameter interRegion is invalid. Valid values are: true, false.' });
    expect((await ask(`source=${a.eni}&destination=${b.eni}&protocol=tcp&port=443&interRegion=false`)).status).toBe(200);
  }, 300_000);
});
