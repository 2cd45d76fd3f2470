import { randomBytes } from 'node:crypto';
import type { Store } from './open-sqlite-store.js';

/** The name of AssumeRole's server key among the store's secrets. */
const SESSION_KEY = 'session-key';

/**
 * The key AssumeRole sessions' secrets are derived from (auth/session-secrets.ts), kept in the
 * store itself: every process on one PostgreSQL database verifies the sessions any of them
 * issued, with no key file to copy between hosts. The first process to ask makes it (32 random
 * bytes); insert-if-absent in a write transaction, so processes starting together agree on one.
 * It lives in its own table: a reset or an import keeps it, an export never carries it (but a
 * backup of the database does).
 */
export async function sessionKeyIn(store: Store): Promise<Buffer> {
  const hex = await store.writeSql(async (sql) => {
    await sql.run('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [SESSION_KEY, randomBytes(32).toString('hex')]);
    return (await sql.get<{ value: string }>('SELECT value FROM server_secrets WHERE name = ?', [SESSION_KEY]))?.value;
  });
  if (hex === undefined) throw new Error('the store kept no session key');
  return Buffer.from(hex, 'hex');
}
