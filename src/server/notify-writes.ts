import type { Store } from '../store/open-sqlite-store.js';

/**
 * The same store, calling `after` once each write (or reset) has committed: whoever mirrors the
 * store (the data plane) hears of every change, whichever endpoint or background task made it.
 */
export function notifyWrites(store: Store, after: () => void): Store {
  return {
    ...store,
    async write(work) {
      const result = await store.write(work);
      after();
      return result;
    },
    async reset() {
      await store.reset();
      after();
    },
  };
}
