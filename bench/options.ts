import { resolve } from 'node:path';
import type { PopulationShape } from './population-plan.js';

export type WorkloadId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'w';
const ALL: readonly WorkloadId[] = ['w', 'a', 'b', 'c', 'd', 'e', 'f'];

export interface BenchOptions {
  readonly quick: boolean;
  readonly only: ReadonlySet<WorkloadId>;
  readonly outDir: string;
  /** Interleaved rounds per workload; in each, every target runs for `roundSeconds`, in rotating order. */
  readonly rounds: number;
  readonly roundSeconds: number;
  /** Unmeasured run per target before the rounds (JIT, caches, moto's per-account setup). */
  readonly warmupSeconds: number;
  /** Concurrent clients (a: also 1), c. */
  readonly concurrency: number;
  readonly lifecycleClients: number;
  readonly lifecycleAccounts: number;
  /** Concurrent clients for the latency-vs-store-size runs (d). */
  readonly scaleConcurrency: number;
  /** Stored connections for a, b, c (all targets). */
  readonly baseScale: number;
  /** Stored connections for d; e and f run at the largest. */
  readonly scales: readonly number[];
  readonly shape: PopulationShape;
  readonly seedConcurrency: number;
  readonly restarts: number;
  readonly streamRepeats: number;
  readonly moto: boolean;
  /** Rewrite the generated part of BENCHMARKS.md and the committed chart (full runs only). */
  readonly updateDoc: boolean;
  readonly serverNodeArgs: readonly string[];
  /** Workload w (wrk): seconds of each 64- and 256-connection run. */
  readonly manySeconds: number;
  /** CPU profiles of the vpcpeer server, one per workload (and per seeding), written here. */
  readonly profileDir: string | undefined;
}

const USAGE = `usage: node dist/bench/run-bench.js [options]   (npm run bench -- [options])
  --quick                 smoke run: tiny counts, fractions of a second per round (used by npm test)
  --only w,a,b,...        workloads to run: w throughput driven by wrk (by id and describe-all at 10
                          connections against the bare Node ceiling; by id at 64 and 256), a describe-by-id,
                          b lifecycle, c filtered describes, d latency vs store size, e describe-all stream,
                          f restart (default: all)
  --many-seconds S        w: seconds of the 64- and 256-connection runs, summed over the rounds (default 20)
  --rounds N              interleaved rounds per workload (default 3)
  --round-seconds S       seconds per target per round (default 4)
  --warmup-seconds S      unmeasured warm-up per target (default 1.5)
  --concurrency N         concurrent clients for a (also 1) and c (default 10)
  --lifecycle-clients N   clients of b (default 10), in --lifecycle-accounts M accounts (default 5)
  --scale-concurrency N   clients for d (default 1: service latency without queueing)
  --base-scale N          stored connections for a, b, c (default 1000)
  --scales N,N,...        stored connections for d; e and f use the largest (default 1000,10000,100000)
  --seed-concurrency N    clients while seeding (default 8)
  --restarts N            restarts timed in f (default 3)
  --no-moto               leave moto_server out even when it is on PATH
  --out DIR               results folder (default bench/results/<timestamp>)
  --no-doc                do not rewrite BENCHMARKS.md (a full run of every workload rewrites its generated part)
  --server-node-args "…"  extra node flags for the vpcpeer server (e.g. "--max-old-space-size=512")
  --profile DIR           CPU-profile the vpcpeer server, one .cpuprofile per workload in DIR (the server
                          restarts on the same store before each workload); summarise them with
                          node dist/bench/profile-summary.js DIR/*.cpuprofile
Environment: BENCH_ARGS is read as extra arguments (after the command line's).`;

function num(name: string, v: string | undefined, min: number): number {
  const n = Number(v);
  if (v === undefined || !Number.isFinite(n) || n < min) throw new Error(`${name} needs a number >= ${min}, not '${v ?? ''}'\n${USAGE}`);
  return n;
}

/** Parses the harness's command line (and BENCH_ARGS); `--quick` changes the defaults to tiny ones. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const args = [...argv, ...(env.BENCH_ARGS ? env.BENCH_ARGS.split(/\s+/).filter(Boolean) : [])];
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const quick = args.includes('--quick');
  const o = {
    quick,
    only: new Set<WorkloadId>(ALL),
    outDir: '',
    rounds: quick ? 1 : 3,
    roundSeconds: quick ? 0.3 : 4,
    warmupSeconds: quick ? 0.1 : 1.5,
    concurrency: quick ? 3 : 10,
    lifecycleClients: quick ? 2 : 10,
    lifecycleAccounts: quick ? 2 : 5,
    scaleConcurrency: 1,
    baseScale: quick ? 70 : 1000,
    scales: quick ? [70, 150] : [1000, 10_000, 100_000],
    shape: quick ? { hubs: 2, spokes: 5, blockRows: 4, blockCols: 10 } : { hubs: 4, spokes: 25, blockRows: 20, blockCols: 50 },
    seedConcurrency: quick ? 4 : 8,
    restarts: quick ? 1 : 3,
    streamRepeats: quick ? 1 : 2,
    moto: true,
    updateDoc: !quick,
    manySeconds: quick ? 0.5 : 20,
    serverNodeArgs: [] as string[],
    profileDir: undefined as string | undefined,
  };
  let onlyGiven = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = (): string | undefined => args[++i];
    switch (a) {
      case '--quick':
        break;
      case '--only': {
        const ids = (next() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        for (const id of ids) if (!ALL.includes(id as WorkloadId)) throw new Error(`--only: unknown workload '${id}'\n${USAGE}`);
        o.only = new Set(ids as WorkloadId[]);
        onlyGiven = true;
        break;
      }
      case '--rounds': o.rounds = num(a, next(), 1); break;
      case '--round-seconds': o.roundSeconds = num(a, next(), 0.05); break;
      case '--warmup-seconds': o.warmupSeconds = num(a, next(), 0); break;
      case '--concurrency': o.concurrency = num(a, next(), 1); break;
      case '--lifecycle-clients': o.lifecycleClients = num(a, next(), 1); break;
      case '--lifecycle-accounts': o.lifecycleAccounts = num(a, next(), 1); break;
      case '--scale-concurrency': o.scaleConcurrency = num(a, next(), 1); break;
      case '--base-scale': o.baseScale = num(a, next(), 1); break;
      case '--scales': o.scales = (next() ?? '').split(',').map((s) => num('--scales', s, 1)).sort((x, y) => x - y); break;
      case '--seed-concurrency': o.seedConcurrency = Math.min(20, num(a, next(), 1)); break;
      case '--restarts': o.restarts = num(a, next(), 1); break;
      case '--many-seconds': o.manySeconds = num(a, next(), 0.2); break;
      case '--no-moto': o.moto = false; break;
      case '--out': o.outDir = resolve(next() ?? ''); break;
      case '--no-doc': o.updateDoc = false; break;
      case '--profile': o.profileDir = resolve(next() ?? ''); o.updateDoc = false; break;
      case '--server-node-args': o.serverNodeArgs = (next() ?? '').split(/\s+/).filter(Boolean); break;
      default:
        throw new Error(`unknown option '${a}'\n${USAGE}`);
    }
  }
  if (onlyGiven && o.only.size < ALL.length) o.updateDoc = false;
  const min = o.shape.hubs * o.shape.spokes * 3;
  for (const s of [o.baseScale, ...o.scales]) if (s < min) throw new Error(`scales must be at least the query set (${min} connections), not ${s}`);
  if (!o.outDir) o.outDir = resolve(import.meta.dirname, '../../bench/results', new Date().toISOString().replace(/[:.]/g, '-'));
  return o;
}
