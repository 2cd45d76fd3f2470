import { SeriesRecorder } from './series-recorder.js';
import type { Target, TargetRun } from './types.js';

/** One client's next unit of work (one request, or a lifecycle loop of several), recorded into `rec`. */
export type Unit = (rec: SeriesRecorder) => Promise<void>;
/** Builds client number `worker`'s unit for a target (once: it may keep state across rounds). */
export type UnitFactory = (target: Target, worker: number) => Unit;

export interface MeasureOptions {
  readonly concurrency: number;
  readonly rounds: number;
  readonly roundSeconds: number;
  readonly warmupSeconds: number;
}

async function drive(units: readonly Unit[], seconds: number, rec: SeriesRecorder): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    units.map(async (unit) => {
      while (performance.now() < deadline) {
        try {
          await unit(rec);
          rec.units++;
        } catch (err) {
          rec.fail(`failed: ${(err as { code?: string }).code ?? (err as Error).message.slice(0, 60)}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Closed-loop measurement, interleaved: after an unmeasured warm-up of each target, `rounds`
 * rounds run every target in turn for `roundSeconds` each (the order rotating each round), so
 * drift on the machine (thermal, other load, a growing store) falls on all targets alike. Only
 * one target is driven at a time; the others sit idle. Each of `concurrency` clients sends its
 * next request as soon as its previous answer is in. Peak RSS is the server process's high-water
 * mark within its own rounds.
 */
export async function measureInterleaved(targets: readonly Target[], o: MeasureOptions, factory: UnitFactory): Promise<TargetRun[]> {
  const units = new Map(targets.map((t) => [t, Array.from({ length: o.concurrency }, (_, w) => factory(t, w))]));
  const recs = new Map(targets.map((t) => [t, new SeriesRecorder()]));
  const peaks = new Map(targets.map((t) => [t, 0]));
  const cpu = new Map(targets.map((t) => [t, 0]));
  const reconnectsBefore = new Map(targets.map((t) => [t, t.client.reconnects]));
  let connectsBefore = new Map(targets.map((t) => [t, t.client.connects]));
  if (o.warmupSeconds > 0) for (const t of targets) await drive(units.get(t) as Unit[], o.warmupSeconds, new SeriesRecorder());
  connectsBefore = new Map(targets.map((t) => [t, t.client.connects]));
  for (let r = 0; r < o.rounds; r++) {
    const order = targets.map((_, i) => targets[(i + r) % targets.length] as Target);
    for (const t of order) {
      t.memory.resetPeak();
      const rec = recs.get(t) as SeriesRecorder;
      const cpuBefore = t.memory.cpuSeconds();
      rec.seconds += await drive(units.get(t) as Unit[], o.roundSeconds, rec);
      cpu.set(t, (cpu.get(t) as number) + t.memory.cpuSeconds() - cpuBefore);
      peaks.set(t, Math.max(peaks.get(t) as number, t.memory.peakBytes()));
    }
  }
  return targets.map((t) => ({
    target: t.kind,
    series: (recs.get(t) as SeriesRecorder).all(),
    peakRssMb: (peaks.get(t) as number) / 1048576,
    cpuSeconds: cpu.get(t) as number,
    reconnects: t.client.reconnects - (reconnectsBefore.get(t) as number),
    connections: t.client.connects - (connectsBefore.get(t) as number),
  }));
}
