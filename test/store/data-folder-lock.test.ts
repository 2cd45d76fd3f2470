import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';

it('a second store on a data folder in use is refused with a clear message, and opens once the first closes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-lock-'));
  try {
    const holder = await openSqliteStore({ dataDir: dir });
    await holder.write((r) => r.meta.set('k', 'kept'));
    await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow(/in use by another process/);
    await holder.close();
    const next = await openSqliteStore({ dataDir: dir });
    expect(await next.read((r) => r.meta.get('k'))).toBe('kept');
    await next.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
