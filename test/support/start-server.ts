import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The compiled CLI, exactly what `npm start` runs (`npm test` builds first). */
export const CLI = resolve(import.meta.dirname, '../../dist/src/cli/main.js');

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** Graceful stop (SIGTERM), waiting for exit. */
  stop(): Promise<void>;
  /** Hard kill, as a crash would: no chance to flush anything. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data folder (restart tests); a fresh temporary one otherwise. */
  readonly dataDir?: string;
  readonly inMemory?: boolean;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Start through `npm start -- ...` exactly as the README says, instead of the compiled CLI. */
  readonly viaNpmStart?: boolean;
  /** Leave out the harness's own --host/--port/--data-dir/--log-level (to test env variables). */
  readonly bare?: boolean;
  /** What runs the CLI, when not this Node on `CLI` (e.g. as another user: see test/dataplane/as-nobody.ts). */
  readonly launcher?: readonly string[];
}

/** Signals the whole process group: `npm start` runs the server as a grandchild. */
function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    child.kill(sig);
  }
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) signal(child, 'SIGKILL');
});

/**
 * Starts `vpcpeer serve` on 127.0.0.1 with a port the OS picks, and resolves once it prints
 * where it listens. Every server started here is killed when the test process exits.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'vpcpeer-test-'));
  const own = options.bare ? [] : ['--host', '127.0.0.1', '--port', '0', '--log-level', 'warn', ...(options.inMemory ? ['--in-memory'] : ['--data-dir', dataDir])];
  const serverArgs = [...own, ...(options.args ?? [])];
  const [command, args] = options.viaNpmStart
    ? ['npm', ['start', '--silent', '--', ...serverArgs]]
    : [options.launcher?.[0] ?? process.execPath, [...(options.launcher?.slice(1) ?? [CLI]), 'serve', ...serverArgs]];
  const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true, cwd: resolve(import.meta.dirname, '../..') });
  running.add(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => {
    running.delete(child);
    done();
  }));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const check = (): void => {
      const m = /vpcpeer listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1] as string);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    child,
    output: () => out,
    async stop() {
      signal(child, 'SIGTERM');
      await exited;
      if (!options.dataDir && !options.bare) rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      signal(child, 'SIGKILL');
      await exited;
    },
  };
}

async function adminCall(server: Pick<RunningServer, 'url'>, path: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(server.url + path, init);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** GETs an admin endpoint (`/_vpcpeer/health`, `/_vpcpeer/clock`); returns the parsed JSON. */
export function adminGet(server: Pick<RunningServer, 'url'>, path: string): Promise<unknown> {
  return adminCall(server, path, {});
}

/** POSTs JSON to an admin endpoint (`/_vpcpeer/reset`, `/_vpcpeer/clock`); returns the parsed JSON. */
export function adminPost(server: Pick<RunningServer, 'url'>, path: string, body?: unknown): Promise<unknown> {
  return adminCall(server, path, { method: 'POST', body: body === undefined ? '' : JSON.stringify(body) });
}

/** Moves the server's clock forward. */
export function advanceClock(server: Pick<RunningServer, 'url'>, seconds: number): Promise<unknown> {
  return adminPost(server, '/_vpcpeer/clock', { advanceSeconds: seconds });
}
