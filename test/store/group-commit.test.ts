import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { GroupCommit } from '../../src/store/group-commit.js';
import { groupCommit } from '../../src/store/group-commit.js';

let db: Database.Database;
let commits: number;
let writes: GroupCommit;

beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE parent (id TEXT PRIMARY KEY)');
  // Checked at COMMIT: the one way a test can make a commit itself fail.
  db.exec('CREATE TABLE child (id TEXT PRIMARY KEY, parent TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');
  commits = 0;
  writes = groupCommit(db, () => commits++);
});

afterEach(() => db.close());

const insert = (table: string, id: string, parent?: string) => () => {
  if (parent === undefined) db.prepare(`INSERT INTO ${table} (id) VALUES (?)`).run(id);
  else db.prepare(`INSERT INTO ${table} (id, parent) VALUES (?, ?)`).run(id, parent);
  return Promise.resolve(id);
};
const ids = (table: string) => (db.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);

it('changes asked for in one turn share one commit, and each is told only once it is committed', async () => {
  const told: boolean[] = [];
  const all = ['a', 'b', 'c'].map((id) =>
    writes.write(insert('parent', id)).then((r) => {
      told.push(db.inTransaction);
      return r;
    }),
  );
  expect(await Promise.all(all)).toEqual(['a', 'b', 'c']);
  expect(commits).toBe(1);
  expect(told).toEqual([false, false, false]);
  expect(ids('parent')).toEqual(['a', 'b', 'c']);
  // A later turn: a new batch.
  await writes.write(insert('parent', 'd'));
  expect(commits).toBe(2);
});

it('a change that fails is rolled back alone; the rest of its batch commits', async () => {
  const good = writes.write(insert('parent', 'a'));
  const bad = writes.write(async () => {
    await insert('parent', 'b')();
    throw new Error('refused');
  });
  const duplicate = writes.write(insert('parent', 'a'));
  const after = writes.write(insert('parent', 'c'));
  await expect(bad).rejects.toThrow('refused');
  await expect(duplicate).rejects.toThrow(/UNIQUE/);
  expect(await good).toBe('a');
  expect(await after).toBe('c');
  expect(ids('parent')).toEqual(['a', 'c']);
  expect(commits).toBe(1);
});

it('when the commit fails, every change of the batch fails and nothing of it is kept', async () => {
  const ok = writes.write(insert('parent', 'p'));
  const orphan = writes.write(insert('child', 'c', 'missing'));
  await expect(ok).rejects.toThrow(/FOREIGN KEY/);
  await expect(orphan).rejects.toThrow(/FOREIGN KEY/);
  expect(db.inTransaction).toBe(false);
  expect(ids('parent')).toEqual([]);
  expect(ids('child')).toEqual([]);
  // The next batch starts clean.
  expect(await writes.write(insert('parent', 'q'))).toBe('q');
  expect(ids('parent')).toEqual(['q']);
});

it('idle waits for a batch that is still open, even one whose only change failed', async () => {
  const failed = writes.write(() => Promise.reject(new Error('no')));
  await expect(failed).rejects.toThrow('no');
  expect(writes.open).toBe(true);
  await writes.idle();
  expect(writes.open).toBe(false);
  expect(commits).toBe(1);
});
