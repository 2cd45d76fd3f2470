// Strict mode end to end, with the real clients: the JavaScript SDK (as Node and as a browser
// sends it, through fetch), boto3 and the AWS CLI. Correct keys work; a wrong secret, an unknown
// key, a skewed clock, an expired or altered presigned URL, a tampered session token are refused
// with AWS's codes, messages and statuses; sessions from AssumeRole work; keys added or removed
// while the server runs take effect at once; the admin endpoints need an admin key.
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateVpcCommand, DescribeVpcsCommand, EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import type { EC2ClientConfig } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import type { STSClientConfig } from '@aws-sdk/client-sts';
import { FetchHttpHandler } from '@smithy/fetch-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import type { RunningServer } from '../support/start-server.js';
import { CLI, startServer } from '../support/start-server.js';
import type { Key, MintedKey } from './trust-support.js';
import { credentialsPath, EC2, mintKey, send, signedQuery, signRequest, strictArgs } from './trust-support.js';

const ACCOUNT_A = '111122223333';
const ACCOUNT_B = '222233334444';
const ACCOUNT_TRUSTING = '444455556666';
const AUTH_FAILURE = 'AWS was not able to validate the provided access credentials';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

let server: RunningServer;
let file: string;
let A: MintedKey;
let B: MintedKey;
let ADMIN: MintedKey;

beforeAll(async () => {
  file = credentialsPath();
  A = mintKey(file, ACCOUNT_A, ['--assume-role-account', ACCOUNT_TRUSTING]);
  B = mintKey(file, ACCOUNT_B);
  ADMIN = mintKey(file, '999900001111', ['--admin']);
  server = await startServer({ args: strictArgs(file) });
});
afterAll(async () => {
  await server?.stop();
});

function ec2(key: Key, extra: Partial<EC2ClientConfig> = {}): EC2Client {
  return new EC2Client({ endpoint: server.url, region: 'us-east-1', credentials: key, maxAttempts: 1, ...extra });
}

function sts(key: Key, extra: Partial<STSClientConfig> = {}): STSClient {
  return new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: key, maxAttempts: 1, ...extra });
}

async function refusal(call: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await call;
  } catch (e) {
    if (e instanceof EC2ServiceException || e instanceof STSServiceException) return { name: e.name, message: e.message, status: e.$metadata.httpStatusCode };
    throw e;
  }
  throw new Error('expected the call to be refused, it succeeded');
}

const wrongSecret = (k: Key): Key => ({ ...k, secretAccessKey: k.secretAccessKey.slice(0, -1) + (k.secretAccessKey.endsWith('A') ? 'B' : 'A') });

describe('the JavaScript SDK', () => {
  it('correct keys work, and each key acts as its own account', async () => {
    const created = await ec2(A).send(new CreateVpcCommand({ CidrBlock: '10.7.0.0/16' }));
    expect(created.Vpc?.OwnerId).toBe(ACCOUNT_A);
    const mine = await ec2(A).send(new DescribeVpcsCommand({ VpcIds: [created.Vpc?.VpcId as string] }));
    expect(mine.Vpcs?.map((v) => v.CidrBlock)).toEqual(['10.7.0.0/16']);
    const theirs = await ec2(B).send(new DescribeVpcsCommand({}));
    expect(theirs.Vpcs?.map((v) => v.OwnerId)).not.toContain(ACCOUNT_A);
    expect((await sts(B).send(new GetCallerIdentityCommand({}))).Account).toBe(ACCOUNT_B);
  });

  it('as a browser sends it (fetch, x-amz-user-agent, amz-sdk-* headers) it works the same', async () => {
    const browserish = ec2(A, { requestHandler: new FetchHttpHandler() });
    const r = await browserish.send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: ['10.7.0.0/16'] }] }));
    expect(r.Vpcs?.map((v) => v.OwnerId)).toEqual([ACCOUNT_A]);
    expect(await refusal(ec2(wrongSecret(A), { requestHandler: new FetchHttpHandler() }).send(new DescribeVpcsCommand({})))).toEqual({ name: 'AuthFailure', message: AUTH_FAILURE, status: 401 });
  });

  it('a wrong secret is refused: AuthFailure 401 from EC2, SignatureDoesNotMatch 403 from STS', async () => {
    expect(await refusal(ec2(wrongSecret(A)).send(new DescribeVpcsCommand({})))).toEqual({ name: 'AuthFailure', message: AUTH_FAILURE, status: 401 });
    expect(await refusal(sts(wrongSecret(A)).send(new GetCallerIdentityCommand({})))).toEqual({ name: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH, status: 403 });
  });

  it('an unknown key is refused: AuthFailure 401 from EC2, InvalidClientTokenId 403 from STS', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: A.secretAccessKey };
    expect(await refusal(ec2(unknown).send(new DescribeVpcsCommand({})))).toEqual({ name: 'AuthFailure', message: AUTH_FAILURE, status: 401 });
    expect(await refusal(sts(unknown).send(new GetCallerIdentityCommand({})))).toEqual({ name: 'InvalidClientTokenId', message: INVALID_TOKEN, status: 403 });
    // The open-mode convention (a 12-digit key is that account) means nothing in strict mode.
    expect(await refusal(ec2({ accessKeyId: ACCOUNT_A, secretAccessKey: 'anything' }).send(new DescribeVpcsCommand({})))).toMatchObject({ name: 'AuthFailure', status: 401 });
  });

  it('a clock more than 15 minutes off is refused (RequestExpired 400); 10 minutes is fine', async () => {
    expect(await refusal(ec2(A, { systemClockOffset: -20 * 60_000 }).send(new DescribeVpcsCommand({})))).toEqual({ name: 'RequestExpired', message: 'Request has expired.', status: 400 });
    expect(await refusal(ec2(A, { systemClockOffset: 20 * 60_000 }).send(new DescribeVpcsCommand({})))).toEqual({ name: 'RequestExpired', message: 'Request has expired.', status: 400 });
    const stsSkew = await refusal(sts(A, { systemClockOffset: -20 * 60_000 }).send(new GetCallerIdentityCommand({})));
    expect(stsSkew.name).toBe('SignatureDoesNotMatch');
    expect(stsSkew.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
    expect((await ec2(A, { systemClockOffset: -10 * 60_000 }).send(new DescribeVpcsCommand({}))).Vpcs?.length).toBeGreaterThan(0);
  });

  it('an unsigned request is refused: MissingAuthenticationToken', async () => {
    const res = await fetch(`${server.url}/?Action=DescribeVpcs&Version=2016-11-15`);
    const text = await res.text();
    expect(res.status).toBe(403);
    expect(text).toContain('<Response><Errors><Error><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>');
    const stsRes = await fetch(server.url + '/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(stsRes.status).toBe(403);
    expect(await stsRes.text()).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>');
  });

  it('a presigned URL (the SDK presigner) works, and is refused once expired or altered', async () => {
    const presign = async (signingDate: Date, expiresIn: number): Promise<string> => {
      const u = new URL(server.url);
      const signer = new SignatureV4({ credentials: A, region: 'us-east-1', service: 'ec2', sha256: Sha256 });
      const p = await signer.presign(
        { method: 'GET', protocol: 'http:', hostname: u.hostname, port: Number(u.port), path: '/', query: { Action: 'DescribeVpcs', Version: '2016-11-15' }, headers: { host: u.host } },
        { signingDate, expiresIn },
      );
      return `${server.url}/?${new URLSearchParams(p.query as Record<string, string>).toString()}`;
    };
    const fresh = await fetch(await presign(new Date(), 300));
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain(`<ownerId>${ACCOUNT_A}</ownerId>`);
    const expired = await fetch(await presign(new Date(Date.now() - 120_000), 60));
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('<Code>RequestExpired</Code><Message>Request has expired.</Message>');
    const altered = await fetch((await presign(new Date(), 300)).replace('Action=DescribeVpcs', 'Action=DescribeSubnets'));
    expect(altered.status).toBe(401);
    expect(await altered.text()).toContain('<Code>AuthFailure</Code>');
  });

  it('a session from AssumeRole works; a tampered, missing or foreign token is refused', async () => {
    const assumed = await sts(A).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT_A}:role/deployer`, RoleSessionName: 'js-session' }));
    const c = assumed.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('AssumeRole returned no credentials');
    const session = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    expect((await ec2(session).send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: ['10.7.0.0/16'] }] }))).Vpcs?.map((v) => v.OwnerId)).toEqual([ACCOUNT_A]);
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT_A}:assumed-role/deployer/js-session`);

    const tampered = { ...session, sessionToken: session.sessionToken.slice(0, -4) + (session.sessionToken.endsWith('AAAA') ? 'BBBB' : 'AAAA') };
    expect(await refusal(ec2(tampered).send(new DescribeVpcsCommand({})))).toEqual({ name: 'AuthFailure', message: AUTH_FAILURE, status: 401 });
    expect(await refusal(sts(tampered).send(new GetCallerIdentityCommand({})))).toEqual({ name: 'InvalidClientTokenId', message: INVALID_TOKEN, status: 403 });
    expect(await refusal(ec2({ accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }).send(new DescribeVpcsCommand({})))).toMatchObject({ name: 'AuthFailure', status: 401 });
    expect(await refusal(ec2(wrongSecret(session)).send(new DescribeVpcsCommand({})))).toMatchObject({ name: 'AuthFailure', status: 401 });
    // A long-term key presented with a session token is not a session.
    expect(await refusal(ec2({ ...A, sessionToken: session.sessionToken }).send(new DescribeVpcsCommand({})))).toMatchObject({ name: 'AuthFailure', status: 401 });
  });

  it('AssumeRole reaches only the own account and the accounts the key lists', async () => {
    const into = (account: string, key: Key = A) => sts(key).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/peering`, RoleSessionName: 'x1' }));
    const trusted = await into(ACCOUNT_TRUSTING);
    expect(trusted.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT_TRUSTING}:assumed-role/peering/x1`);
    const c = trusted.Credentials;
    const asTrusting = ec2({ accessKeyId: c?.AccessKeyId as string, secretAccessKey: c?.SecretAccessKey as string, sessionToken: c?.SessionToken as string });
    expect((await asTrusting.send(new CreateVpcCommand({ CidrBlock: '10.8.0.0/16' }))).Vpc?.OwnerId).toBe(ACCOUNT_TRUSTING);
    expect(await refusal(into(ACCOUNT_B))).toEqual({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT_A}:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT_B}:role/peering`,
      status: 403,
    });
    expect(await refusal(into(ACCOUNT_A, B))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});

const python = toolAvailable('python3 with boto3', ['python3', '-c', 'import boto3']);

describe.runIf(python)('boto3', () => {
  interface Attempt {
    readonly ok: boolean;
    readonly result?: unknown;
    readonly code?: string;
    readonly message?: string;
    readonly http?: number;
  }
  let facts: Record<string, Attempt & { body?: string }>;
  beforeAll(async () => {
    const script = resolve(import.meta.dirname, 'strict_clients.py');
    const input = JSON.stringify({
      url: server.url,
      key: { id: B.accessKeyId, secret: B.secretAccessKey },
      unknown: { id: 'AKIAUNKNOWNKEY000001', secret: B.secretAccessKey },
      role: `arn:aws:iam::${ACCOUNT_B}:role/terraform`,
    });
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
    const stdout = await new Promise<string>((done, fail) =>
      execFile('python3', [script, input], { env: { ...env, AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' }, timeout: 120_000 }, (err, out, errOut) =>
        err ? fail(new Error(`${err.message}\n${errOut}`)) : done(out),
      ),
    );
    facts = JSON.parse(stdout) as typeof facts;
  }, 150_000);

  it('correct keys work', () => {
    expect(facts.createVpc).toEqual({ ok: true, result: ACCOUNT_B });
    expect(facts.describeVpcs?.result).toEqual(['10.42.0.0/16', '172.31.0.0/16']);
    expect(facts.identity).toEqual({ ok: true, result: `arn:aws:iam::${ACCOUNT_B}:root` });
  });

  it('a wrong secret and an unknown key are refused', () => {
    expect(facts.wrongSecretEc2).toEqual({ ok: false, code: 'AuthFailure', message: AUTH_FAILURE, http: 401 });
    expect(facts.wrongSecretSts).toEqual({ ok: false, code: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH, http: 403 });
    expect(facts.unknownEc2).toEqual({ ok: false, code: 'AuthFailure', message: AUTH_FAILURE, http: 401 });
    expect(facts.unknownSts).toEqual({ ok: false, code: 'InvalidClientTokenId', message: INVALID_TOKEN, http: 403 });
  });

  it('clock skew over 15 minutes is refused either way; 10 minutes is accepted', () => {
    expect(facts.skewPastEc2).toEqual({ ok: false, code: 'RequestExpired', message: 'Request has expired.', http: 400 });
    expect(facts.skewFutureEc2).toEqual({ ok: false, code: 'RequestExpired', message: 'Request has expired.', http: 400 });
    expect(facts.skewPastSts?.code).toBe('SignatureDoesNotMatch');
    expect(facts.skewPastSts?.message).toMatch(/^Signature expired: .* \(\d{8}T\d{6}Z - 15 min\.\)$/);
    expect(facts.skewTenMinutes).toEqual({ ok: true, result: 2 });
  });

  it('presigned URLs work, and expire', () => {
    expect(facts.presigned?.http).toBe(200);
    expect(facts.presigned?.body).toContain(`<ownerId>${ACCOUNT_B}</ownerId>`);
    expect(facts.presignedSts?.http).toBe(200);
    expect(facts.presignedSts?.body).toContain(`<Account>${ACCOUNT_B}</Account>`);
    expect(facts.presignedExpired?.http).toBe(400);
    expect(facts.presignedExpired?.body).toContain('<Code>RequestExpired</Code>');
    expect(facts.presignedTampered?.http).toBe(401);
    expect(facts.presignedTampered?.body).toContain('<Code>AuthFailure</Code>');
  });

  it('an AssumeRole session works; a tampered or missing token is refused', () => {
    expect(facts.sessionDescribe).toEqual({ ok: true, result: ['10.42.0.0/16', '172.31.0.0/16'] });
    expect(facts.sessionIdentity).toEqual({ ok: true, result: `arn:aws:sts::${ACCOUNT_B}:assumed-role/terraform/boto3-session` });
    expect(facts.tamperedTokenEc2).toEqual({ ok: false, code: 'AuthFailure', message: AUTH_FAILURE, http: 401 });
    expect(facts.tamperedTokenSts).toEqual({ ok: false, code: 'InvalidClientTokenId', message: INVALID_TOKEN, http: 403 });
    expect(facts.noTokenEc2).toMatchObject({ ok: false, code: 'AuthFailure', http: 401 });
  });
});

const awsCli = toolAvailable('the AWS CLI', ['aws', '--version']);

describe.runIf(awsCli)('the AWS CLI', () => {
  function aws(key: Key, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
    Object.assign(env, {
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
      ...(key.sessionToken ? { AWS_SESSION_TOKEN: key.sessionToken } : {}),
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_MAX_ATTEMPTS: '1',
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    return new Promise((done) =>
      execFile('aws', [...args, '--endpoint-url', server.url, '--output', 'json'], { env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
        done({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
      ),
    );
  }

  it('correct keys work; a wrong secret and an unknown key are refused in AWS words', async () => {
    const ok = await aws(A, 'ec2', 'create-vpc', '--cidr-block', '10.9.0.0/16');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).Vpc.OwnerId).toBe(ACCOUNT_A);
    const wrong = await aws(wrongSecret(A), 'ec2', 'describe-vpcs');
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain(`An error occurred (AuthFailure) when calling the DescribeVpcs operation: ${AUTH_FAILURE}`);
    const wrongSts = await aws(wrongSecret(A), 'sts', 'get-caller-identity');
    expect(wrongSts.stderr).toContain(`An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: ${SIGNATURE_MISMATCH}`);
    const unknown = await aws({ accessKeyId: 'AKIAUNKNOWNKEY000002', secretAccessKey: 'x'.repeat(40) }, 'sts', 'get-caller-identity');
    expect(unknown.stderr).toContain(`An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: ${INVALID_TOKEN}`);
  });

  it('session credentials from assume-role work through AWS_SESSION_TOKEN; a tampered token does not', async () => {
    const r = await aws(A, 'sts', 'assume-role', '--role-arn', `arn:aws:iam::${ACCOUNT_A}:role/cli`, '--role-session-name', 'cli-session');
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout).Credentials as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    const session = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    const who = await aws(session, 'sts', 'get-caller-identity');
    expect(JSON.parse(who.stdout).Arn).toBe(`arn:aws:sts::${ACCOUNT_A}:assumed-role/cli/cli-session`);
    const bad = await aws({ ...session, sessionToken: session.sessionToken.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')) }, 'ec2', 'describe-vpcs');
    expect(bad.stderr).toContain('An error occurred (AuthFailure)');
  });
});

describe('keys in the file take effect while the server runs', () => {
  it('a key created by `vpcpeer credentials create` works at once; a removed key, and its sessions, stop at once', async () => {
    const late = mintKey(file, '555566667777');
    expect((await sts(late).send(new GetCallerIdentityCommand({}))).Account).toBe('555566667777');
    const c = (await sts(late).send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::555566667777:role/r', RoleSessionName: 'late' }))).Credentials;
    const session = { accessKeyId: c?.AccessKeyId as string, secretAccessKey: c?.SecretAccessKey as string, sessionToken: c?.SessionToken as string };
    expect((await ec2(session).send(new DescribeVpcsCommand({}))).Vpcs?.length).toBe(1);

    const doc = JSON.parse(readFileSync(file, 'utf8')) as { credentials: { accessKeyId: string }[] };
    writeFileSync(file, JSON.stringify({ credentials: doc.credentials.filter((k) => k.accessKeyId !== late.accessKeyId) }));
    expect(await refusal(sts(late).send(new GetCallerIdentityCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
    expect(await refusal(ec2(session).send(new DescribeVpcsCommand({})))).toMatchObject({ name: 'AuthFailure', status: 401 });
    // The others are unaffected.
    expect((await sts(A).send(new GetCallerIdentityCommand({}))).Account).toBe(ACCOUNT_A);
  });

  it('a file broken while running keeps the last good keys (and says so)', async () => {
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, '{"credentials": [');
    try {
      expect((await sts(A).send(new GetCallerIdentityCommand({}))).Account).toBe(ACCOUNT_A);
    } finally {
      writeFileSync(file, good);
    }
    // The server's stderr reaches us asynchronously: wait for the line rather than race it.
    for (let i = 0; i < 100 && !server.output().includes('keeping the previous credentials'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(server.output()).toContain('keeping the previous credentials');
  });
});

describe('admin endpoints and the audit trail in strict mode', () => {
  const post = async (path: string, key: Key | undefined, body = '{"advanceSeconds": 1}') => {
    if (!key) return send(server.url, { method: 'POST', path, headers: { 'content-type': 'application/json' }, body });
    return send(server.url, await signRequest(server.url, key, { path, body, headers: { 'content-type': 'application/json' } }));
  };

  it('reset and the clock need a key marked admin', async () => {
    expect((await post('/_vpcpeer/reset', undefined)).status).toBe(403);
    const notAdmin = await post('/_vpcpeer/clock', A);
    expect(notAdmin.status).toBe(403);
    expect(JSON.parse(notAdmin.text)).toMatchObject({ error: 'AccessDenied' });
    expect((await post('/_vpcpeer/clock', wrongSecret(ADMIN))).status).toBe(401);
    const ok = await post('/_vpcpeer/clock', ADMIN);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ offsetSeconds: 1 });
  });

  it('GET /_vpcpeer/events answers the signed account only', async () => {
    const r = await signedQuery(server.url, A, { Action: 'CreateVpc', ...EC2, CidrBlock: '10.77.0.0/16' });
    expect(r.status).toBe(200);
    const events = async (key: Key) => send(server.url, await signRequest(server.url, key, { method: 'GET', path: '/_vpcpeer/events', query: { limit: '1000' } }));
    const mine = JSON.parse((await events(A)).text) as { accountId: string; events: { accountId: string; action: string; accessKeyId: string }[] };
    expect(mine.accountId).toBe(ACCOUNT_A);
    expect(mine.events.some((e) => e.action === 'CreateVpc' && e.accessKeyId === A.accessKeyId)).toBe(true);
    expect(new Set(mine.events.map((e) => e.accountId))).toEqual(new Set([ACCOUNT_A]));
    const theirs = JSON.parse((await events(B)).text) as { events: { accountId: string }[] };
    expect(theirs.events.every((e) => e.accountId === ACCOUNT_B)).toBe(true);
    const unsigned = await fetch(`${server.url}/_vpcpeer/events`);
    expect(unsigned.status).toBe(403);
    expect((await events(wrongSecret(A))).status).toBe(401);
  });
});

describe('sessions issued in open mode are not accepted in strict mode', () => {
  it('the same data folder, restarted strict, refuses the old session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-open-then-strict-'));
    const open = await startServer({ dataDir: dir });
    let session: Key;
    try {
      const c = (await new STSClient({ endpoint: open.url, region: 'us-east-1', credentials: { accessKeyId: ACCOUNT_A, secretAccessKey: 'x' }, maxAttempts: 1 }).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT_A}:role/r`, RoleSessionName: 'open' }),
      )).Credentials;
      session = { accessKeyId: c?.AccessKeyId as string, secretAccessKey: c?.SecretAccessKey as string, sessionToken: c?.SessionToken as string };
    } finally {
      await open.stop();
    }
    const strict = await startServer({ dataDir: dir, args: strictArgs(file) });
    try {
      const r = await new EC2Client({ endpoint: strict.url, region: 'us-east-1', credentials: session, maxAttempts: 1 }).send(new DescribeVpcsCommand({})).then(
        () => 'accepted',
        (e: EC2ServiceException) => e.name,
      );
      expect(r).toBe('AuthFailure');
    } finally {
      await strict.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('vpcpeer serve: strict mode configuration', () => {
  const serve = (args: readonly string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, 'serve', '--port', '0', ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });

  it.each([
    [['--host', '0.0.0.0'], 'refusing to listen on 0.0.0.0 with --auth open'],
    [['--host', '::'], 'refusing to listen on :: with --auth open'],
    [['--auth', 'strict', '--credentials', '/nonexistent/creds.json'], 'cannot read the credentials file /nonexistent/creds.json'],
    [['--auth', 'sometimes'], '--auth must be open or strict'],
  ])('refuses %j and says why', (args, message) => {
    const r = serve(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('refuses a credentials file that is not valid, naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-badcreds-'));
    const bad = join(dir, 'c.json');
    writeFileSync(bad, JSON.stringify({ credentials: [{ accessKeyId: 'AKIAEXAMPLEEXAMPLE12', secretAccessKey: 'short', accountId: '111122223333' }] }));
    expect(serve(['--auth', 'strict', '--credentials', bad]).stderr).toContain('credentials[0].secretAccessKey must be a string of 16 to 128 characters');
    writeFileSync(bad, JSON.stringify({ credentials: [] }));
    expect(serve(['--auth', 'strict', '--credentials', bad]).stderr).toContain('lists no credentials');
    rmSync(dir, { recursive: true, force: true });
  });

  it('--allow-open-auth lifts the refusal (VPCPEER_ALLOW_OPEN_AUTH too); nothing is bound here', () => {
    // A data folder that cannot be created makes the server stop right after the address check,
    // before it listens: the test never opens a non-loopback port.
    const blocker = join(mkdtempSync(join(tmpdir(), 'vpcpeer-blocker-')), 'file');
    writeFileSync(blocker, '');
    for (const r of [serve(['--host', '0.0.0.0', '--allow-open-auth', '--data-dir', join(blocker, 'sub')]), serve(['--host', '0.0.0.0', '--data-dir', join(blocker, 'sub')], { VPCPEER_ALLOW_OPEN_AUTH: '1' })]) {
      expect(r.stderr).not.toContain('refusing to listen');
      expect(r.stderr).toMatch(/ENOTDIR|EEXIST/);
    }
  });

  it('VPCPEER_AUTH and VPCPEER_CREDENTIALS select strict mode', async () => {
    const s = await startServer({ env: { VPCPEER_AUTH: 'strict', VPCPEER_CREDENTIALS: file } });
    try {
      expect(s.output()).toContain('(auth: strict,');
      const unsigned = await fetch(`${s.url}/?Action=DescribeVpcs&Version=2016-11-15`);
      expect(unsigned.status).toBe(403);
      expect((await signedQuery(s.url, A, { Action: 'DescribeVpcs', ...EC2 })).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it('`npm start -- --auth strict --credentials FILE` works as documented', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-npm-strict-'));
    const s = await startServer({ viaNpmStart: true, bare: true, args: ['--host', '127.0.0.1', '--port', '0', '--data-dir', dir, '--log-level', 'warn', ...strictArgs(file)] });
    try {
      expect(s.output()).toContain(`(auth: strict,`);
      expect((await signedQuery(s.url, B, { Action: 'DescribeVpcs', ...EC2 })).status).toBe(200);
      expect((await signedQuery(s.url, wrongSecret(B), { Action: 'DescribeVpcs', ...EC2 })).code).toBe('AuthFailure');
    } finally {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
