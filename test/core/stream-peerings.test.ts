import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as peering from '../../src/core/peering/peering-service.js';
import type { PeeringView } from '../../src/core/peering/peering-view.js';
import * as vpcs from '../../src/core/vpc-service.js';
import type { DomainHarness } from '../support/domain-harness.js';
import { domainHarness } from '../support/domain-harness.js';

const A = '111111111111';
const B = '222222222222';
const R = 'us-east-1';

let h: DomainHarness;
beforeEach(async () => {
  h = await domainHarness();
});
afterEach(async () => {
  await h.close();
});

async function all(stream: AsyncIterable<PeeringView[]>): Promise<string[][]> {
  const chunks: string[][] = [];
  for await (const c of stream) chunks.push(c.map((v) => `${v.id}:${v.status}`));
  return chunks;
}

describe('streaming Describe-all', () => {
  it('yields what describePeerings returns, in id order, chunk by chunk, on both sides', async () => {
    const mine = await h.as(A, R, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.0.0.0/16' })).id);
    for (let i = 1; i <= 6; i++) {
      const theirs = await h.as(B, R, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: `10.${i}.0.0/16` })).id);
      // Alternate who requests, so the caller stands on both sides of the list.
      if (i % 2) await h.as(A, R, (ctx) => peering.createPeering(ctx, { vpcId: mine, peerVpcId: theirs, peerOwnerId: B }));
      else await h.as(B, R, (ctx) => peering.createPeering(ctx, { vpcId: theirs, peerVpcId: mine, peerOwnerId: A }));
    }
    const failed = await h.as(B, R, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.0.0.0/16' })).id);
    await h.as(B, R, (ctx) => peering.createPeering(ctx, { vpcId: failed, peerVpcId: mine, peerOwnerId: A }));

    for (const account of [A, B]) {
      const expected = await h.as(account, R, async (ctx) => (await peering.describePeerings(ctx, {})).items.map((v) => `${v.id}:${v.status}`));
      const chunks = await h.as(account, R, (ctx) => all(peering.streamPeerings(ctx, undefined, 3)));
      expect(chunks.flat()).toEqual(expected);
      expect(chunks.every((c) => c.length <= 3)).toBe(true);
    }
    // The failed request is the requester's only: B sees 7, A sees 6.
    expect((await h.as(A, R, (ctx) => all(peering.streamPeerings(ctx, undefined, 2)))).flat()).toHaveLength(6);
  });

  it('applies filters, and refuses a bad one before reading anything', async () => {
    const a = await h.as(A, R, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.0.0.0/16' })).id);
    const b = await h.as(A, R, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.1.0.0/16' })).id);
    const c = await h.as(A, R, (ctx) => peering.createPeering(ctx, { vpcId: a, peerVpcId: b }));
    const filtered = await h.as(A, R, (ctx) => all(peering.streamPeerings(ctx, [{ name: 'status-code', values: ['active'] }])));
    expect(filtered.flat()).toEqual([]);
    const pending = await h.as(A, R, (ctx) => all(peering.streamPeerings(ctx, [{ name: 'status-code', values: ['pending-*'] }])));
    expect(pending.flat()).toEqual([`${c.id}:pending-acceptance`]);
    await expect(h.as(A, R, async (ctx) => peering.streamPeerings(ctx, [{ name: 'colour', values: ['x'] }]))).rejects.toMatchObject({ code: 'InvalidParameterValue' });
  });
});
