import { randomBytes } from 'node:crypto';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { PostgresAdapter, sql } from 'kysely';

/** Whether a migration runs on PostgreSQL (the list was written for SQLite, which came first). */
const isPostgres = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** Every text column that is compared or ordered: PostgreSQL keeps them in byte order, as SQLite does. */
const ORDERED_TEXT: Readonly<Record<string, readonly string[]>> = {
  resources: ['kind', 'id', 'account_id', 'region', 'vpc_id'],
  peerings: ['id', 'requester_account', 'requester_region', 'requester_vpc', 'accepter_account', 'accepter_region', 'accepter_vpc', 'status'],
  tags: ['resource_id', 'account_id', 'region', 'key', 'value', 'resource_type'],
  meta: ['key'],
  audit_events: ['account_id'],
};

/** A security group's rules as stores before 7 Dec 2026 kept them: one entry per permission, peers in lists. */
interface LegacyPermission {
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrs?: readonly string[];
  readonly ipv6Cidrs?: readonly string[];
  readonly groups?: readonly { readonly groupId: string; readonly userId: string }[];
}

/** Splits legacy permissions into one rule per peer, each with its own `sgr-` id (security-groups/security-group.ts). */
function rulesFromPermissions(vpcId: string, egress: boolean, permissions: readonly LegacyPermission[]): unknown[] {
  const rules: unknown[] = [];
  for (const p of permissions) {
    const base = { egress, protocol: p.protocol, fromPort: p.fromPort ?? -1, toPort: p.toPort ?? -1 };
    const peers = [
      ...(p.cidrs ?? []).map((cidr) => ({ kind: 'ipv4', cidr })),
      ...(p.ipv6Cidrs ?? []).map((cidr) => ({ kind: 'ipv6', cidr })),
      // Legacy rules only ever named groups of their own VPC (the default group's self-reference).
      ...(p.groups ?? []).map((g) => ({ kind: 'group', groupId: g.groupId, userId: g.userId, vpcId })),
    ];
    for (const peer of peers) rules.push({ id: `sgr-${randomBytes(9).toString('hex').slice(0, 17)}`, ...base, peer });
  }
  return rules;
}

/**
 * Append-only, named by date: a migration that has shipped is never edited, only followed by
 * another. Written with Kysely's schema builder so every dialect runs the same list.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27T00-initial': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('resources')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('vpc_id', 'text')
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('resources_scope').on('resources').columns(['kind', 'account_id', 'region', 'id']).execute();
      await db.schema.createIndex('resources_vpc').on('resources').columns(['vpc_id', 'kind']).execute();

      await db.schema
        .createTable('peerings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('requester_account', 'text', (c) => c.notNull())
        .addColumn('requester_region', 'text', (c) => c.notNull())
        .addColumn('requester_vpc', 'text', (c) => c.notNull())
        .addColumn('accepter_account', 'text', (c) => c.notNull())
        .addColumn('accepter_region', 'text', (c) => c.notNull())
        .addColumn('accepter_vpc', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_changed_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('peerings_requester').on('peerings').columns(['requester_account', 'requester_region', 'id']).execute();
      await db.schema.createIndex('peerings_accepter').on('peerings').columns(['accepter_account', 'accepter_region', 'id']).execute();
      await db.schema.createIndex('peerings_requester_vpc').on('peerings').column('requester_vpc').execute();
      await db.schema.createIndex('peerings_accepter_vpc').on('peerings').column('accepter_vpc').execute();
      await db.schema.createIndex('peerings_pending').on('peerings').columns(['status', 'requester_account']).execute();
      await db.schema.createIndex('peerings_changed').on('peerings').columns(['status', 'status_changed_at']).execute();
      await db.schema.createIndex('peerings_expiry').on('peerings').columns(['status', 'expires_at']).execute();

      await db.schema
        .createTable('tags')
        .addColumn('resource_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tags_pk', ['resource_id', 'account_id', 'region', 'key'])
        .execute();
      await db.schema.createIndex('tags_scope').on('tags').columns(['account_id', 'region', 'resource_id']).execute();

      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // The audit trail (append-only): every mutating call with who, where, what and how it ended.
  '2026-11-27T01-audit-events': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('audit_events')
        // PostgreSQL has no AUTOINCREMENT keyword; its key gets an identity in 2026-12-07T01.
        .addColumn('seq', 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('time', 'bigint', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('access_key_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('resource_ids', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_account').on('audit_events').columns(['account_id', 'seq']).execute();
    },
  },
  // Indexes for the Describe filters the store narrows by (peering-prefilter.ts): status within a
  // side's scope, and a scope's tags by key and value.
  '2026-11-27T02-describe-indexes': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('peerings_requester_status').on('peerings').columns(['requester_account', 'requester_region', 'status', 'id']).execute();
      await db.schema.createIndex('peerings_accepter_status').on('peerings').columns(['accepter_account', 'accepter_region', 'status', 'id']).execute();
      await db.schema.createIndex('tags_key_value').on('tags').columns(['account_id', 'region', 'key', 'value']).execute();
    },
  },
  // The trail without AUTOINCREMENT: that keyword makes every insert also rewrite sqlite_sequence,
  // one more page written to the WAL by every change. Rows are never deleted, so a plain integer
  // key (max + 1) still only grows.
  '2026-11-27T03-audit-plain-key': {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE TABLE audit_events_next (seq integer PRIMARY KEY, time bigint NOT NULL, account_id text NOT NULL, region text NOT NULL, access_key_id text, action text NOT NULL, resource_ids text NOT NULL, code text NOT NULL, status integer NOT NULL, request_id text NOT NULL)`.execute(db);
      await sql`INSERT INTO audit_events_next SELECT seq, time, account_id, region, access_key_id, action, resource_ids, code, status, request_id FROM audit_events`.execute(db);
      await sql`DROP TABLE audit_events`.execute(db);
      await sql`ALTER TABLE audit_events_next RENAME TO audit_events`.execute(db);
      await db.schema.createIndex('audit_events_account').on('audit_events').columns(['account_id', 'seq']).execute();
    },
  },
  // Security groups keep one rule per peer with its own id (the rule model reachability works
  // from); groups written before keep permissions with lists of peers, rewritten here.
  '2026-12-07T00-security-group-rules': {
    async up(db: Kysely<unknown>): Promise<void> {
      const rows = await sql<{ id: string; doc: string }>`SELECT id, doc FROM resources WHERE kind = 'sg'`.execute(db);
      for (const row of rows.rows) {
        const doc = JSON.parse(row.doc) as { vpcId: string; rules?: unknown[]; ingress?: LegacyPermission[]; egress?: LegacyPermission[] };
        if (doc.rules !== undefined) continue;
        const { ingress = [], egress = [], ...rest } = doc;
        const next = { ...rest, rules: [...rulesFromPermissions(doc.vpcId, false, ingress), ...rulesFromPermissions(doc.vpcId, true, egress)] };
        await sql`UPDATE resources SET doc = ${JSON.stringify(next)} WHERE id = ${row.id}`.execute(db);
      }
    },
  },
  // PostgreSQL only (SQLite has nothing to do): the trail's key numbers itself, 64 bits wide, and
  // ids, scopes and tags sort and compare byte by byte (COLLATE "C"), as SQLite's do, so keyset
  // pages and Describe order are the same through either store whatever the database's locale.
  '2026-12-07T01-postgres-keys': {
    async up(db: Kysely<unknown>): Promise<void> {
      if (!isPostgres(db)) return;
      await sql`ALTER TABLE audit_events ALTER COLUMN seq TYPE bigint`.execute(db);
      await sql`ALTER TABLE audit_events ALTER COLUMN seq ADD GENERATED BY DEFAULT AS IDENTITY`.execute(db);
      await sql`SELECT setval(pg_get_serial_sequence('audit_events', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM audit_events`.execute(db);
      for (const [table, columns] of Object.entries(ORDERED_TEXT)) {
        const changes = columns.map((c) => `ALTER COLUMN ${c} TYPE text COLLATE "C"`).join(', ');
        await sql.raw(`ALTER TABLE ${table} ${changes}`).execute(db);
      }
    },
  },
  // Keys the processes sharing a store share (server-secrets.ts): AssumeRole's server key on
  // PostgreSQL. Not part of the world: a reset and an import leave them, an export never reads them.
  // (If not exists: running it again, as on a store whose migration log was rewound, is harmless.)
  '2026-12-21T00-server-secrets': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('server_secrets')
        .ifNotExists()
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
