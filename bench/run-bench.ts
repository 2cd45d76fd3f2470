/**
 * `npm run bench`: vpcpeer against moto_server (when on PATH) and a bare Node `http` ceiling,
 * same request streams, same concurrency, one run, interleaved rounds. See BENCHMARKS.md.
 *
 * Processes: each server is its own process, started and stopped here, on 127.0.0.1 only. The
 * load generator (undici clients, histograms) runs in this process's main thread and shares the
 * machine's cores with whichever server is being measured; only one target is driven at a time.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { captureAnswers } from './capture-answers.js';
import { children } from './children.js';
import type { MeasureOptions, UnitFactory } from './measure-interleaved.js';
import { measureInterleaved } from './measure-interleaved.js';
import { parseOptions } from './options.js';
import type { BenchOptions } from './options.js';
import { PopulationPlan } from './population-plan.js';
import { checkTargets } from './report/check-targets.js';
import { latencyChartSvg } from './report/latency-chart.js';
import { renderReport } from './report/render-report.js';
import { updateBenchmarksMd } from './report/update-benchmarks-md.js';
import type { SeededPeering, SeedState } from './seed-population.js';
import { seedPopulation } from './seed-population.js';
import { SeriesRecorder } from './series-recorder.js';
import { startCeiling } from './start-ceiling.js';
import type { CeilingTarget } from './start-ceiling.js';
import { motoAvailable, startMoto } from './start-moto.js';
import { startVpcpeer } from './start-vpcpeer.js';
import type { VpcpeerOptions, VpcpeerTarget } from './start-vpcpeer.js';
import type { StreamItem } from './stream-units.js';
import { streamUnits } from './stream-units.js';
import type { BenchResults, Target, WorkloadResult } from './types.js';
import { describeAllStream } from './workloads/describe-all-stream.js';
import type { StreamRun } from './workloads/describe-all-stream.js';
import { describeByIdStream } from './workloads/describe-by-id.js';
import { filteredDescribeStream } from './workloads/filtered-describe.js';
import { lifecycleUnits } from './workloads/lifecycle.js';
import { measureRestarts } from './workloads/restart-time.js';
import { wrkThroughput } from './workloads/wrk-throughput.js';
import { wrkAvailable } from './wrk/run-wrk.js';

const REPO = resolve(import.meta.dirname, '../..');
const began = performance.now();
const progress = (msg: string): void => {
  process.stderr.write(`[bench ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s] ${msg}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fmtK = (n: number): string => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** The commit the server was built from, and whether src/ had uncommitted changes. */
function revision(): string {
  const git = (...args: string[]): string | undefined => {
    const r = spawnSync('git', ['-C', REPO, ...args], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  const head = git('rev-parse', '--short', 'HEAD');
  if (!head) return 'unknown (not a git checkout)';
  return git('status', '--porcelain', '--', 'src')?.length ? `${head} + uncommitted changes in src/` : head;
}

async function run(o: BenchOptions): Promise<BenchResults> {
  mkdirSync(o.outDir, { recursive: true });
  const moto = o.moto ? motoAvailable() : { found: false, version: '' };
  const results: BenchResults = {
    meta: {
      startedAt: new Date().toISOString(),
      command: `node dist/bench/run-bench.js ${process.argv.slice(2).join(' ')}`.trim(),
      quick: o.quick,
      node: process.version,
      cpus: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      os: `${osType()} ${release()}`,
      moto: moto.found ? `moto ${moto.version} (moto_server)` : o.moto ? 'not on PATH: left out' : 'left out (--no-moto)',
      options: { ...o, only: [...o.only].sort() },
      revision: revision(),
      generator: 'in the harness process (main thread, undici + hdr-histogram-js), sharing the 2 cores with the server being measured',
    },
    seeding: [],
    workloads: [],
    checks: [],
    totalSeconds: 0,
    loadAverage: { before: loadavg()[0] ?? 0, after: 0 },
    processes: [],
  };
  if (results.loadAverage.before > 0.7) {
    progress(`warning: the machine is busy (1-minute load average ${results.loadAverage.before.toFixed(2)} on ${cpus().length} cores); figures will be lower and noisier than on a quiet machine`);
  }
  const dataRoot = mkdtempSync(join(tmpdir(), 'vpcpeer-bench-'));
  // Also on Ctrl-C or an error: the stores (hundreds of MB at 100k) do not outlive the run.
  process.once('exit', () => rmSync(dataRoot, { recursive: true, force: true }));
  const plan = new PopulationPlan(o.shape);
  const measure = (concurrency: number): MeasureOptions => ({ concurrency, rounds: o.rounds, roundSeconds: o.roundSeconds, warmupSeconds: o.warmupSeconds });
  const maxClients = Math.max(o.concurrency, o.lifecycleClients, o.scaleConcurrency, o.seedConcurrency);
  const vpcpeerOptions = (name: string): VpcpeerOptions => {
    mkdirSync(join(dataRoot, name), { recursive: true });
    return { dataDir: join(dataRoot, name), logDir: o.outDir, connections: maxClients, nodeArgs: o.serverNodeArgs };
  };

  /** Runs one measured workload and keeps its result. */
  const workload = async (w: Omit<WorkloadResult, 'runs'>, targets: readonly Target[], factory: UnitFactory, ceiling?: { target: CeilingTarget; from: Target; probe: () => Promise<void> }): Promise<void> => {
    if (ceiling) await ceiling.target.setResponses(await captureAnswers(ceiling.from, ceiling.probe));
    progress(`${w.id}: ${w.title} (${w.concurrency} clients${w.storeSize !== undefined ? `, ${w.storeSize} stored` : ''}) on ${targets.map((t) => t.kind).join(', ')}`);
    const runs = await measureInterleaved(targets, measure(w.concurrency), factory);
    results.workloads.push({ ...w, runs });
    for (const r of runs) {
      const s = r.series.all;
      if (s) progress(`   ${r.target.padEnd(8)} ${s.throughput.toFixed(0).padStart(7)} req/s  p50 ${s.p50Ms.toFixed(2)} ms  p99 ${s.p99Ms.toFixed(2)} ms  errors ${s.errors}`);
    }
  };
  const seed = async (target: Target, state: SeedState, upTo: number, phase: string): Promise<void> => {
    if (state.peerings.length >= upTo) return;
    progress(`seeding ${target.kind} to ${upTo} connections (${o.seedConcurrency} clients)`);
    const r = await seedPopulation(target, plan, state, upTo, o.seedConcurrency);
    results.seeding.push({ target: target.kind, phase, ...r });
    progress(`   ${r.to - r.from} connections, ${r.vpcsCreated} VPCs, ${r.calls} calls in ${r.seconds.toFixed(1)} s (${r.callsPerSecond.toFixed(0)} calls/s)`);
  };
  const byIdOf = (state: SeedState, length: number) => describeByIdStream(state.peerings, length, 42);
  const profileStart = (opts: VpcpeerOptions, name: string): VpcpeerOptions =>
    o.profileDir ? { ...opts, nodeArgs: [...(opts.nodeArgs ?? []), '--cpu-prof', `--cpu-prof-dir=${o.profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] } : opts;
  /** A probe that sends the first `n` requests of a stream once (to capture the answers). */
  const probeStream = (t: Target, stream: readonly StreamItem[], n: number) => async (): Promise<void> => {
    for (const item of stream.slice(0, n)) await t.client.send(item.req);
  };

  /**
   * With --profile DIR, each workload gets a vpcpeer process of its own started with --cpu-prof
   * (same data folder), so each profile holds that workload only; profiles are written on exit.
   */
  const profiled = async (vp: VpcpeerTarget, opts: VpcpeerOptions, name: string): Promise<VpcpeerTarget> => {
    if (!o.profileDir) return vp;
    await vp.client.close();
    await vp.stop();
    return startVpcpeer(profileStart(opts, name));
  };

  let ceiling: CeilingTarget | undefined;
  try {
    if (o.only.has('a') || o.only.has('b') || o.only.has('c') || o.only.has('d')) ceiling = await startCeiling(o.outDir, maxClients);
    const withCeiling = (...ts: Target[]): Target[] => (ceiling ? [...ts, ceiling] : ts);
    const ceilingFrom = (from: Target, probe: () => Promise<void>) => (ceiling ? { target: ceiling, from, probe } : undefined);

    // Phase 0: w, throughput driven by wrk, on a store of its own.
    if (o.only.has('w')) {
      if (!wrkAvailable()) {
        if (process.env.CI === 'true') throw new Error('workload w needs wrk, which is not installed (apt-get install wrk)');
        progress('w left out: wrk is not installed (apt-get install wrk)');
      } else {
        const opts = vpcpeerOptions('phase0');
        const vp = await startVpcpeer(profileStart(opts, 'w'));
        const bare = await startCeiling(o.outDir, 1);
        try {
          results.wrk = await wrkThroughput({ vpcpeer: vp, ceiling: bare, dir: join(o.outDir, 'wrk'), rounds: o.rounds, roundSeconds: Math.max(1, o.roundSeconds), manySeconds: o.manySeconds, warmupSeconds: Math.max(1, o.warmupSeconds), progress });
        } finally {
          for (const t of [vp, bare]) {
            await t.client.close().catch(() => {});
            await t.stop();
          }
        }
      }
    }

    // Phase 1: a, c, b against every target, on the base population.
    if (o.only.has('a') || o.only.has('b') || o.only.has('c')) {
      const opts = vpcpeerOptions('phase1');
      let vp = await startVpcpeer(profileStart(opts, 'seed-base'));
      const vpState: SeedState = { vpcIds: new Map(), peerings: [] };
      const motoState: SeedState = { vpcIds: new Map(), peerings: [] };
      // The ceiling replays vpcpeer's stream.
      const stateOf = (t: Target): SeedState => (t.kind === 'moto' ? motoState : vpState);
      await seed(vp, vpState, o.baseScale, 'a-c');
      let motoTarget: Target | undefined;
      if (moto.found) {
        // moto is a peer to compare with, not what is tested: if it cannot start or take the
        // population, the run goes on without it and says so.
        try {
          motoTarget = await startMoto(o.outDir, maxClients, moto.version);
          await seed(motoTarget, motoState, o.baseScale, 'a-c');
        } catch (err) {
          const why = (err as Error).message.split('\n')[0] ?? '';
          progress(`moto left out: ${why}`);
          results.meta.moto += ` - failed, left out: ${why}`;
          if (motoTarget) await motoTarget.stop();
          motoTarget = undefined;
        }
      }
      const servers = (): Target[] => (motoTarget ? [vp, motoTarget] : [vp]);

      if (o.only.has('a')) {
        const streamOf = (t: Target) => byIdOf(stateOf(t), 4096);
        for (const c of [...new Set([1, o.concurrency])]) {
          vp = await profiled(vp, opts, `a-c${c}`);
          const w = { id: 'a', title: 'DescribeVpcPeeringConnections by id', concurrency: c, storeSize: o.baseScale };
          await workload(w, withCeiling(...servers()), streamUnits(streamOf), ceilingFrom(vp, probeStream(vp, streamOf(vp), 64)));
        }
      }
      if (o.only.has('c')) {
        vp = await profiled(vp, opts, 'c');
        const streamOf = (t: Target) => filteredDescribeStream(plan, stateOf(t));
        const w = { id: 'c', title: 'filtered DescribeVpcPeeringConnections (~100 items)', concurrency: o.concurrency, storeSize: o.baseScale };
        await workload(w, withCeiling(...servers()), streamUnits(streamOf), ceilingFrom(vp, probeStream(vp, streamOf(vp), 3)));
      }
      if (o.only.has('b')) {
        vp = await profiled(vp, opts, 'b');
        const factory = lifecycleUnits(o.lifecycleAccounts);
        const probeUnit = factory(vp, 0);
        const w = { id: 'b', title: `peering lifecycle loop (12 requests) in ${o.lifecycleAccounts} accounts`, concurrency: o.lifecycleClients };
        await workload(w, withCeiling(...servers()), factory, ceilingFrom(vp, () => probeUnit(new SeriesRecorder())));
      }
      for (const t of servers()) {
        await t.client.close();
        await t.stop();
      }
    }

    // Phase 2: d, e, f on a fresh vpcpeer store grown scale by scale.
    if (o.only.has('d') || o.only.has('e') || o.only.has('f')) {
      const opts = vpcpeerOptions('phase2');
      let vp: VpcpeerTarget = await startVpcpeer(profileStart(opts, 'seed-scales'));
      const state: SeedState = { vpcIds: new Map(), peerings: [] };
      const scales = o.only.has('d') ? o.scales : [o.scales[o.scales.length - 1] as number];
      for (const scale of scales) {
        await seed(vp, state, scale, `d@${fmtK(scale)}`);
        if (!o.only.has('d')) continue;
        const byId = byIdOf(state, 8192);
        vp = await profiled(vp, opts, `d-by-id-${fmtK(scale)}`);
        await workload({ id: 'd', title: 'describe by id', concurrency: o.scaleConcurrency, storeSize: scale }, withCeiling(vp), streamUnits(() => byId), ceilingFrom(vp, probeStream(vp, byId, 64)));
        const filtered = filteredDescribeStream(plan, state);
        vp = await profiled(vp, opts, `d-filtered-${fmtK(scale)}`);
        await workload(
          { id: 'd', title: 'filtered describe (~100 items)', concurrency: o.scaleConcurrency, storeSize: scale },
          withCeiling(vp),
          streamUnits(() => filtered),
          ceilingFrom(vp, probeStream(vp, filtered, 3)),
        );
      }
      const largest = state.peerings.length;
      await sleep(2000);
      const idleAfterLoadMb = vp.memory.rssBytes() / 1048576;
      progress(`idle RSS with ${largest} connections after the load: ${idleAfterLoadMb.toFixed(0)} MB`);
      if (o.only.has('e')) {
        vp = await profiled(vp, opts, 'e');
        const baseline = o.profileDir ? vp.memory.rssBytes() : idleAfterLoadMb * 1048576;
        const runs: StreamRun[] = [];
        for (let i = 0; i < o.streamRepeats; i++) {
          progress(`e: describe-all without MaxResults over ${largest} connections (#${i + 1})`);
          const r = await describeAllStream(vp, baseline);
          progress(`   ${r.items} items, ${(r.bytes / 1048576).toFixed(1)} MB in ${r.totalMs.toFixed(0)} ms (first byte ${r.firstByteMs.toFixed(0)} ms), RSS ${r.rssBeforeMb.toFixed(0)} -> peak ${r.peakRssMb.toFixed(0)} MB (growth ${r.rssGrowthMb.toFixed(0)} MB over idle)`);
          runs.push(r);
        }
        results.stream = { storeSize: largest, runs };
      }
      if (o.only.has('f')) {
        progress(`f: restart with ${largest} connections (${o.restarts}x)`);
        const r = await measureRestarts(vp, opts, o.restarts, state.peerings[state.peerings.length - 1] as SeededPeering);
        vp = r.server;
        for (const x of r.runs) progress(`   listening after ${x.listeningMs.toFixed(0)} ms, first answer after ${x.firstAnswerMs.toFixed(0)} ms, idle RSS ${x.idleRssMb.toFixed(0)} MB`);
        results.restart = { storeSize: largest, idleAfterLoadMb, runs: r.runs };
      } else {
        results.restart = { storeSize: largest, idleAfterLoadMb, runs: [] };
      }
      await vp.client.close();
      await vp.stop();
    }
  } finally {
    if (ceiling) {
      await ceiling.client.close().catch(() => {});
      await ceiling.stop();
    }
    await children.stopAll();
    rmSync(dataRoot, { recursive: true, force: true });
  }
  results.loadAverage.after = loadavg()[0] ?? 0;
  results.processes = children.started();
  results.checks = checkTargets(results);
  results.totalSeconds = (performance.now() - began) / 1000;
  return results;
}

const options = parseOptions(process.argv.slice(2));
try {
  const results = await run(options);
  const report = renderReport(results);
  writeFileSync(join(options.outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(options.outDir, 'report.md'), report);
  const chart = results.workloads.some((w) => w.id === 'd') ? await latencyChartSvg(results) : undefined;
  if (chart) writeFileSync(join(options.outDir, 'latency-vs-store-size.svg'), chart);
  process.stdout.write('\n' + report + '\n');
  if (options.updateDoc) {
    if (chart) copyFileSync(join(options.outDir, 'latency-vs-store-size.svg'), join(REPO, 'bench/latency-vs-store-size.svg'));
    updateBenchmarksMd(join(REPO, 'BENCHMARKS.md'), report);
    progress('BENCHMARKS.md and bench/latency-vs-store-size.svg updated');
  }
  progress(`results in ${options.outDir} (total ${results.totalSeconds.toFixed(0)} s)`);
} catch (err) {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  await children.stopAll();
  process.exitCode = 1;
}
