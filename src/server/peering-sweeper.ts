import { sweepPeeringsPage } from '../core/peering/sweep.js';
import type { UnitOfWork } from '../core/repository.js';
import type { ServerClock } from './server-clock.js';

/** Runs the sweep to its end, one page per transaction. */
export async function sweepAll(store: UnitOfWork, clock: ServerClock): Promise<{ expired: number; purged: number }> {
  let expired = 0;
  let purged = 0;
  let after: string | undefined = '';
  while (after !== undefined) {
    const from: string = after;
    const page = await store.write((repo) => sweepPeeringsPage(repo, clock.now(), from));
    expired += page.expired;
    purged += page.purged;
    after = page.nextAfterId;
  }
  return { expired, purged };
}

/** Sweeps every `intervalMs` in the background; the timer never keeps the process alive. */
export function startSweeper(store: UnitOfWork, clock: ServerClock, intervalMs: number, onError: (err: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepAll(store, clock)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
