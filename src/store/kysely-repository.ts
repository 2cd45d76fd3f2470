import type { Kysely, Transaction } from 'kysely';
import type { PeeringConnection } from '../core/peering/peering-connection.js';
import type {
  AuditRecord,
  AuditRepository,
  ListQuery,
  MetaRepository,
  PeeringPrefilter,
  PeeringRepository,
  Repository,
  ScopedCollection,
  ScopedResource,
  TagRecord,
  TagRepository,
} from '../core/repository.js';
import type { Scope } from '../core/scope.js';
import type { Tag, TaggableType } from '../core/tag.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

function scopedCollection<T extends ScopedResource & { readonly vpcId?: string; readonly attachedVpcId?: string }>(db: Db, kind: string): ScopedCollection<T> {
  return {
    async get(scope, id) {
      const row = await db
        .selectFrom('resources')
        .select('doc')
        .where('id', '=', id)
        .where('kind', '=', kind)
        .where('account_id', '=', scope.accountId)
        .where('region', '=', scope.region)
        .executeTakeFirst();
      return row ? (JSON.parse(row.doc) as T) : undefined;
    },
    async list(scope: Scope, query?: ListQuery) {
      let q = db
        .selectFrom('resources')
        .select('doc')
        .where('kind', '=', kind)
        .where('account_id', '=', scope.accountId)
        .where('region', '=', scope.region);
      if (query?.ids) {
        if (query.ids.length === 0) return [];
        q = q.where('id', 'in', [...new Set(query.ids)]);
      }
      if (query?.vpcId !== undefined) q = q.where('vpc_id', '=', query.vpcId);
      const rows = await q.orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.doc) as T);
    },
    async put(item) {
      const row = {
        kind,
        id: item.id,
        account_id: item.accountId,
        region: item.region,
        vpc_id: item.vpcId ?? item.attachedVpcId ?? (kind === 'vpc' ? item.id : null),
        doc: JSON.stringify(item),
      };
      await db
        .insertInto('resources')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ doc: row.doc, vpc_id: row.vpc_id }))
        .execute();
    },
    async remove(id) {
      await db.deleteFrom('resources').where('id', '=', id).where('kind', '=', kind).execute();
    },
  };
}

/** Candidate lists are read whole; past this many the page query would be too long to be worth it. */
const MAX_CANDIDATES = 5000;

/**
 * Ids (after `afterId`, sorted) that satisfy every selective condition of the prefilter, or
 * undefined when it has none. Conditions that are not selective (statuses) stay in the page query.
 */
async function candidateIds(db: Db, scope: Scope, prefilter: PeeringPrefilter, afterId: string): Promise<string[] | undefined> {
  const sets: string[][] = [];
  if (prefilter.ids) sets.push(prefilter.ids.filter((id) => id > afterId));
  if (prefilter.requesterVpcIds) {
    const rows = prefilter.requesterVpcIds.length ? await db.selectFrom('peerings').select('id').where('requester_vpc', 'in', [...prefilter.requesterVpcIds]).execute() : [];
    sets.push(rows.map((r) => r.id));
  }
  if (prefilter.accepterVpcIds) {
    const rows = prefilter.accepterVpcIds.length ? await db.selectFrom('peerings').select('id').where('accepter_vpc', 'in', [...prefilter.accepterVpcIds]).execute() : [];
    sets.push(rows.map((r) => r.id));
  }
  const tag = prefilter.tag;
  if (tag) {
    let q = db.selectFrom('tags').select('resource_id').where('account_id', '=', scope.accountId).where('region', '=', scope.region).where('key', '=', tag.key);
    if (tag.values) q = q.where('value', 'in', tag.values.length ? [...tag.values] : ['']);
    sets.push((await q.execute()).map((r) => r.resource_id).filter((id) => id.startsWith('pcx-')));
  }
  if (sets.length === 0) return undefined;
  // Only equalities go to SQL: with a range on the id beside them, SQLite's planner prefers the
  // scope index's range over the (far more selective) key/value index and walks every row.
  let result = new Set(sets[0]?.filter((id) => id > afterId));
  for (const other of sets.slice(1)) {
    const keep = new Set(other);
    result = new Set([...result].filter((id) => keep.has(id)));
  }
  const sorted = [...result].sort();
  // Too many to name in one query: let the page query walk the scope instead (still correct,
  // since the exact filters run after), but only for the leftover conditions.
  return sorted.length > MAX_CANDIDATES ? undefined : sorted;
}

function peeringRepository(db: Db): PeeringRepository {
  const parse = (rows: { doc: string }[]): PeeringConnection[] => rows.map((r) => JSON.parse(r.doc) as PeeringConnection);
  return {
    async get(id) {
      const row = await db.selectFrom('peerings').select('doc').where('id', '=', id).executeTakeFirst();
      return row ? (JSON.parse(row.doc) as PeeringConnection) : undefined;
    },
    async listForScope(scope, ids) {
      if (ids && ids.length === 0) return [];
      let q = db
        .selectFrom('peerings')
        .select('doc')
        .where((eb) =>
          eb.or([
            eb.and([eb('requester_account', '=', scope.accountId), eb('requester_region', '=', scope.region)]),
            eb.and([eb('accepter_account', '=', scope.accountId), eb('accepter_region', '=', scope.region)]),
          ]),
        );
      if (ids) q = q.where('id', 'in', [...new Set(ids)]);
      return parse(await q.orderBy('id').execute());
    },
    async pageForScope(scope, afterId, limit, prefilter = {}) {
      // A selective condition (ids, VPC ids, a tag) is resolved to candidate ids first, each by its
      // own index; the page is then read by primary key. Left in one query, the planner prefers
      // walking the scope's index in id order (it serves ORDER BY ... LIMIT) and tests every row.
      const candidates = await candidateIds(db, scope, prefilter, afterId);
      if (candidates !== undefined && candidates.length === 0) return [];
      // Each side's index is walked on its own and the two merged: one OR across both would make
      // SQLite fall back to a scan when the page is small and the store is large.
      const side = (which: 'requester' | 'accepter') => {
        let q = db
          .selectFrom('peerings')
          .select(['id', 'doc'])
          .where(`${which}_account`, '=', scope.accountId)
          .where(`${which}_region`, '=', scope.region)
          .where('id', '>', afterId);
        if (candidates) q = q.where('id', 'in', candidates.slice(0, MAX_CANDIDATES));
        if (prefilter.statuses) q = q.where('status', 'in', prefilter.statuses.length ? [...prefilter.statuses] : ['']);
        return q.orderBy('id').limit(limit).execute();
      };
      const [a, b] = await Promise.all([side('requester'), side('accepter')]);
      const merged = new Map<string, string>();
      for (const r of [...a, ...b]) merged.set(r.id, r.doc);
      return [...merged.keys()].sort().slice(0, limit).map((id) => JSON.parse(merged.get(id) as string) as PeeringConnection);
    },
    async listForVpc(vpcId) {
      const rows = await db
        .selectFrom('peerings')
        .select('doc')
        .where((eb) => eb.or([eb('requester_vpc', '=', vpcId), eb('accepter_vpc', '=', vpcId)]))
        .orderBy('id')
        .execute();
      return parse(rows);
    },
    async listPendingRequestedBy(accountId) {
      const rows = await db
        .selectFrom('peerings')
        .select('doc')
        .where('status', '=', 'pending-acceptance')
        .where('requester_account', '=', accountId)
        .execute();
      return parse(rows);
    },
    async listDueForSweep(now, terminalBefore, afterId) {
      const rows = await db
        .selectFrom('peerings')
        .select('doc')
        .where('id', '>', afterId)
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending-acceptance'), eb('expires_at', '<=', now)]),
            eb.and([eb('status', 'in', ['failed', 'rejected', 'deleted', 'expired']), eb('status_changed_at', '<=', terminalBefore)]),
          ]),
        )
        .orderBy('id')
        .limit(1000)
        .execute();
      return parse(rows);
    },
    async put(c) {
      const row = {
        id: c.id,
        requester_account: c.requester.accountId,
        requester_region: c.requester.region,
        requester_vpc: c.requester.vpcId,
        accepter_account: c.accepter.accountId,
        accepter_region: c.accepter.region,
        accepter_vpc: c.accepter.vpcId,
        status: c.status,
        status_changed_at: c.statusChangedAt,
        expires_at: c.expiresAt,
        doc: JSON.stringify(c),
      };
      await db
        .insertInto('peerings')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ status: row.status, status_changed_at: row.status_changed_at, expires_at: row.expires_at, doc: row.doc }))
        .execute();
    },
    async remove(id) {
      await db.deleteFrom('peerings').where('id', '=', id).execute();
    },
  };
}

function tagRepository(db: Db): TagRepository {
  return {
    async forResources(scope, resourceIds) {
      const out = new Map<string, Tag[]>();
      if (resourceIds.length === 0) return out;
      const rows = await db
        .selectFrom('tags')
        .select(['resource_id', 'key', 'value'])
        .where('account_id', '=', scope.accountId)
        .where('region', '=', scope.region)
        .where('resource_id', 'in', [...new Set(resourceIds)])
        .orderBy('resource_id')
        .orderBy('key')
        .execute();
      for (const r of rows) {
        const list = out.get(r.resource_id) ?? [];
        list.push({ key: r.key, value: r.value });
        out.set(r.resource_id, list);
      }
      return out;
    },
    async listAll(scope) {
      const rows = await db
        .selectFrom('tags')
        .select(['resource_id', 'resource_type', 'key', 'value'])
        .where('account_id', '=', scope.accountId)
        .where('region', '=', scope.region)
        .orderBy('resource_id')
        .orderBy('key')
        .execute();
      return rows.map((r): TagRecord => ({ resourceId: r.resource_id, resourceType: r.resource_type as TaggableType, key: r.key, value: r.value }));
    },
    async set(scope, resourceId, resourceType, tags) {
      for (const t of tags) {
        await db
          .insertInto('tags')
          .values({ resource_id: resourceId, account_id: scope.accountId, region: scope.region, key: t.key, value: t.value, resource_type: resourceType })
          .onConflict((oc) => oc.columns(['resource_id', 'account_id', 'region', 'key']).doUpdateSet({ value: t.value }))
          .execute();
      }
    },
    async remove(scope, resourceId, tags) {
      for (const t of tags) {
        let q = db
          .deleteFrom('tags')
          .where('resource_id', '=', resourceId)
          .where('account_id', '=', scope.accountId)
          .where('region', '=', scope.region)
          .where('key', '=', t.key);
        if (t.value !== undefined) q = q.where('value', '=', t.value);
        await q.execute();
      }
    },
    async removeResource(resourceId) {
      await db.deleteFrom('tags').where('resource_id', '=', resourceId).execute();
    },
  };
}

function metaRepository(db: Db): MetaRepository {
  return {
    async get(key) {
      const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },
    async set(key, value) {
      await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    },
  };
}

function auditRepository(db: Db): AuditRepository {
  return {
    async append(e) {
      await db
        .insertInto('audit_events')
        .values({
          time: e.time,
          account_id: e.accountId,
          region: e.region,
          access_key_id: e.accessKeyId ?? null,
          action: e.action,
          resource_ids: JSON.stringify(e.resourceIds),
          code: e.code,
          status: e.status,
          request_id: e.requestId,
        })
        .execute();
    },
    async listForAccount(accountId, afterSeq, limit) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
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

/** The repository contract over any Kysely dialect, bound to one connection or transaction. */
export function kyselyRepository(db: Db): Repository {
  return {
    vpcs: scopedCollection(db, 'vpc'),
    subnets: scopedCollection(db, 'subnet'),
    routeTables: scopedCollection(db, 'rtb'),
    internetGateways: scopedCollection(db, 'igw'),
    securityGroups: scopedCollection(db, 'sg'),
    networkAcls: scopedCollection(db, 'acl'),
    peerings: peeringRepository(db),
    tags: tagRepository(db),
    meta: metaRepository(db),
    audit: auditRepository(db),
  };
}
