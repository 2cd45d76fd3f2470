import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { SecurityGroup } from '../../src/core/security-groups/security-group.js';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('migrations of stored documents', () => {
  it('a security group stored with permission lists reads back as one rule per peer, each with an id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcpeer-migrate-'));
    dirs.push(dir);
    await (await openSqliteStore({ dataDir: dir })).close();
    // Put a group back the way stores before the rule model kept it, and forget the migration ran.
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
    const db = new SqliteDatabase(join(dir, 'vpcpeer.db'));
    db.prepare('INSERT INTO resources (kind, id, account_id, region, vpc_id, doc) VALUES (?, ?, ?, ?, ?, ?)').run('sg', legacy.id, legacy.accountId, legacy.region, legacy.vpcId, JSON.stringify(legacy));
    // A store of that time had run neither this migration nor any that came after it.
    db.prepare("DELETE FROM kysely_migration WHERE name >= '2026-12-07T00-security-group-rules'").run();
    db.close();

    const store = await openSqliteStore({ dataDir: dir });
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
  });
});
