import type { BenchResults, SeriesStats, TargetCheck, WorkloadResult } from '../types.js';
import { summariseWrk, wrkKey } from '../workloads/wrk-throughput.js';

const FULL_SCALE = 100_000;

function series(w: WorkloadResult | undefined, target: string, name = 'all'): SeriesStats | undefined {
  return w?.runs.find((r) => r.target === target)?.series[name];
}

function ratioCheck(label: string, w: WorkloadResult | undefined, other: 'moto' | 'ceiling', want: number, unit: string): TargetCheck | undefined {
  const vp = series(w, 'vpcpeer');
  const o = series(w, other);
  if (!w || !vp) return undefined;
  if (!o || o.throughput === 0) return { workload: label, target: unit, value: `${other} not measured`, met: undefined };
  const ratio = vp.throughput / o.throughput;
  const value = other === 'moto' ? `${ratio.toFixed(1)}x (${vp.throughput.toFixed(0)} vs ${o.throughput.toFixed(0)} req/s)` : `${(ratio * 100).toFixed(0)}% (${vp.throughput.toFixed(0)} vs ${o.throughput.toFixed(0)} req/s)`;
  return { workload: label, target: unit, value, met: ratio >= want };
}

/** The targets, each with the measured value and whether it is met (undefined: not measurable in this run). */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const push = (c: TargetCheck | undefined): void => {
    if (c) out.push(c);
  };
  if (r.wrk) {
    // Issue 13's targets, on wrk's figures: the generator is not the limit there.
    const s = summariseWrk(r.wrk.runs);
    const ceiling = s.get(wrkKey('ceiling', 'by-id', 10));
    const byId = s.get(wrkKey('vpcpeer', 'by-id', 10));
    const all = s.get(wrkKey('vpcpeer', 'all', 10));
    const k = (n: number): string => Math.round(n).toLocaleString('en');
    if (ceiling && byId) {
      const ratio = byId.rps / ceiling.rps;
      push({ workload: 'w', target: '>= 50% of the bare-Node ceiling, describe by id, 10 connections, default log level', value: `${(ratio * 100).toFixed(0)}% (${k(byId.rps)} vs ${k(ceiling.rps)} req/s; ceiling server ${(ceiling.busy * 100).toFixed(0)}% busy)`, met: ratio >= 0.5 });
    }
    if (byId && all) {
      const ratio = all.rps / byId.rps;
      push({ workload: 'w', target: `describe-all (${r.wrk.connectionsInAccount} connections) >= 30% of describe by id`, value: `${(ratio * 100).toFixed(0)}% (${k(all.rps)} vs ${k(byId.rps)} req/s)`, met: ratio >= 0.3 });
    }
    for (const c of [64, 256]) {
      const many = s.get(wrkKey('vpcpeer', 'by-id', c));
      if (!many || !byId) continue;
      const ratio = many.rps / byId.rps;
      push({
        workload: 'w',
        target: `${c} connections: >= 90% of the 10-connection throughput, p99 < 50 ms, no timeouts or errors`,
        value: `${(ratio * 100).toFixed(0)}% (${k(many.rps)} req/s), p99 ${many.p99Ms.toFixed(1)} ms, ${many.timeouts} timeouts, ${many.errors} errors over ${many.seconds} s`,
        met: ratio >= 0.9 && many.p99Ms < 50 && many.timeouts === 0 && many.errors === 0,
      });
    }
  }
  const a = r.workloads.filter((w) => w.id === 'a').sort((x, y) => y.concurrency - x.concurrency)[0];
  const aLabel = `a (${a?.concurrency ?? '?'} clients)`;
  push(ratioCheck(aLabel, a, 'moto', 20, '>= 20x moto'));
  // With undici in this process as the generator, the ceiling is the generator's (see w for the server's).
  push(ratioCheck(aLabel, a, 'ceiling', 0.5, '>= 50% of bare-Node ceiling (undici generator)'));
  push(ratioCheck('b', r.workloads.find((w) => w.id === 'b'), 'moto', 20, '>= 20x moto'));

  const d = r.workloads.filter((w) => w.id === 'd' && w.storeSize !== undefined);
  if (d.length > 0) {
    const sizes = [...new Set(d.map((w) => w.storeSize as number))].sort((x, y) => x - y);
    const smallest = sizes[0] as number;
    const largest = sizes[sizes.length - 1] as number;
    const full = largest >= FULL_SCALE;
    const at = (size: number, title: string) => d.find((w) => w.storeSize === size && w.title.startsWith(title));
    const byIdL = series(at(largest, 'describe by id'), 'vpcpeer', 'by-id');
    const byIdS = series(at(smallest, 'describe by id'), 'vpcpeer', 'by-id');
    const fL = at(largest, 'filtered');
    const fS = at(smallest, 'filtered');
    const kinds = fL ? Object.keys(fL.runs.find((x) => x.target === 'vpcpeer')?.series ?? {}).filter((k) => k !== 'all' && !k.startsWith('failed')) : [];
    const where = `at ${largest} stored${full ? '' : ' (not the full 100k)'}`;
    if (byIdL) push({ workload: 'd', target: `describe by id p99 < 2 ms ${where}`, value: `${byIdL.p99Ms.toFixed(2)} ms`, met: full ? byIdL.p99Ms < 2 : undefined });
    if (fL && kinds.length) {
      const worst = Math.max(...kinds.map((k) => series(fL, 'vpcpeer', k)?.p99Ms ?? 0));
      const each = kinds.map((k) => `${k} ${(series(fL, 'vpcpeer', k)?.p99Ms ?? 0).toFixed(1)}`).join(', ');
      push({ workload: 'd', target: `filtered describe (~100 items) p99 < 20 ms ${where}`, value: `worst ${worst.toFixed(1)} ms (${each})`, met: full ? worst < 20 : undefined });
    }
    if (sizes.length > 1) {
      if (byIdL && byIdS) {
        const g = byIdL.p99Ms / byIdS.p99Ms;
        push({ workload: 'd', target: `by id flat ${smallest} -> ${largest} (p99 within 1.5x)`, value: `${g.toFixed(2)}x (${byIdS.p99Ms.toFixed(2)} -> ${byIdL.p99Ms.toFixed(2)} ms)`, met: full ? g <= 1.5 : undefined });
      }
      if (fL && fS && kinds.length) {
        const growth = kinds.map((k) => ({ k, s: series(fS, 'vpcpeer', k)?.p99Ms ?? 0, l: series(fL, 'vpcpeer', k)?.p99Ms ?? 0 }));
        const worst = growth.reduce((m, x) => Math.max(m, x.s > 0 ? x.l / x.s : 0), 0);
        const each = growth.map((x) => `${x.k} ${x.s.toFixed(1)} -> ${x.l.toFixed(1)} ms`).join(', ');
        push({ workload: 'd', target: `filtered flat ${smallest} -> ${largest} (p99 within 1.5x)`, value: `worst ${worst.toFixed(2)}x (${each})`, met: full ? worst <= 1.5 : undefined });
      }
    }
  }
  if (r.stream && r.stream.runs.length) {
    const full = r.stream.storeSize >= FULL_SCALE;
    const growth = Math.max(...r.stream.runs.map((x) => x.rssGrowthMb));
    const complete = r.stream.runs.every((x) => x.status === 200 && x.items === r.stream?.storeSize && x.endsWell);
    push({ workload: 'e', target: `describe-all streams, peak RSS growth < 200 MB (${r.stream.storeSize} stored)`, value: `${growth.toFixed(0)} MB${complete ? '' : ' (answer incomplete!)'}`, met: full ? growth < 200 && complete : undefined });
  }
  if (r.restart) {
    const full = r.restart.storeSize >= FULL_SCALE;
    if (r.restart.runs.length) {
      const worst = Math.max(...r.restart.runs.map((x) => x.firstAnswerMs));
      push({ workload: 'f', target: `restart < 1 s (spawn to first answer, worst of ${r.restart.runs.length}; ${r.restart.storeSize} stored)`, value: `${worst.toFixed(0)} ms`, met: full ? worst < 1000 : undefined });
    }
    const idle = Math.max(r.restart.idleAfterLoadMb, ...r.restart.runs.map((x) => x.idleRssMb));
    push({ workload: 'f', target: `idle RSS < 300 MB (${r.restart.storeSize} stored; after the load and after restarts, worst)`, value: `${idle.toFixed(0)} MB`, met: full ? idle < 300 : undefined });
  }
  return out;
}
