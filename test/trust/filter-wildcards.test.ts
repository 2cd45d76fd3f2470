// A Describe filter may hold up to 255 characters of EC2 wildcards (`*`, `?`). Matched with a
// backtracking regular expression, `*a*a*...*a*b` against a tag value of many `a`s takes time
// exponential in the number of `*`s: one request from any account would stop the server for every
// account. The match must take time proportional to pattern × value instead. This suite fails
// until src/core/filters/compile-filters.ts matches wildcards without backtracking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { EC2, xmlValue } from './trust-support.js';

const ACCOUNT = '111111111111';
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  // A server stuck in a match cannot run its SIGTERM handler: kill it outright.
  await server?.kill();
});

async function query(params: Record<string, string>, timeoutMs: number): Promise<{ status: number; text: string } | 'no answer'> {
  try {
    const res = await fetch(server.url + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `AWS4-HMAC-SHA256 Credential=${ACCOUNT}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00` },
      body: new URLSearchParams({ ...EC2, ...params }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, text: await res.text() };
  } catch {
    return 'no answer';
  }
}

describe('wildcard filters cannot stall the server', () => {
  it('`*a*a*…*b` (255 characters) against a 256-character tag answers at once, and correctly', async () => {
    const created = await query({ Action: 'CreateVpc', CidrBlock: '10.0.0.0/16', 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'a'.repeat(256) }, 10_000);
    expect(created).not.toBe('no answer');
    const vpc = xmlValue((created as { text: string }).text, 'vpcId');

    // The bound is generous: a linear match takes well under a millisecond (the whole request a
    // few); a backtracking one would not finish in the lifetime of the test run.
    const hostile = await query({ Action: 'DescribeVpcs', 'Filter.1.Name': 'tag:Name', 'Filter.1.Value.1': '*a'.repeat(127) + 'b' }, 3_000);
    expect(hostile, 'the server did not answer: wildcard matching backtracks (src/core/filters/compile-filters.ts)').not.toBe('no answer');
    expect((hostile as { status: number }).status).toBe(200);
    expect((hostile as { text: string }).text).not.toContain('<vpcId>');

    // The same shape that does match still matches: semantics are unchanged.
    const matching = await query({ Action: 'DescribeVpcs', 'Filter.1.Name': 'tag:Name', 'Filter.1.Value.1': '*a'.repeat(127) + '*' }, 10_000);
    expect(matching).not.toBe('no answer');
    expect(xmlValue((matching as { text: string }).text, 'vpcId')).toBe(vpc);
    expect(await query({ Action: 'DescribeRegions' }, 10_000)).toMatchObject({ status: 200 });
  }, 40_000);
});
