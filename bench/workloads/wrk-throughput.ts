import { mkdirSync } from 'node:fs';
import { prepareRequest } from '../ec2-request.js';
import type { CeilingTarget } from '../start-ceiling.js';
import type { Target } from '../types.js';
import { activePeering } from '../active-peering.js';
import { measureBusy } from '../wrk/cpu-busy.js';
import type { WrkRequest, WrkResult } from '../wrk/run-wrk.js';
import { runWrk } from '../wrk/run-wrk.js';

const A = { account: '100000000001', region: 'us-east-1' };
const B = { account: '100000000002', region: 'us-east-1' };

export interface WrkRun {
  readonly target: 'ceiling' | 'vpcpeer';
  /** `by-id` (one connection) or `all` (every connection of the account). */
  readonly request: 'by-id' | 'all';
  readonly connections: number;
  readonly seconds: number;
  readonly result: WrkResult;
  /** The server's CPU use over the run: CPU seconds per wall second (1.0: one core fully busy). */
  readonly serverBusy: number;
  /** Bytes in the answer. */
  readonly answerBytes: number;
}

export interface WrkThroughputResult {
  readonly generator: string;
  readonly connectionsInAccount: number;
  readonly runs: readonly WrkRun[];
}

export interface WrkThroughputOptions {
  readonly vpcpeer: Target;
  readonly ceiling: CeilingTarget;
  readonly dir: string;
  /** Interleaved rounds of the 10-connection runs, each `roundSeconds` per target. */
  readonly rounds: number;
  readonly roundSeconds: number;
  /** Seconds of each many-connection run (64 and 256). */
  readonly manySeconds: number;
  readonly warmupSeconds: number;
  readonly progress: (msg: string) => void;
}

/** Connections in account A that describe-all returns (issue 13: "all (20 in the account)"). */
const IN_ACCOUNT = 20;

/** Twenty active connections from account A's VPCs to account B's, in vpcpeer; returns one's id. */
async function seed(t: Target): Promise<string> {
  let one = '';
  for (let i = 0; i < IN_ACCOUNT; i++) {
    const { pcx } = await activePeering(t.client, A, `10.${i}.0.0/16`, B, `10.${100 + i}.0.0/16`);
    one ||= pcx;
  }
  return one;
}

const asWrk = (caller: typeof A, action: string, params: Record<string, string>): WrkRequest => {
  const r = prepareRequest(caller, action, params);
  return { body: r.body.toString('utf8'), headers: r.headers };
};

/**
 * Throughput driven by wrk, which outruns a bare Node server on this machine, so the figures are
 * the servers' own (issue 13). The ceiling answers the same request with vpcpeer's own answer,
 * prebuilt; its CPU share during its runs says whether it, not wrk, was the limit. Runs:
 * interleaved rounds of ceiling by id, vpcpeer by id and describe-all at 10 connections, and
 * vpcpeer by id at 64 and 256 connections (their runs summing to `manySeconds` each).
 */
export async function wrkThroughput(o: WrkThroughputOptions): Promise<WrkThroughputResult> {
  mkdirSync(o.dir, { recursive: true });
  const pcx = await seed(o.vpcpeer);
  const byId = asWrk(A, 'DescribeVpcPeeringConnections', { 'VpcPeeringConnectionId.1': pcx });
  const all = asWrk(A, 'DescribeVpcPeeringConnections', {});
  const answerOf = async (req: WrkRequest): Promise<string> => {
    const r = await fetch(o.vpcpeer.url, { method: 'POST', body: req.body, headers: req.headers });
    const text = await r.text();
    if (r.status !== 200) throw new Error(`vpcpeer answered ${r.status}: ${text.slice(0, 300)}`);
    return text;
  };
  const byIdAnswer = await answerOf(byId);
  const allAnswer = await answerOf(all);
  await o.ceiling.setResponses({ DescribeVpcPeeringConnections: byIdAnswer });

  const runs: WrkRun[] = [];
  let n = 0;
  const one = async (target: Target & { kind: string }, request: 'by-id' | 'all', connections: number, seconds: number, keep: boolean): Promise<void> => {
    const name = `${target.kind}-${request}-c${connections}-${n++}`;
    const { result, busy } = await measureBusy(target.pid, () => runWrk({ url: target.url, connections, seconds, request: request === 'all' ? all : byId, dir: o.dir, name }));
    if (!keep) return;
    runs.push({ target: target.kind === 'ceiling' ? 'ceiling' : 'vpcpeer', request, connections, seconds: Math.max(1, Math.round(seconds)), result, serverBusy: busy, answerBytes: Buffer.byteLength(request === 'all' ? allAnswer : byIdAnswer) });
    o.progress(`  ${name}: ${Math.round(result.requestsPerSecond).toLocaleString('en')} req/s, p99 ${result.p99Ms.toFixed(2)} ms, server busy ${busy.toFixed(2)}`);
  };
  o.progress('wrk throughput: warm-up');
  await one(o.ceiling, 'by-id', 10, o.warmupSeconds, false);
  await one(o.vpcpeer, 'by-id', 10, o.warmupSeconds, false);
  await one(o.vpcpeer, 'all', 10, o.warmupSeconds, false);
  // The 64- and 256-connection runs are compared with the 10-connection one, so they run in the
  // same rounds: on this VM the speed drifts by up to 2x within minutes, and one long run after
  // the rounds measured the drift as much as the connection count. Each gets a round's share of
  // `manySeconds` (at least a round), so the summed seconds, p99 and timeouts still cover that span.
  const manyPerRound = Math.max(o.roundSeconds, Math.ceil(o.manySeconds / o.rounds));
  const order: [Target, 'by-id' | 'all', number, number][] = [
    [o.ceiling, 'by-id', 10, o.roundSeconds],
    [o.vpcpeer, 'by-id', 10, o.roundSeconds],
    [o.vpcpeer, 'all', 10, o.roundSeconds],
    [o.vpcpeer, 'by-id', 64, manyPerRound],
    [o.vpcpeer, 'by-id', 256, manyPerRound],
  ];
  for (let r = 0; r < o.rounds; r++) {
    o.progress(`wrk throughput: round ${r + 1} of ${o.rounds}`);
    // Rotating order, so a slow drift of the machine does not always fall on the same run.
    for (let i = 0; i < order.length; i++) {
      const [t, req, c, seconds] = order[(i + r) % order.length] as [Target, 'by-id' | 'all', number, number];
      await one(t, req, c, seconds, true);
    }
  }
  return { generator: 'wrk (C, 1 thread, keep-alive, --latency), a separate process', connectionsInAccount: IN_ACCOUNT, runs };
}

/** What one target did for one request at one connection count, over all its runs. */
export interface WrkSummary {
  readonly requests: number;
  readonly seconds: number;
  /** Summed requests over summed seconds. */
  readonly rps: number;
  /** CPU seconds per second of the server, weighted by run length. */
  readonly busy: number;
  /** The mean of the runs' medians, and the worst p99 and maximum. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly timeouts: number;
  /** Connect, read and write errors and answers other than 2xx/3xx. */
  readonly errors: number;
  readonly answerBytes: number;
}

export const wrkKey = (target: 'ceiling' | 'vpcpeer', request: 'by-id' | 'all', connections: number): string => `${target}/${request}/${connections}`;

/** The runs grouped by target, request and connections (wrkKey), in the order of their first run. */
export function summariseWrk(runs: readonly WrkRun[]): Map<string, WrkSummary> {
  const groups = new Map<string, WrkRun[]>();
  for (const r of runs) {
    const key = wrkKey(r.target, r.request, r.connections);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const sum = (g: readonly WrkRun[], f: (r: WrkRun) => number): number => g.reduce((a, r) => a + f(r), 0);
  return new Map(
    [...groups].map(([key, g]) => {
      const requests = sum(g, (r) => r.result.requests);
      const seconds = sum(g, (r) => r.seconds);
      return [
        key,
        {
          requests,
          seconds,
          rps: requests / seconds,
          busy: sum(g, (r) => r.serverBusy * r.seconds) / seconds,
          p50Ms: sum(g, (r) => r.result.p50Ms) / g.length,
          p99Ms: Math.max(...g.map((r) => r.result.p99Ms)),
          maxMs: Math.max(...g.map((r) => r.result.maxMs)),
          timeouts: sum(g, (r) => r.result.errors.timeout),
          errors: sum(g, (r) => r.result.errors.connect + r.result.errors.read + r.result.errors.write + r.result.non2xx),
          answerBytes: (g[0] as WrkRun).answerBytes,
        },
      ];
    }),
  );
}
