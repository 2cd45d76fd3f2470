// What the boto3 suites share: each runs one python script of this folder (boto_support.py is its
// python half) against a server started as users start it, and asserts the JSON it prints.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';

/** Whether python3 with boto3 is here: the suites skip without it (and fail in CI). */
export const BOTO3 = toolAvailable('python3 with boto3', ['python3', '-c', 'import boto3']);

/** A ClientError as the scripts record it (`error_of`): code, message and HTTP status, or noError. */
export interface CallError {
  readonly code?: string;
  readonly message?: string;
  readonly http?: number;
  readonly noError?: boolean;
}

/** Runs `script` (a file of this folder) against `url` and answers what it printed. */
export function runBotoScript(script: string, url: string, timeoutMs: number, maxBuffer = 8 * 1024 * 1024): Promise<string> {
  return new Promise((done, fail) => {
    execFile('python3', [resolve(import.meta.dirname, script), url], { timeout: timeoutMs, maxBuffer }, (err, stdout, stderr) => {
      if (err) fail(new Error(`${script} failed: ${err.message}\nstderr:\n${stderr}\nstdout:\n${stdout}`));
      else done(stdout);
    });
  });
}

/**
 * Inside a describe block: before its tests, a server started in memory and `script` run against
 * it once; after them, the server stopped. Answers a reader of the script's JSON document by
 * member: one the script recorded as failed (`{"error": traceback}`, boto_support's
 * scenario_recorder) throws with its traceback rather than showing as a missing field.
 */
export function botoScriptDocument<T extends object>(script: string, timeoutMs: number): <K extends keyof T>(name: K) => T[K] {
  let server: RunningServer | undefined;
  let doc: T | undefined;
  beforeAll(async () => {
    server = await startServer({ inMemory: true });
    doc = JSON.parse(await runBotoScript(script, server.url, timeoutMs)) as T;
  }, timeoutMs + 30_000);
  afterAll(async () => {
    await server?.stop();
  });
  return (name) => {
    const v = doc?.[name] as (T[typeof name] & { error?: unknown }) | undefined;
    if (v === undefined || (typeof v === 'object' && v !== null && typeof v.error === 'string')) {
      throw new Error(`${script}: ${String(name)} failed:\n${String(v?.error ?? 'missing')}`);
    }
    return v;
  };
}
