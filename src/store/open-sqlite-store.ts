import SqliteDatabase from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Repository, UnitOfWork } from '../core/repository.js';
import { kyselyRepository } from './kysely-repository.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export interface StoreOptions {
  /** Folder for `vpcpeer.db`; ignored when inMemory. */
  readonly dataDir?: string;
  readonly inMemory?: boolean;
}

/** A durable store: the unit of work the domain runs in, plus what operators need. */
export interface Store extends UnitOfWork {
  readonly location: string;
  /** Wipes every row, keeping the schema. */
  reset(): Promise<void>;
  /** SQLite's own consistency check; "ok" when the file is sound. */
  integrityCheck(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Kysely prepares every query it runs; preparing is a large share of a small query's cost in
 * SQLite. Kysely builds the same SQL text for the same query shape, so statements are cached by
 * text. Safe because the dialect runs one statement at a time on this single connection.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, key, receiver) {
      if (key !== 'prepare') return Reflect.get(target, key, receiver) as unknown;
      return (source: string): SqliteDatabase.Statement => {
        let stmt = cache.get(source);
        if (!stmt) {
          stmt = prepare(source);
          // `IN (?, ?, ...)` lists make one text per length; keep the cache from growing without end.
          if (cache.size > 2000) cache.clear();
          cache.set(source, stmt);
        }
        return stmt;
      };
    },
  });
}

export async function openSqliteStore(options: StoreOptions): Promise<Store> {
  let location = ':memory:';
  if (!options.inMemory) {
    const dir = options.dataDir ?? '.vpcpeer';
    mkdirSync(dir, { recursive: true });
    location = join(dir, 'vpcpeer.db');
  }
  const sqlite = new SqliteDatabase(location);
  // WAL lets readers run beside the writer; synchronous=NORMAL in WAL mode keeps every committed
  // transaction through a process crash or kill -9 (only an OS crash or power loss can take the
  // last commits back), at a fraction of FULL's fsync cost.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));

  const repo = kyselyRepository(db);
  return {
    location,
    // Reads need no transaction: the single connection serialises them with the writes.
    read<T>(work: (r: Repository) => Promise<T>): Promise<T> {
      return work(repo);
    },
    write<T>(work: (r: Repository) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(kyselyRepository(trx)));
    },
    async reset() {
      await db.transaction().execute(async (trx) => {
        for (const table of ['resources', 'peerings', 'tags', 'meta'] as const) await trx.deleteFrom(table).execute();
      });
    },
    integrityCheck() {
      return Promise.resolve(String(sqlite.pragma('integrity_check', { simple: true })));
    },
    async close() {
      await db.destroy();
    },
  };
}
