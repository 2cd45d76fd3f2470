import type { Unit, UnitFactory } from './measure-interleaved.js';
import type { PreparedRequest, Target } from './types.js';

/** One request of a prepared stream, with the kind its latency is recorded under. */
export interface StreamItem {
  readonly kind: string;
  readonly req: PreparedRequest;
}

/**
 * Clients that walk one shared, prepared request stream per target (so the sequence of requests
 * is the same whatever the concurrency), one request per unit.
 */
export function streamUnits(streamOf: (target: Target) => readonly StreamItem[]): UnitFactory {
  const positions = new Map<Target, { next: number; stream: readonly StreamItem[] }>();
  return (target: Target): Unit => {
    let p = positions.get(target);
    if (!p) {
      p = { next: 0, stream: streamOf(target) };
      positions.set(target, p);
    }
    const state = p;
    return async (rec) => {
      const item = state.stream[state.next++ % state.stream.length] as StreamItem;
      const t0 = performance.now();
      let reply;
      try {
        reply = await target.client.send(item.req);
      } finally {
        rec.record(item.kind, performance.now() - t0, reply);
      }
    };
  };
}
