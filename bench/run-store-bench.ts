/**
 * `npm run bench:stores`: the same two workloads on the three ways to keep state, vpcpeer started
 * as users start it (default log level):
 *   - SQLite, one process (the default);
 *   - PostgreSQL, one process (`--database`);
 *   - PostgreSQL, two processes on one database, each driven by its own half of the load.
 * Workloads: DescribeVpcPeeringConnections by id, driven by wrk (C, one thread per process served,
 * 10 connections in all, keep-alive) so the generator is not the limit; and the peering lifecycle
 * loop (12 requests: create two VPCs, request, accept, a route each way, describe, delete all),
 * 10 clients in this process, counted in loops per second. PostgreSQL runs on this machine, sharing
 * its cores: every figure here includes the database's CPU.
 *
 * Options: --seconds N (per measurement, default 10).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { runWrk, wrkAvailable } from './wrk/run-wrk.js';
import { activePeering, mustCall } from './active-peering.js';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareRequest } from './ec2-request.js';
import { LoadClient } from './load-client.js';
import { spawnServer } from './spawn-server.js';
import { startPostgres } from './start-postgres.js';
import type { Reply } from './types.js';
import { xmlValues } from './xml-values.js';

const CLI = resolve(import.meta.dirname, '../src/cli/main.js');
const SECONDS = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 10) || 10;
const A = { account: '100000000001', region: 'us-east-1' };
const B = { account: '100000000002', region: 'us-east-1' };

interface Server {
  readonly url: string;
  stop(): Promise<void>;
}

async function serve(args: readonly string[], logDir: string, n: number): Promise<Server> {
  const s = await spawnServer({ command: process.execPath, args: [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], logFile: join(logDir, `vpcpeer-${n}.log`), readyLine: /vpcpeer listening on (http:\/\/[^\s]+)/ });
  return {
    url: s.url,
    stop: () =>
      new Promise<void>((done) => {
        s.child.once('exit', () => done());
        s.child.kill('SIGTERM');
      }),
  };
}

/** An active connection to describe: two VPCs, a request, its acceptance. */
async function seed(url: string): Promise<string> {
  const c = new LoadClient(url, 1);
  const { pcx } = await activePeering(c, A, '10.0.0.0/16', B, '10.1.0.0/16');
  await c.close();
  return pcx;
}

/** wrk against one URL for SECONDS with `connections`, POSTing one prepared request; requests per second. */
async function wrk(url: string, connections: number, body: string, headers: Readonly<Record<string, string>>, dir: string, n: number): Promise<number> {
  const r = await runWrk({ url, connections, seconds: SECONDS, request: { body, headers }, dir, name: `describe-${n}` });
  const errors = r.non2xx + r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout;
  if (errors > 0) throw new Error(`wrk: ${r.non2xx} answers were not 200 and ${errors - r.non2xx} socket errors`);
  return r.requestsPerSecond;
}

async function describeById(urls: readonly string[], pcx: string, dir: string): Promise<number> {
  const req = prepareRequest(A, 'DescribeVpcPeeringConnections', { 'VpcPeeringConnectionId.1': pcx });
  const per = Math.max(1, Math.round(10 / urls.length));
  const rates = await Promise.all(urls.map((u, i) => wrk(u, per, req.body.toString(), req.headers, dir, i)));
  return rates.reduce((a, b) => a + b, 0);
}

/** The lifecycle loop by 10 clients (client w on urls[w mod n]) for SECONDS; loops per second. */
async function lifecycle(urls: readonly string[]): Promise<number> {
  const clients = urls.map((u) => new LoadClient(u, 10));
  const deadline = performance.now() + SECONDS * 1000;
  let loops = 0;
  await Promise.all(
    Array.from({ length: 10 }, async (_, w) => {
      const c = clients[w % clients.length] as LoadClient;
      const first = (r: Reply, tag: string): string => xmlValues(r.body, tag)[0] as string;
      while (performance.now() < deadline) {
        const { vpcA, vpcB, pcx } = await activePeering(c, A, `10.200.${w}.0/28`, B, `10.200.${w}.16/28`);
        for (const [who, vpc, to] of [[A, vpcA, `10.200.${w}.16/28`], [B, vpcB, `10.200.${w}.0/28`]] as const) {
          const rtb = first(await mustCall(c, who, 'DescribeRouteTables', { 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpc }), 'routeTableId');
          await mustCall(c, who, 'CreateRoute', { RouteTableId: rtb, DestinationCidrBlock: to, VpcPeeringConnectionId: pcx });
        }
        await mustCall(c, A, 'DescribeVpcPeeringConnections', { 'VpcPeeringConnectionId.1': pcx });
        await mustCall(c, A, 'DeleteVpcPeeringConnection', { VpcPeeringConnectionId: pcx });
        await mustCall(c, A, 'DeleteVpc', { VpcId: vpcA });
        await mustCall(c, B, 'DeleteVpc', { VpcId: vpcB });
        loops++;
      }
    }),
  );
  await Promise.all(clients.map((c) => c.close()));
  return loops / SECONDS;
}

async function main(): Promise<void> {
  if (!wrkAvailable()) throw new Error('wrk is not installed (apt-get install wrk)');
  const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-store-bench-'));
  const rows: string[] = [];
  const measure = async (name: string, start: () => Promise<{ servers: Server[]; done: () => Promise<void> }>): Promise<void> => {
    process.stderr.write(`[bench:stores] ${name}\n`);
    const { servers, done } = await start();
    try {
      const urls = servers.map((s) => s.url);
      const pcx = await seed(urls[0] as string);
      const byId = await describeById(urls, pcx, dir);
      const loops = await lifecycle(urls);
      rows.push(`| ${name} | ${Math.round(byId).toLocaleString('en')} | ${loops.toFixed(0)} (${Math.round(loops * 12).toLocaleString('en')} req/s) |`);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await done();
    }
  };
  await measure('SQLite, one process', async () => {
    const data = join(dir, 'sqlite');
    return { servers: [await serve(['--data-dir', data], dir, 0)], done: async () => undefined };
  });
  for (const processes of [1, 2]) {
    await measure(`PostgreSQL, ${processes === 1 ? 'one process' : 'two processes'}`, async () => {
      const pg = await startPostgres();
      const url = await pg.newDatabase();
      const first = await serve(['--database', url], dir, 1);
      const servers = processes === 1 ? [first] : [first, await serve(['--database', url], dir, 2)];
      return { servers, done: () => pg.destroy() };
    });
  }
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}; ${SECONDS} s per figure; PostgreSQL on the same machine.\n`);
  console.log('| store | DescribeVpcPeeringConnections by id, req/s (wrk, 10 connections) | lifecycle loops/s (10 clients) |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(r);
  rmSync(dir, { recursive: true, force: true });
}

await main();
