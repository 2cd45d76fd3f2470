// State at rest and the disk under it, with a real file system: the data folder is 0700 and the
// database and its WAL 0600; a full disk (a 2 MiB tmpfs in a user and mount namespace of the
// server's own) answers 503 ServiceUnavailable while reads go on, and writes resume once space is
// freed; a database on a read-only file system, or in a folder this user cannot write, stops
// `serve` with one line naming the file and the cause.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, startServer } from '../support/start-server.js';
import { EC2, openQuery, type RawResponse } from './trust-support.js';

const A = '111111111111';
const namespaces = spawnSync('unshare', ['-Urm', 'true']).status === 0;
if (!namespaces && process.env.CI === 'true') throw new Error('user and mount namespaces are not available (unshare -Urm true failed); CI must allow them');
if (!namespaces) console.warn('SKIPPING the disk-full and read-only file system tests: unshare -Urm is not permitted here');

const scratch = mkdtempSync(join(tmpdir(), 'vpcpeer-disk-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const call = (url: string, params: Record<string, string>): Promise<RawResponse> => openQuery(url, A, { ...EC2, ...params });

/** `sh -c script` in a user and mount namespace of its own: mounts made there are invisible outside. */
function inNamespace(script: string): ReturnType<typeof spawn> {
  return spawn('unshare', ['-Urm', 'sh', '-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('state at rest', () => {
  it('the data folder is made 0700, the database, its WAL and the serving record 0600', async () => {
    const dir = join(scratch, 'fresh', 'state');
    const server = await startServer({ dataDir: dir });
    try {
      expect((await call(server.url, { Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' })).status).toBe(200);
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, 'vpcpeer.db'))).toBe(0o600);
      expect(mode(join(dir, 'vpcpeer.db-wal'))).toBe(0o600);
      expect(mode(join(dir, 'serving.json'))).toBe(0o600);
    } finally {
      await server.stop();
    }
    // Where the server listened is forgotten once it stops.
    expect(existsSync(join(dir, 'serving.json'))).toBe(false);
  });

  it('a folder this user cannot write stops serve with one line naming the file and the cause', () => {
    const dir = join(scratch, 'locked');
    spawnSync('mkdir', ['-p', dir]);
    chmodSync(dir, 0o500);
    // root may write anywhere: run as nobody there (the folder is root's and not writable to others).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(scratch, 0o755);
    const argv = [...(asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []), process.execPath, CLI, 'serve', '--port', '0', '--data-dir', dir];
    const r = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(join(dir, 'vpcpeer.db'));
    expect(r.stderr).toContain('permission denied');
  });
});

describe.skipIf(!namespaces)('the disk under the store', () => {
  it('a full disk answers 503 ServiceUnavailable, reads go on, and writes resume once space is freed', async () => {
    const mnt = join(scratch, 'small');
    spawnSync('mkdir', ['-p', mnt]);
    // 2 MiB, most of it taken by a filler file the test deletes later through /proc/<pid>/root.
    const child = inNamespace(
      `mount -t tmpfs -o size=2m vpcpeer-test ${mnt} && dd if=/dev/zero of=${mnt}/filler bs=1k count=1200 2>/dev/null && exec ${process.execPath} ${CLI} serve --host 127.0.0.1 --port 0 --log-level warn --data-dir ${mnt}/state`,
    );
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 30_000);
        child.stdout?.on('data', () => {
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1] as string);
          }
        });
      });
      // Tags make each change large; the disk fills within some dozens of them.
      const big = 'x'.repeat(255);
      const tags = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [[`TagSpecification.1.Tag.${i + 1}.Key`, `k${i}`], [`TagSpecification.1.Tag.${i + 1}.Value`, big]]).flat());
      let full: RawResponse | undefined;
      let made = 0;
      for (let i = 0; i < 2000 && !full; i++) {
        const r = await call(url, { Action: 'CreateVpc', CidrBlock: '10.0.0.0/16', 'TagSpecification.1.ResourceType': 'vpc', ...tags });
        if (r.status === 200) made++;
        else full = r;
      }
      expect(full?.status, out.slice(-1000)).toBe(503);
      expect(full?.code).toBe('ServiceUnavailable');
      expect(full?.text).toContain('vpcpeer cannot write its state: the disk is full');
      expect(made).toBeGreaterThan(0);
      // Reads go on.
      const read = await call(url, { Action: 'DescribeVpcs' });
      expect(read.status).toBe(200);
      expect((read.text.match(/<vpcId>/g) ?? []).length).toBe(made + 1); // and the default VPC
      // Room again: the next write goes through without a restart.
      unlinkSync(`/proc/${child.pid}/root${mnt}/filler`);
      expect((await call(url, { Action: 'CreateVpc', CidrBlock: '10.1.0.0/16' })).status).toBe(200);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);

  it('a database on a read-only file system stops serve with one line naming the file and the cause', async () => {
    const mnt = join(scratch, 'readonly');
    spawnSync('mkdir', ['-p', mnt]);
    const child = inNamespace(`mount -t tmpfs vpcpeer-test ${mnt} && touch ${mnt}/vpcpeer.db && mount -o remount,ro ${mnt} && exec ${process.execPath} ${CLI} serve --port 0 --data-dir ${mnt}`);
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(`${mnt}/vpcpeer.db`);
    expect(err).toContain('read-only');
  }, 60_000);
});
