import { DescribeVpcPeeringConnectionsCommand } from '@aws-sdk/client-ec2';
import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { encodeResponse, encodeResponseStream } from '../../src/protocol/index.js';
import { sdkHarness } from './sdk-harness.js';

function connection(i: number): VpcPeeringConnection {
  return {
    VpcPeeringConnectionId: `pcx-${String(i).padStart(17, '0')}`,
    Status: { Code: 'active', Message: 'Active' },
    RequesterVpcInfo: { OwnerId: '111111111111', VpcId: 'vpc-1', Region: 'us-east-1', CidrBlock: '10.0.0.0/16', CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }] },
    AccepterVpcInfo: { OwnerId: '222222222222', VpcId: 'vpc-2', Region: 'us-east-1' },
    Tags: i % 2 ? [{ Key: 'Name', Value: `<n${i}>` }] : [],
  };
}

async function* chunked<T>(items: T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

async function collect(stream: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const part of stream) text += part;
  return text;
}

describe('encodeResponseStream', () => {
  it('writes what the SDK parses to the same output as the one-piece encoder', async () => {
    const items = Array.from({ length: 7 }, (_, i) => connection(i));
    const streamed = await collect(encodeResponseStream('DescribeVpcPeeringConnections', {}, 'VpcPeeringConnections', chunked(items, 3), 'req-s'));
    const whole = encodeResponse('DescribeVpcPeeringConnections', { VpcPeeringConnections: items }, 'req-s');
    const h = sdkHarness();
    h.respondWith({ statusCode: 200, body: streamed });
    const a = await h.client.send(new DescribeVpcPeeringConnectionsCommand({}));
    h.respondWith({ statusCode: 200, body: whole });
    const b = await h.client.send(new DescribeVpcPeeringConnectionsCommand({}));
    expect(a.VpcPeeringConnections).toEqual(items);
    expect(a.VpcPeeringConnections).toEqual(b.VpcPeeringConnections);
  });

  it('an empty stream is an empty list, not a missing one', async () => {
    const h = sdkHarness();
    h.respondWith({ statusCode: 200, body: await collect(encodeResponseStream('DescribeVpcPeeringConnections', {}, 'VpcPeeringConnections', chunked([], 3), 'r')) });
    expect((await h.client.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections).toEqual([]);
  });

  it('refuses a member that is not a list of the output', async () => {
    await expect(collect(encodeResponseStream('DescribeVpcPeeringConnections', {}, 'NextToken', chunked([], 1), 'r'))).rejects.toThrow(/no list member/);
  });
});
