import type { PeeringConnection } from '../core/peering/peering-connection.js';
import type { AuditEvent, AuditRecord, Repository } from '../core/repository.js';
import type { Store } from './open-sqlite-store.js';
import type { SqlRunner } from './sql-repository.js';
import type { ResourceKind, StateFile, StateResource, StateTag } from './state-file.js';
import { byteOrder, CLOCK_META_KEY, isStateMetaKey, STATE_FORMAT, STATE_VERSION } from './state-file.js';

/** Audit events read per query: bounds memory per page, not the export's size. */
const AUDIT_PAGE = 5_000;

type Scoped = { account_id: string; region: string };

/** Every scope that keeps tags, each read through the tag port (which already says what a record is). */
async function readTags(sql: SqlRunner, repo: Repository): Promise<StateTag[]> {
  const scopes = await sql.all<Scoped>('SELECT DISTINCT account_id, region FROM tags', []);
  const tags: StateTag[] = [];
  for (const s of scopes) {
    for (const t of await repo.tags.listAll({ accountId: s.account_id, region: s.region })) {
      tags.push({ resourceId: t.resourceId, accountId: s.account_id, region: s.region, key: t.key, value: t.value, resourceType: t.resourceType });
    }
  }
  return tags.sort((a, b) => byteOrder(a.resourceId, b.resourceId) || byteOrder(a.accountId, b.accountId) || byteOrder(a.region, b.region) || byteOrder(a.key, b.key));
}

/** The whole trail in its order: each account's events through the audit port, merged by sequence number. */
async function readAudit(sql: SqlRunner, repo: Repository): Promise<AuditEvent[]> {
  const accounts = await sql.all<{ account_id: string }>('SELECT DISTINCT account_id FROM audit_events', []);
  const records: AuditRecord[] = [];
  for (const { account_id: account } of accounts) {
    for (let after = 0; ; ) {
      const page = await repo.audit.listForAccount(account, after, AUDIT_PAGE);
      records.push(...page);
      if (page.length < AUDIT_PAGE) break;
      after = (page.at(-1) as AuditRecord).seq;
    }
  }
  return records.sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...event }) => event);
}

/**
 * The store's state as a state file. It is read in one write transaction: on a PostgreSQL shared
 * with running servers their writes wait for it, so the file is one consistent state (a tag is
 * never exported without its resource). Everything is ordered (resources by kind then id, the
 * rest by id or key, bytes compared), so two exports of equal states are the same text but for
 * `exportedAt`.
 */
export async function exportState(store: Store, exportedAt: Date = new Date()): Promise<StateFile> {
  return store.writeSql(async (sql, repo) => {
    const resourceRows = await sql.all<{ kind: string; id: string; doc: string }>('SELECT kind, id, doc FROM resources', []);
    const resources = resourceRows
      .sort((a, b) => byteOrder(a.kind, b.kind) || byteOrder(a.id, b.id))
      .map((r): StateResource => ({ kind: r.kind as ResourceKind, doc: JSON.parse(r.doc) as StateResource['doc'] }));
    const peeringRows = await sql.all<{ id: string; doc: string }>('SELECT id, doc FROM peerings', []);
    const peerings = peeringRows.sort((a, b) => byteOrder(a.id, b.id)).map((r) => JSON.parse(r.doc) as PeeringConnection);
    const metaRows = (await sql.all<{ key: string; value: string }>('SELECT key, value FROM meta', [])).sort((a, b) => byteOrder(a.key, b.key));
    const clock = metaRows.find((r) => r.key === CLOCK_META_KEY);
    return {
      format: STATE_FORMAT,
      version: STATE_VERSION,
      exportedAt: exportedAt.toISOString(),
      clockOffsetMs: clock ? Number(clock.value) : 0,
      meta: Object.fromEntries(metaRows.filter((r) => isStateMetaKey(r.key)).map((r) => [r.key, r.value])),
      resources,
      peerings,
      tags: await readTags(sql, repo),
      audit: await readAudit(sql, repo),
    };
  });
}
