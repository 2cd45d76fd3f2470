import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { AggregatorRegistry, type PrometheusContentType } from 'prom-client';

/** What a worker tells the primary once it listens. */
interface Listening {
  readonly vpcpeer: 'listening';
  readonly address: string;
}

/** A worker asking for every worker's figures (a scrape of /metrics reached it), and the answer. */
interface MetricsAsked {
  readonly vpcpeer: 'metrics';
  readonly id: number;
}
interface MetricsAnswer extends MetricsAsked {
  readonly text?: string;
  readonly error?: string;
}

const isMessage = <T extends { vpcpeer: string }>(kind: T['vpcpeer']) => (m: unknown): m is T => typeof m === 'object' && m !== null && (m as { vpcpeer?: unknown }).vpcpeer === kind;
const isListening = isMessage<Listening>('listening');
const isMetrics = isMessage<MetricsAnswer>('metrics');

/** How long a worker waits for the primary's aggregate (prom-client gives up on a silent worker after 5 s). */
const METRICS_WAIT_MS = 6_000;
const waitingForMetrics = new Map<number, { resolve(text: string): void; reject(err: Error): void }>();
let metricsAsked = 0;

/**
 * In a worker: every worker's own figures (prom-client's cluster aggregation, which the primary
 * runs), so a scrape answered by any worker counts the calls all of them answered.
 */
export function metricsOfAllWorkers(): Promise<string> {
  if (metricsAsked === 0) {
    process.on('message', (m: unknown) => {
      if (!isMetrics(m)) return;
      const waiting = waitingForMetrics.get(m.id);
      waitingForMetrics.delete(m.id);
      if (m.text !== undefined) waiting?.resolve(m.text);
      else waiting?.reject(new Error(m.error ?? 'no figures'));
    });
  }
  const id = ++metricsAsked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waitingForMetrics.delete(id);
      reject(new Error('the primary did not answer with the workers\' figures'));
    }, METRICS_WAIT_MS);
    waitingForMetrics.set(id, {
      resolve: (text) => {
        clearTimeout(timer);
        resolve(text);
      },
      reject: (err) => {
        clearTimeout(timer);
        reject(err);
      },
    });
    process.send?.({ vpcpeer: 'metrics', id } satisfies MetricsAsked);
  });
}

/** In the primary: answers a worker's request with every worker's figures, aggregated. */
function answerMetrics(aggregator: AggregatorRegistry<PrometheusContentType>, worker: Worker, id: number): void {
  const reply = (answer: Omit<MetricsAnswer, 'vpcpeer' | 'id'>): void => {
    if (worker.isConnected()) worker.send({ vpcpeer: 'metrics', id, ...answer } satisfies MetricsAnswer);
  };
  aggregator.clusterMetrics().then(
    (text) => reply({ text }),
    (err: unknown) => reply({ error: (err as Error).message }),
  );
}

/** Whether this process is one of `serve --workers`'s workers. */
export const isServeWorker = (): boolean => cluster.isWorker;

/** A worker's report that it listens (the primary prints the one start-up line for all). */
export function reportListening(address: string): void {
  process.send?.({ vpcpeer: 'listening', address } satisfies Listening);
}

// A worker that keeps dying (a database gone for good, a bug at start) is not restarted forever.
const MAX_RESTARTS_PER_MINUTE = 10;

/**
 * `serve --workers N`: N copies of this server on one port (node:cluster hands connections to the
 * workers; a worker's `listen(0)` gets the port the first one got), so one machine's cores all
 * work. The state must be shared, so this is for PostgreSQL only (the caller checks). Resolves
 * with the address once every worker listens. A worker that dies is replaced; SIGINT or SIGTERM
 * stops them all, then this process.
 */
export function superviseWorkers(count: number, log: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    let listening = 0;
    let stopping = false;
    let address: string | undefined;
    const deaths: number[] = [];
    // Made before the workers, so it hears their answers (prom-client listens on cluster's messages).
    const aggregator = new AggregatorRegistry<PrometheusContentType>();
    const fork = (): void => {
      const worker = cluster.fork();
      worker.on('message', (m: unknown) => {
        if (isMetrics(m)) return answerMetrics(aggregator, worker, m.id);
        if (!isListening(m)) return;
        address ??= m.address;
        listening++;
        if (listening === count) resolve(address);
      });
    };
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && (deaths[0] as number) < now - 60_000) deaths.shift();
      if (listening < count && address === undefined) {
        // A worker that could not start: the others would fail alike. Say why (its own stderr has it).
        reject(new Error(`a worker exited before listening (${signal ?? `code ${code}`})`));
        return;
      }
      if (deaths.length > MAX_RESTARTS_PER_MINUTE) {
        log(`vpcpeer: workers keep exiting (${deaths.length} in a minute); serving with the ones left`);
        return;
      }
      log(`vpcpeer: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
      fork();
    });
    const stop = (): void => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const w of workers) w?.process.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    for (let i = 0; i < count; i++) fork();
  });
}
