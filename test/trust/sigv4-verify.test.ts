// The signature check on its own: AWS's published SigV4 test vectors verify, and changing any
// signed part of a request - method, path, query, a signed header, the body, the time, the scope,
// the signature itself - makes it fail. Presigned URLs, the time window and malformed claims too.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import type { SignatureClaim, SignedRequest } from '../../src/auth/sigv4-verify.js';
import { checkCredentialScope, checkSigningTime, constantTimeEqual, readSignatureClaim, signatureMatches } from '../../src/auth/sigv4-verify.js';

// The AWS SigV4 test suite's credentials and time (aws-sig-v4-test-suite, 2015-08-30T12:36:00Z).
const SUITE_KEY = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SUITE_TIME = Date.UTC(2015, 7, 30, 12, 36, 0);

function claimOf(req: SignedRequest): SignatureClaim {
  const c = readSignatureClaim(req);
  if ('kind' in c) throw new Error(`expected a claim, got ${JSON.stringify(c)}`);
  return c;
}

async function verifies(req: SignedRequest, secret = SUITE_KEY.secretAccessKey): Promise<boolean> {
  return signatureMatches(req, claimOf(req), secret);
}

const enc = new TextEncoder();

describe('AWS SigV4 test suite vectors', () => {
  it('get-vanilla verifies, with the published signature', async () => {
    const req: SignedRequest = {
      method: 'GET',
      path: '/',
      query: [],
      headers: [
        ['Host', 'example.amazonaws.com'],
        ['X-Amz-Date', '20150830T123600Z'],
        ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
      ],
      body: new Uint8Array(),
    };
    expect(await verifies(req)).toBe(true);
    expect(await verifies(req, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEx')).toBe(false);
    expect(checkSigningTime(claimOf(req), SUITE_TIME)).toBeUndefined();
    expect(checkCredentialScope(claimOf(req), 'service')).toBeUndefined();
  });

  it('post-x-www-form-urlencoded verifies (the body is hashed as received)', async () => {
    const req: SignedRequest = {
      method: 'POST',
      path: '/',
      query: [],
      headers: [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Host', 'example.amazonaws.com'],
        ['X-Amz-Date', '20150830T123600Z'],
        ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a'],
      ],
      body: enc.encode('Param1=value1'),
    };
    expect(await verifies(req)).toBe(true);
    expect(await verifies({ ...req, body: enc.encode('Param1=value2') })).toBe(false);
  });
});

/** A request signed now by the SDK's signer, in the shape the server receives it. */
async function sdkSigned(o: { body?: string; query?: Record<string, string>; token?: string; extra?: Record<string, string> } = {}): Promise<SignedRequest> {
  const signer = new SignatureV4({ credentials: { ...SUITE_KEY, ...(o.token ? { sessionToken: o.token } : {}) }, region: 'us-east-1', service: 'ec2', sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4566,
      path: '/',
      query: o.query ?? {},
      headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'amz-sdk-request': 'attempt=1; max=1', ...o.extra },
      body: o.body ?? 'Action=DescribeVpcs&Version=2016-11-15',
    },
    { signingDate: new Date(SUITE_TIME) },
  );
  return {
    method: 'POST',
    path: '/',
    query: Object.entries(o.query ?? {}),
    headers: Object.entries(signed.headers as Record<string, string>),
    body: enc.encode(o.body ?? 'Action=DescribeVpcs&Version=2016-11-15'),
  };
}

function withHeader(req: SignedRequest, name: string, value: string | undefined): SignedRequest {
  const rest = req.headers.filter(([k]) => k.toLowerCase() !== name);
  return { ...req, headers: value === undefined ? rest : [...rest, [name, value]] };
}

describe('any change to what was signed fails verification', () => {
  it('the untouched request verifies (the baseline of every case below)', async () => {
    expect(await verifies(await sdkSigned())).toBe(true);
    expect(await verifies(await sdkSigned({ query: { a: 'x y', b: '~*/' } }))).toBe(true);
  });

  it.each([
    ['method', (r: SignedRequest) => ({ ...r, method: 'PUT' })],
    ['path', (r: SignedRequest) => ({ ...r, path: '/other' })],
    ['an added query parameter', (r: SignedRequest) => ({ ...r, query: [...r.query, ['Action', 'DeleteVpc'] as const] })],
    ['the body (one parameter changed)', (r: SignedRequest) => ({ ...r, body: enc.encode('Action=DeleteVpcs&Version=2016-11-15') })],
    ['the body (one byte appended)', (r: SignedRequest) => ({ ...r, body: enc.encode('Action=DescribeVpcs&Version=2016-11-15&') })],
    ['a signed header value', (r: SignedRequest) => withHeader(r, 'amz-sdk-request', 'attempt=2; max=1')],
    ['a signed header removed', (r: SignedRequest) => withHeader(r, 'content-type', undefined)],
    ['a signed header repeated', (r: SignedRequest) => ({ ...r, headers: [...r.headers, ['Content-Type', 'text/plain'] as const] })],
    ['the host', (r: SignedRequest) => withHeader(r, 'host', 'evil.example:4566')],
    ['the signing time (one second later)', (r: SignedRequest) => withHeader(r, 'x-amz-date', '20150830T123601Z')],
    ['the signature (one digit)', (r: SignedRequest) => withHeader(r, 'authorization', r.headers.find(([k]) => k === 'authorization')?.[1].replace(/Signature=(.)/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`))],
    ['the signature (upper case)', (r: SignedRequest) => withHeader(r, 'authorization', r.headers.find(([k]) => k === 'authorization')?.[1].replace(/Signature=(\w+)/, (_m, s: string) => `Signature=${s.toUpperCase()}`))],
    ['the region in the scope', (r: SignedRequest) => withHeader(r, 'authorization', r.headers.find(([k]) => k === 'authorization')?.[1].replace('/us-east-1/', '/us-west-2/'))],
    ['a header left out of SignedHeaders', (r: SignedRequest) => withHeader(r, 'authorization', r.headers.find(([k]) => k === 'authorization')?.[1].replace('amz-sdk-request;', ''))],
    ['a lying x-amz-content-sha256 (the real body is hashed)', async () => {
      const r = await sdkSigned({ extra: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } });
      return r;
    }],
  ])('%s', async (_name, tamper) => {
    const tampered = await tamper(await sdkSigned());
    expect(await verifies(tampered)).toBe(false);
  });

  it('an unsigned header may be added or changed (user-agent is never signed)', async () => {
    const r = await sdkSigned();
    expect(await verifies(withHeader(r, 'user-agent', 'changed/1.0'))).toBe(true);
    expect(await verifies({ ...r, headers: [...r.headers, ['X-Forwarded-For', '10.0.0.1']] })).toBe(true);
  });

  it('a session token is part of what is signed', async () => {
    const r = await sdkSigned({ token: 'token-one' });
    expect(claimOf(r).sessionToken).toBe('token-one');
    expect(await verifies(r)).toBe(true);
    expect(await verifies(withHeader(r, 'x-amz-security-token', 'token-two'))).toBe(false);
  });
});

describe('presigned query strings', () => {
  async function presigned(expiresIn: number, query: Record<string, string> = { Action: 'DescribeVpcs', Version: '2016-11-15' }): Promise<SignedRequest> {
    const signer = new SignatureV4({ credentials: SUITE_KEY, region: 'us-east-1', service: 'ec2', sha256: Sha256 });
    const p = await signer.presign({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 4566, path: '/', query, headers: { host: '127.0.0.1:4566' } }, { signingDate: new Date(SUITE_TIME), expiresIn });
    return { method: 'GET', path: '/', query: Object.entries(p.query as Record<string, string>), headers: [['Host', '127.0.0.1:4566']], body: new Uint8Array() };
  }

  it('verifies while valid and expires after X-Amz-Expires', async () => {
    const r = await presigned(60);
    const claim = claimOf(r);
    expect(claim).toMatchObject({ presigned: true, expiresSeconds: 60, accessKeyId: 'AKIDEXAMPLE', region: 'us-east-1', service: 'ec2' });
    expect(await verifies(r)).toBe(true);
    expect(checkSigningTime(claim, SUITE_TIME + 60_000)).toBeUndefined();
    expect(checkSigningTime(claim, SUITE_TIME + 60_001)).toEqual({ kind: 'presign-expired' });
  });

  it('a changed or added parameter fails', async () => {
    const r = await presigned(60);
    expect(await verifies({ ...r, query: r.query.map(([k, v]) => [k, k === 'Action' ? 'DeleteVpc' : v] as const) })).toBe(false);
    expect(await verifies({ ...r, query: [...r.query, ['VpcId.1', 'vpc-0123456789abcdef0']] })).toBe(false);
    expect(await verifies({ ...r, query: r.query.map(([k, v]) => [k, k === 'X-Amz-Expires' ? '604800' : v] as const) })).toBe(false);
  });

  it('incomplete parameters are refused as IncompleteSignature', async () => {
    const r = await presigned(60);
    const c = readSignatureClaim({ ...r, query: r.query.filter(([k]) => k !== 'X-Amz-Expires') });
    expect(c).toMatchObject({ kind: 'incomplete' });
    const week = readSignatureClaim({ ...r, query: r.query.map(([k, v]) => [k, k === 'X-Amz-Expires' ? '604801' : v] as const) });
    expect(week).toMatchObject({ kind: 'incomplete', message: expect.stringContaining('604800') });
  });
});

describe('the time window', () => {
  const claim = (ms: number): SignatureClaim => ({
    presigned: false,
    accessKeyId: 'k',
    scopeDate: '20150830',
    region: 'us-east-1',
    service: 'ec2',
    terminator: 'aws4_request',
    signedHeaders: ['host'],
    signature: '',
    requestTime: ms,
    amzDate: new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, ''),
  });

  it('accepts up to 15 minutes either way, and words the refusal as STS does', () => {
    expect(checkSigningTime(claim(SUITE_TIME - 15 * 60_000), SUITE_TIME)).toBeUndefined();
    expect(checkSigningTime(claim(SUITE_TIME + 15 * 60_000), SUITE_TIME)).toBeUndefined();
    expect(checkSigningTime(claim(SUITE_TIME - 15 * 60_000 - 1000), SUITE_TIME)).toEqual({
      kind: 'skew',
      message: 'Signature expired: 20150830T122059Z is now earlier than 20150830T122100Z (20150830T123600Z - 15 min.)',
    });
    expect(checkSigningTime(claim(SUITE_TIME + 15 * 60_000 + 1000), SUITE_TIME)).toEqual({
      kind: 'skew',
      message: 'Signature not yet current: 20150830T125101Z is still later than 20150830T125100Z (20150830T123600Z + 15 min.)',
    });
  });

  it('the scope must name the signing date, the service and aws4_request', () => {
    expect(checkCredentialScope(claim(SUITE_TIME), 'ec2')).toBeUndefined();
    expect(checkCredentialScope(claim(SUITE_TIME), 'sts')).toMatchObject({ kind: 'mismatch', message: expect.stringContaining("Credential should be scoped to correct service: 'sts'") });
    expect(checkCredentialScope({ ...claim(SUITE_TIME), scopeDate: '20150831' }, 'ec2')).toMatchObject({ kind: 'mismatch', message: expect.stringContaining("'20150831' != '20150830'") });
    expect(checkCredentialScope({ ...claim(SUITE_TIME), terminator: 'aws5_request' }, undefined)).toMatchObject({ kind: 'mismatch' });
  });
});

describe('reading the claim', () => {
  const base: SignedRequest = { method: 'POST', path: '/', query: [], headers: [['Host', 'h'], ['X-Amz-Date', '20150830T123600Z']], body: new Uint8Array() };
  const withAuth = (value: string): SignedRequest => ({ ...base, headers: [...base.headers, ['Authorization', value]] });

  it('no Authorization header and no X-Amz-* parameters: missing', () => {
    expect(readSignatureClaim(base)).toEqual({ kind: 'missing' });
    // A SigV2-style query is not a SigV4 claim either.
    expect(readSignatureClaim({ ...base, query: [['AWSAccessKeyId', 'AKID'], ['Signature', 'x']] })).toEqual({ kind: 'missing' });
  });

  it.each([
    ['Bearer abc', "Unsupported AWS 'algorithm'"],
    ['AWS4-HMAC-SHA256 ', "Authorization header requires 'Credential' parameter."],
    ['AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host', "Authorization header requires 'Signature' parameter."],
    ['AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/aws4_request, SignedHeaders=host, Signature=00', 'Credential must have exactly 5 slash-delimited elements'],
  ])('%j is an incomplete signature', (header, message) => {
    const c = readSignatureClaim(withAuth(header));
    expect(c).toMatchObject({ kind: 'incomplete' });
    expect((c as { message: string }).message).toContain(message);
  });

  it('a malformed X-Amz-Date is refused in AWS words', () => {
    const req = { ...withAuth('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00'), headers: [['Host', 'h'], ['X-Amz-Date', '20151330T123600Z'], ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00']] as [string, string][] };
    expect(readSignatureClaim(req)).toEqual({ kind: 'incomplete', message: "Date must be in ISO-8601 'basic format'. Got '20151330T123600Z'. See http://en.wikipedia.org/wiki/ISO_8601" });
  });

  it('both an Authorization header and presigned parameters: refused', () => {
    const req = { ...withAuth('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00'), query: [['X-Amz-Signature', '00']] as [string, string][] };
    expect(readSignatureClaim(req)).toMatchObject({ kind: 'incomplete', message: expect.stringContaining('Only one auth mechanism') });
  });
});

describe('constant-time comparison', () => {
  it('is plain equality in its answers', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('é', 'e')).toBe(false);
  });
});
