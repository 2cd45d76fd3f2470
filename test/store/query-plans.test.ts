import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_PEERING_OPTIONS } from '../../src/core/peering/peering-connection.js';
import type { PeeringConnection } from '../../src/core/peering/peering-connection.js';
import type { Store } from '../../src/store/open-sqlite-store.js';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';

/**
 * Every statement the store prepares, exercised through the repository, must reach its rows by an
 * index: a full scan of a table costs time in proportion to the store, which the benchmarks show
 * as latency growing from 1k to 100k connections. SQLite plans without statistics (the store never
 * runs ANALYZE), so the plan seen here is the plan the server runs.
 */
const Q = { accountId: '111111111111', region: 'us-east-1' };
const P = { accountId: '222222222222', region: 'us-east-1' };

let dir: string;
let store: Store;
const prepared = new Set<string>();

function pcx(id: string, status: PeeringConnection['status']): PeeringConnection {
  const side = { cidrBlocks: ['10.0.0.0/16'], ipv6CidrBlocks: [], options: DEFAULT_PEERING_OPTIONS };
  return { id, requester: { ...Q, vpcId: 'vpc-q', ...side }, accepter: { ...P, vpcId: `vpc-p-${id}`, ...side }, status, createdAt: 1, statusChangedAt: 1, expiresAt: 2 };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vpcpeer-plans-'));
  store = await openSqliteStore({ dataDir: dir, onPrepare: (sql) => prepared.add(sql) });
  await store.write(async (r) => {
    await r.peerings.put(pcx('pcx-1', 'active'));
    await r.peerings.put(pcx('pcx-2', 'pending-acceptance'));
    await r.tags.set(Q, 'pcx-1', 'vpc-peering-connection', [{ key: 'Name', value: 'one' }]);
    await r.tags.remove(Q, 'pcx-1', [{ key: 'Gone' }, { key: 'Gone', value: 'x' }]);
    await r.meta.set('k', 'v');
    await r.audit.append({ time: 1, accountId: Q.accountId, region: Q.region, action: 'CreateVpc', resourceIds: [], code: 'OK', status: 200, requestId: 'r' });
  });
  await store.read(async (r) => {
    await r.peerings.get('pcx-1');
    await r.peerings.listForScope(Q, ['pcx-1']);
    await r.peerings.listForScope(Q, ['pcx-1', 'pcx-2']);
    await r.peerings.listForVpc('vpc-q');
    await r.peerings.listPendingRequestedBy(Q.accountId);
    await r.peerings.listDueForSweep(10, 10, '');
    const prefilters = [
      {},
      { ids: ['pcx-1'] },
      { statuses: ['active'] },
      { statuses: ['active', 'pending-acceptance'] },
      { requesterVpcIds: ['vpc-q'] },
      { accepterVpcIds: ['vpc-p-pcx-1'] },
      { tag: { key: 'Name' } },
      { tag: { key: 'Name', values: ['one'] }, statuses: ['active'] },
    ];
    for (const prefilter of prefilters) await r.peerings.pageForScope(Q, '', 10, prefilter);
    await r.tags.forResources(Q, ['pcx-1']);
    await r.tags.forResources(Q, ['pcx-1', 'pcx-2']);
    await r.tags.listAll(Q);
    await r.meta.get('k');
    await r.audit.listForAccount(Q.accountId, 0, 10);
    await r.vpcs.get(Q, 'vpc-q');
    await r.vpcs.list(Q);
    await r.vpcs.list(Q, { ids: ['vpc-q'], vpcId: 'vpc-q' });
    await r.vpcs.list(Q, { ids: ['vpc-q'] });
    await r.subnets.list(Q, { vpcId: 'vpc-q' });
  });
  await store.write(async (r) => {
    await r.vpcs.put({ id: 'vpc-x', ...Q } as never);
    await r.vpcs.remove('vpc-x');
    await r.peerings.remove('pcx-2');
    await r.tags.removeResource('pcx-2');
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('no statement the repository prepares scans a whole table', async () => {
  expect(prepared.size).toBeGreaterThan(20);
  // The server holds the file exclusively; the plans are read once it has let go.
  await store.close();
  const db = new Database(join(dir, 'vpcpeer.db'), { readonly: true });
  try {
    const scans: string[] = [];
    for (const sql of prepared) {
      const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const params = new Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
      const plan = (explain.all(...params) as { detail: string }[]).map((row) => row.detail);
      // A SCAN of a virtual table (json_each over a bound id list) or a subquery is fine.
      if (process.env.SHOW_PLANS) console.log(`${sql}\n  -> ${plan.join(' | ')}`);
      for (const line of plan) if (/^SCAN (resources|peerings|tags|meta|audit_events)\b/.test(line)) scans.push(`${sql}\n  -> ${plan.join(' | ')}`);
      // Rows named by id are found by key, not by walking a scope index and testing each row.
      // A VPC's resources are found by the VPC index, not by walking the scope's resources of a kind.
      if (/\bvpc_id = \?/.test(sql) && !/\+vpc_id/.test(sql) && !plan.some((line) => /INDEX resources_vpc \(vpc_id=\?/.test(line))) scans.push(`${sql}\n  -> ${plan.join(' | ')}`);
      if (/\bid (=|IN)/.test(sql) && /FROM (resources|peerings) WHERE/.test(sql) && !plan.some((line) => /USING (INDEX sqlite_autoindex_\w+|PRIMARY KEY) \(id=\?/.test(line))) scans.push(`${sql}\n  -> ${plan.join(' | ')}`);
    }
    expect(scans).toEqual([]);
  } finally {
    db.close();
  }
});
