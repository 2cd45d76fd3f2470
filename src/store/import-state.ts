import { createHash, randomUUID } from 'node:crypto';
import type { Repository } from '../core/repository.js';
import { scopedCollectionOf } from '../core/scoped-collection-of.js';
import type { Store } from './open-sqlite-store.js';
import type { SqlRunner } from './sql-repository.js';
import type { StateFile } from './state-file.js';
import { CLOCK_META_KEY, isStateMetaKey, RESET_META_KEY, SEED_META_KEY } from './state-file.js';

/** The store already holds a world and the caller did not ask to replace it. */
export class StoreHoldsState extends Error {
  override readonly name = 'StoreHoldsState';
}

export interface ImportSummary {
  readonly resources: number;
  readonly peerings: number;
  readonly tags: number;
  readonly auditEvents: number;
}

/** The tables of the world; the audit trail is not one of them (it is only ever appended to). */
const STATE_TABLES = ['resources', 'peerings', 'tags', 'meta'] as const;

/** How messages name a store: its file, or "the database" (never a connection string). */
const storeName = (store: Store): string => (store.kind === 'postgres' ? 'the database' : store.location);

/** Any resource, connection or tag, or a meta key that is state (a store just reset holds none). */
async function holdsState(sql: SqlRunner): Promise<boolean> {
  for (const table of ['resources', 'peerings', 'tags'] as const) {
    if ((await sql.all(`SELECT 1 AS found FROM ${table} LIMIT 1`, [])).length > 0) return true;
  }
  return (await sql.all<{ key: string }>('SELECT key FROM meta', [])).some((r) => isStateMetaKey(r.key) || r.key === CLOCK_META_KEY);
}

/**
 * Writes a checked state file (checkStateFile) into the store in one write transaction: all of it
 * or, on any error, nothing. A store that already holds state is refused (StoreHoldsState) unless
 * `replace`, which empties it first in the same transaction. Rows go in through the repository's
 * own writes, so every column beside a document is derived as the server derives it.
 *
 * The audit trail is append-only (schema.ts): the file's events follow whatever the store's trail
 * already holds, in the file's order, numbered by the store. A new reset generation makes other
 * processes sharing the store (PostgreSQL) forget the scopes they had set up, as a reset does.
 */
export async function importState(store: Store, file: StateFile, options: { readonly replace?: boolean } = {}): Promise<ImportSummary> {
  return store.writeSql(async (sql, repo) => {
    if (options.replace) {
      for (const table of STATE_TABLES) await sql.run(`DELETE FROM ${table}`, []);
    } else if (await holdsState(sql)) {
      throw new StoreHoldsState(`${storeName(store)} already holds state`);
    }
    return writeState(repo, file);
  });
}

/**
 * `serve --seed`: imports the file into an empty store and records its digest (`sha256:<hex>` of
 * the file's text) in the same transaction. A store that already holds state is left as it is
 * when that state was seeded from the same text ('already seeded': a restart with its original
 * command line goes on from what the store holds), and refused (StoreHoldsState) otherwise. The
 * check and the import run under the store's write lock, so of several processes seeding one
 * database at once one seeds and the others find it seeded.
 */
export async function seedState(store: Store, file: StateFile, digest: string): Promise<'seeded' | 'already seeded'> {
  return store.writeSql(async (sql, repo) => {
    if (await holdsState(sql)) {
      const seededFrom = await repo.meta.get(SEED_META_KEY);
      if (seededFrom === digest) return 'already seeded';
      throw new StoreHoldsState(`${storeName(store)} already holds state${seededFrom === undefined ? '' : ' seeded from another file'}`);
    }
    await writeState(repo, file);
    await repo.meta.set(SEED_META_KEY, digest);
    return 'seeded';
  });
}

/** The file's rows, written through the repository; the caller holds the write transaction. */
async function writeState(repo: Repository, file: StateFile): Promise<ImportSummary> {
  for (const { kind, doc } of file.resources) {
    const collection = scopedCollectionOf(repo, kind);
    if (!collection) throw new Error(`no collection keeps ${kind} resources`);
    await collection.put(doc);
  }
  for (const c of file.peerings) await repo.peerings.put(c);
  for (const t of file.tags) await repo.tags.set({ accountId: t.accountId, region: t.region }, t.resourceId, t.resourceType, [{ key: t.key, value: t.value }]);
  for (const [key, value] of Object.entries(file.meta)) await repo.meta.set(key, value);
  if (file.clockOffsetMs !== 0) await repo.meta.set(CLOCK_META_KEY, String(file.clockOffsetMs));
  await repo.meta.set(RESET_META_KEY, randomUUID());
  for (const e of file.audit) await repo.audit.append(e);
  return { resources: file.resources.length, peerings: file.peerings.length, tags: file.tags.length, auditEvents: file.audit.length };
}

/** What `seedState` records of a file: the digest of its text, as read. */
export function seedDigest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
