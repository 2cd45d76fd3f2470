/**
 * `npm run bench:reach`: how fast vpcpeer answers a reachability question on a world of 1,000
 * peered VPCs (bench/reachability/thousand-vpc-world.ts). It times the core walk,
 * analyzeReachability, on worlds already loaded the way the loader gives them (the source's
 * and the destination's VPCs, their peers and contents), one analysis at a time on one core,
 * and prints analyses/s and latency percentiles. No server, no I/O: the analysis itself.
 * See BENCHMARKS.md.
 *
 * Then, unless --no-http, the same world is created in a real server through the EC2 API and
 * StartNetworkInsightsAnalysis is timed end to end (bench/reachability/http-analyses.ts).
 *
 * Options: --analyses N (default 50000), --rounds N (default 3), --warmup N (default 5000),
 * --paths N (default 2000), --clients N (default 4), --no-http.
 */
import { cpus } from 'node:os';
import { analyzeReachability } from '../src/core/reachability/analyze-reachability.js';
import { httpAnalyses } from './reachability/http-analyses.js';
import { VPC_COUNT, benchCases, thousandVpcWorld } from './reachability/thousand-vpc-world.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} wants a positive integer`);
  return v;
}

const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

async function main(): Promise<void> {
  const analyses = option('analyses', 50_000);
  const rounds = option('rounds', 3);
  const warmup = option('warmup', 5_000);
  let t = performance.now();
  const big = thousandVpcWorld();
  const buildMs = performance.now() - t;
  t = performance.now();
  const cases = benchCases(big, analyses);
  const sliceMs = performance.now() - t;
  const slices = new Set(cases.map((c) => c.world));
  const avgVpcs = [...slices].reduce((s, w) => s + w.vpcs.length, 0) / slices.size;
  process.stdout.write(
    `world: ${VPC_COUNT} VPCs, ${big.peerings.length} peering connections, ${big.subnets.length} subnets, ${big.routeTables.length} route tables, ` +
      `${big.securityGroups.length} security groups, ${big.networkAcls.length} network ACLs, ${big.networkInterfaces.length} interfaces (built in ${buildMs.toFixed(0)} ms)\n` +
      `per-path worlds: ${slices.size} (source and destination VPCs with their peers, as the loader reads them: ${avgVpcs.toFixed(1)} VPCs on average, sliced in ${sliceMs.toFixed(0)} ms, not timed below)\n` +
      `machine: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}, node ${process.version}\n`,
  );

  for (let i = 0; i < warmup; i++) {
    const c = cases[i % cases.length];
    if (c) analyzeReachability(c.world, c.query);
  }
  const durations = new Float64Array(analyses * rounds);
  const found = new Map<string, [number, number]>();
  let k = 0;
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const s = performance.now();
      const result = analyzeReachability(c.world, c.query);
      durations[k++] = performance.now() - s;
      if (r === 0) {
        const f = found.get(c.kind) ?? [0, 0];
        f[result.pathFound ? 0 : 1]++;
        found.set(c.kind, f);
      }
    }
  }
  const totalMs = performance.now() - began;
  // CPU time barely moves when other processes load the machine: the figure to compare between runs.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuUsPerAnalysis = (cpu.user + cpu.system) / (analyses * rounds);
  durations.sort();
  const perSecond = (analyses * rounds) / (totalMs / 1000);
  process.stdout.write(
    `analyses: ${analyses * rounds} (${rounds} rounds of ${analyses}), one at a time, one thread\n` +
      `throughput: ${perSecond.toFixed(0)} analyses/s (CPU ${cpuUsPerAnalysis.toFixed(1)} µs per analysis, ${(1e6 / cpuUsPerAnalysis).toFixed(0)} analyses per CPU-second)\n` +
      `latency: p50 ${us(percentile(durations, 0.5))}, p90 ${us(percentile(durations, 0.9))}, p99 ${us(percentile(durations, 0.99))}, ` +
      `p99.9 ${us(percentile(durations, 0.999))}, max ${us(durations[durations.length - 1] ?? 0)}\n` +
      `verdicts by question (found / not found): ${[...found].map(([kind, [y, n]]) => `${kind} ${y}/${n}`).join('; ')}\n`,
  );
  if (process.argv.includes('--no-http')) return;
  const progress = (msg: string): void => void process.stderr.write(`[reach-bench] ${msg}\n`);
  const h = await httpAnalyses(big, option('paths', 2000), option('clients', 4), progress);
  const ms = (x: number): string => `${x.toFixed(2)} ms`;
  process.stdout.write(
    `\nthrough the server (vpcpeer serve, SQLite store holding the ${VPC_COUNT}-VPC world: ${h.seedCalls} EC2 calls, seeded in ${h.seedSeconds.toFixed(1)} s)\n` +
      `StartNetworkInsightsAnalysis, one client: ${h.sequential.count} analyses, ${h.sequential.perSecond.toFixed(0)} analyses/s, p50 ${ms(h.sequential.p50Ms)}, p99 ${ms(h.sequential.p99Ms)} ` +
      `(p50 of the first tenth ${ms(h.sequential.firstP50Ms)}, of the last tenth ${ms(h.sequential.lastP50Ms)})\n` +
      `StartNetworkInsightsAnalysis, ${h.concurrent.clients} clients: ${h.concurrent.count} analyses, ${h.concurrent.perSecond.toFixed(0)} analyses/s, p50 ${ms(h.concurrent.p50Ms)}, p99 ${ms(h.concurrent.p99Ms)}\n` +
      `verdicts read back: ${h.found} of ${h.checked} found\n`,
  );
}

await main();
