import type { WrkThroughputResult } from './workloads/wrk-throughput.js';
/** Shared shapes of the benchmark harness (types only). */
import type { LoadClient } from './load-client.js';
import type { ProcessMemory } from './process-memory.js';
import type { StreamRun } from './workloads/describe-all-stream.js';
import type { RestartRun } from './workloads/restart-time.js';

/** Who a request acts as: the account is the 12-digit access key id, the region the signing scope. */
export interface Caller {
  readonly account: string;
  readonly region: string;
}

/** One request, built once before a measurement so the generator only sends bytes. */
export interface PreparedRequest {
  readonly action: string;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Reply {
  readonly status: number;
  /** The whole body, when asked for (`keepBody`). */
  readonly body?: Buffer;
  readonly bytes: number;
  /** `<vpcPeeringConnectionId>` elements seen in the body (one per peering connection item). */
  readonly items: number;
}

export type TargetKind = 'vpcpeer' | 'moto' | 'ceiling';

/** A server under test: started and stopped by the harness, always on loopback. */
export interface Target {
  readonly kind: TargetKind;
  readonly url: string;
  readonly pid: number;
  readonly client: LoadClient;
  readonly memory: ProcessMemory;
  /** Graceful stop, then a hard kill if it lingers; resolves once the process is gone. */
  stop(): Promise<void>;
}

/** What one target did during the measured rounds of one workload. */
export interface SeriesStats {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly throughput: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanBytes: number;
  readonly minItems: number;
  readonly maxItems: number;
  /** Units of work (lifecycle loops) completed, when a unit is more than one request. */
  readonly units: number;
  /** The whole latency histogram (microseconds), HdrHistogram's compressed base64 encoding. */
  readonly histogram: string;
}

export interface TargetRun {
  readonly target: TargetKind;
  /** One entry per request kind (e.g. `by-id`, `status-code`); `all` sums them. */
  readonly series: Readonly<Record<string, SeriesStats>>;
  readonly peakRssMb: number;
  /** The server process's CPU time (user + system) over the measured rounds, in seconds. */
  readonly cpuSeconds: number;
  /** Requests sent again on a fresh connection after the old one went away. */
  readonly reconnects: number;
  /** TCP connections opened during the measured rounds (one per request when a server closes each). */
  readonly connections: number;
}

export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  readonly concurrency: number;
  readonly storeSize?: number;
  readonly runs: readonly TargetRun[];
  readonly notes?: readonly string[];
}

/** One seeding step: how far the store grew, and how fast. */
export interface SeedReport {
  readonly from: number;
  readonly to: number;
  readonly vpcsCreated: number;
  readonly calls: number;
  readonly seconds: number;
  readonly connectionsPerSecond: number;
  readonly callsPerSecond: number;
}

export interface SeedingRecord extends SeedReport {
  readonly target: TargetKind;
  readonly phase: string;
}

export interface TargetCheck {
  readonly workload: string;
  readonly target: string;
  readonly value: string;
  readonly met: boolean | undefined;
}

export interface BenchResults {
  readonly meta: {
    readonly startedAt: string;
    readonly command: string;
    readonly quick: boolean;
    readonly node: string;
    readonly cpus: string;
    readonly cores: number;
    readonly memoryGb: number;
    readonly os: string;
    moto: string;
    readonly options: Readonly<Record<string, unknown>>;
    readonly revision: string;
    readonly generator: string;
  };
  readonly seeding: SeedingRecord[];
  readonly workloads: WorkloadResult[];
  stream?: { readonly storeSize: number; readonly runs: readonly StreamRun[] };
  /** Workload w: throughput driven by wrk. */
  wrk?: WrkThroughputResult;
  restart?: { readonly storeSize: number; readonly idleAfterLoadMb: number; readonly runs: readonly RestartRun[] };
  checks: TargetCheck[];
  totalSeconds: number;
  /** 1-minute load average before the run and after it: other work on the machine skews figures. */
  loadAverage: { before: number; after: number };
  /** Every process the harness started (all stopped by the end of the run). */
  processes: readonly { readonly command: string; readonly pid: number }[];
}
