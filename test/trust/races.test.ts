// Races. Many concurrent, conflicting requests on one peering connection - accepts, rejects,
// deletes from both accounts, option changes, accepts by the wrong party - end in one valid
// history: exactly one transition out of pending-acceptance wins, each later success is a legal
// next step, and every loser gets the error its state at that moment calls for. Then thousands of
// random concurrent operations across accounts and regions, after which the invariants of the
// peering model hold, every acknowledged change is in the audit trail exactly once and nothing
// else is, and SQLite's integrity check passes. All of it twice: one process on SQLite, and three
// processes on one PostgreSQL database with every request sent to the next process in turn, so
// the conflicting requests meet in the database, not in one process's memory.
import { DescribeRouteTablesCommand, DescribeVpcPeeringConnectionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, startPostgres, type TestPostgres } from '../support/postgres.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { EC2, xmlValue } from './trust-support.js';
import { makeRng as prng } from '../../bench/prng.js';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const ROUNDS = Number(process.env.VPCPEER_RACE_ROUNDS ?? 16);
const RANDOM_OPS = Number(process.env.VPCPEER_RACE_OPS ?? 2000);
const CONCURRENCY = 32;

/** Where the state lives and how many processes serve it. */
interface Deployment {
  readonly name: string;
  start(): Promise<RunningServer[]>;
  stop(servers: RunningServer[]): Promise<void>;
}

const dataDir = mkdtempSync(join(tmpdir(), 'vpcpeer-races-'));
let postgres: TestPostgres | undefined;
const DEPLOYMENTS: readonly Deployment[] = [
  {
    name: 'one process on SQLite',
    start: async () => [await startServer({ dataDir })],
    async stop(servers) {
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  },
  ...(postgresAvailable
    ? [
        {
          name: 'three processes on one PostgreSQL',
          async start() {
            postgres = await startPostgres();
            const url = await postgres.newDatabase();
            // Migrations first, from one process; the other two then start together.
            const first = await startServer({ args: ['--database', url] });
            return [first, ...(await Promise.all([1, 2].map(() => startServer({ args: ['--database', url] }))))];
          },
          async stop(servers: RunningServer[]) {
            await Promise.all(servers.map((s) => s.stop()));
            await postgres?.destroy();
          },
        },
      ]
    : []),
];

let servers: RunningServer[] = [];
let turn = 0;
/** The next process in turn (the only one, on SQLite). */
const server = (): RunningServer => servers[turn++ % servers.length] as RunningServer;

interface Answer {
  readonly status: number;
  readonly code: string;
  readonly requestId: string;
  readonly text: string;
}

async function q(account: string, params: Record<string, string>, region = 'us-east-1'): Promise<Answer> {
  const res = await fetch(server().url + '/', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/${region}/ec2/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body: new URLSearchParams({ ...EC2, ...params }).toString(),
  });
  const text = await res.text();
  return { status: res.status, code: res.status === 200 ? 'OK' : (/<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '?'), requestId: res.headers.get('x-amzn-requestid') ?? '', text };
}

async function must(account: string, params: Record<string, string>, region = 'us-east-1'): Promise<string> {
  const r = await q(account, params, region);
  if (r.status !== 200) throw new Error(`${params.Action} as ${account}: ${r.status} ${r.text}`);
  return r.text;
}


function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

type State = 'pending-acceptance' | 'active' | 'rejected' | 'deleted';
type Op = 'accept-B' | 'reject-B' | 'delete-A' | 'delete-B' | 'accept-A' | 'options-A' | 'options-B';

/**
 * The lifecycle as AWS documents it (VPC peering guide; docs/errors.md), for one connection from
 * account A to account B in one region: the state an operation leads to, or the error it gets.
 */
function model(state: State, op: Op): { to: State } | { code: string } {
  switch (op) {
    case 'accept-A':
      return { code: 'OperationNotPermitted' };
    case 'accept-B':
      return state === 'pending-acceptance' ? { to: 'active' } : { code: 'InvalidStateTransition' };
    case 'reject-B':
      return state === 'pending-acceptance' ? { to: 'rejected' } : { code: 'InvalidStateTransition' };
    case 'delete-A':
      return state === 'pending-acceptance' || state === 'active' ? { to: 'deleted' } : { code: 'InvalidStateTransition' };
    case 'delete-B':
      if (state === 'pending-acceptance') return { code: 'OperationNotPermitted' };
      return state === 'active' ? { to: 'deleted' } : { code: 'InvalidStateTransition' };
    case 'options-A':
    case 'options-B':
      return state === 'active' ? { to: 'active' } : { code: 'OperationNotPermitted' };
  }
}

function request(op: Op, pcx: string): [string, Record<string, string>] {
  const id = { VpcPeeringConnectionId: pcx };
  switch (op) {
    case 'accept-A':
      return [A, { Action: 'AcceptVpcPeeringConnection', ...id }];
    case 'accept-B':
      return [B, { Action: 'AcceptVpcPeeringConnection', ...id }];
    case 'reject-B':
      return [B, { Action: 'RejectVpcPeeringConnection', ...id }];
    case 'delete-A':
      return [A, { Action: 'DeleteVpcPeeringConnection', ...id }];
    case 'delete-B':
      return [B, { Action: 'DeleteVpcPeeringConnection', ...id }];
    case 'options-A':
      return [A, { Action: 'ModifyVpcPeeringConnectionOptions', ...id, 'RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc': 'false' }];
    case 'options-B':
      return [B, { Action: 'ModifyVpcPeeringConnectionOptions', ...id, 'AccepterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc': 'false' }];
  }
}

interface TrailEvent {
  readonly seq: number;
  readonly action: string;
  readonly code: string;
  readonly requestId: string;
  readonly resourceIds: string[];
}

async function trail(account: string): Promise<TrailEvent[]> {
  const out: TrailEvent[] = [];
  let after = 0;
  for (;;) {
    const res = await fetch(`${server().url}/_vpcpeer/events?limit=1000&after=${after}`, { headers: { authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00` } });
    const page = (await res.json()) as { events: TrailEvent[]; nextAfter?: number };
    out.push(...page.events);
    if (page.nextAfter === undefined) return out;
    after = page.nextAfter;
  }
}

describe.each(DEPLOYMENTS)('$name', (deployment) => {
  beforeAll(async () => {
    servers = await deployment.start();
  }, 120_000);
  afterAll(async () => {
    await deployment.stop(servers);
  });

  describe('conflicting requests on one connection', () => {
    let vpcA = '';
    beforeAll(async () => {
      vpcA = xmlValue(await must(A, { Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' }), 'vpcId') as string;
    });

    const kinds = [
      ['accepts and rejects from both accounts, and option changes', ['accept-B', 'reject-B', 'accept-A', 'options-A', 'options-B']],
      ['everything at once, from both accounts', ['accept-B', 'reject-B', 'delete-A', 'delete-B', 'accept-A', 'options-A', 'options-B']],
    ] as const;

    it.each(Array.from({ length: ROUNDS }, (_, i) => [i, kinds[i % 2]?.[0] as string, kinds[i % 2]?.[1] as readonly Op[]]))('round %i: %s', async (round, _name, ops) => {
      const rnd = prng(1000 + round);
      // A fresh peer VPC per round: an active connection per VPC pair is the limit.
      const vpcB = xmlValue(await must(B, { Action: 'CreateVpc', CidrBlock: `10.${1 + round}.0.0/16` }), 'vpcId') as string;
      const pcx = xmlValue(await must(A, { Action: 'CreateVpcPeeringConnection', VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: B }), 'vpcPeeringConnectionId') as string;
      const planned = shuffle(ops.flatMap((op) => Array.from({ length: 6 }, () => op)), rnd);

      const answers = await Promise.all(planned.map(async (op) => ({ op, ...(await q(...request(op, pcx))) })));

      // The order in which the successes committed: their audit events, appended in their own
      // transactions, are numbered in commit order.
      const events = [...(await trail(A)), ...(await trail(B))].filter((e) => e.resourceIds.includes(pcx));
      const seqOf = new Map(events.map((e) => [e.requestId, e.seq]));
      expect(answers.every((a) => seqOf.has(a.requestId)), 'every call is in a trail').toBe(true);
      const wins = answers.filter((a) => a.status === 200).sort((x, y) => (seqOf.get(x.requestId) as number) - (seqOf.get(y.requestId) as number));

      // Replay the winners through the model: each must be legal from the state before it.
      let state: State = 'pending-acceptance';
      const history: { state: State; from: number }[] = [{ state, from: 0 }];
      for (const w of wins) {
        const next = model(state, w.op);
        expect(next, `${w.op} succeeded from ${state}`).toHaveProperty('to');
        const to = (next as { to: State }).to;
        if (to !== state) history.push({ state: to, from: seqOf.get(w.requestId) as number });
        state = to;
      }
      const transitions = wins.filter((w) => w.op !== 'options-A' && w.op !== 'options-B');
      expect(transitions.length).toBeGreaterThanOrEqual(1);
      // Without deletes, accept and reject exclude each other: exactly one transition wins.
      if (!ops.some((op) => op.startsWith('delete'))) expect(transitions.length, 'exactly one transition wins').toBe(1);
      else expect(transitions.length).toBeLessThanOrEqual(2);

      // Each loser got the error of a state the connection was in before its refusal was recorded.
      for (const l of answers.filter((a) => a.status !== 200)) {
        const seen = history.filter((h) => h.from < (seqOf.get(l.requestId) as number));
        const explained = seen.some((h) => {
          const m = model(h.state, l.op);
          return 'code' in m && m.code === l.code;
        });
        expect(explained, `${l.op} answered ${l.code}; states it could have met: ${seen.map((h) => h.state).join(', ')}`).toBe(true);
      }

      // Both parties see the final state the winners lead to.
      for (const who of [A, B]) {
        const seen = await must(who, { Action: 'DescribeVpcPeeringConnections', 'VpcPeeringConnectionId.1': pcx });
        expect(xmlValue(seen, 'code')).toBe(state);
      }
    });
  });

  describe('thousands of random concurrent operations', () => {
    const ACCOUNTS = [A, B, C];
    const REGIONS = ['us-east-1', 'us-west-2'];
    const BLOCKS = Array.from({ length: 8 }, (_, i) => `10.${100 + i}.0.0/16`);
    const vpcs: { account: string; region: string; id: string }[] = [];
    const pcxs: { id: string; requester: string; requesterVpc: string; accepter: string; accepterRegion: string; region: string; accepted?: boolean }[] = [];
    const tables: { account: string; region: string; id: string; vpc: string }[] = [];
    const mutating: Answer[] = [];
    let serverErrors: Answer[] = [];

    it(`${RANDOM_OPS} operations, ${CONCURRENCY} at a time, answer no 5xx`, async () => {
      const rnd = prng(4242);
      const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
      const next = async (): Promise<void> => {
        const account = pick(ACCOUNTS) as string;
        const region = pick(REGIONS) as string;
        const mine = vpcs.filter((v) => v.account === account && v.region === region);
        const anyVpc = pick(vpcs);
        const myPcx = pick(pcxs.filter((p) => p.requester === account || p.accepter === account)) ?? pick(pcxs);
        const roll = rnd();
        let params: Record<string, string>;
        let callRegion = region;
        if (roll < 0.14 || mine.length === 0) {
          params = { Action: 'CreateVpc', CidrBlock: pick(BLOCKS) as string };
        } else if (roll < 0.34) {
          const peer = pick(vpcs) as (typeof vpcs)[number];
          params = { Action: 'CreateVpcPeeringConnection', VpcId: (pick(mine) as (typeof vpcs)[number]).id, PeerVpcId: peer.id, PeerOwnerId: rnd() < 0.85 ? peer.account : (pick(ACCOUNTS) as string), PeerRegion: rnd() < 0.85 ? peer.region : (pick(REGIONS) as string) };
        } else if (roll < 0.5 && myPcx) {
          params = { Action: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: myPcx.id };
          callRegion = rnd() < 0.8 ? myPcx.accepterRegion : region;
        } else if (roll < 0.56 && myPcx) {
          params = { Action: 'RejectVpcPeeringConnection', VpcPeeringConnectionId: myPcx.id };
          callRegion = myPcx.accepterRegion;
        } else if (roll < 0.64 && myPcx) {
          params = { Action: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: myPcx.id };
          callRegion = rnd() < 0.5 ? myPcx.region : myPcx.accepterRegion;
        } else if (roll < 0.7 && myPcx) {
          params = { Action: 'ModifyVpcPeeringConnectionOptions', VpcPeeringConnectionId: myPcx.id, [`${rnd() < 0.5 ? 'Requester' : 'Accepter'}PeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc`]: 'false' };
          callRegion = rnd() < 0.5 ? myPcx.region : myPcx.accepterRegion;
        } else if (roll < 0.76) {
          params = { Action: 'CreateRouteTable', VpcId: (pick(mine) as (typeof vpcs)[number]).id };
        } else if (roll < 0.86 && myPcx) {
          // Half the time a route from the requester's own VPC over a connection that was accepted
          // (it may since have been deleted): routes of both states, not only blackholes.
          const accepted = pick(pcxs.filter((p) => p.accepted && tables.some((t) => t.vpc === p.requesterVpc)));
          if (accepted && rnd() < 0.5) {
            const table = pick(tables.filter((t) => t.vpc === accepted.requesterVpc)) as (typeof tables)[number];
            params = { Action: 'CreateRoute', RouteTableId: table.id, DestinationCidrBlock: pick(BLOCKS) as string, VpcPeeringConnectionId: accepted.id };
            const r = await q(accepted.requester, params, accepted.region);
            mutating.push(r);
            if (r.status >= 500) serverErrors.push(r);
            return;
          }
          const table = pick(tables.filter((t) => t.account === account && t.region === region));
          if (!table) return;
          params = { Action: rnd() < 0.7 ? 'CreateRoute' : 'DeleteRoute', RouteTableId: table.id, DestinationCidrBlock: pick(BLOCKS) as string, VpcPeeringConnectionId: myPcx.id };
          if (params.Action === 'DeleteRoute') delete params.VpcPeeringConnectionId;
        } else if (roll < 0.93 && anyVpc) {
          params = { Action: 'CreateTags', 'ResourceId.1': anyVpc.id, 'Tag.1.Key': 'k', 'Tag.1.Value': String(Math.floor(rnd() * 5)) };
        } else if (anyVpc) {
          params = { Action: 'DeleteVpc', VpcId: rnd() < 0.7 ? (pick(mine) as (typeof vpcs)[number]).id : anyVpc.id };
        } else return;
        const r = await q(account, params, callRegion);
        mutating.push(r);
        if (r.status >= 500) serverErrors.push(r);
        if (r.status !== 200) return;
        if (params.Action === 'CreateVpc') vpcs.push({ account, region: callRegion, id: xmlValue(r.text, 'vpcId') as string });
        if (params.Action === 'CreateRouteTable') tables.push({ account, region: callRegion, id: xmlValue(r.text, 'routeTableId') as string, vpc: params.VpcId as string });
        if (params.Action === 'CreateVpcPeeringConnection') {
          pcxs.push({ id: xmlValue(r.text, 'vpcPeeringConnectionId') as string, requester: account, requesterVpc: params.VpcId as string, region: callRegion, accepter: params.PeerOwnerId as string, accepterRegion: params.PeerRegion as string });
        }
        if (params.Action === 'AcceptVpcPeeringConnection') {
          const accepted = pcxs.find((p) => p.id === params.VpcPeeringConnectionId);
          if (accepted) accepted.accepted = true;
        }
      };
      let started = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (started < RANDOM_OPS) {
            started++;
            await next();
          }
        }),
      );
      serverErrors = serverErrors.slice(0, 5);
      // A 5xx is logged by the process that answered it: the lines say why.
      const logged = servers.flatMap((s) => s.output().split('\n').filter((l) => l.includes('"level":50'))).slice(0, 3);
      expect(serverErrors.map((e) => e.text), logged.join('\n')).toEqual([]);
      expect(mutating.filter((m) => m.status === 200).length).toBeGreaterThan(RANDOM_OPS / 5);
      expect(pcxs.length).toBeGreaterThan(20);
    }, 300_000);

    it('the peering invariants hold from every side', async () => {
      interface Seen {
        status: string;
        requesterVpc: string;
        accepterVpc: string;
        requesterCidrs: string[];
        accepterCidrs: string[];
        by: string;
      }
      const views = new Map<string, Seen[]>();
      const routes: { pcx: string; state: string; owner: string }[] = [];
      for (const account of ACCOUNTS) {
        for (const region of REGIONS) {
          const ec2 = new EC2Client({ endpoint: server().url, region, credentials: { accessKeyId: account, secretAccessKey: 'x' }, maxAttempts: 1 });
          const blocks = (info: { CidrBlockSet?: { CidrBlock?: string }[]; CidrBlock?: string } | undefined): string[] => [
            ...new Set([...(info?.CidrBlockSet ?? []).map((c) => c.CidrBlock as string), ...(info?.CidrBlock ? [info.CidrBlock] : [])]),
          ];
          for (const p of (await ec2.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections ?? []) {
            const seen: Seen = {
              status: p.Status?.Code as string,
              requesterVpc: p.RequesterVpcInfo?.VpcId as string,
              accepterVpc: p.AccepterVpcInfo?.VpcId as string,
              requesterCidrs: blocks(p.RequesterVpcInfo),
              accepterCidrs: blocks(p.AccepterVpcInfo),
              by: `${account}/${region}`,
            };
            views.set(p.VpcPeeringConnectionId as string, [...(views.get(p.VpcPeeringConnectionId as string) ?? []), seen]);
          }
          for (const t of (await ec2.send(new DescribeRouteTablesCommand({}))).RouteTables ?? []) {
            for (const r of t.Routes ?? []) if (r.VpcPeeringConnectionId) routes.push({ pcx: r.VpcPeeringConnectionId, state: r.State as string, owner: `${account}/${region}` });
          }
        }
      }
      expect(views.size).toBeGreaterThan(20);
      // The run reached every state and both route states, so the checks below check something.
      const statuses = new Set([...views.values()].map((seen) => seen[0]?.status));
      for (const status of ['pending-acceptance', 'active', 'failed', 'rejected', 'deleted']) expect(statuses, [...statuses].join(', ')).toContain(status);
      expect(new Set(routes.map((r) => r.state))).toEqual(new Set(['active', 'blackhole']));
      const overlaps = (x: string[], y: string[]) => x.some((a) => y.includes(a));
      const activePairs = new Map<string, string[]>();
      for (const [id, seen] of views) {
        // Every side that sees a connection sees the same state and the same two VPCs.
        expect(new Set(seen.map((s) => `${s.status} ${s.requesterVpc} ${s.accepterVpc}`)).size, `${id}: ${JSON.stringify(seen)}`).toBe(1);
        const first = seen[0] as Seen;
        if (first.status === 'active') {
          // Active connections join VPCs whose blocks do not overlap, and only one joins a pair.
          for (const s of seen) expect(overlaps(s.requesterCidrs, s.accepterCidrs), `${id} active with overlapping blocks`).toBe(false);
          const pair = [first.requesterVpc, first.accepterVpc].sort().join('+');
          activePairs.set(pair, [...(activePairs.get(pair) ?? []), id]);
        }
        if (first.status === 'pending-acceptance' || first.status === 'failed') {
          // The accepter's blocks stay hidden until acceptance.
          for (const s of seen) expect(s.accepterCidrs, `${id} ${first.status} shows the accepter's blocks`).toEqual([]);
        }
        if (first.status === 'failed') expect(seen.length, `${id}: a failed request is seen by its requester only`).toBe(1);
      }
      for (const [pair, ids] of activePairs) expect(ids.length, `${pair} joined by ${ids.join(', ')}`).toBe(1);
      // A route through a connection is active exactly when the connection is.
      for (const r of routes) {
        const status = views.get(r.pcx)?.[0]?.status;
        expect(r.state, `${r.owner} route via ${r.pcx} (${status})`).toBe(status === 'active' ? 'active' : 'blackhole');
      }
    });

    it('every acknowledged change is in the audit trail exactly once, and no refused one is recorded as OK', async () => {
      const events = (await Promise.all(ACCOUNTS.map(trail))).flat();
      const okEvents = events.filter((e) => e.code === 'OK').map((e) => e.requestId);
      const acknowledged = mutating.filter((m) => m.status === 200).map((m) => m.requestId);
      const refused = new Set(mutating.filter((m) => m.status !== 200).map((m) => m.requestId));
      expect(new Set(okEvents).size).toBe(okEvents.length);
      const okSet = new Set(okEvents);
      expect(acknowledged.filter((id) => !okSet.has(id))).toEqual([]);
      expect(okEvents.filter((id) => refused.has(id))).toEqual([]);
      const recorded = new Set(events.map((e) => e.requestId));
      expect(mutating.filter((m) => !recorded.has(m.requestId)).length).toBe(0);
    });

    if (deployment.name.includes('SQLite')) {
      it('SQLite’s integrity check passes on the file afterwards', async () => {
        await Promise.all(servers.map((s) => s.stop()));
        const db = new Database(join(dataDir, 'vpcpeer.db'), { readonly: true });
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          db.close();
        }
        servers = [await startServer({ dataDir })];
      });
    }
  });
});
