// Three `vpcpeer serve --database` processes on one PostgreSQL database serve one world:
//   - a change made through one process is seen by the next request to any other (resources,
//     tags, the moved clock, a reset);
//   - the expiry sweep runs in one process at a time: every expired request is counted once;
//   - PostgreSQL stopped under load: requests get 503 ServiceUnavailable (never a 500), no process
//     dies, and they serve again by themselves once it is back;
//   - one process killed with SIGKILL under load: the others keep serving;
//   - afterwards every acknowledged write is there.
// (The race and crash suites also run on PostgreSQL: test/trust/races, crash-safety.)
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { postgresAvailable, startPostgres, usePostgresDatabase, type TestPostgres } from '../support/postgres.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { credentialsPath, EC2, mintKey, openQuery, type RawResponse, signedQuery, strictArgs, xmlValue } from './trust-support.js';

const A = '111111111111';
const B = '222222222222';

/** One Query call through one process, in open mode (the access key picks the account). */
const q = (server: RunningServer, account: string, params: Record<string, string>): Promise<RawResponse> => openQuery(server.url, account, { ...EC2, ...params });

async function must(server: RunningServer, account: string, params: Record<string, string>): Promise<string> {
  const r = await q(server, account, params);
  if (r.status !== 200) throw new Error(`${params.Action}: ${r.status} ${r.text}`);
  return r.text;
}

/** The VPC ids an account sees, through one process. */
async function vpcIds(server: RunningServer, account: string): Promise<Set<string>> {
  const text = await must(server, account, { Action: 'DescribeVpcs' });
  return new Set([...text.matchAll(/<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/g)].map((m) => m[1] as string));
}

/** Creates VPCs through every live process in turn until told to stop; records what was acknowledged and how others ended. */
function load(servers: () => RunningServer[], account: string) {
  const acked: string[] = [];
  const statuses: number[] = [];
  let stopping = false;
  let n = 0;
  const workers = Array.from({ length: 6 }, async () => {
    while (!stopping) {
      const live = servers();
      const server = live[n++ % live.length] as RunningServer;
      try {
        const r = await q(server, account, { Action: 'CreateVpc', CidrBlock: '10.9.0.0/16' });
        statuses.push(r.status);
        if (r.status === 200) acked.push(xmlValue(r.text, 'vpcId') as string);
      } catch {
        // No answer (the process was killed under the request): not acknowledged.
        statuses.push(0);
      }
    }
  });
  return {
    acked,
    statuses,
    async stop(): Promise<void> {
      stopping = true;
      await Promise.all(workers);
    },
  };
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!postgresAvailable)('three processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let servers: RunningServer[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
    const url = await postgres.newDatabase();
    const args = ['--database', url, '--sweep-interval', '0.2', '--log-level', 'info'];
    const first = await startServer({ args });
    servers = [first, ...(await Promise.all([1, 2].map(() => startServer({ args }))))];
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await postgres?.destroy();
  });

  it('a change through one process is seen by the next request to any other', async () => {
    const [p1, p2, p3] = servers as [RunningServer, RunningServer, RunningServer];
    const vpcA = xmlValue(await must(p1, A, { Action: 'CreateVpc', CidrBlock: '10.1.0.0/16', 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'one' }), 'vpcId') as string;
    expect(await vpcIds(p2, A)).toContain(vpcA);
    await must(p3, A, { Action: 'CreateTags', 'ResourceId.1': vpcA, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'three' });
    expect(await must(p1, A, { Action: 'DescribeVpcs', 'VpcId.1': vpcA })).toContain('<value>three</value>');

    const vpcB = xmlValue(await must(p2, B, { Action: 'CreateVpc', CidrBlock: '10.2.0.0/16' }), 'vpcId') as string;
    const pcx = xmlValue(await must(p1, A, { Action: 'CreateVpcPeeringConnection', VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: B }), 'vpcPeeringConnectionId') as string;
    await must(p2, B, { Action: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx });
    expect(await must(p3, A, { Action: 'DescribeVpcPeeringConnections', 'VpcPeeringConnectionId.1': pcx })).toContain('<code>active</code>');
    // Accepted once: the same call through the other processes is refused by the state it left.
    for (const p of [p1, p3]) expect((await q(p, B, { Action: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx })).code).toBe('InvalidStateTransition');

    // Every process reports the one world's figures, and its own pool.
    const figures = await (await fetch(`${p3.url}/metrics`)).text();
    expect(figures).toContain('vpcpeer_peering_connections{state="active"} 1\n');
    expect(figures).toMatch(/vpcpeer_store_pool_connections\{state="total"\} [1-9]/);
    expect(figures).toContain('vpcpeer_store_reachable{store="postgres"} 1\n');

    // The clock moved through one process is every process's clock.
    const before = (await (await fetch(`${p2.url}/_vpcpeer/clock`)).json()) as { offsetSeconds: number };
    const moved = await fetch(`${p1.url}/_vpcpeer/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 3600 }) });
    expect(moved.status).toBe(200);
    const after = (await (await fetch(`${p3.url}/_vpcpeer/clock`)).json()) as { offsetSeconds: number };
    expect(after.offsetSeconds - before.offsetSeconds).toBe(3600);
  });

  it('the expiry sweep runs in one process at a time: each expired request is counted once', async () => {
    const [p1, p2, p3] = servers as [RunningServer, RunningServer, RunningServer];
    const vpc = xmlValue(await must(p1, A, { Action: 'CreateVpc', CidrBlock: '10.3.0.0/16' }), 'vpcId') as string;
    const pending: string[] = [];
    for (let i = 0; i < 6; i++) {
      const peer = xmlValue(await must(p2, B, { Action: 'CreateVpc', CidrBlock: `10.${40 + i}.0.0/16` }), 'vpcId') as string;
      pending.push(xmlValue(await must(p3, A, { Action: 'CreateVpcPeeringConnection', VpcId: vpc, PeerVpcId: peer, PeerOwnerId: B }), 'vpcPeeringConnectionId') as string);
    }
    const sweptBefore = servers.map((s) => expiredCount(s.output()));
    // Eight days on: every pending request is past its week. Each process's sweeper (every 0.2 s)
    // and the clock call itself may try; one at a time does the work.
    await fetch(`${p2.url}/_vpcpeer/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 8 * 24 * 3600 }) });
    for (const id of pending) expect(await must(p3, A, { Action: 'DescribeVpcPeeringConnections', 'VpcPeeringConnectionId.1': id })).toContain('<code>expired</code>');
    await pause(600);
    const swept = servers.map((s, i) => expiredCount(s.output()) - (sweptBefore[i] as number));
    expect(swept.reduce((a, b) => a + b, 0), `expired per process: ${swept.join(', ')}`).toBe(pending.length);
  });

  it('PostgreSQL stopped under load: 503s, never a 500 or a dead process, and service resumes by itself', async () => {
    const running = load(() => servers, A);
    await pause(300);
    await postgres.stop();
    await pause(1_500);
    const health = await fetch(`${servers[0]?.url}/_vpcpeer/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', store: 'postgres', storeReachable: false });
    const down = await q(servers[1] as RunningServer, A, { Action: 'DescribeVpcs' });
    expect([down.status, down.code]).toEqual([503, 'ServiceUnavailable']);
    // Every other route that needs the store answers the same 503, in its own shape (JSON under
    // /_vpcpeer/, EC2's XML for GET /?Action=), never a 500.
    expect(await outageAnswers(servers[2] as RunningServer)).toEqual(OUTAGE_ANSWERS);
    await postgres.start();
    // Back without a restart of any vpcpeer process.
    const deadline = Date.now() + 20_000;
    let ok = 0;
    while (ok < 3 && Date.now() < deadline) {
      ok = (await Promise.all(servers.map((s) => q(s, A, { Action: 'DescribeVpcs' })))).filter((r) => r.status === 200).length;
      if (ok < 3) await pause(200);
    }
    expect(ok).toBe(3);
    await pause(300);
    await running.stop();
    for (const s of servers) expect(s.child.exitCode, s.output().slice(-2000)).toBeNull();
    const statuses = new Set(running.statuses);
    expect(statuses.has(503), 'some requests met the outage').toBe(true);
    const errors = servers.flatMap((s) => s.output().split('\n').filter((l) => l.includes('"level":50'))).slice(0, 2);
    expect([...statuses].filter((s) => s !== 200 && s !== 503), errors.join('\n')).toEqual([]);
    const seen = await vpcIds(servers[2] as RunningServer, A);
    expect(running.acked.filter((id) => !seen.has(id))).toEqual([]);
    expect(running.acked.length).toBeGreaterThan(10);
  }, 60_000);

  it('one process killed with SIGKILL under load: the others keep serving, nothing acknowledged is lost', async () => {
    let live = [...servers];
    const running = load(() => live, B);
    await pause(400);
    const victim = servers[1] as RunningServer;
    await victim.kill();
    live = live.filter((s) => s !== victim);
    await pause(600);
    await running.stop();
    const afterKill = running.statuses.slice(-20);
    expect(afterKill.every((s) => s === 200), afterKill.join(',')).toBe(true);
    for (const s of live) {
      const seen = await vpcIds(s, B);
      expect(running.acked.filter((id) => !seen.has(id))).toEqual([]);
    }
    expect(running.acked.length).toBeGreaterThan(10);
    servers = live;
  }, 60_000);
});

/** What each route that reads or writes the store answers while PostgreSQL is down. */
const OUTAGE_ANSWERS: Record<string, string> = {
  'POST /_vpcpeer/clock': '503 ServiceUnavailable',
  'POST /_vpcpeer/reset': '503 ServiceUnavailable',
  'GET /_vpcpeer/events': '503 ServiceUnavailable',
  'GET /_vpcpeer/analyses/nia-0123456789abcdef0': '503 ServiceUnavailable',
  'GET /_vpcpeer/reach?source=eni-0123456789abcdef0&destination=eni-0123456789abcdef1&protocol=tcp&port=22': '503 ServiceUnavailable',
  'GET /_vpcpeer/state': '503 ServiceUnavailable',
  'GET /?Action=DescribeVpcs&Version=2016-11-15': '503 ServiceUnavailable',
  'GET /metrics': '200 vpcpeer_store_reachable{store="postgres"} 0',
};

async function outageAnswers(server: RunningServer): Promise<Record<string, string>> {
  const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const authorization = `AWS4-HMAC-SHA256 Credential=${A}/${date}/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00`;
  const seen: Record<string, string> = {};
  for (const call of Object.keys(OUTAGE_ANSWERS)) {
    const [method, path] = call.split(' ') as [string, string];
    const body = path === '/_vpcpeer/clock' ? JSON.stringify({ advanceSeconds: 60 }) : method === 'POST' ? '' : undefined;
    const res = await fetch(server.url + path, { method, headers: { authorization }, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    const what = path.startsWith('/_vpcpeer/')
      ? (JSON.parse(text) as { error?: string }).error
      : path === '/metrics'
        ? /vpcpeer_store_reachable\{[^}]*\} \d/.exec(text)?.[0]
        : /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    seen[call] = `${res.status} ${what}`;
  }
  return seen;
}

/** How many expired requests a process's 'swept' log lines report in all. */
function expiredCount(output: string): number {
  let n = 0;
  for (const line of output.split('\n')) {
    if (!line.includes('"msg":"swept"')) continue;
    n += Number(/"expired":(\d+)/.exec(line)?.[1] ?? 0);
  }
  return n;
}

/** GET /metrics on a connection used for nothing else. */
function scrapeOnNewConnection(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(`${url}/metrics`, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

/** The pids of a process's children (`ps --ppid`). */
function childPids(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout.split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
}

describe.skipIf(!postgresAvailable)('strict mode on one PostgreSQL', () => {
  const db = usePostgresDatabase();

  it('an AssumeRole session issued through one process signs through another (the key is the database\'s); --server-key overrides it', async () => {
    const credentials = credentialsPath();
    onTestFinished(() => rmSync(dirname(credentials), { recursive: true, force: true }));
    const key = mintKey(credentials, A);
    const args = ['--database', db.url, ...strictArgs(credentials)];
    // Each process has a data folder of its own (startServer makes one): only the database is shared.
    const [p1, p2] = await Promise.all([startServer({ args }), startServer({ args })]);
    const ownKey = join(p1.dataDir, 'own.key');
    const p3 = await startServer({ args: [...args, '--server-key', ownKey] });
    try {
      const assumed = await signedQuery(p1.url, key, { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: `arn:aws:iam::${A}:role/deployer`, RoleSessionName: 'across' }, { service: 'sts' });
      expect(assumed.status, assumed.text).toBe(200);
      const session = { accessKeyId: xmlValue(assumed.text, 'AccessKeyId') as string, secretAccessKey: xmlValue(assumed.text, 'SecretAccessKey') as string, sessionToken: xmlValue(assumed.text, 'SessionToken') as string };
      for (const p of [p1, p2]) {
        const r = await signedQuery(p.url, session, { Action: 'DescribeVpcs', ...EC2 });
        expect([r.status, r.code]).toEqual([200, undefined]);
      }
      // A process told to use a key file of its own derives other secrets: the session is not its.
      expect((await signedQuery(p3.url, session, { Action: 'DescribeVpcs', ...EC2 })).code).toBe('AuthFailure');
      expect(existsSync(ownKey)).toBe(true);
      // The database's key is in no data folder.
      for (const p of [p1, p2]) expect(existsSync(join(p.dataDir, 'server.key'))).toBe(false);
    } finally {
      await Promise.all([p1, p2, p3].map((p) => p.stop()));
    }
  });
});

describe.skipIf(!postgresAvailable)('serve --workers', () => {
  const db = usePostgresDatabase();

  it('runs N processes on one port; a worker that dies is replaced; the primary stops them all', async () => {
    const server = await startServer({ args: ['--database', db.url, '--workers', '2'] });
    try {
      expect(server.output()).toMatch(/vpcpeer listening on http:\/\/127\.0\.0\.1:\d+ \(state: postgres:\/\/[^)]*\) \(auth: open\) \(2 workers\)/);
      const primary = server.child.pid as number;
      const workers = childPids(primary);
      expect(workers).toHaveLength(2);
      const made = await Promise.all(Array.from({ length: 30 }, (_, i) => must(server, A, { Action: 'CreateVpc', CidrBlock: `10.${i}.0.0/16` })));
      const seen = await vpcIds(server, A);
      for (const text of made) expect(seen).toContain(xmlValue(text, 'vpcId'));
      // Whichever worker a scrape reaches, it counts every worker's calls (each scrape on a
      // connection of its own, so the workers take turns answering).
      for (let scrape = 0; scrape < 4; scrape++) {
        const figures = await scrapeOnNewConnection(server.url);
        expect(figures).toContain('vpcpeer_requests_total{action="CreateVpc",code="OK"} 30\n');
        expect(figures).toContain('vpcpeer_request_duration_seconds_count{action="CreateVpc"} 30\n');
        expect(figures).toContain('vpcpeer_peering_connections{state="active"} 0\n');
      }

      process.kill(workers[0] as number, 'SIGKILL');
      const deadline = Date.now() + 15_000;
      let now = childPids(primary);
      while ((now.length < 2 || now.includes(workers[0] as number)) && Date.now() < deadline) {
        await pause(100);
        now = childPids(primary);
      }
      expect(now).toHaveLength(2);
      expect(now).not.toContain(workers[0]);
      // A keep-alive connection the killed worker held may still sit in the client's pool: it is
      // reset when used, as on any server that dies, and clients (the SDKs) retry on a new one.
      const afterDeath = async (): Promise<number> => {
        for (let attempt = 1; ; attempt++) {
          try {
            return (await q(server, A, { Action: 'DescribeVpcs' })).status;
          } catch (err) {
            if (attempt >= 3) throw err;
          }
        }
      };
      expect(await afterDeath()).toBe(200);
    } finally {
      await server.stop();
    }
    expect(server.child.exitCode).toBe(0);
  }, 60_000);

  it('is refused without --database: a SQLite folder belongs to one process', async () => {
    const refused = await startServer({ args: ['--workers', '2'] }).then(
      () => 'started',
      (err: Error) => err.message,
    );
    expect(refused).toContain('--workers needs --database');
  });
});
