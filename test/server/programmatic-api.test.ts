// `import { startVpcpeer } from 'vpcpeer'` from a separate package, as another project's test suite
// would: the package is linked into that project's node_modules (what `npm install <path>` does),
// and a script there starts vpcpeer in its own process, seeds it, moves its clock and stops it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/start-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const project = mkdtempSync(join(tmpdir(), 'vpcpeer-consumer-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const SCRIPT = `
import { startVpcpeer } from 'vpcpeer';
const auth = (account) => ({ 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=' + account + '/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00' });
const call = async (v, account, body) => (await fetch(v.endpoint + '/', { method: 'POST', headers: auth(account), body: 'Version=2016-11-15&' + body })).text();
const out = {};
const dataDir = process.argv[2];
const first = await startVpcpeer({ dataDir });
out.endpoint = first.endpoint;
out.credentials = first.credentials('111111111111');
out.vpc = /<vpcId>(vpc-[0-9a-f]+)/.exec(await call(first, '111111111111', 'Action=CreateVpc&CidrBlock=10.0.0.0/16'))[1];
await first.stop();
if (process.argv[3]) {
  const { readFileSync } = await import('node:fs');
  const seeded = await startVpcpeer({ seed: readFileSync(process.argv[3], 'utf8'), clockOffsetSeconds: 3600 });
  out.seededSees = (await call(seeded, '111111111111', 'Action=DescribeVpcs')).includes(process.argv[4]);
  out.clock = await (await fetch(seeded.endpoint + '/_vpcpeer/clock')).json();
  await seeded.reset();
  out.afterReset = (await call(seeded, '111111111111', 'Action=DescribeVpcs')).includes(process.argv[4]);
  await seeded.stop();
}
try { await startVpcpeer({ seed: '{"format":"nope"}' }); } catch (err) { out.badSeed = err.message; }
console.log(JSON.stringify(out));
`;

describe("startVpcpeer() from another package", () => {
  it('starts in process on a free port, answers the API, seeds from a state file, moves its clock, resets and stops', () => {
    expect(existsSync(join(ROOT, 'dist/src/index.js')) && existsSync(join(ROOT, 'dist/src/index.d.ts'))).toBe(true);
    expect(readFileSync(join(ROOT, 'dist/src/index.d.ts'), 'utf8')).toContain('export declare function startVpcpeer(options?: VpcpeerOptions): Promise<RunningVpcpeer>;');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { vpcpeer: `file:${ROOT}` } }));
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules', 'vpcpeer'), 'dir');
    writeFileSync(join(project, 'suite.mjs'), SCRIPT);
    const dataDir = join(project, 'state');
    const run = (...args: string[]) => spawnSync(process.execPath, ['suite.mjs', ...args], { cwd: project, encoding: 'utf8', timeout: 60_000 });

    const first = run(dataDir);
    expect(first.status, first.stderr).toBe(0);
    const made = JSON.parse(first.stdout) as { endpoint: string; vpc: string; credentials: { accessKeyId: string } };
    expect(made.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(made.credentials.accessKeyId).toBe('111111111111');
    expect(made.vpc).toMatch(/^vpc-[0-9a-f]{17}$/);

    const exported = spawnSync(process.execPath, [CLI, 'state', 'export', '--data-dir', dataDir, '--output', join(project, 'world.json')], { encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    const second = run(join(project, 'again'), join(project, 'world.json'), made.vpc);
    expect(second.status, second.stderr).toBe(0);
    const seen = JSON.parse(second.stdout) as { vpc: string; seededSees: boolean; clock: { offsetSeconds: number }; afterReset: boolean; badSeed: string };
    expect(seen.seededSees).toBe(true);
    expect(seen.clock.offsetSeconds).toBeGreaterThanOrEqual(3600);
    expect(seen.afterReset).toBe(false);
    expect(seen.badSeed).toContain('startVpcpeer: the seed is not a usable state file');
  }, 120_000);
});
