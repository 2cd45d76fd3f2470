// The package as a user gets it: `npm pack`, installed into an empty folder, started with
// `npx vpcpeer serve`. Only the tarball's contents and its "dependencies" are there, so this
// catches a file left out of "files", a run-time import of a devDependency, and a path the server
// resolves against the repository instead of its own location.
//
// Slow (30 s alone on 2 cores, over a minute beside other suites) because it runs a real
// `npm install` of the run-time dependency tree (from the npm cache that `npm ci` filled,
// --prefer-offline). better-sqlite3 is native: its install script asks GitHub for a prebuilt
// binary (unreachable on these machines, so it fails at once) and then compiles SQLite with
// node-gyp, which takes about 90 s of one core on its own. To stay quick, the test hands
// prebuild-install the binary this repository's own `npm ci` compiled, for the same better-sqlite3
// version and Node ABI, as a "local prebuild" (prebuild-install's
// npm_config_<package>_local_prebuilds setting). VPCPEER_PACK_TEST_COMPILE=1 skips that and lets
// the install compile it from source, as a user's install on a machine without GitHub does (seen
// taking 7 minutes on a loaded 2-core machine).
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateVpcCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const COMPILE = process.env.VPCPEER_PACK_TEST_COMPILE === '1';
const work = mkdtempSync(join(tmpdir(), 'vpcpeer-pack-'));

interface PackedFile {
  readonly path: string;
  readonly size: number;
}
interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly PackedFile[];
}

/** Runs a command to completion; a failure throws with everything it printed. */
function run(command: string, args: readonly string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (status ${r.status}, signal ${r.signal}, ${r.error?.message ?? 'no spawn error'}):\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

/** Signals npx and everything it started: the server is npx's grandchild, in npx's process group. */
function signalGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    // The group is already gone.
  }
}

/** Whether any process of the group is still alive (signal 0 checks without sending). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

let server: ChildProcess | undefined;
// A test that fails half way must not leave a server behind (vitest's worker may be reused).
process.on('exit', () => {
  if (server) signalGroup(server, 'SIGKILL');
});
afterAll(() => {
  if (server) signalGroup(server, 'SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed into an empty folder', () => {
  it('holds only the built package, installs without dev dependencies, and `npx vpcpeer serve` serves the API and the console', async () => {
    // `npm test` builds first. Packing with --ignore-scripts uses that build rather than running
    // prepack/prepare here, which would delete and rebuild dist/ under the test files running
    // alongside this one.
    for (const built of ['dist/src/cli/main.js', 'dist/console/index.html']) {
      if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first (\`npm test\` does)`);
    }

    // 1. Pack, and check what the tarball holds.
    const packDir = join(work, 'pack');
    mkdirSync(packDir);
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT, 60_000);
    const [pack] = JSON.parse(packed.stdout) as PackResult[];
    if (!pack) throw new Error(`npm pack printed no result:\n${packed.stdout}`);
    const paths = pack.files.map((f) => f.path);
    const allowed = (p: string): boolean =>
      ['package.json', 'README.md'].includes(p) || /^LICENSE(\.\w+)?$/.test(p) || /^dist\/src\/.+\.(js|d\.ts|json)$/.test(p) || p.startsWith('dist/console/');
    expect(paths.filter((p) => !allowed(p)), 'files outside the built package').toEqual([]);
    expect(paths.filter((p) => /^(test|bench|console|src|scripts|docs)\//.test(p) || p.startsWith('dist/bench/') || p.endsWith('.map'))).toEqual([]);
    for (const needed of ['dist/src/cli/main.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/dataplane/agent-main.js', 'dist/src/protocol/model/ec2-slice.json', 'dist/console/index.html', 'README.md']) {
      expect(paths, needed).toContain(needed);
    }
    expect(paths.some((p) => /^dist\/console\/assets\/.+\.js$/.test(p)), 'the console has a script').toBe(true);
    console.log(`npm pack: ${pack.filename}, ${pack.entryCount} files, ${(pack.size / 1024).toFixed(0)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(0)} KiB unpacked`);

    // 2. Install it into an empty folder.
    const app = join(work, 'app');
    mkdirSync(app);
    run('npm', ['init', '-y'], app, 30_000);
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
    const sqlite = JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string };
    const builtBinary = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    if (!COMPILE && existsSync(builtBinary)) {
      // prebuild-install's own name for this version, ABI, platform and architecture (glibc Linux
      // and macOS have no libc part); the archive holds build/Release/better_sqlite3.node.
      const prebuilds = join(work, 'prebuilds');
      mkdirSync(prebuilds);
      const name = `better-sqlite3-v${sqlite.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
      run('tar', ['-czf', join(prebuilds, name), '-C', join(ROOT, 'node_modules/better-sqlite3'), 'build/Release/better_sqlite3.node'], ROOT, 30_000);
      env.npm_config_better_sqlite3_local_prebuilds = prebuilds;
    }
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(packDir, pack.filename)], app, COMPILE ? 1_200_000 : 240_000, env);

    // Nothing from devDependencies was installed (so nothing of it can be needed at run time), and
    // the better-sqlite3 the server gets is the tested version, with its binary.
    const dev = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies);
    expect(dev).toEqual(expect.arrayContaining(['vite', 'react', 'typescript', 'vitest']));
    const present = dev.filter((d) => existsSync(join(app, 'node_modules', d)) || existsSync(join(app, 'node_modules/vpcpeer/node_modules', d)));
    expect(present, 'devDependencies installed with the package').toEqual([]);
    expect(existsSync(join(app, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    expect((JSON.parse(readFileSync(join(app, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version).toBe(sqlite.version);

    // 3. Start it as the README says. --no: use the installed bin, never fetch a package of that
    // name from the registry (a broken install must fail here, not run something else).
    const child = spawn('npx', ['--no', 'vpcpeer', 'serve', '--host', '127.0.0.1', '--port', '0', '--in-memory', '--log-level', 'warn'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    server = child;
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`npx vpcpeer serve did not start in 60 s:\n${out}`)), 60_000);
      child.stdout?.on('data', () => {
        const m = /vpcpeer listening on (http:\/\/[^\s]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          done(m[1] as string);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`npx vpcpeer serve exited with ${code}:\n${out}`));
      });
    });
    const port = Number(new URL(url).port);

    const health = (await (await fetch(`${url}/_vpcpeer/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');

    // A real SDK call, signed; open mode takes the 12-digit access key as the account.
    const ec2 = new EC2Client({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: '111111111111', secretAccessKey: 'packaging-test' }, maxAttempts: 1 });
    try {
      const made = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.42.0.0/16' }));
      expect(made.Vpc?.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
      const seen = await ec2.send(new DescribeVpcsCommand({ VpcIds: [made.Vpc?.VpcId as string] }));
      expect(seen.Vpcs?.[0]?.CidrBlock).toBe('10.42.0.0/16');
      expect(seen.Vpcs?.[0]?.OwnerId).toBe('111111111111');
    } finally {
      ec2.destroy();
    }

    // The console, served from the installed package's dist/console.
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, html).toBeDefined();
    const asset = await fetch(url + (script as string));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await asset.text()).length).toBeGreaterThan(10_000);

    // 4. Stop it: npx and the server under it are gone, and the port is free.
    const pgid = child.pid as number;
    signalGroup(child, 'SIGTERM');
    await exited;
    const deadline = Date.now() + 10_000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(groupAlive(pgid), `processes of npx's group still running:\n${out}`).toBe(false);
    expect(await portOpen(port)).toBe(false);
    server = undefined;
  }, COMPILE ? 1_500_000 : 360_000);
});
