import type { SqlDialect } from './sql-dialect.js';
import type { PeeringConnection } from '../core/peering/peering-connection.js';
import type {
  AuditRecord,
  AuditRepository,
  MetaRepository,
  NetworkSnapshotReader,
  PeeringPrefilter,
  PeeringRepository,
  Repository,
  ScopedCollection,
  ScopedPeering,
  ScopedResource,
  TagRecord,
  TagRepository,
} from '../core/repository.js';
import type { Instance } from '../core/instances/instance.js';
import type { NetworkAcl } from '../core/network-acls/network-acl.js';
import type { NetworkInterface } from '../core/network-interfaces/network-interface.js';
import type { RouteTable } from '../core/route-table.js';
import type { Scope } from '../core/scope.js';
import type { SecurityGroup } from '../core/security-groups/security-group.js';
import type { Subnet } from '../core/subnet.js';
import type { Vpc } from '../core/vpc.js';
import { sidesOf } from '../core/peering/visibility.js';
import type { Tag, TaggableType } from '../core/tag.js';
import type { PeeringCache } from './peering-cache.js';
import type { AuditEventTable } from './schema.js';

/**
 * Runs one statement. Reads and writes get different runners: a read outside a write transaction
 * must not see that transaction's uncommitted rows on this shared connection, so the read runner
 * waits for any open write to finish (open-sqlite-store.ts).
 */
export interface SqlRunner {
  readonly dialect: SqlDialect;
  all<R>(sql: string, params: readonly unknown[]): Promise<R[]>;
  get<R>(sql: string, params: readonly unknown[]): Promise<R | undefined>;
  run(sql: string, params: readonly unknown[]): Promise<void>;
}

/** An id list as one bound parameter (`dialect.inList`), so every SQL text stays a constant. */
const list = (values: readonly string[]): string => JSON.stringify([...new Set(values)]);

type DocRow = { doc: string };
const parseDocs = <T>(rows: readonly DocRow[]): T[] => rows.map((r) => JSON.parse(r.doc) as T);

function scopedCollection<T extends ScopedResource & { readonly vpcId?: string; readonly attachedVpcId?: string }>(sql: SqlRunner, kind: string): ScopedCollection<T> {
  return {
    async get(scope, id) {
      const row = await sql.get<DocRow>('SELECT doc FROM resources WHERE id = ? AND kind = ? AND account_id = ? AND region = ?', [id, kind, scope.accountId, scope.region]);
      return row ? (JSON.parse(row.doc) as T) : undefined;
    },
    async list(scope, query) {
      if (query?.ids && query.ids.length === 0) return [];
      // Named ids are found by key and a VPC's resources by the VPC index; the scope columns are
      // then only checked (unary + keeps them from choosing an index). Left indexable, SQLite
      // prefers the scope index (more equalities) and walks every resource of the kind in the scope.
      const narrowed = query?.ids !== undefined || query?.vpcId !== undefined;
      const u = narrowed ? sql.dialect.unindexed : (column: string): string => column;
      const where = [`${u('kind')} = ?`, `${u('account_id')} = ?`, `${u('region')} = ?`];
      const params: unknown[] = [kind, scope.accountId, scope.region];
      if (query?.ids) {
        where.push(`id ${sql.dialect.inList}`);
        params.push(list(query.ids));
      }
      if (query?.vpcId !== undefined) {
        where.push(query.ids ? `${sql.dialect.unindexed('vpc_id')} = ?` : 'vpc_id = ?');
        params.push(query.vpcId);
      }
      return parseDocs<T>(await sql.all<DocRow>(`SELECT doc FROM resources WHERE ${where.join(' AND ')} ORDER BY id`, params));
    },
    async put(item) {
      const vpcId = item.vpcId ?? item.attachedVpcId ?? (kind === 'vpc' ? item.id : null);
      await sql.run(
        'INSERT INTO resources (kind, id, account_id, region, vpc_id, doc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, vpc_id = excluded.vpc_id',
        [kind, item.id, item.accountId, item.region, vpcId, JSON.stringify(item)],
      );
    },
    async remove(id) {
      await sql.run('DELETE FROM resources WHERE id = ? AND kind = ?', [id, kind]);
    },
  };
}

/** Candidate lists are read whole; past this many the page query would be too long to be worth it. */
const MAX_CANDIDATES = 5000;

/**
 * Ids (after `afterId`, sorted) that satisfy every selective condition of the prefilter, or
 * undefined when it has none. Conditions that are not selective (statuses) stay in the page query.
 */
async function candidateIds(sql: SqlRunner, scope: Scope, prefilter: PeeringPrefilter, afterId: string): Promise<string[] | undefined> {
  const sets: string[][] = [];
  type IdRow = { id: string };
  if (prefilter.ids) sets.push([...prefilter.ids]);
  if (prefilter.requesterVpcIds) sets.push((await sql.all<IdRow>(`SELECT id FROM peerings WHERE requester_vpc ${sql.dialect.inList}`, [list(prefilter.requesterVpcIds)])).map((r) => r.id));
  if (prefilter.accepterVpcIds) sets.push((await sql.all<IdRow>(`SELECT id FROM peerings WHERE accepter_vpc ${sql.dialect.inList}`, [list(prefilter.accepterVpcIds)])).map((r) => r.id));
  const tag = prefilter.tag;
  if (tag) {
    // Only equalities go to SQL: with a range on the id beside them, SQLite's planner prefers the
    // scope index's range over the (far more selective) key/value index and walks every row.
    const base = "SELECT resource_id AS id FROM tags WHERE account_id = ? AND region = ? AND key = ?";
    const rows = tag.values
      ? await sql.all<IdRow>(`${base} AND value ${sql.dialect.inList}`, [scope.accountId, scope.region, tag.key, list(tag.values)])
      : await sql.all<IdRow>(base, [scope.accountId, scope.region, tag.key]);
    sets.push(rows.map((r) => r.id).filter((id) => id.startsWith('pcx-')));
  }
  if (sets.length === 0) return undefined;
  let result = new Set((sets[0] as string[]).filter((id) => id > afterId));
  for (const other of sets.slice(1)) {
    const keep = new Set(other);
    result = new Set([...result].filter((id) => keep.has(id)));
  }
  const sorted = [...result].sort();
  // Too many to name in one query: let the page query walk the scope instead (still correct,
  // since the exact filters run after), but only for the leftover conditions.
  return sorted.length > MAX_CANDIDATES ? undefined : sorted;
}

type TaggedRow = { doc: string; tags: string };

function parseTagged(rows: readonly TaggedRow[]): ScopedPeering[] {
  return rows.map((r) => ({
    connection: JSON.parse(r.doc) as PeeringConnection,
    tags: r.tags === '[]' ? [] : (JSON.parse(r.tags) as [string, string][]).map(([key, value]) => ({ key, value })),
  }));
}

/** What a write transaction touched, and the cache reads go through (see sqlRepository). */
export interface RepositoryOptions {
  readonly cache?: PeeringCache;
  readonly touched?: Set<string>;
}

function peeringRepository(sql: SqlRunner, { cache, touched }: RepositoryOptions): PeeringRepository {
  const scopeParams = (s: Scope): string[] => [s.accountId, s.region, s.accountId, s.region];
  // Either side in the scope, with index use turned off (unary +): rows named by id are found by
  // primary key; left indexable, SQLite walks both sides' scope indexes instead (EXPLAIN QUERY PLAN).
  const u = sql.dialect.unindexed;
  const byIdsInScope = `((${u('requester_account')} = ? AND ${u('requester_region')} = ?) OR (${u('accepter_account')} = ? AND ${u('accepter_region')} = ?))`;
  const TAGS_OF_P = sql.dialect.tagsOfP;
  const readScoped = async (scope: Scope, ids: readonly string[]): Promise<ScopedPeering[]> => {
    // One id (the common describe) is a plain key lookup, cheaper than reading a JSON list.
    const [where, idParam] = ids.length === 1 ? ['p.id = ?', ids[0]] : [`p.id ${sql.dialect.inList}`, list(ids)];
    return parseTagged(await sql.all<TaggedRow>(`SELECT p.doc, ${TAGS_OF_P} AS tags FROM peerings p WHERE ${where} AND ${byIdsInScope} ORDER BY p.id`, [scope.accountId, scope.region, idParam, ...scopeParams(scope)]));
  };
  /** The connections named, visible in the scope, by id: from the cache where kept, else read. */
  const listScoped = async (scope: Scope, ids: readonly string[], keep = true): Promise<ScopedPeering[]> => {
    if (ids.length === 0) return [];
    if (!cache) return readScoped(scope, ids);
    const generation = cache.generation;
    const found: ScopedPeering[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const connection = cache.connection(id);
      if (connection === undefined) {
        missing.push(id);
        continue;
      }
      if (sidesOf(connection, scope).length === 0) continue;
      const scopeTags = cache.tagsOf(id, scope);
      // Tags not kept for this scope: read with the connection, in the one query for all those
      // missing (a page of hundreds read one tag query each was a query per item).
      if (scopeTags === undefined) missing.push(id);
      else found.push({ connection, tags: scopeTags });
    }
    if (missing.length > 0) {
      for (const p of await readScoped(scope, missing)) {
        if (keep) {
          cache.keepConnection(p.connection, generation);
          cache.keepTags(p.connection.id, scope, p.tags, generation);
        }
        found.push(p);
      }
    }
    return found.sort((a, b) => (a.connection.id < b.connection.id ? -1 : a.connection.id > b.connection.id ? 1 : 0));
  };
  return {
    async get(id) {
      const hit = cache?.connection(id);
      if (hit !== undefined) return hit;
      const generation = cache?.generation ?? 0;
      const row = await sql.get<DocRow>('SELECT doc FROM peerings WHERE id = ?', [id]);
      if (!row) return undefined;
      const c = JSON.parse(row.doc) as PeeringConnection;
      cache?.keepConnection(c, generation);
      return c;
    },
    listForScope: (scope, ids) => listScoped(scope, ids),
    async pageForScope(scope, afterId, limit, prefilter = {}) {
      type PageRow = TaggedRow & { id: string };
      const tagScope = [scope.accountId, scope.region];
      const statuses = prefilter.statuses ? [...new Set(prefilter.statuses)] : undefined;
      if (statuses?.length === 0) return [];
      // A selective condition (ids, VPC ids, a tag) is resolved to candidate ids first, each by its
      // own index; the page is then read by primary key. Left in one query, the planner prefers
      // walking the scope's index in id order (it serves ORDER BY ... LIMIT) and tests every row.
      const candidates = await candidateIds(sql, scope, prefilter, afterId);
      if (candidates !== undefined) {
        if (candidates.length === 0) return [];
        const where = [`id ${sql.dialect.inList}`, byIdsInScope];
        const params: unknown[] = [JSON.stringify(candidates), ...scopeParams(scope)];
        if (statuses) {
          where.push(`${u('status')} ${sql.dialect.inList}`);
          params.push(JSON.stringify(statuses));
        }
        return parseTagged(await sql.all<PageRow>(`SELECT p.id, p.doc, ${TAGS_OF_P} AS tags FROM peerings p WHERE ${where.join(' AND ')} ORDER BY p.id LIMIT ?`, [...tagScope, ...params, limit]));
      }
      // Otherwise the page's ids come from one statement: each side's index walked on its own, once
      // per asked status (an equality, so the (scope, status, id) index serves the order), the runs
      // merged by UNION in id order. An OR across sides or an IN over statuses makes SQLite walk
      // the whole scope and test every row. UNION, not UNION ALL: a connection within one scope is
      // on both sides, and a duplicate would take a place in the page (a short page reads as the
      // last one). The connections are then read by id, from the cache where kept (issue 13).
      // With the cache (one process), the ids of a whole one-page answer are kept until any
      // connection changes, and so are its connections: an account's few connections, asked for
      // again and again, cost no SQL. A scan through thousands, page after page, keeps nothing: it
      // would fill the cache with what is read once and evict what is read often.
      const key = `${scope.accountId}\n${scope.region}\n${afterId}\n${limit}\n${statuses?.join(',') ?? ''}`;
      let ids = cache?.pageIds(key);
      if (ids === undefined) {
        const generation = cache?.generation;
        const runs: string[] = [];
        const params: unknown[] = [];
        for (const which of ['requester', 'accepter'] as const) {
          for (const status of statuses ?? [undefined]) {
            runs.push(`SELECT id FROM peerings WHERE ${which}_account = ? AND ${which}_region = ?${status === undefined ? '' : ' AND status = ?'} AND id > ?`);
            params.push(scope.accountId, scope.region, ...(status === undefined ? [] : [status]), afterId);
          }
        }
        ids = (await sql.all<{ id: string }>(`${runs.join(' UNION ')} ORDER BY id LIMIT ?`, [...params, limit])).map((r) => r.id);
        if (cache && generation !== undefined && afterId === '' && ids.length < limit) cache.keepPageIds(key, ids, generation);
      }
      return listScoped(scope, ids, afterId === '' && ids.length < limit);
    },
    async listForVpc(vpcId) {
      // Two indexed lookups joined by UNION rather than one OR, which SQLite may answer by a scan.
      return parseDocs(
        await sql.all<DocRow>('SELECT doc FROM (SELECT id, doc FROM peerings WHERE requester_vpc = ? UNION SELECT id, doc FROM peerings WHERE accepter_vpc = ?) AS either ORDER BY id', [vpcId, vpcId]),
      );
    },
    async listPendingRequestedBy(accountId) {
      return parseDocs(await sql.all<DocRow>("SELECT doc FROM peerings WHERE status = 'pending-acceptance' AND requester_account = ?", [accountId]));
    },
    async listDueForSweep(now, terminalBefore, afterId) {
      return parseDocs(
        await sql.all<DocRow>(
          "SELECT doc FROM peerings WHERE id > ? AND ((status = 'pending-acceptance' AND expires_at <= ?) OR (status IN ('failed', 'rejected', 'deleted', 'expired') AND status_changed_at <= ?)) ORDER BY id LIMIT 1000",
          [afterId, now, terminalBefore],
        ),
      );
    },
    async put(c) {
      touched?.add(c.id);
      await sql.run(
        `INSERT INTO peerings (id, requester_account, requester_region, requester_vpc, accepter_account, accepter_region, accepter_vpc, status, status_changed_at, expires_at, doc)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, status_changed_at = excluded.status_changed_at, expires_at = excluded.expires_at, doc = excluded.doc`,
        [c.id, c.requester.accountId, c.requester.region, c.requester.vpcId, c.accepter.accountId, c.accepter.region, c.accepter.vpcId, c.status, c.statusChangedAt, c.expiresAt, JSON.stringify(c)],
      );
    },
    async remove(id) {
      touched?.add(id);
      await sql.run('DELETE FROM peerings WHERE id = ?', [id]);
    },
  };
}

function tagRepository(sql: SqlRunner, { touched }: RepositoryOptions): TagRepository {
  type TagRow = { resource_id: string; resource_type: string; key: string; value: string };
  return {
    async forResources(scope, resourceIds) {
      const out = new Map<string, Tag[]>();
      if (resourceIds.length === 0) return out;
      // One id (a describe by id, every write's answer) is the common case: a plain equality is
      // cheaper than the JSON list.
      const rows =
        resourceIds.length === 1
          ? await sql.all<TagRow>('SELECT resource_id, key, value FROM tags WHERE resource_id = ? AND account_id = ? AND region = ? ORDER BY key', [resourceIds[0], scope.accountId, scope.region])
          : await sql.all<TagRow>(`SELECT resource_id, key, value FROM tags WHERE account_id = ? AND region = ? AND resource_id ${sql.dialect.inList} ORDER BY resource_id, key`, [
              scope.accountId,
              scope.region,
              list(resourceIds),
            ]);
      for (const r of rows) {
        const tags = out.get(r.resource_id);
        if (tags) tags.push({ key: r.key, value: r.value });
        else out.set(r.resource_id, [{ key: r.key, value: r.value }]);
      }
      return out;
    },
    async listAll(scope) {
      const rows = await sql.all<TagRow>('SELECT resource_id, resource_type, key, value FROM tags WHERE account_id = ? AND region = ? ORDER BY resource_id, key', [scope.accountId, scope.region]);
      return rows.map((r): TagRecord => ({ resourceId: r.resource_id, resourceType: r.resource_type as TaggableType, key: r.key, value: r.value }));
    },
    async set(scope, resourceId, resourceType, tags) {
      touched?.add(resourceId);
      for (const t of tags) {
        await sql.run(
          'INSERT INTO tags (resource_id, account_id, region, key, value, resource_type) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (resource_id, account_id, region, key) DO UPDATE SET value = excluded.value',
          [resourceId, scope.accountId, scope.region, t.key, t.value, resourceType],
        );
      }
    },
    async remove(scope, resourceId, tags) {
      touched?.add(resourceId);
      for (const t of tags) {
        const base = 'DELETE FROM tags WHERE resource_id = ? AND account_id = ? AND region = ? AND key = ?';
        const params = [resourceId, scope.accountId, scope.region, t.key];
        if (t.value === undefined) await sql.run(base, params);
        else await sql.run(`${base} AND value = ?`, [...params, t.value]);
      }
    },
    async removeResource(resourceId) {
      touched?.add(resourceId);
      await sql.run('DELETE FROM tags WHERE resource_id = ?', [resourceId]);
    },
  };
}

function metaRepository(sql: SqlRunner): MetaRepository {
  return {
    async get(key) {
      return (await sql.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value;
    },
    async getMany(keys) {
      const rows = await sql.all<{ key: string; value: string }>(`SELECT key, value FROM meta WHERE key ${sql.dialect.inList}`, [list(keys)]);
      return new Map(rows.map((r) => [r.key, r.value]));
    },
    async set(key, value) {
      await sql.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
  };
}

function auditRepository(sql: SqlRunner): AuditRepository {
  return {
    async append(e) {
      await sql.run(
        'INSERT INTO audit_events (time, account_id, region, access_key_id, action, resource_ids, code, status, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [e.time, e.accountId, e.region, e.accessKeyId ?? null, e.action, JSON.stringify(e.resourceIds), e.code, e.status, e.requestId],
      );
    },
    async listForAccount(accountId, afterSeq, limit) {
      const rows = await sql.all<AuditEventTable & { seq: number }>('SELECT * FROM audit_events WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?', [accountId, afterSeq, limit]);
      return rows.map(
        (r): AuditRecord => ({
          seq: Number(r.seq),
          time: Number(r.time),
          accountId: r.account_id,
          region: r.region,
          ...(r.access_key_id !== null ? { accessKeyId: r.access_key_id } : {}),
          action: r.action,
          resourceIds: JSON.parse(r.resource_ids) as string[],
          code: r.code,
          status: Number(r.status),
          requestId: r.request_id,
        }),
      );
    },
  };
}

/**
 * The repository contract in SQL, over one statement runner (SQLite or PostgreSQL: sql-dialect.ts). Reads outside transactions
 * pass a cache of committed connections; a write transaction passes the set it records the ids
 * it changes in, for the store to invalidate when the transaction ends.
 */
/** Every VPC, subnet, route table, group, ACL, interface, instance and connection: two queries. */
function networkSnapshotReader(sql: SqlRunner): NetworkSnapshotReader {
  return {
    async snapshot() {
      const rows = await sql.all<{ kind: string; doc: string }>("SELECT kind, doc FROM resources WHERE kind IN ('vpc', 'subnet', 'rtb', 'sg', 'acl', 'eni', 'i') ORDER BY id", []);
      const of = <T>(kind: string): T[] => rows.filter((r) => r.kind === kind).map((r) => JSON.parse(r.doc) as T);
      const peerings = parseDocs<PeeringConnection>(await sql.all<DocRow>('SELECT doc FROM peerings ORDER BY id', []));
      return {
        vpcs: of<Vpc>('vpc'),
        subnets: of<Subnet>('subnet'),
        routeTables: of<RouteTable>('rtb'),
        securityGroups: of<SecurityGroup>('sg'),
        networkAcls: of<NetworkAcl>('acl'),
        networkInterfaces: of<NetworkInterface>('eni'),
        instances: of<Instance>('i'),
        peerings,
      };
    },
  };
}

export function sqlRepository(sql: SqlRunner, options: RepositoryOptions = {}): Repository {
  const tags = tagRepository(sql, options);
  return {
    network: networkSnapshotReader(sql),
    vpcs: scopedCollection(sql, 'vpc'),
    subnets: scopedCollection(sql, 'subnet'),
    routeTables: scopedCollection(sql, 'rtb'),
    internetGateways: scopedCollection(sql, 'igw'),
    securityGroups: scopedCollection(sql, 'sg'),
    networkAcls: scopedCollection(sql, 'acl'),
    egressOnlyInternetGateways: scopedCollection(sql, 'eigw'),
    addresses: scopedCollection(sql, 'eipalloc'),
    natGateways: scopedCollection(sql, 'nat'),
    dhcpOptions: scopedCollection(sql, 'dopt'),
    networkInterfaces: scopedCollection(sql, 'eni'),
    instances: scopedCollection(sql, 'i'),
    networkInsightsPaths: scopedCollection(sql, 'nip'),
    networkInsightsAnalyses: scopedCollection(sql, 'nia'),
    peerings: peeringRepository(sql, options),
    tags,
    meta: metaRepository(sql),
    audit: auditRepository(sql),
  };
}
