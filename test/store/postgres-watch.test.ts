// A shared store tells a process of what the others commit (the data plane mirrors the store):
// PostgreSQL's LISTEN/NOTIFY, one notification per committed write or reset of another process.
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/open-postgres-store.js';
import { postgresAvailable, usePostgresDatabase } from '../support/postgres.js';

const until = async (ok: () => boolean): Promise<void> => {
  for (let waited = 0; !ok(); waited += 5) {
    if (waited > 2_000) throw new Error('not within 2 s');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe.skipIf(!postgresAvailable)('PostgreSQL store: watch', () => {
  const db = usePostgresDatabase();

  it("hears other processes' commits and resets, not its own, nor a write that rolled back", async () => {
    const [mine, theirs] = [await openPostgresStore({ url: db.url }), await openPostgresStore({ url: db.url })];
    let heard = 0;
    const stop = await (mine.watch as NonNullable<typeof mine.watch>)(() => heard++);
    try {
      // Told once on listening: what was committed before could not be heard.
      expect(heard).toBe(1);
      await theirs.write((r) => r.meta.set('k', 'v1'));
      await until(() => heard === 2);
      await mine.write((r) => r.meta.set('k', 'v2'));
      await expect(theirs.write(async (r) => {
        await r.meta.set('k', 'v3');
        throw new Error('changed its mind');
      })).rejects.toThrow('changed its mind');
      await theirs.reset();
      await until(() => heard === 3);
      // Nothing more arrives late (its own write, the rolled back one).
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toBe(3);
    } finally {
      await stop();
      await Promise.all([mine.close(), theirs.close()]);
    }
  });
});
