import { hostname } from 'node:os';
import { expect, it } from 'vitest';
import { accessFields, accessLineWriter } from '../../src/server/access-line.js';
import type { CallFacts } from '../../src/server/access-line.js';

const call = { action: 'DescribeVpcs', accountId: '111111111111', region: 'us-east-1', accessKeyId: 'AKIDEXAMPLE', resourceIds: ['vpc-0123456789abcdef0'], code: 'OK', status: 200 };

function written(c: CallFacts, ms = 1.23456): Record<string, unknown> {
  const lines: string[] = [];
  accessLineWriter({ write: (t) => lines.push(t) })(c, ms);
  expect(lines).toHaveLength(1);
  expect(lines[0]?.endsWith('}\n')).toBe(true);
  return JSON.parse(lines[0] as string) as Record<string, unknown>;
}

it("is one JSON line in pino's shape holding the same fields as the error lines", () => {
  const line = written(call);
  expect(Object.keys(line).slice(0, 4)).toEqual(['level', 'time', 'pid', 'hostname']);
  expect(line).toMatchObject({ level: 30, pid: process.pid, hostname: hostname(), msg: 'api call', ...accessFields(call, 1.23456) });
  expect(line.ms).toBe(1.23);
  expect(Math.abs((line.time as number) - Date.now())).toBeLessThan(60_000);
});

it('escapes what clients chose and bounds its length; no key when the call had none', () => {
  const { accessKeyId: _unused, ...keyless } = call;
  const hostile = { ...keyless, action: 'X","level":60,"msg":"forged\n'.repeat(20), region: 'eu-"\\-1', resourceIds: Array.from({ length: 30 }, (_, i) => `vpc-${String(i).padStart(8, '0')}`) };
  const line = written(hostile);
  expect(line.level).toBe(30);
  expect(line.msg).toBe('api call');
  expect(line.action).toBe(hostile.action.slice(0, 100));
  expect(line.region).toBe('eu-"\\-1');
  expect(line).not.toHaveProperty('key');
  expect(line.ids).toHaveLength(20);
});
