// Hostile input, case by case: the limits that hold the server up (body size, parameter count,
// list indexes, ids per call, filter values, header size, header and request timeouts) answer
// in AWS's words, malformed HTTP is refused at the door, a client dribbling its headers
// (slowloris) is cut off, and through all of it other clients are served and nothing is logged
// as an internal error. The random counterpart is fuzz.test.ts.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { adminGet, startServer } from '../support/start-server.js';
import { EC2, openQuery, send } from './trust-support.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const ACCOUNT = '111111111111';
const q = (params: Record<string, string>) => openQuery(server.url, ACCOUNT, { ...EC2, ...params });

/** Raw bytes over one TCP connection; resolves with what came back once the server closes it. */
function raw(bytes: Buffer | string, { closeAfterMs = 5000 } = {}): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(port), '127.0.0.1');
    let out = '';
    const timer = setTimeout(() => socket.destroy(), closeAfterMs);
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('error', (e) => (out ? undefined : fail(e)));
    socket.on('close', () => {
      clearTimeout(timer);
      done(out);
    });
    socket.write(bytes);
  });
}

const statusOf = (response: string): number => Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1] ?? 0);

describe('limits answer in AWS’s words', () => {
  it.each([
    ['a list index over 1000', { Action: 'DescribeVpcs', 'Filter.999999.Name': 'vpc-id', 'Filter.999999.Value.1': 'x' }, 'InvalidParameterValue'],
    ['a value index over 1000', { Action: 'DescribeVpcs', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1001': 'x' }, 'InvalidParameterValue'],
    ['a filter value over 255 characters', { Action: 'DescribeVpcs', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': 'v'.repeat(256) }, 'FilterLimitExceeded'],
    ['index 0', { Action: 'DescribeVpcs', 'VpcId.0': 'vpc-0123456789abcdef0' }, 'InvalidParameterValue'],
    ['a negative index', { Action: 'DescribeVpcs', 'VpcId.-1': 'vpc-0123456789abcdef0' }, 'InvalidParameterValue'],
    ['a key nested past the model', { Action: 'DescribeVpcs', [Array.from({ length: 40 }, () => 'Filter.1').join('.')]: 'x' }, 'UnknownParameter'],
  ])('%s', async (_name, params, code) => {
    const r = await q(params as Record<string, string>);
    expect([r.status, r.code], r.text).toEqual([400, code]);
  });

  it('more than 1000 ids in one call are refused', async () => {
    const ids = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`VpcId.${i + 1}`, `vpc-${(i + 1).toString(16).padStart(17, '0')}`]));
    const thousand = await q({ Action: 'DescribeVpcs', ...ids });
    expect(thousand.code).toBe('InvalidVpcID.NotFound');
    const resources = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`ResourceId.${i + 1}`, `vpc-${(i + 1).toString(16).padStart(17, '0')}`]));
    const over = await q({ Action: 'CreateTags', ...resources, 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' });
    expect([over.status, over.code]).toEqual([400, 'InvalidParameterValue']);
  });

  it('more than 10,000 parameters are refused', async () => {
    const params = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`p${i}`, 'x']));
    const r = await q({ Action: 'DescribeVpcs', ...params });
    expect([r.status, r.code]).toEqual([400, 'InvalidParameterValue']);
    expect(r.message).toContain('at most 10000 are allowed');
  });

  it('1000 filters of 9 values each are decoded and refused without trouble', async () => {
    const params: Record<string, string> = { Action: 'DescribeVpcs' };
    for (let f = 1; f <= 1000; f++) {
      params[`Filter.${f}.Name`] = 'tag:Name';
      for (let v = 1; v <= 9; v++) params[`Filter.${f}.Value.${v}`] = `value-${v}`;
    }
    const r = await q(params);
    expect(r.status).toBe(400);
    expect(r.code).toMatch(/^(InvalidParameterValue|FilterLimitExceeded)$/);
  });

  it('a body over 1 MiB is refused with 413 before it is read whole', async () => {
    const r = await q({ Action: 'DescribeVpcs', pad: 'x'.repeat(1024 * 1024) });
    expect([r.status, r.code]).toEqual([413, 'RequestEntityTooLarge']);
  });
});

describe('malformed HTTP is refused at the door', () => {
  it.each([
    ['invalid UTF-8 in the body', Buffer.concat([Buffer.from('Action=DescribeVpcs&Version=2016-11-15&x='), Buffer.from([0xc3, 0x28])]), 400],
    ['a lone surrogate, percent-encoded', Buffer.from('Action=DescribeVpcs&Version=2016-11-15&x=%ED%A0%80'), 400],
    ['a broken percent escape', Buffer.from('Action=DescribeVpcs&Version=2016-11-15&x=%G0'), 400],
  ])('%s', async (_name, body, status) => {
    const r = await send(server.url, { method: 'POST', path: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new Uint8Array(body) });
    expect(r.status).toBe(status);
    expect(r.code).toBe('MalformedQueryString');
  });

  it.each([
    ['a header block over 16 KiB', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a request line over 16 KiB', `GET /?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ['Content-Length and Transfer-Encoding together (smuggling)', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['a chunk size that is not hex', 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n', 400],
    ['two Content-Length headers that differ', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd', 400],
    ['a header name with a space', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', 400],
    ['a bare LF inside a header value', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\nb\r\n\r\n', 400],
    ['a NUL in the request line', 'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    ['not HTTP at all', '\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003', 400],
  ])('%s', async (_name, request, status) => {
    const response = await raw(Buffer.from(request, 'latin1'));
    expect(statusOf(response), response.slice(0, 200)).toBe(status);
  });

  it('a declared body that never comes is not waited for forever', async () => {
    // 10 bytes promised, 3 sent, then the client closes: nothing to answer, nothing logged.
    const response = await raw('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc', { closeAfterMs: 300 });
    expect(response).toBe('');
  });

  it('other methods answer 4xx, never 5xx', async () => {
    for (const [method, path] of [
      ['PUT', '/'],
      ['DELETE', '/'],
      ['PATCH', '/_vpcpeer/clock'],
      ['OPTIONS', '/'],
      ['POST', '/_vpcpeer/clock'],
      ['POST', '/_vpcpeer/nothing'],
    ] as const) {
      const res = await fetch(server.url + path, { method, ...(method === 'POST' ? { body: 'not json' } : {}) });
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });

  it('paths that climb out of the tree serve nothing from outside it', async () => {
    for (const path of ['/_vpcpeer/../../etc/passwd', '/assets/../../../../etc/passwd', `/${'%2e%2e/'.repeat(20)}etc/passwd`, '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      // Sent raw, so no client normalises the dots away first.
      const response = await raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(statusOf(response), path).toBeLessThan(500);
      expect(response, path).not.toContain('root:');
    }
  });
});

describe('slow and idle clients', () => {
  it('a client dribbling its headers (slowloris) is cut off, and others are served meanwhile', async () => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('error', () => undefined);
    socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // One header byte every 200 ms: never finishing, always "active".
    const drip = setInterval(() => socket.write('X'), 200);
    try {
      // While it hangs on, the server answers everyone else.
      const r = await q({ Action: 'DescribeRegions' });
      expect(r.status).toBe(200);
      await closed;
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
    // Node answers 408 when the headers timeout (10 s) passes, then closes.
    expect(statusOf(answer)).toBe(408);
  }, 30_000);

  it('a few hundred idle connections do not keep others out', async () => {
    const { port } = new URL(server.url);
    const sockets = Array.from({ length: 300 }, () => connect(Number(port), '127.0.0.1').on('error', () => undefined));
    try {
      await Promise.all(sockets.map((s) => new Promise((r) => s.once('connect', r))));
      const r = await q({ Action: 'DescribeVpcs' });
      expect(r.status).toBe(200);
    } finally {
      for (const s of sockets) s.destroy();
    }
  });
});

describe('after all of that', () => {
  it('the server is up, answers normally, and logged no internal error', async () => {
    expect(await adminGet(server, '/_vpcpeer/health')).toMatchObject({ status: 'ok' });
    const r = await q({ Action: 'CreateVpc', CidrBlock: '10.0.0.0/16' });
    expect(r.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toContain('"level":50');
  });
});
