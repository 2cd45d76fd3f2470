// The strict authenticator's decisions with a clock the test controls - what an end-to-end test
// cannot wait for (a session expiring) - and how each service words each problem.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CredentialsFile, parseCredentials } from '../../src/auth/credentials-file.js';
import type { SignedRequest } from '../../src/auth/sigv4-verify.js';
import type { AuthProblem } from '../../src/auth/sigv4-verify.js';
import { strictAuthenticator, wordAuthProblem } from '../../src/server/authenticate.js';
import type { StsSession } from '../../src/server/sts-handler.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-authn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEY = { accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'secret-secret-secret-secret-1', accountId: '111122223333' };
const SESSION: StsSession = {
  accessKeyId: 'ASIAAAAAAAAAAAAAAAAA',
  secretAccessKey: 'session-secret-session-secret',
  sessionToken: 'token-token-token',
  accountId: '111122223333',
  roleArn: 'arn:aws:iam::111122223333:role/r',
  roleName: 'r',
  sessionName: 's',
  roleId: 'AROAEXAMPLE',
  expiration: Date.UTC(2026, 0, 1, 1, 0, 0),
  sourceAccessKeyId: KEY.accessKeyId,
};
const T0 = Date.UTC(2026, 0, 1, 0, 30, 0);

function fileWith(keys: object[]): CredentialsFile {
  const path = join(dir, `c-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ credentials: keys }));
  return new CredentialsFile(path);
}

async function signedAs(creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, at = T0): Promise<SignedRequest> {
  const signer = new SignatureV4({ credentials: creds, region: 'us-east-1', service: 'ec2', sha256: Sha256 });
  const body = 'Action=DescribeVpcs&Version=2016-11-15';
  const s = await signer.sign({ method: 'POST', protocol: 'http:', hostname: 'h', path: '/', query: {}, headers: { host: 'h', 'content-type': 'application/x-www-form-urlencoded' }, body }, { signingDate: new Date(at) });
  return { method: 'POST', path: '/', query: [], headers: Object.entries(s.headers as Record<string, string>), body: new TextEncoder().encode(body) };
}

function authenticator(keys: object[], now = T0, sessions: StsSession[] = [SESSION]) {
  return strictAuthenticator({ credentials: fileWith(keys), loadSession: async (k) => sessions.find((s) => s.accessKeyId === k), now: () => now });
}

describe('strict authentication decisions', () => {
  it('a listed key with the right secret is its account', async () => {
    const r = await authenticator([KEY]).authenticate(await signedAs(KEY), 'ec2');
    expect(r).toMatchObject({ ok: true, caller: { accountId: KEY.accountId, accessKeyId: KEY.accessKeyId, rootAccessKeyId: KEY.accessKeyId, admin: false, principalArn: 'arn:aws:iam::111122223333:root' } });
  });

  it('a session is its role’s account until it expires, then token-expired', async () => {
    const req = await signedAs(SESSION);
    expect(await authenticator([KEY]).authenticate(req, 'ec2')).toMatchObject({ ok: true, caller: { accountId: '111122223333', rootAccessKeyId: KEY.accessKeyId, principalArn: 'arn:aws:sts::111122223333:assumed-role/r/s' } });
    const late = await signedAs(SESSION, SESSION.expiration + 1000);
    expect(await authenticator([KEY], SESSION.expiration + 1000).authenticate(late, 'ec2')).toMatchObject({ ok: false, problem: { kind: 'token-expired' } });
  });

  it('a session whose key left the file, or that open mode issued, is not accepted', async () => {
    const req = await signedAs(SESSION);
    expect(await authenticator([{ ...KEY, accessKeyId: 'AKIABBBBBBBBBBBBBBBB' }]).authenticate(req, 'ec2')).toMatchObject({ ok: false, problem: { kind: 'token-invalid' } });
    const openSession: StsSession = { ...SESSION, sourceAccessKeyId: undefined };
    expect(await authenticator([KEY], T0, [openSession]).authenticate(req, 'ec2')).toMatchObject({ ok: false, problem: { kind: 'token-invalid' } });
  });

  it('unknown keys, wrong secrets, stray tokens, wrong services each get their own problem', async () => {
    const a = authenticator([KEY]);
    expect(await a.authenticate(await signedAs({ ...KEY, accessKeyId: 'AKIAZZZZZZZZZZZZZZZZ' }), 'ec2')).toMatchObject({ ok: false, problem: { kind: 'unknown-key' } });
    expect(await a.authenticate(await signedAs({ ...KEY, secretAccessKey: 'other-other-other-other' }), 'ec2')).toMatchObject({ ok: false, problem: { kind: 'mismatch' } });
    expect(await a.authenticate(await signedAs({ ...KEY, sessionToken: 'x' }), 'ec2')).toMatchObject({ ok: false, problem: { kind: 'token-invalid' } });
    expect(await a.authenticate(await signedAs(KEY), 'sts')).toMatchObject({ ok: false, problem: { kind: 'mismatch', message: expect.stringContaining("scoped to correct service: 'sts'") } });
    expect(await a.authenticate(await signedAs(KEY, T0 - 16 * 60_000), 'ec2')).toMatchObject({ ok: false, problem: { kind: 'skew' } });
  });
});

describe('how EC2 and STS word each problem', () => {
  const cases: [AuthProblem, string, number, string, number][] = [
    [{ kind: 'missing' }, 'MissingAuthenticationToken', 403, 'MissingAuthenticationToken', 403],
    [{ kind: 'incomplete', message: 'm' }, 'IncompleteSignature', 400, 'IncompleteSignature', 400],
    [{ kind: 'unknown-key' }, 'AuthFailure', 401, 'InvalidClientTokenId', 403],
    [{ kind: 'mismatch' }, 'AuthFailure', 401, 'SignatureDoesNotMatch', 403],
    [{ kind: 'skew', message: 'Signature expired: ...' }, 'RequestExpired', 400, 'SignatureDoesNotMatch', 403],
    [{ kind: 'presign-expired' }, 'RequestExpired', 400, 'RequestExpired', 400],
    [{ kind: 'token-invalid' }, 'AuthFailure', 401, 'InvalidClientTokenId', 403],
    [{ kind: 'token-expired' }, 'RequestExpired', 400, 'ExpiredToken', 403],
    [{ kind: 'forbidden', message: 'no' }, 'AccessDenied', 403, 'AccessDenied', 403],
  ];
  it.each(cases)('%j: EC2 %s %i, STS %s %i', (problem, ec2Code, ec2Status, stsCode, stsStatus) => {
    expect(wordAuthProblem(problem, 'ec2')).toMatchObject({ code: ec2Code, status: ec2Status });
    expect(wordAuthProblem(problem, 'sts')).toMatchObject({ code: stsCode, status: stsStatus });
  });
});

describe('the credentials file', () => {
  it.each([
    ['not JSON', '{', 'is not valid JSON'],
    ['no list', '{}', 'must be a JSON object with a "credentials" array'],
    ['a short key id', JSON.stringify({ credentials: [{ ...KEY, accessKeyId: 'AKIA' }] }), 'accessKeyId must be 12 to 128 letters and digits'],
    ['a session-shaped key id', JSON.stringify({ credentials: [{ ...KEY, accessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }] }), 'shape of an STS session key'],
    ['a key listed twice', JSON.stringify({ credentials: [KEY, KEY] }), 'is listed twice'],
    ['a bad account', JSON.stringify({ credentials: [{ ...KEY, accountId: '12' }] }), 'accountId must be a 12-digit account id'],
    ['bad assumeRoleAccounts', JSON.stringify({ credentials: [{ ...KEY, assumeRoleAccounts: ['x'] }] }), 'assumeRoleAccounts must be a list of 12-digit account ids'],
  ])('refuses %s, saying where', (_name, text, message) => {
    expect(() => parseCredentials(text, 'f.json')).toThrow(message);
  });

  it('accepts the documented shape, with the optional fields', () => {
    expect(parseCredentials(JSON.stringify({ credentials: [{ ...KEY, admin: true, assumeRoleAccounts: ['222233334444'] }] }), 'f.json')).toEqual([{ ...KEY, admin: true, assumeRoleAccounts: ['222233334444'] }]);
  });
});
