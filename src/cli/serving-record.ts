import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a server serving a SQLite data folder can be reached, kept in that folder while it runs:
 * the folder's database is locked to the server (locking_mode EXCLUSIVE), so `vpcpeer state
 * export` finds the server here and asks it for the state instead.
 */
export interface ServingRecord {
  /** A URL this machine reaches the server at (a wildcard listening address made loopback). */
  readonly url: string;
  readonly pid: number;
}

const FILE = 'serving.json';

/** The URL local clients use for a listening address: `0.0.0.0` and `[::]` are reached on loopback. */
export function localUrl(address: string): string {
  const u = new URL(address);
  if (u.hostname === '0.0.0.0') u.hostname = '127.0.0.1';
  else if (u.hostname === '[::]') u.hostname = '[::1]';
  return u.origin;
}

/** Written beside and renamed, mode 0600 like the rest of the folder's files. */
export function recordServing(dataDir: string, record: ServingRecord): void {
  const path = join(dataDir, FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record) + '\n', { mode: 0o600 });
  renameSync(temporary, path);
}

/** Removes the record when it is this process's own (a newer server may have replaced it). */
export function forgetServing(dataDir: string): void {
  if (readServing(dataDir)?.pid === process.pid) rmSync(join(dataDir, FILE), { force: true });
}

/** The server recorded in the folder, when its process still runs (a killed server leaves its record). */
export function readServing(dataDir: string): ServingRecord | undefined {
  let record: Partial<ServingRecord>;
  try {
    record = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as Partial<ServingRecord>;
  } catch {
    return undefined;
  }
  if (typeof record.url !== 'string' || typeof record.pid !== 'number') return undefined;
  try {
    process.kill(record.pid, 0);
  } catch (err) {
    // EPERM: the process runs, as another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return { url: record.url, pid: record.pid };
}
