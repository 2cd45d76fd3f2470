import SqliteDatabase from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Repository, UnitOfWork } from '../core/repository.js';
import { migrationProvider } from './migrations.js';
import { PeeringCache } from './peering-cache.js';
import { groupCommit } from './group-commit.js';
import { SQLITE } from './sql-dialect.js';
import type { SqlRunner } from './sql-repository.js';
import { sqlRepository } from './sql-repository.js';
import { statementCache } from './statement-cache.js';
import { StoreUnavailable } from './store-unavailable.js';
import { whyNotWritable } from './why-not-writable.js';

export interface StoreOptions {
  /** Folder for `vpcpeer.db`; ignored when inMemory. */
  readonly dataDir?: string;
  readonly inMemory?: boolean;
  /** Called with each distinct SQL text as it is first prepared (diagnostics: query plans). */
  readonly onPrepare?: (sql: string) => void;
}

export interface StoreStats {
  readonly peeringsByStatus: Readonly<Record<string, number>>;
  /** Bytes the store takes: its database and, for SQLite, the write-ahead log beside it. */
  readonly bytes: { readonly database: number; readonly wal?: number };
  /** SQLite's pages: all of the database's, and those free for reuse. */
  readonly pages?: { readonly total: number; readonly free: number };
}

/** A process's connections to its database (PostgreSQL's pool): open, idle, and requests waiting for one. */
export interface PoolFigures {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

/** A durable store: the unit of work the domain runs in, plus what operators need. */
export interface Store extends UnitOfWork {
  /** Where the state lives, for the operator's own log line (a file path; never a password). */
  readonly location: string;
  readonly kind: 'sqlite' | 'postgres';
  /** Whether other processes may use the same store at once (and so change it behind this one). */
  readonly shared: boolean;
  /**
   * Runs `work` unless another process sharing the store is running work of the same name (then
   * resolves undefined at once): the background sweeper runs in one process at a time.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
  /** Whether the store answers now (readiness). */
  reachable(): Promise<boolean>;
  /** The store's figures for operators (/metrics): connections by state, its size. */
  stats(): Promise<StoreStats>;
  /** This process's connection pool, where there is one (read at once, no query). */
  pool(): PoolFigures | undefined;
  /** Wipes every row, keeping the schema. */
  reset(): Promise<void>;
  /**
   * A write transaction (serialised with every other write, in every process sharing the store)
   * over the statement runner as well as the repository: for work on the whole store that the
   * repository port has no call for (`vpcpeer state` export and import). Cached rows are dropped
   * when it ends, since what the runner changes is not tracked.
   */
  writeSql<T>(work: (sql: SqlRunner, repo: Repository) => Promise<T>): Promise<T>;
  /** SQLite's own consistency check; "ok" when the file is sound. */
  integrityCheck(): Promise<string>;
  /**
   * Only on a shared store: calls `changed` soon after another process commits a change (or a
   * reset), and once more whenever it cannot be sure it heard everything (after each connection).
   * Resolves after the first try to listen (it goes on trying), to a function that stops it. This process's own writes are not
   * reported: whoever wraps `write` hears them first (server/notify-writes.ts).
   */
  watch?(changed: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Enough for the connections a team's suites keep describing; a kept connection with its tags
 * takes a few kB, so this bounds the cache at some tens of MB.
 */
const CACHE_CAPACITY = 10_000;

/**
 * The data folder's database is held by another process, a server as a rule (locking_mode
 * EXCLUSIVE): `vpcpeer state export` then asks that server rather than the file.
 */
export class StoreInUse extends Error {
  override readonly name = 'StoreInUse';
  constructor(readonly location: string) {
    super(`${location} is in use by another process (is another vpcpeer serving this data folder?)`);
  }
}

/** A file's size, 0 while it does not exist (a WAL after a clean close). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export async function openSqliteStore(options: StoreOptions): Promise<Store> {
  let location = ':memory:';
  if (!options.inMemory) {
    const dir = options.dataDir ?? '.vpcpeer';
    location = join(dir, 'vpcpeer.db');
    // State is the owner's alone: a folder made here is 0700 (one that exists keeps its mode).
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new Error(`cannot create the data folder ${dir}: ${whyNotWritable(location) ?? (err as Error).message}`);
    }
  }
  let sqlite: SqliteDatabase.Database;
  try {
    // No waiting on a busy file: the only other user can be another server, which holds it for good.
    sqlite = new SqliteDatabase(location, { timeout: 0 });
  } catch (err) {
    throw new Error(`cannot open ${location}: ${whyNotWritable(location) ?? (err as Error).message}`);
  }
  if (!options.inMemory) {
    // The database and its WAL (SQLite gives a WAL its database's mode) are 0600.
    for (const f of [location, `${location}-wal`, `${location}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  }
  // The server is the file's only user: exclusive locking takes the lock once and keeps it, where
  // the normal mode takes and drops file locks (two syscalls) around every statement, which was
  // the largest cost of a describe by id. It also keeps a second server off the same folder.
  sqlite.pragma('locking_mode = EXCLUSIVE');
  // synchronous=NORMAL in WAL mode keeps every committed transaction through a process crash or
  // kill -9 (only an OS crash or power loss can take the last commits back), at a fraction of
  // FULL's fsync cost.
  try {
    sqlite.pragma('journal_mode = WAL');
  } catch (err) {
    sqlite.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new StoreInUse(location);
    throw new Error(`cannot write ${location}: ${whyNotWritable(location) ?? (err as Error).message}`);
  }
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // SQLite's default page cache is 2 MB, smaller than a store of a few thousand connections: a
  // describe by id then reads its pages from the file (a syscall each) and slows as the store
  // grows. Up to 64 MB of pages stay in memory; the cache fills only as pages are read.
  sqlite.pragma(`cache_size = -${64 * 1024}`);
  // Checkpoints copy the WAL into the database file and fsync it. SQLite's default (every 1000
  // pages, 4 MB) made them a large share of a write's cost; every 4000 pages (16 MB) they come
  // four times less often, and the WAL a restart replays stays small.
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  // Kysely's migrator runs the schema migrations; queries go to better-sqlite3 directly (below).
  // The Kysely instance is not destroyed: that would close the connection the store goes on using.
  const migrator = new Migrator({ db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }), provider: migrationProvider });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    // Let go of the file (and its exclusive lock) before reporting.
    sqlite.close();
    const why = options.inMemory ? undefined : whyNotWritable(location);
    if (why) throw new Error(`cannot write ${location}: ${why}`);
    throw error instanceof Error ? error : new Error(String(error));
  }

  const prepare = statementCache(sqlite, options.onPrepare);
  const runner = (beforeEach: () => Promise<void> | undefined): SqlRunner => ({
    dialect: SQLITE,
    async all<R>(sql: string, params: readonly unknown[]) {
      const wait = beforeEach();
      if (wait) await wait;
      return prepare(sql).all(...params) as R[];
    },
    async get<R>(sql: string, params: readonly unknown[]) {
      const wait = beforeEach();
      if (wait) await wait;
      return prepare(sql).get(...params) as R | undefined;
    },
    async run(sql: string, params: readonly unknown[]) {
      const wait = beforeEach();
      if (wait) await wait;
      prepare(sql).run(...params);
    },
  });
  const cache = new PeeringCache(CACHE_CAPACITY);
  // Writes are serialised, so one writer and one set of touched ids serve every transaction.
  const touched = new Set<string>();
  const writes = groupCommit(sqlite, () => {
    // Committed or rolled back, what the batch touched is read afresh next time.
    for (const id of touched) cache.invalidate(id);
    touched.clear();
  });
  // One connection serves reads and writes: a read arriving while a batch of writes is open (until
  // the end of the event loop's turn) waits for its commit rather than see its rows.
  const reader = sqlRepository(runner(() => (writes.open ? writes.idle() : undefined)), { cache });
  const writerSql = runner(() => undefined);
  const writer = sqlRepository(writerSql, { touched });
  // A full disk refuses writes, not the service: AWS's 503, which clients retry; reads go on,
  // and writes resume by themselves once there is room (the failed batch rolled back whole).
  const diskFull = (err: unknown): unknown =>
    (err as { code?: string }).code === 'SQLITE_FULL' ? new StoreUnavailable('vpcpeer cannot write its state: the disk is full') : err;
  const transaction = <T>(work: (r: Repository) => Promise<T>): Promise<T> =>
    writes.write(() => work(writer)).catch((err: unknown) => {
      throw diskFull(err);
    });

  return {
    location,
    kind: 'sqlite',
    // The data folder is locked to this process (locking_mode=EXCLUSIVE).
    shared: false,
    exclusive: (_name, work) => work(),
    reachable: () => Promise.resolve(sqlite.open),
    async stats() {
      // A read like any other: it waits for an open batch of writes rather than see it.
      if (writes.open) await writes.idle();
      const rows = prepare('SELECT status, count(*) AS n FROM peerings GROUP BY status').all() as { status: string; n: number }[];
      const page = (name: string): number => Number(sqlite.pragma(name, { simple: true }));
      const pages = { total: page('page_count'), free: page('freelist_count') };
      return {
        peeringsByStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
        bytes: { database: pages.total * page('page_size'), wal: options.inMemory ? 0 : sizeOf(`${location}-wal`) },
        pages,
      };
    },
    pool: () => undefined,
    read<T>(work: (r: Repository) => Promise<T>): Promise<T> {
      return work(reader);
    },
    write: transaction,
    writeSql<T>(work: (sql: SqlRunner, repo: Repository) => Promise<T>): Promise<T> {
      return transaction(async (repo) => {
        try {
          return await work(writerSql, repo);
        } finally {
          cache.clear();
        }
      });
    },
    async reset() {
      await transaction(() => {
        for (const table of ['resources', 'peerings', 'tags', 'meta']) sqlite.exec(`DELETE FROM ${table}`);
        cache.clear();
        return Promise.resolve();
      });
    },
    integrityCheck() {
      return Promise.resolve(String(sqlite.pragma('integrity_check', { simple: true })));
    },
    async close() {
      await writes.idle();
      sqlite.close();
    },
  };
}
