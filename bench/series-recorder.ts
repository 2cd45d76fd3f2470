import hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { Reply, SeriesStats } from './types.js';

interface Series {
  readonly histogram: Histogram;
  requests: number;
  errors: number;
  bytes: number;
  minItems: number;
  maxItems: number;
}

/**
 * Latencies (HdrHistogram, microsecond resolution, 3 significant digits) and counts for one
 * target in one workload, per request kind; `all` aggregates every kind.
 */
export class SeriesRecorder {
  private readonly series = new Map<string, Series>();
  units = 0;
  seconds = 0;

  private get(name: string): Series {
    let s = this.series.get(name);
    if (!s) {
      s = {
        histogram: hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3, autoResize: true }),
        requests: 0,
        errors: 0,
        bytes: 0,
        minItems: Number.POSITIVE_INFINITY,
        maxItems: 0,
      };
      this.series.set(name, s);
    }
    return s;
  }

  /** One request of kind `name` that took `ms`; an error is a non-200 answer or a failed send. */
  record(name: string, ms: number, reply: Reply | undefined): void {
    for (const s of [this.get(name), this.get('all')]) {
      s.requests++;
      s.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
      if (!reply || reply.status !== 200) s.errors++;
      if (reply) {
        s.bytes += reply.bytes;
        s.minItems = Math.min(s.minItems, reply.items);
        s.maxItems = Math.max(s.maxItems, reply.items);
      }
    }
  }

  /** Counts a failure that is not a request (e.g. an answer without the id a next step needs). */
  fail(name: string): void {
    this.get(name).errors++;
    this.get('all').errors++;
  }

  names(): string[] {
    return [...this.series.keys()];
  }

  stats(name: string): SeriesStats {
    const s = this.get(name);
    const h = s.histogram;
    const ms = (p: number): number => (s.requests ? h.getValueAtPercentile(p) / 1000 : 0);
    return {
      requests: s.requests,
      errors: s.errors,
      seconds: this.seconds,
      throughput: this.seconds > 0 ? s.requests / this.seconds : 0,
      p50Ms: ms(50),
      p90Ms: ms(90),
      p99Ms: ms(99),
      maxMs: s.requests ? h.maxValue / 1000 : 0,
      meanBytes: s.requests ? s.bytes / s.requests : 0,
      minItems: s.requests && Number.isFinite(s.minItems) ? s.minItems : 0,
      maxItems: s.maxItems,
      units: this.units,
      histogram: s.requests ? hdr.encodeIntoCompressedBase64(h) : '',
    };
  }

  all(): Record<string, SeriesStats> {
    const out: Record<string, SeriesStats> = {};
    for (const name of this.names()) out[name] = this.stats(name);
    return out;
  }
}
