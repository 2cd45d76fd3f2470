import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isEc2OperationName } from '../protocol/index.js';
import type { Store } from '../store/open-sqlite-store.js';

export interface Metrics {
  /** One answered API call: its action, its code ("OK" or AWS's error code) and how long it took. */
  observe(action: string, code: string, seconds: number): void;
  /** The Prometheus text exposition of everything, the store's figures read now. */
  render(): Promise<string>;
  readonly contentType: string;
}

// Labels come from requests: an action no operation is called is counted as one label value, so a
// client cannot grow the series without bound. Error codes are the server's own (a fixed set).
const labelOf = (action: string): string => (isEc2OperationName(action) || STS_ACTIONS.has(action) ? action : 'unknown');
const STS_ACTIONS: ReadonlySet<string> = new Set(['GetCallerIdentity', 'AssumeRole']);

/**
 * The server's figures in Prometheus' format (GET /metrics): API calls by action and code, their
 * latency, the store's connections by state, its pool (PostgreSQL) and reachability, and Node's
 * process figures. A registry of its own, so several servers in one process (tests) do not mix.
 */
export function createMetrics(store: Pick<Store, 'stats' | 'reachable' | 'kind'>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vpcpeer_' });
  const requests = new Counter({ name: 'vpcpeer_requests_total', help: 'API calls answered, by action and code (OK or the AWS error code).', labelNames: ['action', 'code'], registers: [registry] });
  const latency = new Histogram({
    name: 'vpcpeer_request_duration_seconds',
    help: 'Time from the request to its answer, by action.',
    labelNames: ['action'],
    buckets: [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const peerings = new Gauge({ name: 'vpcpeer_peering_connections', help: 'Peering connections in the store, by state.', labelNames: ['state'], registers: [registry] });
  const reachable = new Gauge({ name: 'vpcpeer_store_reachable', help: '1 while the store answers, 0 while it cannot be reached.', labelNames: ['store'], registers: [registry] });
  const pool = new Gauge({ name: 'vpcpeer_store_pool_connections', help: "The database connection pool (PostgreSQL): total, idle, and requests waiting for one.", labelNames: ['state'], registers: [registry] });
  const seriesOf = new Map<string, { count: { inc(): void }; time: { observe(v: number): void } }>();
  return {
    contentType: registry.contentType,
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
      if (up) {
        const stats = await store.stats().catch(() => undefined);
        if (stats) {
          peerings.reset();
          for (const [state, n] of Object.entries(stats.peeringsByStatus)) peerings.set({ state }, n);
          if (stats.pool) for (const [state, n] of Object.entries(stats.pool)) pool.set({ state }, n);
        }
      }
      return registry.metrics();
    },
  };
}
