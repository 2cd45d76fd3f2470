import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PEERING_OPTIONS } from '../../src/core/peering/peering-connection.js';
import type { PeeringConnection } from '../../src/core/peering/peering-connection.js';
import type { Vpc } from '../../src/core/vpc.js';
import type { Store } from '../../src/store/open-sqlite-store.js';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';
import { openPostgresStore } from '../../src/store/open-postgres-store.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../support/postgres.js';

/**
 * The repository contract, written once and run against every dialect. A new dialect (PostgreSQL)
 * joins by adding an entry here; a difference between backends then shows as a failing test.
 */
let postgres: TestPostgres | undefined;
beforeAll(async () => {
  if (postgresAvailable) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.destroy();
});

/**
 * `oneConnection`: SQLite's store serves reads and writes on one connection, so a read issued
 * while a write is open waits for its commit, and it shares (frozen) connections from a cache.
 * PostgreSQL's reads go on other connections and see the last committed state at once.
 */
const DIALECTS: readonly { name: string; oneConnection: boolean; open: () => Promise<Store> }[] = [
  { name: 'sqlite (in memory)', oneConnection: true, open: () => openSqliteStore({ inMemory: true }) },
  ...(postgresAvailable ? [{ name: 'postgresql', oneConnection: false, open: async () => openPostgresStore({ url: await (postgres as TestPostgres).newDatabase() }) }] : []),
];

const EAST = { accountId: '111111111111', region: 'us-east-1' };
const WEST = { accountId: '111111111111', region: 'us-west-2' };
const OTHER = { accountId: '222222222222', region: 'us-east-1' };

function vpc(id: string, scope: typeof EAST): Vpc {
  return {
    id,
    ...scope,
    cidrBlock: '10.0.0.0/16',
    cidrAssociations: [{ associationId: `vpc-cidr-assoc-${id}`, cidr: '10.0.0.0/16', state: 'associated' }],
    ipv6Associations: [],
    isDefault: false,
    instanceTenancy: 'default',
    dhcpOptionsId: 'dopt-1',
    enableDnsSupport: true,
    enableDnsHostnames: false,
    enableNetworkAddressUsageMetrics: false,
    createdAt: 1,
  };
}

function pcx(id: string, requester: typeof EAST, accepter: typeof EAST, status: PeeringConnection['status'] = 'pending-acceptance'): PeeringConnection {
  const side = { cidrBlocks: ['10.0.0.0/16'], ipv6CidrBlocks: [], options: DEFAULT_PEERING_OPTIONS };
  return {
    id,
    requester: { ...requester, vpcId: `vpc-r-${id}`, ...side },
    accepter: { ...accepter, vpcId: `vpc-a-${id}`, ...side },
    status,
    createdAt: 1,
    statusChangedAt: 1,
    expiresAt: 2,
  };
}

describe.each(DIALECTS)('repository contract: $name', ({ open, oneConnection }) => {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('scoped resources: get and list see only their own account and region, ordered by id', async () => {
    await store.write(async (r) => {
      await r.vpcs.put(vpc('vpc-b', EAST));
      await r.vpcs.put(vpc('vpc-a', EAST));
      await r.vpcs.put(vpc('vpc-c', WEST));
      await r.vpcs.put(vpc('vpc-d', OTHER));
    });
    await store.read(async (r) => {
      expect((await r.vpcs.list(EAST)).map((v) => v.id)).toEqual(['vpc-a', 'vpc-b']);
      expect(await r.vpcs.get(EAST, 'vpc-c')).toBeUndefined();
      expect(await r.vpcs.get(OTHER, 'vpc-a')).toBeUndefined();
      expect((await r.vpcs.get(WEST, 'vpc-c'))?.region).toBe('us-west-2');
      expect((await r.vpcs.list(EAST, { ids: ['vpc-b', 'vpc-d'] })).map((v) => v.id)).toEqual(['vpc-b']);
      expect(await r.vpcs.list(EAST, { ids: [] })).toEqual([]);
    });
  });

  it('put replaces, remove deletes, and documents round-trip exactly', async () => {
    const original = vpc('vpc-a', EAST);
    await store.write((r) => r.vpcs.put(original));
    await store.write((r) => r.vpcs.put({ ...original, enableDnsHostnames: true }));
    expect(await store.read((r) => r.vpcs.get(EAST, 'vpc-a'))).toEqual({ ...original, enableDnsHostnames: true });
    await store.write((r) => r.vpcs.remove('vpc-a'));
    expect(await store.read((r) => r.vpcs.get(EAST, 'vpc-a'))).toBeUndefined();
  });

  it('a failed write transaction leaves nothing behind', async () => {
    await expect(
      store.write(async (r) => {
        await r.vpcs.put(vpc('vpc-a', EAST));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.read((r) => r.vpcs.list(EAST))).toEqual([]);
  });

  it('a read never sees a write that has not committed, even when the write waits part-way', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const committed = store.write(async (r) => {
      await r.vpcs.put(vpc('vpc-a', EAST));
      await paused;
    });
    const failed = store.write(async (r) => {
      await r.vpcs.put(vpc('vpc-b', EAST));
      throw new Error('changed my mind');
    });
    // It may fail before it is awaited below (it does not wait for the first write everywhere).
    failed.catch(() => undefined);
    await sleep(20);
    // Issued while the first write is open: never the open write's row, never the failed one's.
    // On one connection it is answered after the commit (so it sees it); elsewhere at once, before.
    const seen = store.read(async (r) => (await r.vpcs.list(EAST)).map((v) => v.id));
    if (oneConnection) {
      // Waiting for the commit: still unanswered a while later (a slow machine only makes it more so).
      let answered = false;
      void seen.then(() => (answered = true));
      await sleep(20);
      expect(answered).toBe(false);
    } else {
      // Answered while the write is still open (awaited, not timed: a loaded machine may be slow).
      expect(await seen).toEqual([]);
    }
    release();
    await committed;
    await expect(failed).rejects.toThrow('changed my mind');
    expect(await seen).toEqual(oneConnection ? ['vpc-a'] : []);
    expect(await store.read(async (r) => (await r.vpcs.list(EAST)).map((v) => v.id))).toEqual(['vpc-a']);
  });

  it('peerings: listed for each side scope and by either VPC; pending ones by requester account', async () => {
    await store.write(async (r) => {
      await r.peerings.put(pcx('pcx-1', EAST, OTHER));
      await r.peerings.put(pcx('pcx-2', WEST, EAST, 'active'));
      await r.peerings.put(pcx('pcx-3', OTHER, OTHER));
    });
    await store.read(async (r) => {
      const listed = async (scope: typeof EAST, ids: string[]) => (await r.peerings.listForScope(scope, ids)).map((p) => p.connection.id);
      expect(await listed(EAST, ['pcx-3', 'pcx-2', 'pcx-1'])).toEqual(['pcx-1', 'pcx-2']);
      expect(await listed(OTHER, ['pcx-1', 'pcx-2', 'pcx-3'])).toEqual(['pcx-1', 'pcx-3']);
      expect(await listed(EAST, ['pcx-2', 'pcx-3'])).toEqual(['pcx-2']);
      expect(await listed(EAST, ['pcx-3'])).toEqual([]);
      expect(await listed(EAST, [])).toEqual([]);
      expect((await r.peerings.listForVpc('vpc-a-pcx-2')).map((c) => c.id)).toEqual(['pcx-2']);
      expect((await r.peerings.listPendingRequestedBy(EAST.accountId)).map((c) => c.id)).toEqual(['pcx-1']);
    });
  });

  it('a connection read again after a change, a failed change, a tag change or a removal is read as committed', async () => {
    const read = () => store.read(async (r) => (await r.peerings.listForScope(EAST, ['pcx-1']))[0]);
    await store.write((r) => r.peerings.put(pcx('pcx-1', EAST, OTHER)));
    expect((await read())?.connection.status).toBe('pending-acceptance');
    expect((await store.read((r) => r.peerings.get('pcx-1')))?.status).toBe('pending-acceptance');
    await store.write((r) => r.peerings.put(pcx('pcx-1', EAST, OTHER, 'active')));
    expect((await read())?.connection.status).toBe('active');
    expect((await store.read((r) => r.peerings.get('pcx-1')))?.status).toBe('active');
    await expect(
      store.write(async (r) => {
        await r.peerings.put(pcx('pcx-1', EAST, OTHER, 'deleted'));
        await r.tags.set(EAST, 'pcx-1', 'vpc-peering-connection', [{ key: 'Name', value: 'never' }]);
        // Read inside the transaction: its own change.
        expect((await r.peerings.get('pcx-1'))?.status).toBe('deleted');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await read()).toEqual({ connection: pcx('pcx-1', EAST, OTHER, 'active'), tags: [] });
    await store.write((r) => r.tags.set(EAST, 'pcx-1', 'vpc-peering-connection', [{ key: 'Name', value: 'web' }]));
    expect((await read())?.tags).toEqual([{ key: 'Name', value: 'web' }]);
    await store.write((r) => r.tags.remove(EAST, 'pcx-1', [{ key: 'Name' }]));
    expect((await read())?.tags).toEqual([]);
    await store.write((r) => r.peerings.remove('pcx-1'));
    expect(await read()).toBeUndefined();
    expect(await store.read((r) => r.peerings.get('pcx-1'))).toBeUndefined();
  });

  it('a kept connection is not answered with tags read after a change to it committed', async () => {
    await store.write((r) => r.peerings.put(pcx('pcx-1', EAST, OTHER)));
    // OTHER's reads keep the connection (admitted on the second read); EAST's tags are not kept yet.
    for (let i = 0; i < 2; i++) await store.read((r) => r.peerings.listForScope(OTHER, ['pcx-1']));
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const change = store.write(async (r) => {
      await r.peerings.put(pcx('pcx-1', EAST, OTHER, 'active'));
      await r.tags.set(EAST, 'pcx-1', 'vpc-peering-connection', [{ key: 'Name', value: 'after' }]);
      await paused;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const read = store.read((r) => r.peerings.listForScope(EAST, ['pcx-1']));
    release();
    await change;
    expect(await read).toEqual([{ connection: pcx('pcx-1', EAST, OTHER, 'active'), tags: [{ key: 'Name', value: 'after' }] }]);
  });

  it('what a read returns cannot be changed under the next reader', async () => {
    await store.write((r) => r.peerings.put(pcx('pcx-1', EAST, OTHER)));
    // Read several times: connections read again are shared from the cache, and must be frozen.
    for (let i = 0; i < 3; i++) {
      const got = await store.read((r) => r.peerings.get('pcx-1'));
      expect(got).toEqual(pcx('pcx-1', EAST, OTHER));
      try {
        (got as { status: string }).status = 'active';
        (got?.requester.cidrBlocks as string[]).push('10.9.0.0/16');
      } catch (err) {
        expect(err).toBeInstanceOf(TypeError);
      }
    }
    const shared = await store.read((r) => r.peerings.get('pcx-1'));
    // Shared from a cache, they are frozen; read afresh each time, each reader has its own copy.
    if (oneConnection) expect(Object.isFrozen(shared) && Object.isFrozen(shared?.requester.cidrBlocks)).toBe(true);
    else expect(shared).toEqual(pcx('pcx-1', EAST, OTHER));
  });

  it('pages a scope by id, narrowed by status, VPC ids and tags', async () => {
    await store.write(async (r) => {
      for (let i = 1; i <= 9; i++) {
        const scopeSide = i % 3 === 0 ? [OTHER, EAST] : [EAST, OTHER];
        await r.peerings.put(pcx(`pcx-${i}`, scopeSide[0] as typeof EAST, scopeSide[1] as typeof EAST, i % 2 ? 'active' : 'pending-acceptance'));
      }
      await r.tags.set(EAST, 'pcx-4', 'vpc-peering-connection', [{ key: 'Name', value: 'web' }]);
      await r.tags.set(OTHER, 'pcx-5', 'vpc-peering-connection', [{ key: 'Name', value: 'web' }]);
    });
    await store.read(async (r) => {
      const ids = async (after: string, limit: number, prefilter = {}) => (await r.peerings.pageForScope(EAST, after, limit, prefilter)).map((p) => p.connection.id);
      expect(await ids('', 4)).toEqual(['pcx-1', 'pcx-2', 'pcx-3', 'pcx-4']);
      expect(await ids('pcx-4', 4)).toEqual(['pcx-5', 'pcx-6', 'pcx-7', 'pcx-8']);
      expect(await ids('pcx-8', 4)).toEqual(['pcx-9']);
      expect(await ids('', 10, { statuses: ['active'] })).toEqual(['pcx-1', 'pcx-3', 'pcx-5', 'pcx-7', 'pcx-9']);
      expect(await ids('', 10, { requesterVpcIds: ['vpc-r-pcx-2', 'vpc-r-pcx-3'] })).toEqual(['pcx-2', 'pcx-3']);
      expect(await ids('', 10, { accepterVpcIds: ['vpc-a-pcx-6'] })).toEqual(['pcx-6']);
      // Tags are the scope's own: OTHER's tag on pcx-5 does not count for EAST.
      expect(await ids('', 10, { tag: { key: 'Name' } })).toEqual(['pcx-4']);
      expect(await ids('', 10, { tag: { key: 'Name', values: ['nope'] } })).toEqual([]);
      expect(await ids('', 10, { ids: ['pcx-2', 'pcx-9', 'pcx-404'], statuses: ['active'] })).toEqual(['pcx-9']);
      expect(await ids('', 10, { statuses: [] })).toEqual([]);
    });
  });

  it('tags are kept per resource and scope; removal by key, by key and value, or whole resource', async () => {
    await store.write(async (r) => {
      await r.tags.set(EAST, 'pcx-1', 'vpc-peering-connection', [{ key: 'Name', value: 'a' }, { key: 'Env', value: 'x' }]);
      await r.tags.set(OTHER, 'pcx-1', 'vpc-peering-connection', [{ key: 'Name', value: 'b' }]);
      await r.tags.set(EAST, 'pcx-1', 'vpc-peering-connection', [{ key: 'Name', value: 'a2' }]);
    });
    await store.read(async (r) => {
      expect((await r.tags.forResources(EAST, ['pcx-1'])).get('pcx-1')).toEqual([{ key: 'Env', value: 'x' }, { key: 'Name', value: 'a2' }]);
      expect((await r.tags.forResources(OTHER, ['pcx-1'])).get('pcx-1')).toEqual([{ key: 'Name', value: 'b' }]);
      expect((await r.tags.listAll(WEST)).length).toBe(0);
    });
    // A connection read for a scope carries that scope's tags, ordered by key.
    await store.write((r) => r.peerings.put(pcx('pcx-1', EAST, OTHER)));
    await store.read(async (r) => {
      const [east] = await r.peerings.listForScope(EAST, ['pcx-1']);
      expect(east?.tags).toEqual([{ key: 'Env', value: 'x' }, { key: 'Name', value: 'a2' }]);
      const [other] = await r.peerings.listForScope(OTHER, ['pcx-1', 'pcx-2']);
      expect(other?.tags).toEqual([{ key: 'Name', value: 'b' }]);
      const [paged] = await r.peerings.pageForScope(EAST, '', 10, { tag: { key: 'Env' } });
      expect(paged?.tags).toEqual([{ key: 'Env', value: 'x' }, { key: 'Name', value: 'a2' }]);
      expect((await r.peerings.pageForScope(OTHER, '', 10, { statuses: ['pending-acceptance'] }))[0]?.tags).toEqual([{ key: 'Name', value: 'b' }]);
    });
    await store.write(async (r) => {
      await r.tags.remove(EAST, 'pcx-1', [{ key: 'Env', value: 'not-x' }]);
      await r.tags.remove(EAST, 'pcx-1', [{ key: 'Name' }]);
    });
    expect((await store.read((r) => r.tags.forResources(EAST, ['pcx-1']))).get('pcx-1')).toEqual([{ key: 'Env', value: 'x' }]);
    await store.write((r) => r.tags.removeResource('pcx-1'));
    expect(await store.read((r) => r.tags.listAll(OTHER))).toEqual([]);
  });

  it('meta values persist and reset wipes everything', async () => {
    await store.write(async (r) => {
      await r.meta.set('k', 'v1');
      await r.meta.set('k', 'v2');
      await r.vpcs.put(vpc('vpc-a', EAST));
    });
    expect(await store.read((r) => r.meta.get('k'))).toBe('v2');
    await store.reset();
    expect(await store.read((r) => r.meta.get('k'))).toBeUndefined();
    expect(await store.read((r) => r.vpcs.list(EAST))).toEqual([]);
    expect(await store.integrityCheck()).toBe('ok');
  });
});
