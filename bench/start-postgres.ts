import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL for the suites and the benchmark: initdb into a temporary folder from
 * this machine's PostgreSQL binaries, started on a free loopback port, removed by `destroy()`.
 * initdb and postgres refuse to run as root, so as root they run as `nobody` (setpriv).
 */
export interface TestPostgres {
  /** A URL for a fresh, empty database of its own (each call makes one). */
  newDatabase(): Promise<string>;
  /** Stops the server fast (as `pg_ctl stop -m fast`), keeping its data; `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
  readonly port: number;
}

/** Where this machine keeps `initdb` and `postgres`: on PATH, or Debian's versioned folder. */
function binaries(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath.slice(0, -'/initdb'.length);
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(debian, versions[0], 'bin') : undefined;
}

const BIN = binaries();

/** Where this machine's PostgreSQL binaries are, or undefined when it has none. */
export const postgresBinaries: string | undefined = BIN;

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** argv run as `nobody` when we are root (PostgreSQL refuses root), as is otherwise. */
const asOwner = (argv: readonly string[]): string[] => (isRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...argv] : [...argv]);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function ready(port: number, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited (${server.exitCode}): ${log()}`);
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'vpcpeer', database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  if (!BIN) throw new Error('PostgreSQL is not available');
  const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-pg-'));
  if (isRoot) chownSync(dir, NOBODY, NOBODY);
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  // A locale whose order is not bytes' (where this machine has one): the store must not rely on it.
  const initdb = asOwner([join(BIN, 'initdb'), '-D', data, '-U', 'vpcpeer', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--lc-collate=en_US.UTF-8', '--no-sync']);
  let init = spawnSync(initdb[0] as string, initdb.slice(1), { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(data, { recursive: true, force: true });
    const plain = asOwner([join(BIN, 'initdb'), '-D', data, '-U', 'vpcpeer', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    init = spawnSync(plain[0] as string, plain.slice(1), { encoding: 'utf8' });
  }
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  let server: ChildProcess | undefined;
  let output = '';
  let databases = 0;

  const start = async (): Promise<void> => {
    // Durability against a crash of the test machine is not under test: fsync off keeps the
    // suites fast. A stop and start (below) still keeps every committed transaction.
    const argv = asOwner([join(BIN, 'postgres'), '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']);
    output = '';
    const child = spawn(argv[0] as string, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    server = child;
    await ready(port, child, () => output.slice(-2000));
  };
  const stop = async (): Promise<void> => {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    // SIGINT is PostgreSQL's fast shutdown: open transactions are rolled back, connections closed.
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
  };
  await start();
  return {
    port,
    async newDatabase() {
      const name = `vpcpeer_${process.pid}_${++databases}`;
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'vpcpeer', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://vpcpeer@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
