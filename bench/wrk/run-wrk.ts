import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WrkRequest {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly requests: number;
  /** Latency percentiles in milliseconds, from wrk's own histogram (`--latency`). */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly non2xx: number;
  /** Socket errors wrk counted: connect, read, write, timeout. */
  readonly errors: { readonly connect: number; readonly read: number; readonly write: number; readonly timeout: number };
}

/** True when wrk is on PATH. */
export function wrkAvailable(): boolean {
  return !spawnSync('wrk', ['--version']).error;
}

const msOf = (value: string, unit: string): number => Number(value) * (unit === 'us' ? 1e-3 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);

/** Parses wrk's text report (with `--latency`). Exported for its unit test. */
export function parseWrkOutput(out: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out)?.[1];
  const total = /(\d+) requests in/.exec(out)?.[1];
  if (rps === undefined || total === undefined) throw new Error(`wrk printed no summary:\n${out}`);
  const pct = (p: string): number => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
    return m ? msOf(m[1] as string, m[2] as string) : NaN;
  };
  const max = /Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s|m)/.exec(out);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: Number(rps),
    requests: Number(total),
    p50Ms: pct('50'),
    p99Ms: pct('99'),
    maxMs: max ? msOf(max[1] as string, max[2] as string) : NaN,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    errors: { connect: Number(sock?.[1] ?? 0), read: Number(sock?.[2] ?? 0), write: Number(sock?.[3] ?? 0), timeout: Number(sock?.[4] ?? 0) },
  };
}

/**
 * wrk (C, keep-alive, one thread: on 2 cores the other is the server's) against `url` for
 * `seconds` with `connections`, POSTing one fixed request. The Lua script only sets the method,
 * body and headers: wrk then sends the same prebuilt bytes each time, which costs it least.
 */
export function runWrk(o: { url: string; connections: number; seconds: number; request: WrkRequest; dir: string; name: string; threads?: number; timeoutSeconds?: number }): Promise<WrkResult> {
  const script = join(o.dir, `${o.name}.lua`);
  const lines = [`wrk.method = "POST"`, `wrk.body = ${JSON.stringify(o.request.body)}`, ...Object.entries(o.request.headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)];
  writeFileSync(script, lines.join('\n') + '\n');
  // wrk takes whole seconds.
  const args = [`-t${o.threads ?? 1}`, `-c${o.connections}`, `-d${Math.max(1, Math.round(o.seconds))}s`, `--timeout`, `${o.timeoutSeconds ?? 2}s`, '--latency', '-s', script, o.url];
  return new Promise((done, fail) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', fail);
    child.once('exit', () => {
      try {
        done(parseWrkOutput(out));
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}
