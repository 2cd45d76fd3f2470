import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactedUrl } from '../../src/cli/redact-url.js';
import { postgresAvailable, usePostgresDatabase } from '../support/postgres.js';
import type { RunningServer } from '../support/start-server.js';
import { CLI, startServer } from '../support/start-server.js';

const started: RunningServer[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

async function identity(server: RunningServer, accessKey?: string): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (accessKey) headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKey}/20261127/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00`;
  const res = await fetch(server.url + '/', { method: 'POST', headers, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
  return /<Account>(\d+)<\/Account>/.exec(await res.text())?.[1] ?? 'none';
}

describe('vpcpeer serve options', () => {
  it('`npm start -- --port --data-dir` works as the README says, logging one line per API call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-npm-start-'));
    const server = await startServer({ viaNpmStart: true, bare: true, args: ['--host', '127.0.0.1', '--port', '0', '--data-dir', dir, '--log-level', 'info'] });
    started.push(server);
    expect(server.output()).toMatch(new RegExp(`vpcpeer listening on http://127\\.0\\.0\\.1:\\d+ \\(state: ${dir}/vpcpeer\\.db\\)`));
    expect(existsSync(join(dir, 'vpcpeer.db'))).toBe(true);
    expect(await identity(server, '210987654321')).toBe('210987654321');
    const res = await fetch(`${server.url}/?Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-0123456789abcdef0`);
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    const line = server.output().split('\n').find((l) => l.includes('"action":"DescribeVpcs"'));
    expect(line, server.output()).toBeDefined();
    expect(JSON.parse(line as string)).toMatchObject({ action: 'DescribeVpcs', account: '000000000000', region: 'us-east-1', ids: ['vpc-0123456789abcdef0'], code: 'InvalidVpcID.NotFound', status: 400 });
    expect(typeof JSON.parse(line as string).ms).toBe('number');
  }, 90_000);

  it('every option has an environment variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-env-'));
    const server = await startServer({
      bare: true,
      env: { VPCPEER_HOST: '127.0.0.1', VPCPEER_PORT: '0', VPCPEER_DATA_DIR: dir, VPCPEER_DEFAULT_ACCOUNT: '123456789012', VPCPEER_DEFAULT_REGION: 'eu-west-1', VPCPEER_LOG_LEVEL: 'warn', VPCPEER_REACH_INTER_REGION: '1' },
    });
    started.push(server);
    expect(server.output()).toContain(`(state: ${dir}/vpcpeer.db)`);
    expect(server.output()).toContain('(reachability: inter-Region)');
    expect(await identity(server)).toBe('123456789012');
    expect(await identity(server, 'AKIAEXAMPLEKEY')).toBe('123456789012');
    const zones = await (await fetch(`${server.url}/?Action=DescribeAvailabilityZones&Version=2016-11-15`)).text();
    expect(zones).toContain('<zoneName>eu-west-1a</zoneName>');
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--in-memory writes no database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-mem-'));
    const server = await startServer({ inMemory: true, env: { VPCPEER_DATA_DIR: dir } });
    started.push(server);
    expect(server.output()).toContain('in memory');
    await fetch(`${server.url}/?Action=DescribeVpcs&Version=2016-11-15`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a second server on a data folder in use is refused with a clear message, not a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-twice-'));
    const server = await startServer({ dataDir: dir });
    started.push(server);
    // Generous: on a loaded CI machine a cold Node start alone has taken over 10 s (seen killed
    // by a 10 s limit, status null); the assertion is the exit code, not the time.
    const r = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is in use by another process');
    expect(r.stderr).not.toContain('    at ');
    // The first server is unharmed.
    expect((await fetch(`${server.url}/?Action=DescribeVpcs&Version=2016-11-15`)).status).toBe(200);
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number'],
    [['--default-account', '12345'], '--default-account must be a 12-digit account id'],
    [['--host', 'not a host'], '--host must be an IP address'],
  ])('refuses %j with a clear message', (args, message) => {
    const r = spawnSync(process.execPath, [CLI, 'serve', ...args], { encoding: 'utf8', timeout: 10_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('a database URL with secrets', () => {
  it('masks the password and the query parameters that carry a secret or name a key', () => {
    expect(redactedUrl('postgres://vpcpeer:s3cret@db:5432/vpcpeer?password=p&sslmode=require&sslpassword=sp&sslkey=/keys/client.key&application_name=ci')).toBe(
      'postgres://vpcpeer:***@db:5432/vpcpeer?password=***&sslmode=require&sslpassword=***&sslkey=***&application_name=ci',
    );
    expect(redactedUrl('postgres://db/vpcpeer?PASSWORD=p&password=q')).toBe('postgres://db/vpcpeer?PASSWORD=***&password=***');
    expect(redactedUrl('not a url with a password')).toBe('(not a URL)');
  });

  describe.skipIf(!postgresAvailable)('on a running server', () => {
    const db = usePostgresDatabase();

    it('shows it nowhere: not the start-up line, health, metrics, nor an error at start', async () => {
      // Trust authentication (the test cluster's) ignores both passwords.
      const url = new URL(db.url);
      url.password = 'userinfo-secret';
      url.searchParams.set('password', 'query-secret');
      const server = await startServer({ args: ['--database', url.toString()] });
      started.push(server);
      const secrets = ['userinfo-secret', 'query-secret'];
      const line = server.output().split('\n').find((l) => l.startsWith('vpcpeer listening on')) as string;
      expect(line).toContain(`(state: postgres://vpcpeer:***@127.0.0.1:${url.port}${url.pathname}?password=***)`);
      const seen = [server.output(), await (await fetch(`${server.url}/_vpcpeer/health`)).text(), await (await fetch(`${server.url}/metrics`)).text()];
      for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret);
      // A database that cannot be reached: the reason, not the URL.
      const refused = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--database', 'postgres://u:userinfo-secret@127.0.0.1:1/db?password=query-secret'], { encoding: 'utf8', timeout: 60_000 });
      expect([refused.status, refused.stderr]).toEqual([2, 'vpcpeer: cannot reach the PostgreSQL database (connect ECONNREFUSED 127.0.0.1:1)\n']);
    });
  });
});
