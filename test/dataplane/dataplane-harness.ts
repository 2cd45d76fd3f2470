import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  CreateNetworkInsightsPathCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteNetworkInsightsAnalysisCommand,
  DeleteNetworkInsightsPathCommand,
  DescribeNetworkInsightsAnalysesCommand,
  EC2Client,
  RunInstancesCommand,
  StartNetworkInsightsAnalysisCommand,
} from '@aws-sdk/client-ec2';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import type { RunningServer } from '../support/start-server.js';
import { CLI, startServer } from '../support/start-server.js';
import { signedGet } from '../../src/cli/server-access.js';
import { AGENT_UNSHARE } from '../../src/dataplane/dataplane-controller.js';

/**
 * Whether this machine can run the data plane: user namespaces, `ip`, `nft`, `nsenter`. In CI a
 * missing piece fails the run (`.ci/run` installs nftables, iproute2 and iputils-ping); elsewhere
 * the suite skips.
 */
export const dataplaneAvailable =
  toolAvailable('user, network, mount and PID namespaces', ['unshare', ...AGENT_UNSHARE, 'true']) &&
  toolAvailable('ip (iproute2)', ['ip', '-V']) &&
  toolAvailable('nft (nftables)', ['nft', '--version']) &&
  toolAvailable('nsenter (util-linux)', ['nsenter', '--version']);

/**
 * Whether the suites that send pings (ICMP: the differential test's probe agent, the IPv6
 * scenarios) can: without `ping` every ping would look like a dropped packet, so in CI its
 * absence fails the run by name (`.ci/run` installs iputils-ping).
 */
export const pingAvailable = dataplaneAvailable && toolAvailable('ping (iputils-ping)', ['ping', '-V']);

export interface DataplaneSuite {
  readonly server: RunningServer;
  ec2(account: string): EC2Client;
  /** Waits until every change made so far is in the kernel. */
  settle(): Promise<void>;
  /** `vpcpeer exec ID -- COMMAND…` to the end: exit status and output. */
  exec(account: string, id: string, ...command: string[]): Promise<{ code: number; out: string }>;
  /** `vpcpeer exec` of a long-running command (a server), stopped after the suite. */
  spawnIn(account: string, id: string, ...command: string[]): ChildProcess;
}

/**
 * A TCP server on every address of the namespace, printing `listening <port>` once up: each
 * connection is answered with `answer` (by default `port <port>`), so a probe can tell who it reached.
 */
export const TCP_SERVER = (ports: readonly number[], answer?: string, node = process.execPath): string[] => [
  node,
  '-e',
  `for (const p of ${JSON.stringify(ports)}) require('net').createServer((s) => s.end(${answer === undefined ? "'port ' + p" : JSON.stringify(answer)})).listen(p, '::', () => console.log('listening ' + p));`,
];

/** Connects to ip:port with a one-second limit; prints what the server said; exits 0 when it answered. */
export const TCP_PROBE = (ip: string, port: number, node = process.execPath): string[] => [
  node,
  '-e',
  `const s = require('net').connect(${port}, '${ip}'); let got = ''; s.setTimeout(1000, () => { console.log('timeout'); process.exit(1); });` +
    ` s.on('data', (d) => (got += d)); s.on('end', () => { console.log(got.trim()); process.exit(got ? 0 : 1); }); s.on('error', (e) => { console.log(e.code); process.exit(1); });`,
];

export function ec2Client(url: string, account: string): EC2Client {
  return new EC2Client({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, maxAttempts: 1 });
}

/** Waits until every change made so far through `url` is in the kernel. */
export async function settle(url: string): Promise<void> {
  const res = await fetch(`${url}/_vpcpeer/dataplane?settle=1`);
  const body = (await res.json()) as { errors?: string[] };
  if (!res.ok || (body.errors ?? []).length > 0) throw new Error(`data plane: HTTP ${res.status} ${JSON.stringify(body)}`);
}

/** How a test runs the CLI and Node: as this process does, or as another user (`as-nobody.ts`). */
export interface Runner {
  /** The argv that runs the compiled CLI. */
  readonly cli: readonly string[];
  /** Node, as that user reaches it (for commands run inside an instance). */
  readonly node: string;
}

export const HERE: Runner = { cli: [process.execPath, CLI], node: process.execPath };

const execArgv = (runner: Runner, url: string, account: string, id: string, command: readonly string[]): [string, string[]] => [
  runner.cli[0] as string,
  [...runner.cli.slice(1), 'exec', '--endpoint', url, '--account', account, id, '--', ...command],
];

/** `vpcpeer exec ID -- COMMAND…` to the end, run by `runner`: exit status and output. */
export function execAs(runner: Runner, url: string, account: string, id: string, command: readonly string[]): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(...execArgv(runner, url, account, id, command), { timeout: 30_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}`.trim() });
    });
  });
}

/** `vpcpeer exec ID -- COMMAND…` to the end: exit status and output. */
export function execIn(url: string, account: string, id: string, ...command: string[]): Promise<{ code: number; out: string }> {
  return execAs(HERE, url, account, id, command);
}

/** `vpcpeer exec` of a long-running command, run by `runner`, in its own process group (see `killGroup`). */
export function spawnAs(runner: Runner, url: string, account: string, id: string, command: readonly string[]): ChildProcess {
  return spawn(...execArgv(runner, url, account, id, command), { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
}

/** `vpcpeer exec` of a long-running command, in its own process group (see `killGroup`). */
export function spawnIn(url: string, account: string, id: string, ...command: string[]): ChildProcess {
  return spawnAs(HERE, url, account, id, command);
}

/** Kills an exec's whole process group: exec -> nsenter -> the command. */
export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Whether a connection from `from` to `to` on `port` gets through (a server is started in `to` for it). */
export async function reaches(url: string, account: string, from: string, to: { id: string; ip: string }, port: number, runner: Runner = HERE): Promise<boolean> {
  await settle(url);
  const serving = spawnAs(runner, url, account, to.id, TCP_SERVER([port], undefined, runner.node));
  try {
    await listening(serving, [port]);
    return (await execAs(runner, url, account, from, TCP_PROBE(to.ip, port, runner.node))).code === 0;
  } finally {
    killGroup(serving);
  }
}

/** A VPC with two running instances in one subnet, in the default group (which admits its own members). */
export async function sameSubnetPair(url: string, account: string, cidr = '10.7.0.0/16', subnetCidr = '10.7.1.0/24'): Promise<{ a: string; b: { id: string; ip: string } }> {
  const c = ec2Client(url, account);
  const vpc = (await c.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId as string;
  const subnet = (await c.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: subnetCidr }))).Subnet?.SubnetId as string;
  const launched = (await c.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 2, MaxCount: 2, SubnetId: subnet }))).Instances ?? [];
  c.destroy();
  return { a: launched[0]?.InstanceId as string, b: { id: launched[1]?.InstanceId as string, ip: launched[1]?.PrivateIpAddress as string } };
}

export function useDataplaneServer(): DataplaneSuite {
  let server: RunningServer | undefined;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    if (dataplaneAvailable) server = await startServer({ inMemory: true, args: ['--dataplane'] });
  });
  afterAll(async () => {
    children.forEach(killGroup);
    await server?.stop();
  });
  const running = (): RunningServer => {
    if (!server) throw new Error('server not started');
    return server;
  };
  return {
    get server() {
      return running();
    },
    ec2: (account) => ec2Client(running().url, account),
    settle: () => settle(running().url),
    exec: (account, id, ...command) => execIn(running().url, account, id, ...command),
    spawnIn(account, id, ...command) {
      const child = spawnIn(running().url, account, id, ...command);
      children.push(child);
      return child;
    },
  };
}
/** Resolves once a spawned server prints `listening <port>` for every port. */
export function listening(child: ChildProcess, ports: readonly number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`not listening after 15 s: ${out}`)), 15_000);
    const check = (d: Buffer): void => {
      out += d.toString();
      if (ports.every((p) => out.includes(`listening ${p}`))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
  });
}

/** The probe agent's command (`probe-agent.mjs`): serves TCP and UDP on `ports`, answering `name`; probes on request. */
export const PROBE_AGENT = (name: string, ports: readonly number[], timeoutMs = 1000, node = process.execPath): string[] => [
  node,
  resolve(import.meta.dirname, 'probe-agent.mjs'),
  name,
  JSON.stringify(ports),
  String(timeoutMs),
];

/** A running probe agent: `ask` sends one probe and answers who replied (null: nothing did). */
export interface ProbeAgent {
  readonly child: ChildProcess;
  ask(q: { readonly proto: 'tcp' | 'udp' | 'icmp'; readonly ip: string; readonly port: number; readonly sport?: number }): Promise<string | null>;
}

/** Talks to a probe agent started with `PROBE_AGENT`; resolves once it serves and listens. */
export async function startProbeAgent(child: ChildProcess, where: string): Promise<ProbeAgent> {
  const waiting = new Map<number, (who: string | null) => void>();
  let ready: () => void = () => undefined;
  const up = new Promise<void>((r) => (ready = r));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const m = JSON.parse(line) as { ready?: string; id?: number; who?: string | null };
    if (m.ready) ready();
    else if (m.id !== undefined) waiting.get(m.id)?.(m.who ?? null);
  });
  // Stopping an instance ends what runs in it (as on AWS): its probes find nothing.
  let gone = false;
  // A probe written as the agent ends meets a closed pipe: the exit below answers it.
  child.stdin?.on('error', () => undefined);
  child.on('exit', () => {
    gone = true;
    for (const done of waiting.values()) done(null);
    waiting.clear();
  });
  let next = 0;
  const ask: ProbeAgent['ask'] = (q) =>
    new Promise((done) => {
      if (gone) return done(null);
      const id = next++;
      waiting.set(id, done);
      child.stdin?.write(JSON.stringify({ id, ...q }) + '\n');
    });
  await Promise.race([up, new Promise((_, reject) => setTimeout(() => reject(new Error(`probe agent in ${where} did not start`)), 20_000))]);
  return { child, ask };
}

/** A probe's question, as a Network Insights path asks it. */
export interface Question {
  readonly source: string;
  /** An id or (another account's) ARN. */
  readonly destination: string;
  readonly protocol: 'tcp' | 'udp';
  readonly port: number;
  /** Pin the source port (the reply's destination port, which outbound ACL entries see). */
  readonly sourcePort?: number;
  readonly additionalAccounts?: string[];
}

/** The analyzer's verdict for the question (through the API: path, analysis, describe, delete both). */
export async function analyzerSays(ec2: EC2Client, q: Question): Promise<boolean> {
  // AWS refuses DestinationPort beside FilterAtSource: with a source port both go in the filter.
  const ports = q.sourcePort === undefined
    ? { DestinationPort: q.port }
    : { FilterAtSource: { SourcePortRange: { FromPort: q.sourcePort, ToPort: q.sourcePort }, DestinationPortRange: { FromPort: q.port, ToPort: q.port } } };
  const path = (await ec2.send(new CreateNetworkInsightsPathCommand({ Source: q.source, Destination: q.destination, Protocol: q.protocol, ...ports }))).NetworkInsightsPath;
  const pathId = path?.NetworkInsightsPathId as string;
  const started = await ec2.send(new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: pathId, ...(q.additionalAccounts ? { AdditionalAccounts: q.additionalAccounts } : {}) }));
  const id = started.NetworkInsightsAnalysis?.NetworkInsightsAnalysisId as string;
  const a = (await ec2.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsAnalysisIds: [id] }))).NetworkInsightsAnalyses?.[0];
  await ec2.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: id }));
  await ec2.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId }));
  if (a?.Status !== 'succeeded') throw new Error(`analysis ${id}: ${a?.Status} ${a?.StatusMessage ?? ''}`);
  return a.NetworkPathFound === true;
}

/**
 * The analysis of an ICMP echo (vpcpeer's own endpoint, GET /_vpcpeer/reach: AWS's analyzer asks
 * TCP and UDP only), with the same visibility rules as `analyzerSays`.
 */
export async function analyzerSaysPing(url: string, q: { account: string; source: string; destination: string; additionalAccounts?: readonly string[] }): Promise<boolean> {
  const query = new URLSearchParams({ source: q.source, destination: q.destination, protocol: 'icmp' });
  for (const a of q.additionalAccounts ?? []) query.append('additionalAccount', a);
  const access = { endpoint: new URL(url), region: 'us-east-1', credentials: { accessKeyId: q.account, secretAccessKey: 'x' } };
  const { status, body } = await signedGet(access, `/_vpcpeer/reach?${query.toString()}`);
  const analysis = body.NetworkInsightsAnalysis as { Status?: string; NetworkPathFound?: boolean } | undefined;
  if (status !== 200 || analysis?.Status !== 'succeeded') throw new Error(`GET /_vpcpeer/reach: HTTP ${status} ${JSON.stringify(body)}`);
  return analysis.NetworkPathFound === true;
}
