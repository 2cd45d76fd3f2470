import { randomUUID } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Repository } from '../core/repository.js';
import { migrationProvider } from './migrations.js';
import type { Store } from './open-sqlite-store.js';
import { POSTGRES } from './sql-dialect.js';
import type { SqlRunner } from './sql-repository.js';
import { sqlRepository } from './sql-repository.js';
import { StoreUnavailable } from './store-unavailable.js';

export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:5432/db` (libpq's URL form). */
  readonly url: string;
  /** Connections this process keeps; PostgreSQL's own limit is shared by every process. */
  readonly poolSize?: number;
}

/** Anything with pg's `query`: the pool (reads) or one checked-out client (a transaction). */
interface Queryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

// A conflicting concurrent transaction (serialization failure, deadlock; neither is expected under
// the write lock, but both are safe to retry): retried from the start.
const RETRYABLE = new Set(['40001', '40P01']);
// Errors meaning the server cannot be reached or is going away: answered as 503, retried by clients.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const MAX_ATTEMPTS = 30;

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** A broken or refused connection becomes StoreUnavailable (503); anything else is passed on. */
function unavailableOrSame(err: unknown): unknown {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if ((code !== undefined && UNAVAILABLE_CODES.has(code)) || /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) {
    return new StoreUnavailable('vpcpeer cannot reach its database; try again shortly');
  }
  return err;
}

/**
 * `?` placeholders numbered as PostgreSQL wants them (`$1`, `$2`, ...), once per SQL text; each
 * text becomes a named prepared statement, prepared once per connection by the driver. The
 * repository's texts are a small fixed set (sql-repository.ts), so neither map grows with use.
 */
function statementNamer(): (sql: string) => { name: string; text: string } {
  const known = new Map<string, { name: string; text: string }>();
  return (sql) => {
    let s = known.get(sql);
    if (!s) {
      let n = 0;
      s = { name: `vpcpeer_${known.size}`, text: sql.replace(/\?/g, () => `$${++n}`) };
      known.set(sql, s);
    }
    return s;
  };
}

function runnerOver(db: Queryable, named: (sql: string) => { name: string; text: string }): SqlRunner {
  const query = async <R>(sql: string, params: readonly unknown[]): Promise<R[]> => {
    try {
      return (await db.query({ ...named(sql), values: [...params] })).rows as R[];
    } catch (err) {
      throw unavailableOrSame(err);
    }
  };
  return {
    dialect: POSTGRES,
    all: query,
    async get<R>(sql: string, params: readonly unknown[]) {
      return (await query<R>(sql, params))[0];
    },
    async run(sql: string, params: readonly unknown[]) {
      await query(sql, params);
    },
  };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The store over PostgreSQL: the same repository contract and SQL as SQLite's (sql-dialect.ts
 * holds the differences), for teams that run several vpcpeer processes on one database. No
 * process caches what another may change: every read asks the database, so a change through one
 * process is seen by the next request to any other.
 *
 * Writes are serialised across every process by one transaction-scoped advisory lock, as SQLite
 * serialises them in one process: a write then reads the latest committed state (READ COMMITTED,
 * taken after the lock) and no other write can interleave, so two processes racing to accept the
 * same connection end in one transition, the other seeing the result. SERIALIZABLE alone was
 * tried first: under 32 concurrent writers on small tables PostgreSQL's predicate locks cover
 * whole relations, nearly every pair of writes conflicts, and retries ran out (test/trust/races).
 * Reads take no lock.
 */
const WRITE_LOCK = 0x7670_6370; // "vpcp"

/**
 * Every committed write (and reset) notifies this channel, with the writing process's id as
 * payload: PostgreSQL delivers a NOTIFY only when its transaction commits, to every session
 * LISTENing, so another process mirroring the store (the data plane) hears of each change without
 * polling. NOTIFY rides on the COMMIT's round trip, and writes are already serialised by the lock.
 */
const CHANGES = 'vpcpeer_changes';

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
  // A connection dropped by a restarting server is reported as an 'error' event: on the pool for
  // an idle one, on the client for one in use. Unheard, either would end the process; the query
  // under way fails on its own (and answers 503), and the pool replaces the connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const named = statementNamer();
  // Kysely's migrator takes PostgreSQL's advisory lock, so processes starting together migrate once.
  // The Kysely instance is not destroyed: that would end the pool the store goes on using.
  try {
    const migrator = new Migrator({ db: new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) }), provider: migrationProvider });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
  } catch (err) {
    await pool.end().catch(() => undefined);
    const why = unavailableOrSame(err);
    throw why instanceof StoreUnavailable ? new Error(`cannot reach the PostgreSQL database (${(err as Error).message})`) : why;
  }
  const reader = sqlRepository(runnerOver(pool, named));
  // Who this process is on the channel (a literal in the NOTIFY: a UUID is safe to quote).
  const me = randomUUID();
  const notifyThenCommit = `NOTIFY ${CHANGES}, '${me}'; COMMIT`;

  async function transaction<T>(work: (sql: SqlRunner, r: Repository) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw unavailableOrSame(err);
      }
      let broken = false;
      try {
        await client.query('BEGIN');
        await client.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
        const sql = runnerOver(client, named);
        const result = await work(sql, sqlRepository(sql));
        await client.query(notifyThenCommit);
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = codeOf(err);
        if (code !== undefined && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
          // Spread the retries of transactions that collided, so they do not collide again.
          await pause(Math.random() * Math.min(50, 2 * attempt));
          continue;
        }
        throw unavailableOrSame(err);
      } finally {
        client.release(broken);
      }
    }
  }

  return {
    location: 'postgres',
    kind: 'postgres',
    shared: true,
    async exclusive<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
      // A session-level advisory lock on its own connection, held while the work runs; a process
      // that dies lets go with its connection.
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw unavailableOrSame(err);
      }
      try {
        const got = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [name]);
        if (!got.rows[0]?.locked) return undefined;
        try {
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
        }
      } catch (err) {
        throw unavailableOrSame(err);
      } finally {
        client.release();
      }
    },
    read<T>(work: (r: Repository) => Promise<T>): Promise<T> {
      return work(reader);
    },
    write: (work) => transaction((_sql, repo) => work(repo)),
    writeSql: transaction,
    async reset() {
      try {
        await pool.query(`TRUNCATE resources, peerings, tags, meta; NOTIFY ${CHANGES}, '${me}'`);
      } catch (err) {
        throw unavailableOrSame(err);
      }
    },
    async integrityCheck() {
      return 'ok';
    },
    async watch(changed) {
      // One connection of its own, outside the pool (LISTEN belongs to a session). When it cannot
      // be made or drops (a restarting server), it is tried again every second; what was committed
      // meanwhile went unheard, so the listener is told once more after every connection.
      let stopped = false;
      let listener: pg.Client | undefined;
      let retry: NodeJS.Timeout | undefined;
      const again = (): void => {
        if (!stopped) retry = setTimeout(() => void listen(), 1_000);
      };
      const listen = async (): Promise<void> => {
        const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
        client.on('error', () => undefined);
        client.on('notification', (n) => {
          if (n.channel === CHANGES && n.payload !== me) changed();
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${CHANGES}`);
        } catch {
          await client.end().catch(() => undefined);
          return again();
        }
        if (stopped) return void (await client.end().catch(() => undefined));
        client.on('end', () => {
          if (listener === client) listener = undefined;
          again();
        });
        listener = client;
        changed();
      };
      await listen();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await listener?.end().catch(() => undefined);
      };
    },
    async reachable() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async stats() {
      try {
        const rows = (await pool.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM peerings GROUP BY status')).rows;
        const size = (await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows[0];
        return { peeringsByStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), bytes: { database: Number(size?.bytes ?? 0) } };
      } catch (err) {
        throw unavailableOrSame(err);
      }
    },
    pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await pool.end();
    },
  };
}
