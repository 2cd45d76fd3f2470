/**
 * `npm run bench:reach`: how fast vpcpeer answers a reachability question on a world of 1,000
 * peered VPCs (bench/reachability/thousand-vpc-world.ts). It times the core walk,
 * analyzeReachability, on worlds already loaded the way the loader gives them (the source VPC,
 * its peers and their contents), one analysis at a time on one core, and prints analyses/s and
 * latency percentiles. No server, no I/O: this is the analysis itself. See BENCHMARKS.md.
 *
 * Options: --analyses N (default 50000), --rounds N (default 3), --warmup N (default 5000).
 */
import { cpus } from 'node:os';
import { analyzeReachability } from '../src/core/reachability/analyze-reachability.js';
import { VPC_COUNT, benchCases, thousandVpcWorld } from './reachability/thousand-vpc-world.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} wants a positive integer`);
  return v;
}

const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

function main(): void {
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
      `per-path worlds: ${slices.size} (source VPC + its peers: ${avgVpcs.toFixed(1)} VPCs on average, sliced in ${sliceMs.toFixed(0)} ms, not timed below)\n` +
      `machine: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}, node ${process.version}\n`,
  );

  for (let i = 0; i < warmup; i++) {
    const c = cases[i % cases.length];
    if (c) analyzeReachability(c.world, c.query);
  }
  const durations = new Float64Array(analyses * rounds);
  const found = new Map<string, [number, number]>();
  let k = 0;
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
  durations.sort();
  const perSecond = (analyses * rounds) / (totalMs / 1000);
  process.stdout.write(
    `analyses: ${analyses * rounds} (${rounds} rounds of ${analyses}), one at a time, one thread\n` +
      `throughput: ${perSecond.toFixed(0)} analyses/s\n` +
      `latency: p50 ${us(percentile(durations, 0.5))}, p90 ${us(percentile(durations, 0.9))}, p99 ${us(percentile(durations, 0.99))}, ` +
      `p99.9 ${us(percentile(durations, 0.999))}, max ${us(durations[durations.length - 1] ?? 0)}\n` +
      `verdicts by question (found / not found): ${[...found].map(([kind, [y, n]]) => `${kind} ${y}/${n}`).join('; ')}\n`,
  );
}

main();
