// Small streamed answers go out whole, with a Content-Length; large ones keep streaming.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferSmall } from '../../src/server/buffer-small.js';
import { startServer, type RunningServer } from '../support/start-server.js';
import { EC2 } from '../trust/trust-support.js';

async function* pieces(parts: readonly string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

async function text(body: string | Readable): Promise<string> {
  if (typeof body === 'string') return body;
  let out = '';
  for await (const chunk of body) out += String(chunk);
  return out;
}

describe('bufferSmall', () => {
  it('joins a small answer into one string', async () => {
    expect(await bufferSmall(pieces(['<a>', '<b/>', '</a>']), 100)).toBe('<a><b/></a>');
  });

  it('streams a large one, keeping every piece in order and reading no further than needed first', async () => {
    let pulled = 0;
    async function* counted(): AsyncGenerator<string> {
      for (let i = 0; i < 10; i++) {
        pulled++;
        yield String(i).repeat(30);
      }
    }
    const body = await bufferSmall(counted(), 50);
    expect(body).toBeInstanceOf(Readable);
    expect(pulled).toBe(2);
    expect(await text(body)).toBe(Array.from({ length: 10 }, (_, i) => String(i).repeat(30)).join(''));
  });
});

describe('a describe answer over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ inMemory: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('has a Content-Length and no chunked encoding', async () => {
    const res = await fetch(server.url + '/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=111111111111/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00' },
      body: new URLSearchParams({ ...EC2, Action: 'DescribeVpcPeeringConnections' }).toString(),
    });
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('transfer-encoding')).toBeNull();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(body).toMatch(/<vpcPeeringConnectionSet(\/>|><\/vpcPeeringConnectionSet>)/);
  });
});
