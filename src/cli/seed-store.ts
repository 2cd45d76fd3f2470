import type { Store } from '../store/open-sqlite-store.js';
import { seedDigest, seedState, StoreHoldsState } from '../store/import-state.js';
import type { ReadStateFile } from './read-state-file.js';
import { problem } from './server-access.js';

/**
 * `serve --seed FILE`: the world of a state file (read and checked before the store is opened:
 * readStateFile), imported before the server listens, so a test fixture starts from the same ids
 * every time. Only an empty store is seeded: seeding over a world would either lose it or mix two.
 * A store already seeded from the same text (a killed server restarted with its original command
 * line) is started as it is, and `note` says so; one holding any other world is refused.
 */
export async function seedStore(store: Store, path: string, seed: ReadStateFile, note: (line: string) => void): Promise<void> {
  try {
    if ((await seedState(store, seed.file, seedDigest(seed.text))) === 'already seeded') {
      note(`vpcpeer: --seed ${path}: the store was seeded from this file before; starting from the state it holds`);
    }
  } catch (err) {
    if (err instanceof StoreHoldsState) {
      problem(`--seed ${path}: ${err.message}; seed an empty store (--in-memory, a new --data-dir or database), or load it with \`vpcpeer state import --replace\``);
    }
    throw err;
  }
}
