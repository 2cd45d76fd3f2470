import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, type PrometheusContentType, Registry } from 'prom-client';
import { PEERING_STATUSES } from '../core/peering/peering-connection.js';
import { isEc2OperationName } from '../protocol/index.js';
import type { Store } from '../store/open-sqlite-store.js';

export interface Metrics {
  /** One answered API call: its action, its code ("OK" or AWS's error code) and how long it took. */
  observe(action: string, code: string, seconds: number): void;
  /** The Prometheus text exposition of everything, the store's figures read now. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /**
   * `serve --workers`: this process is one of several sharing a port, and a scrape reaches any one
   * of them. Asks the primary for every worker's own figures, aggregated (prom-client's
   * AggregatorRegistry: counters and histograms summed), so one scrape gives the totals.
   */
  readonly acrossWorkers?: () => Promise<string>;
}

// Labels come from requests: an action no operation is called is counted as one label value, so a
// client cannot grow the series without bound. Error codes are the server's own (a fixed set).
const labelOf = (action: string): string => (isEc2OperationName(action) || STS_ACTIONS.has(action) ? action : 'unknown');
const STS_ACTIONS: ReadonlySet<string> = new Set(['GetCallerIdentity', 'AssumeRole']);

/**
 * The server's figures in Prometheus' format (GET /metrics). Two registries of their own (so
 * several servers in one process, in tests, do not mix):
 * - the process's own: API calls by action and code, their latency, its connection pool
 *   (PostgreSQL) and Node's process figures; under `--workers`, summed over the workers;
 * - the store's, the one world every process shares: connections by state (every state, 0 when
 *   none), its size (database, SQLite's WAL and pages) and whether it answers, read at the scrape
 *   by the process that answers it.
 */
export function createMetrics(store: Pick<Store, 'stats' | 'reachable' | 'kind' | 'pool'>, options: MetricsOptions = {}): Metrics {
  const own = new Registry();
  collectDefaultMetrics({ register: own, prefix: 'vpcpeer_' });
  const requests = new Counter({ name: 'vpcpeer_requests_total', help: 'API calls answered, by action and code (OK or the AWS error code).', labelNames: ['action', 'code'], registers: [own] });
  const latency = new Histogram({
    name: 'vpcpeer_request_duration_seconds',
    help: 'Time from the request to its answer, by action.',
    labelNames: ['action'],
    buckets: [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [own],
  });
  new Gauge({
    name: 'vpcpeer_store_pool_connections',
    help: 'The database connection pool (PostgreSQL): total, idle, and requests waiting for one; summed over the workers.',
    labelNames: ['state'],
    registers: [own],
    // Read when asked, so every worker reports its own pool when the primary aggregates.
    collect() {
      const pool = store.pool();
      if (pool) for (const [state, n] of Object.entries(pool)) this.set({ state }, n);
    },
  });

  const world = new Registry();
  const peerings = new Gauge({ name: 'vpcpeer_peering_connections', help: 'Peering connections in the store, by state.', labelNames: ['state'], registers: [world] });
  const reachable = new Gauge({ name: 'vpcpeer_store_reachable', help: '1 while the store answers, 0 while it cannot be reached.', labelNames: ['store'], registers: [world] });
  const bytes = new Gauge({ name: 'vpcpeer_store_size_bytes', help: "The store's size: its database (PostgreSQL: pg_database_size) and SQLite's write-ahead log.", labelNames: ['part'], registers: [world] });
  const pages = new Gauge({ name: 'vpcpeer_store_pages', help: "SQLite's database pages: all of them, and those free for reuse.", labelNames: ['state'], registers: [world] });
  // Every state has a series from the start: a dashboard's "0 failed" is a 0, not a gap.
  const countPeerings = (byStatus: Readonly<Record<string, number>>): void => {
    for (const state of PEERING_STATUSES) peerings.set({ state }, byStatus[state] ?? 0);
  };
  countPeerings({});

  if (options.acrossWorkers) {
    // The primary asks each worker for these (prom-client's own IPC messages): this registry only.
    AggregatorRegistry.setRegistries([own]);
    new AggregatorRegistry<PrometheusContentType>();
  }
  const seriesOf = new Map<string, { count: { inc(): void }; time: { observe(v: number): void } }>();
  return {
    contentType: own.contentType,
    observe(action, code, seconds) {
      // The series of an (action, code) pair, looked up once: prom-client hashes the label object
      // on every inc and observe otherwise, a few percent of a describe-by-id (issue 13). Both
      // label sets are bounded (labelOf), so the map is too.
      const label = labelOf(action);
      const key = `${label}\n${code}`;
      let series = seriesOf.get(key);
      if (series === undefined) {
        series = { count: requests.labels(label, code), time: latency.labels(label) };
        seriesOf.set(key, series);
      }
      series.count.inc();
      series.time.observe(seconds);
    },
    async render() {
      const up = await store.reachable();
      reachable.set({ store: store.kind }, up ? 1 : 0);
      const stats = up ? await store.stats().catch(() => undefined) : undefined;
      if (stats) {
        countPeerings(stats.peeringsByStatus);
        bytes.set({ part: 'database' }, stats.bytes.database);
        if (stats.bytes.wal !== undefined) bytes.set({ part: 'wal' }, stats.bytes.wal);
        if (stats.pages) for (const [state, n] of Object.entries(stats.pages)) pages.set({ state }, n);
      }
      // A worker that cannot have the others' figures (one died mid-scrape) still answers with its own.
      const processFigures = options.acrossWorkers ? await options.acrossWorkers().catch(() => own.metrics()) : await own.metrics();
      return processFigures + (await world.metrics());
    },
  };
}
