import type SqliteDatabase from 'better-sqlite3';

export interface GroupCommit {
  /**
   * Runs `work` as one atomic change: all of it or none. Changes are applied one at a time, in
   * the order asked. The promise settles once the change is durable (its batch committed), or with
   * the work's own error (nothing of it kept), or with the commit's error (nothing of the batch kept).
   */
  write<T>(work: () => Promise<T>): Promise<T>;
  /** Settles when no change is queued, running or waiting for its commit. */
  idle(): Promise<void>;
  /** A transaction is open: a read now would see changes not yet committed. */
  readonly open: boolean;
}

interface Batch {
  readonly committed: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const committed = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch whose every change failed has no one waiting on its commit.
  committed.catch(() => undefined);
  return { committed, resolve, reject };
}

/**
 * Group commit: changes asked for in the same turn of the event loop share one SQLite transaction,
 * each inside its own savepoint (a change that fails is rolled back alone), and one COMMIT at the
 * end of the turn (setImmediate) makes the whole batch durable. A commit writes every page the
 * transaction changed to the WAL, one syscall per page, so a change of a connection (its row,
 * nine indexes, its tags, its audit event) cost ~45 page writes alone; batched, pages that
 * changes share are written once. Nobody is told a change happened before its commit.
 *
 * `onEnd` runs after each commit or failed commit (the store drops cached rows there).
 */
export function groupCommit(sqlite: SqliteDatabase.Database, onEnd: () => void): GroupCommit {
  /** The tail of the queue: each step starts when the one before it has ended. */
  let queue: Promise<unknown> = Promise.resolve();
  let batch: Batch | undefined;

  const enqueue = <T>(step: () => T | Promise<T>): Promise<T> => {
    const done = queue.then(step, step);
    queue = done.catch(() => undefined);
    return done;
  };

  const commit = (b: Batch): void => {
    batch = undefined;
    try {
      sqlite.exec('COMMIT');
      b.resolve();
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      b.reject(err);
    } finally {
      onEnd();
    }
  };

  const apply = async <T>(work: () => Promise<T>): Promise<{ result: T; committed: Promise<void> }> => {
    let b = batch;
    if (b === undefined) {
      sqlite.exec('BEGIN IMMEDIATE');
      const opened = newBatch();
      batch = b = opened;
      // Changes queued before this fires (the rest of this turn) join the batch; the commit
      // itself is queued behind them.
      setImmediate(() => void enqueue(() => commit(opened)));
    }
    sqlite.exec('SAVEPOINT change');
    try {
      const result = await work();
      sqlite.exec('RELEASE change');
      return { result, committed: b.committed };
    } catch (err) {
      // A failed statement may already have ended the whole transaction (SQLITE_FULL, say); the
      // commit then fails and so does every change of the batch.
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK TO change; RELEASE change');
      throw err;
    }
  };

  return {
    async write<T>(work: () => Promise<T>): Promise<T> {
      const { result, committed } = await enqueue(() => apply(work));
      await committed;
      return result;
    },
    async idle(): Promise<void> {
      // A batch's commit is queued only when its turn ends (setImmediate), so waiting on the queue
      // alone could spin through microtasks without ever letting that turn end.
      for (;;) {
        const open = batch;
        if (open !== undefined) await open.committed.catch(() => undefined);
        await queue;
        if (batch === undefined) return;
      }
    },
    get open(): boolean {
      return sqlite.inTransaction;
    },
  };
}
