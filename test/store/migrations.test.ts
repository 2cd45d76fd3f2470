import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { SecurityGroup } from '../../src/core/security-groups/security-group.js';
import { migrationProvider } from '../../src/store/migrations.js';
import type { Store } from '../../src/store/open-sqlite-store.js';
import { openPostgresStore } from '../../src/store/open-postgres-store.js';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';
import { postgresAvailable, usePostgresDatabase } from '../support/postgres.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The migration that split security group permissions into rules, and the last one before it. */
const RULES_MIGRATION = '2026-12-07T00-security-group-rules';
const BEFORE_RULES = '2026-11-27T03-audit-plain-key';

/** A group the way stores before the rule model kept it: permissions with lists of peers. */
const legacy = {
  id: 'sg-0123456789abcdef0',
  accountId: '111111111111',
  region: 'us-east-1',
  vpcId: 'vpc-0123456789abcdef0',
  name: 'default',
  description: 'default VPC security group',
  ingress: [{ protocol: '-1', cidrs: [], ipv6Cidrs: [], groups: [{ groupId: 'sg-0123456789abcdef0', userId: '111111111111' }] }],
  egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'], ipv6Cidrs: ['::/0'], groups: [] }],
  createdAt: 1,
};
const legacyRow = ['sg', legacy.id, legacy.accountId, legacy.region, legacy.vpcId, JSON.stringify(legacy)] as const;

/** The legacy group, read back through the migrated store: one rule per peer, each with an id. */
async function expectSplitIntoRules(store: Store): Promise<void> {
  try {
    const g = (await store.read((repo) => repo.securityGroups.get({ accountId: legacy.accountId, region: legacy.region }, legacy.id))) as SecurityGroup & { ingress?: unknown };
    expect(g.ingress).toBeUndefined();
    expect(g.rules.map(({ id: _id, ...r }) => r)).toEqual([
      { egress: false, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'group', groupId: legacy.id, userId: legacy.accountId, vpcId: legacy.vpcId } },
      { egress: true, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'ipv4', cidr: '0.0.0.0/0' } },
      { egress: true, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'ipv6', cidr: '::/0' } },
    ]);
    const ids = g.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^sgr-[0-9a-f]{17}$/);
  } finally {
    await store.close();
  }
}

describe('migrations of stored documents', () => {
  it('a security group stored with permission lists reads back as one rule per peer, each with an id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-migrate-'));
    dirs.push(dir);
    await (await openSqliteStore({ dataDir: dir })).close();
    // Put a group back the way stores before the rule model kept it, and forget the migration ran.
    const db = new SqliteDatabase(join(dir, 'vpcpeer.db'));
    db.prepare('INSERT INTO resources (kind, id, account_id, region, vpc_id, doc) VALUES (?, ?, ?, ?, ?, ?)').run(...legacyRow);
    // A store of that time had run neither this migration nor any that came after it.
    db.prepare('DELETE FROM kysely_migration WHERE name >= ?').run(RULES_MIGRATION);
    db.close();

    await expectSplitIntoRules(await openSqliteStore({ dataDir: dir }));
  });
});

describe.skipIf(!postgresAvailable)('migrations of stored documents on PostgreSQL', () => {
  const database = usePostgresDatabase();

  it('a security group stored with permission lists reads back as one rule per peer, each with an id', async () => {
    // A database of that time: the migrations up to the one before the rule model, then the group
    // as it was kept. Opening the store runs the rest (the rules, PostgreSQL's keys and collation).
    const url = await database.postgres.newDatabase();
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    try {
      const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateTo(BEFORE_RULES);
      expect(error).toBeUndefined();
      expect(results?.map((r) => r.migrationName).at(-1)).toBe(BEFORE_RULES);
      const [kind, id, account, region, vpc, doc] = legacyRow;
      await sql`INSERT INTO resources (kind, id, account_id, region, vpc_id, doc) VALUES (${kind}, ${id}, ${account}, ${region}, ${vpc}, ${doc})`.execute(db);
    } finally {
      await db.destroy();
    }

    await expectSplitIntoRules(await openPostgresStore({ url }));
  });
});
