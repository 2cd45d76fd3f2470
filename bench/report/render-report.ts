import { summariseWrk, wrkKey } from '../workloads/wrk-throughput.js';
import type { BenchResults, SeriesStats, TargetRun, WorkloadResult } from '../types.js';

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const size = (x: number | undefined): string => (x === undefined ? '' : x >= 1000 && x % 1000 === 0 ? `${x / 1000}k` : String(x));
const items = (s: SeriesStats): string => (s.minItems === s.maxItems ? String(s.maxItems) : `${s.minItems}-${s.maxItems}`);
const mark = (met: boolean | undefined): string => (met === undefined ? 'n/a' : met ? 'met' : '**missed**');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The server's CPU time per answer over the measured rounds. */
function cpuPerAnswer(r: TargetRun, s: SeriesStats): string {
  return s.requests === 0 ? '' : n0((r.cpuSeconds * 1e6) / s.requests);
}

function run(w: WorkloadResult, target: string): TargetRun | undefined {
  return w.runs.find((r) => r.target === target);
}

/** Rows of the throughput table; `itemsDiffer` when moto's answers held other items than vpcpeer's. */
function throughputRows(ws: readonly WorkloadResult[]): { rows: string[][]; itemsDiffer: boolean } {
  const rows: string[][] = [];
  let itemsDiffer = false;
  for (const w of ws) {
    const vp = run(w, 'vpcpeer')?.series.all;
    const moto = run(w, 'moto')?.series.all;
    const ceiling = run(w, 'ceiling')?.series.all;
    for (const r of w.runs) {
      const s = r.series.all;
      if (!s) continue;
      const loops = w.id === 'b' && s.seconds > 0 ? ` (${n0(s.units / s.seconds)} loops/s)` : '';
      const isVp = r.target === 'vpcpeer';
      if (isVp && vp && moto && w.id !== 'b' && items(moto) !== items(vp)) itemsDiffer = true;
      rows.push([
        `${w.id}: ${w.title}`,
        r.target,
        String(w.concurrency),
        `${n0(s.throughput)}${loops}`,
        ms(s.p50Ms),
        ms(s.p99Ms),
        cpuPerAnswer(r, s),
        n0(r.peakRssMb),
        n0(s.meanBytes),
        w.id === 'b' ? '' : items(s),
        `${s.errors}${r.reconnects ? ` (${r.reconnects} resent)` : ''}`,
        n0(r.connections),
        isVp && vp && moto && moto.throughput > 0 ? `${(vp.throughput / moto.throughput).toFixed(1)}x${w.id !== 'b' && items(moto) !== items(vp) ? ' ‡' : ''}` : '',
        isVp && vp && ceiling && ceiling.throughput > 0 ? `${((vp.throughput / ceiling.throughput) * 100).toFixed(0)}%` : '',
      ]);
    }
  }
  return { rows, itemsDiffer };
}

function perKindRows(ws: readonly WorkloadResult[]): string[][] {
  const rows: string[][] = [];
  for (const w of ws) {
    for (const r of w.runs) {
      for (const [kind, s] of Object.entries(r.series)) {
        if (kind === 'all') continue;
        rows.push([`${w.id}: ${w.title}`, r.target, kind, n0(s.requests), ms(s.p50Ms), ms(s.p99Ms), n0(s.meanBytes), w.id === 'b' ? '' : items(s), String(s.errors)]);
      }
    }
  }
  return rows;
}

function scaleRows(ws: readonly WorkloadResult[]): string[][] {
  const rows: string[][] = [];
  for (const w of ws) {
    const vp = run(w, 'vpcpeer');
    const ceiling = run(w, 'ceiling');
    if (!vp) continue;
    for (const [kind, s] of Object.entries(vp.series)) {
      if (kind === 'all') continue;
      const c = ceiling?.series.all;
      rows.push([
        size(w.storeSize),
        kind,
        String(w.concurrency),
        n0(s.throughput),
        ms(s.p50Ms),
        ms(s.p90Ms),
        ms(s.p99Ms),
        ms(s.maxMs),
        vp.series.all ? cpuPerAnswer(vp, vp.series.all) : '',
        items(s),
        n0(s.meanBytes),
        n0(vp.peakRssMb),
        String(s.errors),
        c ? `${ms(c.p50Ms)} / ${ms(c.p99Ms)}` : '',
      ]);
    }
  }
  return rows;
}

/** The report: run facts, the tables of every workload, seeding, and the targets (Markdown). */
export function renderReport(r: BenchResults, chartPath = 'latency-vs-store-size.svg'): string {
  const o = r.meta.options as { rounds: number; roundSeconds: number; warmupSeconds: number };
  const out: string[] = [];
  out.push(
    `Run of ${r.meta.startedAt.slice(0, 16).replace('T', ' ')} UTC${r.meta.quick ? ' (quick smoke run: counts too small to mean anything)' : ''}: ` +
      `vpcpeer ${r.meta.revision}; ${r.meta.cores} cores (${r.meta.cpus}), ${r.meta.memoryGb} GB, ${r.meta.os}, Node ${r.meta.node}; peer: ${r.meta.moto}. ` +
      `Load generator ${r.meta.generator}. Each workload: ${o.warmupSeconds} s warm-up per target, then ${o.rounds} interleaved rounds of ${o.roundSeconds} s per target. ` +
      `Total run time ${n0(r.totalSeconds)} s. 1-minute load average ${r.loadAverage.before.toFixed(2)} before the run, ${r.loadAverage.after.toFixed(2)} after.`,
  );
  if (r.loadAverage.before > 0.7) {
    out.push('', `**Warning:** the machine was busy before this run started (load average ${r.loadAverage.before.toFixed(2)} on ${r.meta.cores} cores): other processes competed for the CPU and the figures are lower and noisier than on a quiet machine.`);
  }
  if (r.wrk) {
    const runs = summariseWrk(r.wrk.runs);
    const ceiling = runs.get(wrkKey('ceiling', 'by-id', 10));
    out.push('', `#### Throughput driven by wrk (w): ${r.wrk.generator}`);
    out.push(
      '',
      `DescribeVpcPeeringConnections by id (one connection) and without ids (all ${r.wrk.connectionsInAccount} of the account), the same prebuilt request every time. ` +
        'The ceiling is a bare Node `http` server answering with vpcpeer\'s own by-id answer. Busy is the server process\'s CPU seconds per second (1.0: one core); CPU µs/answer is busy over throughput.',
    );
    out.push(
      '',
      table(
        ['target', 'request', 'connections', 'seconds', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'timeouts', 'errors', 'server busy', 'server CPU µs/answer', 'bytes/answer'],
        [...runs].map(([key, x]) => [...key.split('/'), n0(x.seconds), n0(x.rps), x.p50Ms.toFixed(2), x.p99Ms.toFixed(2), x.maxMs.toFixed(1), String(x.timeouts), String(x.errors), x.busy.toFixed(2), n0((x.busy / x.rps) * 1e6), n0(x.answerBytes)]),
      ),
    );
    if (ceiling && ceiling.busy < 0.9) {
      out.push('', `**The ceiling server was ${(ceiling.busy * 100).toFixed(0)}% busy**, not near 100%: in its rounds the limit was the generator or the machine, not the server, and the ceiling is understated.`);
    }
  }
  const phase1 = r.workloads.filter((w) => w.id !== 'd');
  if (phase1.length) {
    const { rows, itemsDiffer } = throughputRows(phase1);
    out.push('', '#### Throughput (a, b, c): same request stream and clients for every target');
    out.push(
      '',
      table(['workload', 'target', 'clients', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/answer', 'peak RSS MB', 'bytes/answer', 'items/answer', 'errors', 'connections opened', 'vpcpeer ÷ moto', 'vpcpeer ÷ ceiling'], rows),
    );
    if (itemsDiffer) {
      out.push('', '‡ Not like for like: moto answered with other items than vpcpeer (see items/answer). moto 5 ignores every DescribeVpcPeeringConnections filter and answers with all the connections it holds.');
    }
    const kinds = perKindRows(phase1.filter((w) => w.id === 'c'));
    if (kinds.length) out.push('', 'Filtered describes (c) by filter:', '', table(['workload', 'target', 'filter', 'requests', 'p50 ms', 'p99 ms', 'bytes/answer', 'items/answer', 'errors'], kinds));
  }
  const d = r.workloads.filter((w) => w.id === 'd');
  if (d.length) {
    out.push('', '#### Latency against store size (d): vpcpeer only (moto is not seeded to 100k), the ceiling for reference');
    out.push('', table(['stored', 'query', 'clients', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'server CPU µs/answer (all queries)', 'items/answer', 'bytes/answer', 'peak RSS MB', 'errors', 'ceiling p50 / p99 ms'], scaleRows(d)));
    out.push('', `![latency against store size](${chartPath})`);
  }
  if (r.stream) {
    out.push('', `#### Describe-all without MaxResults (e): ${n0(r.stream.storeSize)} stored, one answer`);
    out.push(
      '',
      table(
        ['items', 'MB', 'first byte ms', 'total ms', 'MB/s', 'idle RSS MB', 'RSS just before MB', 'peak RSS MB', 'growth over idle MB', 'complete'],
        r.stream.runs.map((x) => [n0(x.items), (x.bytes / 1048576).toFixed(1), n0(x.firstByteMs), n0(x.totalMs), x.mbPerSecond.toFixed(0), n0(x.baselineMb), n0(x.rssBeforeMb), n0(x.peakRssMb), n0(x.rssGrowthMb), x.status === 200 && x.endsWell ? 'yes' : `no (${x.status})`]),
      ),
    );
  }
  if (r.restart) {
    out.push('', `#### Restart and idle memory (f): ${n0(r.restart.storeSize)} stored`);
    out.push('', `Idle RSS after the load above (2 s idle): ${n0(r.restart.idleAfterLoadMb)} MB.`);
    if (r.restart.runs.length) {
      out.push(
        '',
        table(
          ['restart', 'stop ms', 'spawn to listening ms', 'spawn to first answer ms', 'idle RSS after restart MB'],
          r.restart.runs.map((x, i) => [String(i + 1), n0(x.stopMs), n0(x.listeningMs), n0(x.firstAnswerMs), n0(x.idleRssMb)]),
        ),
      );
    }
  }
  if (r.seeding.length) {
    out.push('', '#### Seeding through the API (CreateVpc, then per connection Create + Accept/Reject)');
    out.push(
      '',
      table(
        ['target', 'for', 'connections', 'VPCs', 'calls', 'seconds', 'calls/s'],
        r.seeding.map((s) => [s.target, s.phase, `${n0(s.from)} -> ${n0(s.to)}`, n0(s.vpcsCreated), n0(s.calls), s.seconds.toFixed(1), n0(s.callsPerSecond)]),
      ),
    );
  }
  if (r.checks.length) {
    out.push('', '#### Targets');
    out.push('', table(['workload', 'target', 'measured', ''], r.checks.map((c) => [c.workload, c.target, c.value, mark(c.met)])));
  }
  return out.join('\n') + '\n';
}
