/**
 * Issue 11, "Done when": on thousands of random worlds the analyzer agrees with an independent
 * oracle on every probe. The oracle (./oracle.ts) checks one concrete packet at a time.
 *
 * VPCPEER_PROPERTY_SEED=<n> replays one world and prints it with every probe's two answers;
 * VPCPEER_PROPERTY_WORLDS=<n> changes how many worlds a run draws (default 3,000).
 */
import { describe, expect, it } from 'vitest';
import { analyzeReachability } from '../../../src/core/reachability/analyze-reachability.js';
import type { ReachQuery } from '../../../src/core/reachability/reach-world.js';
import type { Block } from './oracle.js';
import { BLOCKS, oracle } from './oracle.js';
import { describeWorld } from './describe-world.js';
import { randomWorld } from './random-world.js';

const replay = process.env.VPCPEER_PROPERTY_SEED;
const WORLDS = Number(process.env.VPCPEER_PROPERTY_WORLDS ?? 3000);
const PROBES = 6;
const FIRST_SEED = 0x5eed;

interface Mismatch {
  readonly seed: number;
  readonly probe: ReachQuery;
  readonly oracleFound: boolean;
  readonly analyzerFound: boolean;
  readonly text: string;
}

function explainMismatch(seed: number, q: ReachQuery): string {
  const { world } = randomWorld(seed, PROBES);
  const o = oracle(world, q);
  const a = analyzeReachability(world, q);
  return [
    `seed ${seed} (replay: VPCPEER_PROPERTY_SEED=${seed} npx vitest run test/core/reachability-oracle)`,
    `probe ${JSON.stringify(q)}`,
    `oracle: ${o.found ? 'found' : 'not found'}${o.packet ? ` packet ${JSON.stringify(o.packet)}` : ''}${o.block ? ` blocked at ${o.block}: ${o.why}` : ''}`,
    `analyzer: ${a.pathFound ? 'found' : 'not found'}; explanations ${a.explanations.map((e) => `${e.code}: ${e.sentence}`).join(' | ') || '(none)'}`,
    describeWorld(world),
  ].join('\n');
}

describe('the reachability analyzer against an independent one-packet-at-a-time oracle', () => {
  it(replay ? `agrees on world ${replay}` : `agrees on ${WORLDS} random worlds x ${PROBES} probes`, () => {
    const seeds = replay ? [Number(replay)] : Array.from({ length: WORLDS }, (_, i) => FIRST_SEED + i);
    let probes = 0;
    let found = 0;
    let foundViaPeering = 0;
    let packets = 0;
    const blocked = new Map<Block, number>(BLOCKS.map((b) => [b, 0]));
    const mismatches: Mismatch[] = [];
    const disagreeByBlock = new Map<string, number>();
    for (const seed of seeds) {
      const { world, probes: qs } = randomWorld(seed, PROBES);
      for (const q of qs) {
        probes++;
        const o = oracle(world, q);
        packets += o.packetsTried;
        if (o.found) found++;
        if (o.via) foundViaPeering++;
        else if (o.block) blocked.set(o.block, (blocked.get(o.block) ?? 0) + 1);
        const a = analyzeReachability(world, q);
        if (replay) process.stdout.write(`${explainMismatch(seed, q)}\n\n`);
        if (a.pathFound !== o.found) {
          const key = o.found ? 'oracle found' : `oracle blocked at ${o.block}`;
          disagreeByBlock.set(key, (disagreeByBlock.get(key) ?? 0) + 1);
          if (mismatches.length < 3) mismatches.push({ seed, probe: q, oracleFound: o.found, analyzerFound: a.pathFound, text: explainMismatch(seed, q) });
        }
      }
    }
    const summary = [
      `${seeds.length} worlds, ${probes} probes, ${packets} packets walked by the oracle`,
      `found ${found} (${foundViaPeering} over a peering), not found ${probes - found}`,
      `oracle's blocking hops: ${[...blocked].map(([b, n]) => `${b} ${n}`).join(', ')}`,
      `disagreements: ${mismatches.length ? [...disagreeByBlock].map(([k, n]) => `${k}: ${n}`).join(', ') : 'none'}`,
    ].join('\n');
    process.stdout.write(`${summary}\n`);
    for (const m of mismatches) process.stdout.write(`\n--- mismatch ---\n${m.text}\n`);
    if (!replay) {
      // Not vacuous: both verdicts in numbers, and every way of being blocked seen many times.
      expect(found).toBeGreaterThan(probes * 0.1);
      expect(probes - found).toBeGreaterThan(probes * 0.2);
      expect(foundViaPeering).toBeGreaterThan(probes * 0.025);
      for (const [b, n] of blocked) expect(n, `probes blocked at ${b}`).toBeGreaterThanOrEqual(20);
    }
    expect(disagreeByBlock.size === 0 ? 'no disagreement' : summary).toBe('no disagreement');
  });
});
