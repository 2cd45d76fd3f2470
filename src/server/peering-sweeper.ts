import { sweepPeeringsPage } from '../core/peering/sweep.js';
import type { UnitOfWork } from '../core/repository.js';
import type { Store } from '../store/open-sqlite-store.js';
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

/**
 * Sweeps every `intervalMs` in the background; the timer never keeps the process alive. Of the
 * processes sharing a store, one sweeps at a time (`Store.exclusive`); `onSwept` hears what it did.
 */
export function startSweeper(
  store: UnitOfWork & Pick<Store, 'exclusive'>,
  clock: ServerClock,
  intervalMs: number,
  onError: (err: unknown) => void,
  onSwept?: (result: { expired: number; purged: number }) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    store
      .exclusive('vpcpeer-sweeper', () => sweepAll(store, clock))
      .then((result) => {
        if (result && onSwept) onSwept(result);
      })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
