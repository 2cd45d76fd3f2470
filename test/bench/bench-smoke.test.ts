import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Smoke run of the benchmark harness (`npm run bench -- --quick`): tiny counts, fractions of a
 * second per round, every workload, so the harness cannot rot. It asserts only that the run
 * completes, that every workload reached vpcpeer and the ceiling without errors, and that the
 * results, report and chart are written: no figure is asserted (figures come from a full
 * `npm run bench`, never from tests). moto_server takes part when it is on PATH.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'vpcpeer-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function runQuick(): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    // `npm test` builds first, so dist/bench is current.
    const child = spawn(process.execPath, ['dist/bench/run-bench.js', '--quick', '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => done({ code, output }));
  });
}

interface Results {
  workloads: { id: string; runs: { target: string; series: Record<string, { requests: number; errors: number }> }[] }[];
  stream?: { runs: { status: number; items: number; endsWell: boolean }[]; storeSize: number };
  restart?: { runs: unknown[] };
  checks: unknown[];
  wrk?: { runs: { target: string; request: string; connections: number; answerBytes: number; result: { requests: number; non2xx: number } }[] };
  processes: { command: string; pid: number }[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('benchmark harness (quick smoke run)', () => {
  it('runs every workload end to end and writes its results', { timeout: 240_000 }, async () => {
    const { code, output } = await runQuick();
    expect(code, output).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(new Set(results.workloads.map((w) => w.id))).toEqual(new Set(['a', 'b', 'c', 'd']));
    for (const w of results.workloads) {
      for (const target of ['vpcpeer', 'ceiling']) {
        const all = w.runs.find((r) => r.target === target)?.series.all;
        expect(all?.requests, `${w.id} reached ${target}`).toBeGreaterThan(0);
        expect(all?.errors, `${w.id} errors on ${target}\n${output}`).toBe(0);
      }
    }
    // w: wrk drives it (`.ci/run` installs wrk; in CI the bench fails without it).
    if (results.wrk || process.env.CI === 'true') {
      const runs = results.wrk?.runs ?? [];
      expect(new Set(runs.map((r) => `${r.target}/${r.request}/${r.connections}`))).toEqual(new Set(['ceiling/by-id/10', 'vpcpeer/by-id/10', 'vpcpeer/all/10', 'vpcpeer/by-id/64', 'vpcpeer/by-id/256']));
      // Describe-all answers with the account's 20 connections, by id with one.
      const bytes = (request: string): number => runs.find((r) => r.target === 'vpcpeer' && r.request === request)?.answerBytes ?? 0;
      expect(bytes('all')).toBeGreaterThan(10 * bytes('by-id'));
      for (const r of runs) {
        expect(r.result.requests, `w ${r.target} ${r.request}`).toBeGreaterThan(0);
        expect(r.result.non2xx, `w ${r.target} ${r.request} answered other than 200\n${output}`).toBe(0);
      }
    } else {
      expect(output).toContain('w left out: wrk is not installed');
    }
    expect(results.stream?.runs.every((r) => r.status === 200 && r.items === results.stream?.storeSize && r.endsWell)).toBe(true);
    expect(results.restart?.runs.length).toBe(1);
    expect(results.checks.length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| workload |');
    expect(readFileSync(join(out, 'latency-vs-store-size.svg'), 'utf8')).toMatch(/^<svg/);
    // No process of the run outlives it: every server it started is gone.
    expect(results.processes.length).toBeGreaterThanOrEqual(3);
    expect(results.processes.filter((p) => alive(p.pid))).toEqual([]);
    expect(existsSync(join(out, 'vpcpeer.log'))).toBe(true);
  });
});
