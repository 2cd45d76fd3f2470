import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { children } from './children.js';

export interface SpawnServerOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Where the server's own output goes (a file, so a chatty server never blocks on a pipe). */
  readonly logFile: string;
  /** Resolve with the URL once this matches the server's stdout... */
  readonly readyLine?: RegExp;
  /** ...or once this URL answers over HTTP. */
  readonly readyUrl?: string;
  readonly timeoutMs?: number;
}

export interface SpawnedServer {
  readonly child: ChildProcess;
  readonly url: string;
  /** Milliseconds from spawn to ready. */
  readonly startMs: number;
}

/** Starts a server process in its own process group, tracked for cleanup, and waits until it is ready. */
export async function spawnServer(o: SpawnServerOptions): Promise<SpawnedServer> {
  const started = performance.now();
  const log = openSync(o.logFile, 'a');
  const child = spawn(o.command, [...o.args], {
    env: o.env ?? process.env,
    cwd: o.cwd,
    detached: true,
    stdio: ['ignore', o.readyLine ? 'pipe' : log, log],
  });
  closeSync(log);
  children.track(child);
  const timeoutMs = o.timeoutMs ?? 60_000;
  let out = '';
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, sig) => reject(new Error(`${o.command} exited (${code ?? sig}) before it was ready; see ${o.logFile}\n${out}`))),
  );
  exited.catch(() => {});
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${o.command} not ready in ${timeoutMs} ms; see ${o.logFile}\n${out}`)), timeoutMs);
    if (o.readyLine) {
      const pattern = o.readyLine;
      child.stdout?.on('data', (d: Buffer) => {
        if (out.length < 64_000) out += d.toString();
        const m = pattern.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] ?? m[0]);
        }
      });
    } else if (o.readyUrl) {
      const url = o.readyUrl;
      const poll = (): void => {
        fetch(url)
          .then(async (r) => {
            await r.arrayBuffer();
            clearTimeout(timer);
            resolve(new URL(url).origin);
          })
          .catch(() => {
            if (child.exitCode === null && child.signalCode === null) setTimeout(poll, 50);
          });
      };
      poll();
    }
  });
  try {
    const url = await Promise.race([ready, exited]);
    // Keep draining stdout (nothing is kept past the ready line).
    child.stdout?.removeAllListeners('data');
    child.stdout?.resume();
    return { child, url, startMs: performance.now() - started };
  } catch (err) {
    await children.stop(child, 1_000);
    throw err;
  }
}
