import { expect, it } from 'vitest';
import { DEFAULT_PEERING_OPTIONS } from '../../src/core/peering/peering-connection.js';
import type { PeeringConnection } from '../../src/core/peering/peering-connection.js';
import { PeeringCache } from '../../src/store/peering-cache.js';

const Q = { accountId: '111111111111', region: 'us-east-1' };

function pcx(id: string): PeeringConnection {
  const side = { cidrBlocks: ['10.0.0.0/16'], ipv6CidrBlocks: [], options: DEFAULT_PEERING_OPTIONS };
  return { id, requester: { ...Q, vpcId: 'vpc-1', ...side }, accepter: { ...Q, vpcId: 'vpc-2', ...side }, status: 'active', createdAt: 1, statusChangedAt: 1, expiresAt: 2 };
}

/** Connections are admitted on their second read. */
function keep(cache: PeeringCache, c: PeeringConnection): void {
  cache.keepConnection(c, cache.generation);
  cache.keepConnection(c, cache.generation);
}

it('a connection read once is not kept; read again, it is', () => {
  const cache = new PeeringCache(10);
  cache.keepConnection(pcx('pcx-1'), cache.generation);
  cache.keepTags('pcx-1', Q, [], cache.generation);
  expect(cache.connection('pcx-1')).toBeUndefined();
  expect(cache.tagsOf('pcx-1', Q)).toBeUndefined();
  cache.keepConnection(pcx('pcx-1'), cache.generation);
  cache.keepTags('pcx-1', Q, [], cache.generation);
  expect(cache.connection('pcx-1')?.id).toBe('pcx-1');
  expect(cache.tagsOf('pcx-1', Q)).toEqual([]);
});

it('a row read before an invalidation is not kept: it may be older than the change', () => {
  const cache = new PeeringCache(10);
  const before = cache.generation;
  cache.invalidate('pcx-2');
  cache.keepConnection(pcx('pcx-1'), before);
  cache.keepConnection(pcx('pcx-1'), before);
  cache.keepTags('pcx-1', Q, [{ key: 'Name', value: 'old' }], before);
  expect(cache.connection('pcx-1')).toBeUndefined();
  expect(cache.tagsOf('pcx-1', Q)).toBeUndefined();
  keep(cache, pcx('pcx-1'));
  expect(cache.connection('pcx-1')?.id).toBe('pcx-1');
});

it('keeps up to its capacity, evicting one not read since the last pass first, with its tags', () => {
  const cache = new PeeringCache(2);
  for (const id of ['pcx-1', 'pcx-2']) {
    keep(cache, pcx(id));
    cache.keepTags(id, Q, [], cache.generation);
  }
  cache.connection('pcx-1');
  keep(cache, pcx('pcx-3'));
  expect(cache.connection('pcx-2')).toBeUndefined();
  expect(cache.tagsOf('pcx-2', Q)).toBeUndefined();
  expect(cache.connection('pcx-1')?.id).toBe('pcx-1');
  expect(cache.tagsOf('pcx-1', Q)).toEqual([]);
  expect(cache.connection('pcx-3')?.id).toBe('pcx-3');
});

it('tags are kept per reading scope', () => {
  const cache = new PeeringCache(10);
  keep(cache, pcx('pcx-1'));
  cache.keepTags('pcx-1', Q, [{ key: 'Name', value: 'mine' }], cache.generation);
  expect(cache.tagsOf('pcx-1', { ...Q, region: 'us-west-2' })).toBeUndefined();
  expect(cache.tagsOf('pcx-1', Q)).toEqual([{ key: 'Name', value: 'mine' }]);
});

it("a page's ids are kept until any connection changes, and never when one changed while they were read", () => {
  const cache = new PeeringCache(10);
  const read = cache.generation;
  cache.keepPageIds('p', ['pcx-1', 'pcx-2'], read);
  expect(cache.pageIds('p')).toEqual(['pcx-1', 'pcx-2']);
  // A connection the page does not name changes (a new one, say): the page may be wrong now.
  cache.invalidate('pcx-9');
  expect(cache.pageIds('p')).toBeUndefined();
  const before = cache.generation;
  cache.invalidate('pcx-3');
  cache.keepPageIds('p', ['pcx-1'], before);
  expect(cache.pageIds('p')).toBeUndefined();
  cache.keepPageIds('p', ['pcx-1', 'pcx-3'], cache.generation);
  cache.clear();
  expect(cache.pageIds('p')).toBeUndefined();
});
