import type { Repository } from '../repository.js';
import { HOUR_MS, settle } from './effective-status.js';
import { isPurgeable } from './visibility.js';

export interface SweepPage {
  readonly expired: number;
  readonly purged: number;
  /** Where the next page starts; undefined when this was the last. */
  readonly nextAfterId?: string;
}

/**
 * One page of the sweep that makes time-driven changes durable: writes down expiries and removes
 * connections no party can see any more (with their tags). Reads never depend on it having run —
 * every read derives the same answer from the timestamps — so it only keeps the store small. The
 * caller runs one page per transaction so the sweep never holds the writer for long.
 */
export async function sweepPeeringsPage(repo: Repository, now: number, afterId = ''): Promise<SweepPage> {
  let expired = 0;
  let purged = 0;
  const due = await repo.peerings.listDueForSweep(now, now - 2 * HOUR_MS, afterId);
  for (const c of due) {
    if (isPurgeable(c, now)) {
      await repo.peerings.remove(c.id);
      await repo.tags.removeResource(c.id);
      purged++;
      continue;
    }
    const settled = settle(c, now);
    if (settled !== c) {
      await repo.peerings.put(settled);
      expired++;
    }
  }
  const last = due[due.length - 1];
  return { expired, purged, ...(due.length >= 1000 && last ? { nextAfterId: last.id } : {}) };
}
