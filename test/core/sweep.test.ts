import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, EXPIRY_MS, HOUR_MS } from '../../src/core/peering/effective-status.js';
import * as peering from '../../src/core/peering/peering-service.js';
import { sweepPeeringsPage } from '../../src/core/peering/sweep.js';
import { createTags } from '../../src/core/tag-service.js';
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

async function setup(): Promise<string> {
  const v1 = await h.as(A, R, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.0.0.0/16' })).id);
  const v2 = await h.as(B, R, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.1.0.0/16' })).id);
  const c = await h.as(A, R, (ctx) => peering.createPeering(ctx, { vpcId: v1, peerVpcId: v2, peerOwnerId: B }));
  await h.as(A, R, (ctx) => createTags(ctx, [c.id], [{ key: 'Name', value: 'x' }]));
  return c.id;
}

// What a caller is shown: the view without the stored row behind it.
const describeAll = (account: string) =>
  h.as(account, R, async (ctx) => JSON.stringify((await peering.describePeerings(ctx, {})).items.map(({ connection: _c, ...shown }) => shown)));

describe('the sweeper writes down what reads already derive', () => {
  it('persists expiry, then purges with tags once no party can see it, never changing a read', async () => {
    const id = await setup();
    h.now += EXPIRY_MS + HOUR_MS;
    const before = [await describeAll(A), await describeAll(B)];
    expect(await h.store.write((repo) => sweepPeeringsPage(repo, h.now))).toEqual({ expired: 1, purged: 0 });
    expect((await h.store.read((repo) => repo.peerings.get(id)))?.status).toBe('expired');
    expect([await describeAll(A), await describeAll(B)]).toEqual(before);

    h.now += 2 * DAY_MS;
    const later = [await describeAll(A), await describeAll(B)];
    expect(later.every((d) => !d.includes(id))).toBe(true);
    expect(await h.store.write((repo) => sweepPeeringsPage(repo, h.now))).toEqual({ expired: 0, purged: 1 });
    expect(await h.store.read((repo) => repo.peerings.get(id))).toBeUndefined();
    expect(await h.store.read((repo) => repo.tags.listAll({ accountId: A, region: R }))).toEqual([]);
    expect([await describeAll(A), await describeAll(B)]).toEqual(later);
  });

  it('keeps a terminal connection one party can still see', async () => {
    const id = await setup();
    await h.as(B, R, (ctx) => peering.rejectPeering(ctx, id));
    h.now += 3 * HOUR_MS;
    // Rejected: the accepter's 2 hours are over, the requester's 2 days are not.
    expect(await h.store.write((repo) => sweepPeeringsPage(repo, h.now))).toEqual({ expired: 0, purged: 0 });
    expect(await describeAll(A)).toContain(id);
    expect(await describeAll(B)).not.toContain(id);
  });
});
