import type { Store } from '../store/open-sqlite-store.js';
import { importState, StoreHoldsState } from '../store/import-state.js';
import { readStateFile } from './read-state-file.js';
import { problem } from './server-access.js';

/**
 * `serve --seed FILE`: the world of a state file, imported before the server listens, so a test
 * fixture starts from the same ids every time. Only an empty store is seeded: seeding over a world
 * would either lose it or mix two, and a server restarted on its data folder with the same
 * `--seed` should say so rather than start from something else than the user thinks.
 */
export async function seedStore(store: Store, path: string): Promise<void> {
  const file = readStateFile(path);
  try {
    await importState(store, file);
  } catch (err) {
    if (err instanceof StoreHoldsState) {
      problem(`--seed ${path}: ${err.message}; seed an empty store (--in-memory, a new --data-dir or database), or load it with \`vpcpeer state import --replace\``);
    }
    throw err;
  }
}
