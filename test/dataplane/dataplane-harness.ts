import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  CreateNetworkInsightsPathCommand,
  DeleteNetworkInsightsAnalysisCommand,
  DeleteNetworkInsightsPathCommand,
  DescribeNetworkInsightsAnalysesCommand,
  EC2Client,
  StartNetworkInsightsAnalysisCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import type { RunningServer } from '../support/start-server.js';
import { CLI, startServer } from '../support/start-server.js';

/**
 * Whether this machine can run the data plane: user namespaces, `ip`, `nft`, `nsenter`. In CI a
 * missing piece fails the run (`.ci/run` installs nftables and iproute2); elsewhere the suite skips.
 */
export const dataplaneAvailable =
  toolAvailable('user namespaces (unshare -Urnm)', ['unshare', '--user', '--map-root-user', '--net', '--mount', 'true']) &&
  toolAvailable('ip (iproute2)', ['ip', '-V']) &&
  toolAvailable('nft (nftables)', ['nft', '--version']) &&
  toolAvailable('nsenter (util-linux)', ['nsenter', '--version']);

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

/** A TCP server on every address of the namespace: answers each connection with its port. */
export const TCP_SERVER = (ports: readonly number[]): string[] => [
  process.execPath,
  '-e',
  `for (const p of ${JSON.stringify(ports)}) require('net').createServer((s) => s.end('port ' + p + '\\n')).listen(p, '0.0.0.0', () => console.log('listening ' + p));`,
];

/** Connects to ip:port with a one-second limit; prints what the server said; exits 0 when it answered. */
export const TCP_PROBE = (ip: string, port: number): string[] => [
  process.execPath,
  '-e',
  `const s = require('net').connect(${port}, '${ip}'); let got = ''; s.setTimeout(1000, () => { console.log('timeout'); process.exit(1); });` +
    ` s.on('data', (d) => (got += d)); s.on('end', () => { console.log(got.trim()); process.exit(got ? 0 : 1); }); s.on('error', (e) => { console.log(e.code); process.exit(1); });`,
];

export function useDataplaneServer(): DataplaneSuite {
  let server: RunningServer | undefined;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    if (dataplaneAvailable) server = await startServer({ inMemory: true, args: ['--dataplane'] });
  });
  afterAll(async () => {
    // Each exec is its own process group (exec -> nsenter -> the command): kill the whole group.
    for (const c of children) {
      try {
        if (c.pid !== undefined) process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await server?.stop();
  });
  const running = (): RunningServer => {
    if (!server) throw new Error('server not started');
    return server;
  };
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, VPCPEER_ENDPOINT: running().url });
  return {
    get server() {
      return running();
    },
    ec2: (account) => new EC2Client({ endpoint: running().url, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'x' }, maxAttempts: 1 }),
    async settle() {
      const res = await fetch(`${running().url}/_vpcpeer/dataplane?settle=1`);
      const body = (await res.json()) as { errors?: string[] };
      if (!res.ok || (body.errors ?? []).length > 0) throw new Error(`data plane: HTTP ${res.status} ${JSON.stringify(body)}`);
    },
    exec: (account, id, ...command) =>
      new Promise((done) => {
        execFile(process.execPath, [CLI, 'exec', '--account', account, id, '--', ...command], { env: env(), timeout: 30_000 }, (err, stdout, stderr) => {
          done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}`.trim() });
        });
      }),
    spawnIn(account, id, ...command) {
      const child = spawn(process.execPath, [CLI, 'exec', '--account', account, id, '--', ...command], { env: env(), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
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

/** The analyzer's verdict for the same question (tcp to one port), through the API. */
export async function analyzerSays(ec2: EC2Client, source: string, destination: string, port: number): Promise<boolean> {
  const path = (await ec2.send(new CreateNetworkInsightsPathCommand({ Source: source, Destination: destination, Protocol: 'tcp', DestinationPort: port }))).NetworkInsightsPath;
  const pathId = path?.NetworkInsightsPathId as string;
  const analysis = (await ec2.send(new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: pathId }))).NetworkInsightsAnalysis;
  const id = analysis?.NetworkInsightsAnalysisId as string;
  const found = (await ec2.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsAnalysisIds: [id] }))).NetworkInsightsAnalyses?.[0]?.NetworkPathFound;
  await ec2.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: id }));
  await ec2.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId }));
  return found === true;
}
