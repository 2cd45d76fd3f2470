// Fuzzing running servers (one open, one strict) with random and mutated requests: random actions
// and parameters shaped by the EC2 model, broken encodings and invalid UTF-8, giant and deeply
// indexed lists, thousands of ids and filters, random and mutated signatures, and raw HTTP with
// abused headers. Every answer must be below 500, the server must neither exit nor stall nor log
// an internal error, and afterwards it must still work and its file pass SQLite's integrity check.
// `npm test` runs VPCPEER_FUZZ_CASES=3000 by default; `npm run fuzz` runs 100,000.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/api/operations.js';
import { ec2Model } from '../../src/protocol/index.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import type { MintedKey } from './trust-support.js';
import { credentialsPath, mintKey, strictArgs } from './trust-support.js';

const CASES = Number(process.env.VPCPEER_FUZZ_CASES ?? 3000);
const SEED = Number(process.env.VPCPEER_FUZZ_SEED ?? 20261127);
const CONCURRENCY = 16;
const STALL_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// What a case is, and how it is sent.

interface HttpCase {
  readonly kind: string;
  readonly target: 'open' | 'strict';
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Uint8Array;
  /** Sign with the strict server's key before sending (then maybe tamper with the result). */
  readonly sign?: { readonly service: string; readonly region: string; readonly tamper: number; readonly presign: boolean };
}

interface RawCase {
  readonly kind: 'raw-http';
  readonly target: 'open' | 'strict';
  readonly bytes: Uint8Array;
}

type Case = HttpCase | RawCase;

// ---------------------------------------------------------------------------------------------
// Generators.

const OPS = Object.keys(OPERATIONS);
const known: string[] = [];

function wireName(name: string, ref: { locationName?: string; queryName?: string }): string {
  return ref.queryName ?? (ref.locationName ? ref.locationName[0]?.toUpperCase() + ref.locationName.slice(1) : name);
}

const index = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '1000', '1001', '999999', '-1', '01', '1e3', 'x', '', '4294967296', '1.5') },
);

const pairArbitraries = new Map<string, fc.Arbitrary<[string, string]>>();

/**
 * A parameter the model accepts for `shape`, down to a leaf, with a value of the leaf's type most
 * of the time (an enum value, a boolean, a small integer, an id or a CIDR by the member's name)
 * and anything at all otherwise; list indexes sometimes go astray.
 */
function pairFor(shapeName: string, depth: number, member: string): fc.Arbitrary<[string, string]> {
  const memo = `${shapeName}@${depth}@${member}`;
  const cached = pairArbitraries.get(memo);
  if (cached) return cached;
  const shape = ec2Model.shapes[shapeName];
  let arb: fc.Arbitrary<[string, string]>;
  if (shape && depth <= 6 && shape.type === 'structure' && Object.keys(shape.members ?? {}).length > 0) {
    arb = fc.oneof(...Object.entries(shape.members ?? {}).map(([name, ref]) => pairFor(ref.shape, depth + 1, name).map(([rest, v]): [string, string] => [wireName(name, ref) + (rest ? `.${rest}` : ''), v])));
  } else if (shape && depth <= 6 && shape.type === 'list' && shape.member) {
    arb = fc.tuple(index, pairFor(shape.member.shape, depth + 1, member)).map(([i, [rest, v]]): [string, string] => [i + (rest ? `.${rest}` : ''), v]);
  } else {
    arb = fc.oneof({ weight: 3, arbitrary: typedValue(shape, member) }, { weight: 1, arbitrary: value }).map((v): [string, string] => ['', v]);
  }
  pairArbitraries.set(memo, arb);
  return arb;
}

function typedValue(shape: (typeof ec2Model.shapes)[string] | undefined, member: string): fc.Arbitrary<string> {
  if (shape?.enum && shape.enum.length > 0) return fc.constantFrom(...shape.enum);
  if (member === 'DryRun') return fc.constantFrom('false', 'false', 'false', 'true');
  if (shape?.type === 'boolean') return fc.constantFrom('true', 'false');
  if (shape?.type === 'integer' || shape?.type === 'long') return fc.integer({ min: -2, max: 1200 }).map(String);
  if (/Cidr/i.test(member)) return fc.oneof(fc.constantFrom('10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/24', '172.31.0.0/16', '2600:1f18::/56'), fc.integer({ min: 0, max: 255 }).map((n) => `10.${n}.0.0/16`));
  if (/(Id|Ids)$/.test(member) || /^(Resources|ResourceId)$/.test(member)) return idLike;
  if (/Owner/.test(member)) return fc.constantFrom('111111111111', '222222222222', '333333333333');
  if (/Region/.test(member)) return fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1');
  if (member === 'Name') return fc.constantFrom('vpc-id', 'tag:Name', 'owner-id', 'status-code', 'cidr', 'state', 'tag-key', 'resource-id', 'key', 'value', 'isDefault');
  return fc.string({ maxLength: 12 });
}

const garbageKey = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom('Filter', 'Value', 'Name', 'Tag', 'Key', '1', '1000', '999999', '__proto__', 'constructor', 'toString', 'X-Amz-Signature'), { minLength: 1, maxLength: 8 }).map((p) => p.join('.')),
);

const hex = (n: number) => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: n, maxLength: n }).map((cs) => cs.join(''));
const idLike = fc.oneof(
  fc.tuple(fc.constantFrom('vpc', 'subnet', 'rtb', 'rtbassoc', 'pcx', 'igw', 'sg', 'acl', 'dopt', 'vpc-cidr-assoc', 'eni', 'i', 'x'), fc.oneof(hex(8), hex(17), fc.string({ maxLength: 20 }))).map(([p, h]) => `${p}-${h}`),
  fc.nat().map((i) => known[i % Math.max(1, known.length)] ?? 'vpc-0123456789abcdef0'),
);

const value = fc.oneof(
  { weight: 3, arbitrary: idLike },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'TRUE', '1', '0', '-1', '5', '1000', '1001', '2147483648', '-2147483649', '9007199254740993', '1e309', 'NaN', '', ' ') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 }))
      .map(([a, b, m]) => `${a}.${b}.0.0/${m}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('10.0.0.0/16', '10.1.0.0/16', '172.31.0.0/16', '10.0.0.0/28', '2600:1f18::/56', '::/0', '0.0.0.0/0') },
  { weight: 1, arbitrary: fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1', 'mars-north-1', '111111111111', '222222222222', 'x'.repeat(300)) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.integer({ min: 50, max: 300 })).map(([g, n]) => g.repeat(n)) },
  { weight: 1, arbitrary: fc.stringMatching(/^[*?\\ab]{0,12}$/) },
);

const account = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('111111111111', '222222222222', '333333333333') }, { weight: 1, arbitrary: fc.stringMatching(/^\d{12}$/) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const region = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('us-east-1', 'us-west-2', 'eu-central-1') }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });

function form(pairs: readonly (readonly [string, string])[], broken: boolean): Uint8Array {
  const text = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return new Uint8Array(Buffer.from(broken ? text.replace(/%2F/g, '%2').replace(/%20/g, '%G0') : text));
}

/** A plausible Query request, model-shaped, with a random number of stray parameters. */
const queryCase: fc.Arbitrary<Case> = fc
  .record({
    action: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...OPS) }, { weight: 1, arbitrary: fc.constantFrom('GetCallerIdentity', 'AssumeRole', 'RunInstances', '', 'describeVpcs') }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }),
    version: fc.oneof({ weight: 10, arbitrary: fc.constant('2016-11-15') }, { weight: 1, arbitrary: fc.constantFrom('2011-06-15', '2014-01-01', '') }, { weight: 1, arbitrary: fc.constant(undefined) }),
    extra: fc.oneof({ weight: 3, arbitrary: fc.constant([] as [string, string][]) }, { weight: 1, arbitrary: fc.array(fc.tuple(garbageKey, value), { minLength: 1, maxLength: 4 }) }),
    account,
    region,
    service: fc.oneof({ weight: 12, arbitrary: fc.constant('ec2') }, { weight: 1, arbitrary: fc.constantFrom('sts', 'foo') }),
    get: fc.boolean(),
    broken: fc.integer({ min: 0, max: 20 }).map((n) => n === 0),
    presigned: fc.integer({ min: 0, max: 10 }).map((n) => n === 0),
  })
  .chain((r) => {
    const op = r.action as keyof typeof ec2Model.operations;
    const input = Object.hasOwn(ec2Model.operations, op) ? ec2Model.operations[op].input : undefined;
    const shape = input ? ec2Model.shapes[input] : undefined;
    // The required members most of the time, so more requests get past the decoder.
    const required = (shape?.required ?? []).map((name) => {
      const ref = shape?.members?.[name] as { shape: string; locationName?: string; queryName?: string };
      return pairFor(ref.shape, 1, name).map(([rest, v]): [string, string] => [wireName(name, ref) + (rest ? `.${rest}` : ''), v]);
    });
    const requiredPairs = fc.oneof({ weight: 4, arbitrary: required.length ? fc.tuple(...required) : fc.constant([] as [string, string][]) }, { weight: 1, arbitrary: fc.constant([] as [string, string][]) });
    const keyed = input ? fc.tuple(requiredPairs, fc.array(pairFor(input, 0, ''), { maxLength: 6 })).map(([a, b]) => [...a, ...b]) : fc.constant([] as [string, string][]);
    return keyed.map((params): Case => {
      const pairs: [string, string][] = [['Action', r.action], ...(r.version !== undefined ? ([['Version', r.version]] as [string, string][]) : []), ...params.filter(([k]) => k !== ''), ...r.extra];
      const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      const credential = `${r.account}/${date}/${r.region}/${r.service}/aws4_request`;
      if (r.presigned) pairs.push(['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'], ['X-Amz-Credential', credential], ['X-Amz-Date', `${date}T000000Z`], ['X-Amz-Expires', '60'], ['X-Amz-SignedHeaders', 'host'], ['X-Amz-Signature', '00']);
      const headers: Record<string, string> = r.presigned ? {} : { authorization: `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host, Signature=00` };
      if (r.get) {
        const qs = Buffer.from(form(pairs, r.broken)).toString();
        return { kind: 'query-get', target: 'open', method: 'GET', path: `/?${qs}`, headers };
      }
      return { kind: 'query', target: 'open', method: 'POST', path: '/', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form(pairs, r.broken) };
    });
  });

/** A valid request whose bytes are then damaged: flipped, cut, stuffed with invalid UTF-8. */
const mutatedBytes: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(
      'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.9.0.0%2F16&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=x',
      'Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=a*b%3F',
      'Action=CreateVpcPeeringConnection&Version=2016-11-15&VpcId=vpc-0123456789abcdef0&PeerVpcId=vpc-0123456789abcdef1&PeerOwnerId=222222222222',
      'Action=ModifyVpcPeeringConnectionOptions&Version=2016-11-15&VpcPeeringConnectionId=pcx-0123456789abcdef0&RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc=true',
      'Action=CreateTags&Version=2016-11-15&ResourceId.1=vpc-0123456789abcdef0&Tag.1.Key=k&Tag.1.Value=%E2%9C%93',
    ),
    fc.array(fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x25, 0x26, 0x3d, 0x2b, 0xff, 0xc3, 0xed, 0x00))), { minLength: 1, maxLength: 6 }),
    fc.nat(),
    account,
  )
  .map(([text, edits, cut, acct]): Case => {
    const bytes = [...Buffer.from(text)];
    for (const [at, b] of edits) bytes.splice(at % (bytes.length + 1), cut % 3 === 0 ? 1 : 0, b);
    const body = new Uint8Array(bytes.slice(0, cut % 7 === 0 ? cut % bytes.length : bytes.length));
    return { kind: 'mutated-bytes', target: 'open', method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `AWS4-HMAC-SHA256 Credential=${acct}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00` }, body };
  });

/** Giant, deep and many: thousands of ids, filters and values, huge indexes, long values. */
const bigCase: fc.Arbitrary<Case> = fc
  .record({
    shape: fc.constantFrom('ids', 'filters', 'deep-index', 'values', 'long-value', 'many-params', 'nested'),
    n: fc.integer({ min: 900, max: 2500 }),
    action: fc.constantFrom('DescribeVpcs', 'DescribeSubnets', 'DescribeVpcPeeringConnections', 'DescribeRouteTables', 'CreateTags', 'DeleteTags', 'DescribeTags', 'DescribeSecurityGroups'),
  })
  .map(({ shape, n, action }): Case => {
    const pairs: [string, string][] = [['Action', action], ['Version', '2016-11-15']];
    if (shape === 'ids') for (let i = 1; i <= n; i++) pairs.push([`${action === 'CreateTags' || action === 'DeleteTags' ? 'ResourceId' : 'VpcId'}.${i}`, `vpc-${i.toString(16).padStart(17, '0')}`]);
    if (shape === 'filters') for (let i = 1; i <= Math.min(n, 1100); i++) pairs.push([`Filter.${i}.Name`, 'tag:Name'], [`Filter.${i}.Value.1`, `v${i}`]);
    if (shape === 'values') for (let i = 1; i <= n; i++) pairs.push([`Filter.1.Value.${i}`, `v${i}`]);
    if (shape === 'deep-index') pairs.push([`Filter.${n * 1000}.Value.${n}`, 'x'], ['Filter.999999.Name', 'vpc-id'], ['Filter.1.Value.999999', 'x']);
    if (shape === 'long-value') pairs.push(['Filter.1.Name', 'tag:Name'], ['Filter.1.Value.1', 'x'.repeat(n * 300)]);
    if (shape === 'many-params') for (let i = 0; i < 9990 + (n % 20); i++) pairs.push([`P${i}`, '']);
    if (shape === 'nested') pairs.push([Array.from({ length: n % 200 }, () => 'Filter.1').join('.') + '.Name', 'x']);
    return { kind: `big-${shape}`, target: 'open', method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00' }, body: form(pairs, false) };
  });

/** Raw HTTP/1.1 with abused request lines and headers, sent over its own connection. */
const rawCase: fc.Arbitrary<Case> = fc
  .record({
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE', 'PRI'), fc.string({ unit: 'binary-ascii', maxLength: 10 })),
    path: fc.oneof(fc.constantFrom('/', '/?Action=DescribeVpcs&Version=2016-11-15', '/_vpcpeer/health', '/_vpcpeer/events', '/_vpcpeer/clock', '/assets/../../etc/passwd', '*', 'http://evil/'), fc.string({ unit: 'binary-ascii', maxLength: 60 })),
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', ''),
    headers: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('Host', 'Content-Length', 'Transfer-Encoding', 'Content-Type', 'Authorization', 'X-Amz-Date', 'X-Amz-Security-Token', 'Expect', 'Connection'), fc.string({ unit: 'binary-ascii', maxLength: 20 })),
        fc.oneof(fc.constantFrom('0', '5', '-1', '99999999999', 'chunked', 'gzip, chunked', '100-continue', 'AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=00', 'keep-alive'), fc.string({ unit: 'binary', maxLength: 80 })),
      ),
      { maxLength: 12 },
    ),
    body: fc.string({ unit: 'binary', maxLength: 200 }),
    huge: fc.integer({ min: 0, max: 30 }).map((n) => (n === 0 ? 20_000 : 0)),
  })
  .map(({ method, path, version, headers, body, huge }): Case => {
    const lines = [`${method} ${path} ${version}`, 'Host: 127.0.0.1', ...headers.map(([k, v]) => `${k}: ${v}`), ...(huge ? [`X-Huge: ${'h'.repeat(huge)}`] : []), 'Connection: close'];
    return { kind: 'raw-http', target: 'open', bytes: new Uint8Array(Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), Buffer.from(body)])) };
  });

/** Strict mode: real signatures over random requests, then damaged in one place or another. */
const strictCase: fc.Arbitrary<Case> = fc
  .record({
    query: queryCase,
    tamper: fc.integer({ min: 0, max: 9 }),
    service: fc.constantFrom('ec2', 'ec2', 'sts', 'iam'),
    region: fc.constantFrom('us-east-1', 'us-east-1', 'eu-west-1', 'nowhere-1'),
    presign: fc.boolean(),
  })
  .map(({ query, tamper, service, region, presign }): Case => {
    const q = query as HttpCase;
    const headers = Object.fromEntries(Object.entries(q.headers).filter(([k]) => k !== 'authorization'));
    const path = q.path.replace(/&X-Amz-[^&]*/g, '');
    return { ...q, kind: `strict-${q.method.toLowerCase()}`, target: 'strict', path, headers, sign: { service, region, tamper, presign: presign && q.method === 'GET' } };
  });

const anyCase: fc.Arbitrary<Case> = fc.oneof(
  { weight: 55, arbitrary: queryCase },
  { weight: 12, arbitrary: mutatedBytes },
  { weight: 2, arbitrary: bigCase },
  { weight: 6, arbitrary: rawCase },
  { weight: 25, arbitrary: strictCase },
);

// ---------------------------------------------------------------------------------------------
// Running them.

interface Target {
  server: RunningServer;
  pool: Pool;
  readonly args: string[];
  readonly dataDir: string;
}

const targets: Record<'open' | 'strict', Target> = {} as Record<'open' | 'strict', Target>;
let key: MintedKey;
/** Answers given before a handler runs: the front door, the decoder, authentication. */
const SHALLOW = new Set(['MalformedQueryString', 'InvalidAction', 'MissingAction', 'UnknownParameter', 'MissingParameter', 'InvalidParameterValue', 'NoSuchVersion', 'RequestEntityTooLarge', 'InvalidRequest', 'NotFound', 'AuthFailure', 'IncompleteSignature', 'MissingAuthenticationToken', 'RequestExpired', 'SignatureDoesNotMatch', 'InvalidClientTokenId']);
const stats = { deep: 0, cases: 0, byKind: {} as Record<string, number>, statuses: {} as Record<string, number>, fiveXX: 0, stalls: 0, crashes: 0, internalErrors: 0, samples: [] as string[] };

async function start(name: 'open' | 'strict', args: string[], dataDir: string): Promise<Target> {
  const server = await startServer({ dataDir, args });
  return { server, pool: new Pool(server.url, { connections: CONCURRENCY, keepAliveTimeout: 10_000, headersTimeout: STALL_MS, bodyTimeout: STALL_MS }), args, dataDir };
}

async function signed(c: HttpCase, url: string): Promise<{ path: string; headers: Record<string, string> }> {
  const u = new URL(url);
  const s = c.sign as NonNullable<HttpCase['sign']>;
  const signer = new SignatureV4({ credentials: key, region: s.region, service: s.service, sha256: Sha256 });
  const [path, qs = ''] = c.path.split('?');
  const query: Record<string, string | string[]> = {};
  for (const part of qs.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    let k: string;
    let v: string;
    try {
      k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      v = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      return { path: c.path, headers: c.headers };
    }
    const prior = query[k];
    query[k] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
  }
  const request = { method: c.method, protocol: 'http:', hostname: u.hostname, port: Number(u.port), path: path as string, query, headers: { ...c.headers, host: u.host }, ...(c.body ? { body: c.body } : {}) };
  let headers: Record<string, string>;
  let outQuery: Record<string, string | string[]>;
  if (s.presign) {
    const p = await signer.presign(request, { expiresIn: 300 });
    headers = p.headers as Record<string, string>;
    outQuery = p.query as Record<string, string | string[]>;
  } else {
    const p = await signer.sign(request);
    headers = p.headers as Record<string, string>;
    outQuery = query;
  }
  delete headers.host;
  // Damage one thing in ten cases out of ten... except when tamper is 0-4: then it stays valid.
  const flip = (text: string): string => (text.length ? text.slice(0, -1) + (text.endsWith('0') ? '1' : '0') : 'x');
  if (s.tamper === 5 && headers.authorization) headers.authorization = headers.authorization.replace(/Signature=(\w+)/, (_m, sig: string) => `Signature=${flip(sig)}`);
  if (s.tamper === 6 && headers['x-amz-date']) headers['x-amz-date'] = '20200101T000000Z';
  if (s.tamper === 7 && headers.authorization) headers.authorization = headers.authorization.replace('Credential=', 'Credential=AKIAUNKNOWN');
  if (s.tamper === 8 && typeof outQuery['X-Amz-Signature'] === 'string') outQuery['X-Amz-Signature'] = flip(outQuery['X-Amz-Signature']);
  if (s.tamper === 9 && headers.authorization) headers.authorization = headers.authorization.slice(0, Math.floor(headers.authorization.length / 2));
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(outQuery)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  const out = params.toString().replace(/\+/g, '%20');
  return { path: (path as string) + (out ? `?${out}` : ''), headers };
}

function rawSend(url: string, bytes: Uint8Array): Promise<number | 'stall'> {
  const { port } = new URL(url);
  return new Promise((done) => {
    const socket = connect(Number(port), '127.0.0.1');
    let head = '';
    const timer = setTimeout(() => {
      socket.destroy();
      done('stall');
    }, STALL_MS);
    socket.on('data', (d) => {
      if (head.length < 64) head += d.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      // A connection closed without an answer is a refusal too (e.g. a request cut short).
      done(Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0));
    });
    socket.end(bytes);
  });
}

async function runOne(c: Case): Promise<void> {
  const t = targets[c.target];
  let status: number | 'stall';
  if (c.kind === 'raw-http') {
    status = await rawSend(t.server.url, (c as RawCase).bytes);
  } else {
    const h = c as HttpCase;
    const { path, headers } = h.sign ? await signed(h, t.server.url) : { path: h.path, headers: h.headers };
    try {
      const res = await t.pool.request({ method: h.method as 'GET', path, headers, ...(h.body ? { body: h.body } : {}) });
      const text = await res.body.text();
      status = res.statusCode;
      const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
      if (status === 200 || (code !== undefined && !SHALLOW.has(code))) stats.deep++;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      status = /TIMEOUT/.test(code) ? 'stall' : 0;
    }
  }
  stats.cases++;
  stats.byKind[c.kind] = (stats.byKind[c.kind] ?? 0) + 1;
  stats.statuses[String(status)] = (stats.statuses[String(status)] ?? 0) + 1;
  if (status === 'stall') stats.stalls++;
  if (typeof status === 'number' && status >= 500) {
    stats.fiveXX++;
    if (stats.samples.length < 5) stats.samples.push(JSON.stringify({ kind: c.kind, status, ...('path' in c ? { path: c.path.slice(0, 200), body: c.body ? Buffer.from(c.body).toString('latin1').slice(0, 300) : undefined } : {}) }));
  }
}

/** A server that exited is counted and started again, so the run measures rather than stops. */
async function checkAlive(name: 'open' | 'strict'): Promise<void> {
  const t = targets[name];
  if (t.server.child.exitCode === null && t.server.child.signalCode === null) return;
  stats.crashes++;
  if (stats.samples.length < 5) stats.samples.push(`${name} server exited: ${t.server.output().slice(-2000)}`);
  await t.pool.close();
  targets[name] = await start(name, t.args, t.dataDir);
}

const dirs: string[] = [];
beforeAll(async () => {
  const file = credentialsPath();
  key = mintKey(file, '111111111111');
  for (const [name, args] of [
    ['open', []],
    ['strict', strictArgs(file)],
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), `vpcpeer-fuzz-${name}-`));
    dirs.push(dir);
    targets[name] = await start(name, [...args], dir);
  }
  // Some real resources, so random ids sometimes name something that exists.
  const pool = targets.open.pool;
  const call = async (acct: string, body: string) => {
    const res = await pool.request({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `AWS4-HMAC-SHA256 Credential=${acct}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00` }, body });
    return res.body.text();
  };
  for (const [acct, cidr] of [
    ['111111111111', '10.0.0.0/16'],
    ['222222222222', '10.1.0.0/16'],
  ] as const) {
    const vpc = /<vpcId>([^<]+)/.exec(await call(acct, `Action=CreateVpc&Version=2016-11-15&CidrBlock=${encodeURIComponent(cidr)}`))?.[1];
    if (vpc) known.push(vpc);
  }
  const pcx = /<vpcPeeringConnectionId>([^<]+)/.exec(await call('111111111111', `Action=CreateVpcPeeringConnection&Version=2016-11-15&VpcId=${known[0]}&PeerVpcId=${known[1]}&PeerOwnerId=222222222222`))?.[1];
  if (pcx) known.push(pcx);
}, 60_000);

afterAll(async () => {
  for (const t of Object.values(targets)) {
    await t.pool?.close().catch(() => undefined);
    await t.server?.stop();
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe(`fuzzing running servers (${CASES} cases, seed ${SEED})`, () => {
  it(
    'no input gets a 5xx, stalls the server, crashes it or logs an internal error',
    async () => {
      const started = Date.now();
      const batch = 500;
      for (let done = 0, round = 0; done < CASES; round++) {
        const n = Math.min(batch, CASES - done);
        const cases = fc.sample(anyCase, { numRuns: n, seed: SEED + round });
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < cases.length) await runOne(cases[next++] as Case);
          }),
        );
        done += n;
        await checkAlive('open');
        await checkAlive('strict');
        // Keep the open server's state from growing without bound over a long run.
        if (round % 20 === 19) await targets.open.pool.request({ method: 'POST', path: '/_vpcpeer/reset', body: '' }).then((r) => r.body.dump());
      }
      for (const t of Object.values(targets)) stats.internalErrors += (t.server.output().match(/"level":50/g) ?? []).length;
      const seconds = (Date.now() - started) / 1000;
      const summary =
        `fuzz: ${stats.cases} cases in ${seconds.toFixed(1)} s (${Math.round(stats.cases / seconds)}/s), seed ${SEED}: ` +
        `${stats.fiveXX} 5xx, ${stats.crashes} crashes, ${stats.stalls} stalls, ${stats.internalErrors} internal errors logged; ` +
        `${stats.deep} reached a handler (200 or a domain error); ` +
        `statuses ${JSON.stringify(stats.statuses)}; kinds ${JSON.stringify(stats.byKind)}`;
      console.log(summary);
      expect(stats.samples).toEqual([]);
      expect([stats.fiveXX, stats.crashes, stats.stalls, stats.internalErrors]).toEqual([0, 0, 0, 0]);
      expect(stats.cases).toBe(CASES);
      // The run reached the handlers, not only the front door.
      expect(stats.deep).toBeGreaterThan(CASES / 10);
    },
    Math.max(300_000, CASES * 20),
  );

  it('afterwards both servers still work, and their files pass the integrity check', async () => {
    const open = targets.open;
    const body = 'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.200.0.0%2F16';
    const res = await open.pool.request({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=444444444444/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00' }, body });
    expect(res.statusCode).toBe(200);
    await res.body.dump();
    for (const t of Object.values(targets)) {
      await t.pool.close();
      await t.server.stop();
      const db = new Database(join(t.dataDir, 'vpcpeer.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }
  });
});
