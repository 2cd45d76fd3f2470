// `vpcpeer state export|import` and `serve --seed`, run as a user runs them (the compiled CLI, real
// servers, real SQLite folders and a real PostgreSQL):
//   - a world built through the API (two accounts, a peering with each side's own tags, a pending
//     one, routes, a group rule naming the peer's group, an ACL entry, an instance, a moved clock)
//     exported from SQLite, imported into PostgreSQL and back, answers every Describe of every
//     account byte for byte as the original did, and exports to the same bytes;
//   - `serve --in-memory --seed FILE` answers the seeded world;
//   - a bad file is refused in one line naming the entry, exit 2, and the store is left as it was;
//   - a store that holds state is replaced only when asked (--replace).
import {
  AcceptVpcPeeringConnectionCommand,
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPeering, ec2, newVpc } from '../sdk/sdk-helpers.js';
import { postgresAvailable, usePostgresDatabase } from '../support/postgres.js';
import type { RunningServer } from '../support/start-server.js';
import { advanceClock, adminGet, CLI, startServer } from '../support/start-server.js';
import { EC2, mintKey, openQuery, stable, strictArgs, xmlValue } from '../trust/trust-support.js';

const A = '111111111111';
const B = '222222222222';
const DESCRIBES = [
  'DescribeVpcs',
  'DescribeSubnets',
  'DescribeRouteTables',
  'DescribeSecurityGroups',
  'DescribeSecurityGroupRules',
  'DescribeNetworkAcls',
  'DescribeInstances',
  'DescribeNetworkInterfaces',
  'DescribeVpcPeeringConnections',
  'DescribeTags',
  'DescribeInternetGateways',
  'DescribeDhcpOptions',
];

const scratch = mkdtempSync(join(tmpdir(), 'vpcpeer-state-'));
const folder = (name: string): string => join(scratch, name);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The compiled CLI, as a user runs it. */
function vpcpeer(args: readonly string[], env: Readonly<Record<string, string>> = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function exportOf(store: readonly string[], env: Readonly<Record<string, string>> = {}): string {
  const r = vpcpeer(['state', 'export', ...store], env);
  if (r.status !== 0) throw new Error(`export failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function importInto(store: readonly string[], file: string, extra: readonly string[] = []): Run {
  return vpcpeer(['state', 'import', file, ...store, ...extra]);
}

/** An export without the one member that differs between two exports of one state. */
const sameState = (text: string): string => text.replace(/^ {2}"exportedAt": "[^"]*",\n/m, '');

async function query(server: RunningServer, account: string, params: Record<string, string>): Promise<string> {
  const r = await openQuery(server.url, account, { ...EC2, ...params });
  if (r.status !== 200) throw new Error(`${params.Action}: ${r.status} ${r.text}`);
  return r.text;
}

/** Every Describe of the list as each account, request ids dropped, and the server's clock offset. */
async function answers(server: RunningServer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const account of [A, B]) {
    for (const action of DESCRIBES) out[`${account} ${action}`] = stable(await query(server, account, { Action: action }));
  }
  out.clock = String(((await adminGet(server, '/_vpcpeer/clock')) as { offsetSeconds: number }).offsetSeconds);
  return out;
}

interface World {
  readonly vpcA: string;
  readonly vpcB: string;
  readonly subnetA: string;
  readonly active: string;
  readonly pending: string;
  readonly instance: string;
}

const idOf = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`no ${what} in the answer`);
  return value;
};

/** The world of the issue, built through the API with the JavaScript SDK. */
async function buildWorld(server: RunningServer): Promise<World> {
  const a: EC2Client = ec2(server.url, A);
  const b: EC2Client = ec2(server.url, B);
  const tagged = (type: 'vpc' | 'subnet' | 'vpc-peering-connection' | 'instance', name: string) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: name }] }];
  const vpcA = await newVpc(a, '10.1.0.0/16');
  await a.send(new CreateTagsCommand({ Resources: [vpcA], Tags: [{ Key: 'Name', Value: 'alpha' }, { Key: 'team', Value: 'red' }] }));
  const vpcB = await newVpc(b, '10.2.0.0/16');
  await b.send(new CreateTagsCommand({ Resources: [vpcB], Tags: [{ Key: 'Name', Value: 'beta' }] }));
  const vpcB2 = await newVpc(b, '10.3.0.0/16');
  const subnetA = idOf((await a.send(new CreateSubnetCommand({ VpcId: vpcA, CidrBlock: '10.1.1.0/24', AvailabilityZone: 'us-east-1a', TagSpecifications: tagged('subnet', 'app') }))).Subnet?.SubnetId, 'subnet');
  await b.send(new CreateSubnetCommand({ VpcId: vpcB, CidrBlock: '10.2.1.0/24', AvailabilityZone: 'us-east-1b' }));

  const active = (await createPeering(a, { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: B, TagSpecifications: tagged('vpc-peering-connection', 'a-to-b') })).VpcPeeringConnectionId;
  await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: active }));
  // Each side keeps its own tags on the one connection.
  await a.send(new CreateTagsCommand({ Resources: [active], Tags: [{ Key: 'side', Value: 'requester' }] }));
  await b.send(new CreateTagsCommand({ Resources: [active], Tags: [{ Key: 'side', Value: 'accepter' }] }));
  const pending = (await createPeering(a, { VpcId: vpcA, PeerVpcId: vpcB2, PeerOwnerId: B })).VpcPeeringConnectionId;

  const rtb = idOf((await a.send(new CreateRouteTableCommand({ VpcId: vpcA }))).RouteTable?.RouteTableId, 'route table');
  await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: active }));
  await a.send(new AssociateRouteTableCommand({ RouteTableId: rtb, SubnetId: subnetA }));

  const sgB = idOf((await b.send(new CreateSecurityGroupCommand({ VpcId: vpcB, GroupName: 'db', Description: 'database' }))).GroupId, 'group');
  const sgA = idOf((await a.send(new CreateSecurityGroupCommand({ VpcId: vpcA, GroupName: 'app', Description: 'application' }))).GroupId, 'group');
  await a.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sgA, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: sgB, UserId: B }] }] }));

  const acl = idOf((await a.send(new CreateNetworkAclCommand({ VpcId: vpcA }))).NetworkAcl?.NetworkAclId, 'network ACL');
  await a.send(new CreateNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.2.0.0/16', PortRange: { From: 443, To: 443 } }));

  const run = await a.send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnetA, SecurityGroupIds: [sgA], TagSpecifications: tagged('instance', 'web') }));
  const instance = idOf(run.Instances?.[0]?.InstanceId, 'instance');
  await advanceClock(server, 3600);
  return { vpcA, vpcB, subnetA, active, pending, instance };
}

const sqliteFolder = folder('source');
let world: World;
let original: Record<string, string>;
/** The first export, from the folder the world was built in. */
let exported: string;
const exportedFile = join(scratch, 'world.json');

beforeAll(async () => {
  const server = await startServer({ dataDir: sqliteFolder });
  try {
    world = await buildWorld(server);
    original = await answers(server);
  } finally {
    await server.stop();
  }
  exported = exportOf(['--data-dir', sqliteFolder]);
  writeFileSync(exportedFile, exported);
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('state export', () => {
  it('writes the whole world, ordered, and the same bytes twice', () => {
    const file = JSON.parse(exported) as {
      format: string;
      version: number;
      clockOffsetMs: number;
      resources: { kind: string; doc: { id: string } }[];
      peerings: { id: string; status: string }[];
      tags: { resourceId: string; accountId: string; key: string; value: string }[];
      meta: Record<string, string>;
      audit: { action: string }[];
    };
    expect([file.format, file.version, file.clockOffsetMs]).toEqual(['vpcpeer-state', 1, 3_600_000]);
    const ids = file.resources.map((r) => r.doc.id);
    expect(ids).toEqual(expect.arrayContaining([world.vpcA, world.vpcB, world.subnetA, world.instance]));
    const order = file.resources.map((r) => `${r.kind} ${r.doc.id}`);
    expect(order).toEqual([...order].sort());
    expect(file.peerings.map((p) => [p.id, p.status]).sort()).toEqual([[world.active, 'active'], [world.pending, 'pending-acceptance']].sort());
    // Each side's own tags on the active connection, kept apart.
    const sides = file.tags.filter((t) => t.resourceId === world.active && t.key === 'side').map((t) => [t.accountId, t.value]);
    expect(sides).toEqual([[A, 'requester'], [B, 'accepter']]);
    expect(file.meta[`default-vpc:${A}:us-east-1`]).toBeDefined();
    expect(Object.keys(file.meta).filter((k) => k === 'reset-generation' || k === 'clock-offset-ms')).toEqual([]);
    expect(file.audit.map((e) => e.action)).toContain('AcceptVpcPeeringConnection');
    expect(sameState(exportOf(['--data-dir', sqliteFolder]))).toBe(sameState(exported));
  });

  it('a folder a running server holds is exported through that server: one committed state, while it serves', async () => {
    const server = await startServer({ dataDir: sqliteFolder });
    try {
      const r = vpcpeer(['state', 'export', '--data-dir', sqliteFolder]);
      expect(r.stderr).toBe(`vpcpeer: ${join(sqliteFolder, 'vpcpeer.db')} is in use by the vpcpeer server at ${server.url} (pid ${server.child.pid}); exporting through it\n`);
      expect(r.status).toBe(0);
      expect(sameState(r.stdout)).toBe(sameState(exported));
      // Import is refused: it would replace the world under the server's clients.
      const imported = importInto(['--data-dir', sqliteFolder], exportedFile, ['--replace']);
      expect([imported.status, imported.stderr]).toEqual([2, `vpcpeer: ${join(sqliteFolder, 'vpcpeer.db')} is in use by the vpcpeer server at ${server.url} (pid ${server.child.pid}): stop it before importing into its folder, then start it again\n`]);
    } finally {
      await server.stop();
    }
  });

  it('exported through the server while changes are being made, the file is one state', async () => {
    const live = folder('live');
    const server = await startServer({ dataDir: live, args: ['--seed', exportedFile] });
    try {
      // It passes import's checks (no tag without its resource) and holds every change acknowledged before it began.
      const before = xmlValue(await query(server, A, { Action: 'CreateVpc', CidrBlock: '10.60.0.0/16' }), 'vpcId') as string;
      let exporting = true;
      const changes = (async (): Promise<number> => {
        let made = 0;
        while (exporting) {
          await query(server, A, { Action: 'CreateVpc', CidrBlock: '10.61.0.0/16', 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': `n${made++}` });
        }
        return made;
      })();
      const during = join(scratch, 'during.json');
      const run = await new Promise<Run>((done) => {
        const child = spawn(process.execPath, [CLI, 'state', 'export', '--data-dir', live, '--output', during], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.once('exit', (status) => done({ status, stdout: '', stderr }));
      });
      exporting = false;
      expect(await changes).toBeGreaterThan(0);
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(during, 'utf8')).toContain(`"id": "${before}"`);
      expect(importInto(['--data-dir', folder('during')], during).status).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('--endpoint exports from any running server (an in-memory one too)', async () => {
    const server = await startServer({ inMemory: true, args: ['--seed', exportedFile] });
    try {
      const r = vpcpeer(['state', 'export', '--endpoint', server.url]);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(sameState(r.stdout)).toBe(sameState(exported));
      const both = vpcpeer(['state', 'export', '--endpoint', server.url, '--data-dir', sqliteFolder]);
      expect([both.status, both.stderr]).toEqual([2, 'vpcpeer: give --endpoint (a running server) or --data-dir/--database (a store), not both\n']);
    } finally {
      await server.stop();
    }
  });

  it('in strict mode only an admin key exports through the server, as only it resets or moves the clock', async () => {
    const credentials = join(scratch, 'credentials.json');
    const admin = mintKey(credentials, A, ['--admin']);
    const user = mintKey(credentials, A);
    const server = await startServer({ dataDir: sqliteFolder, args: strictArgs(credentials) });
    try {
      const as = (key?: { accessKeyId: string; secretAccessKey: string }): Run =>
        vpcpeer(['state', 'export', '--data-dir', sqliteFolder], key ? { AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey } : {});
      const strictHelp = ' (a strict-mode server exports for an admin key only: give one with --access-key-id and --secret-access-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)';
      const unsigned = as();
      expect(unsigned.status).toBe(2);
      expect(unsigned.stderr.split('\n')[1]).toBe(`vpcpeer: the server at ${server.url} did not export: HTTP 403 MissingAuthenticationToken: Request is missing Authentication Token${strictHelp}`);
      const notAdmin = as(user);
      expect(notAdmin.status).toBe(2);
      expect(notAdmin.stderr).toContain(`did not export: HTTP 403 AccessDenied: In strict mode only a key marked "admin": true`);
      const byAdmin = as(admin);
      expect(byAdmin.status).toBe(0);
      expect(sameState(byAdmin.stdout)).toBe(sameState(exported));
      // The endpoint itself, as any client signs for it.
      expect((await fetch(`${server.url}/_vpcpeer/state`)).status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it('refuses a folder that holds no store rather than make one', () => {
    const r = vpcpeer(['state', 'export', '--data-dir', folder('nothing-here')]);
    expect([r.status, r.stderr]).toEqual([2, `vpcpeer: ${folder('nothing-here')} holds no vpcpeer store (no vpcpeer.db)\n`]);
  });
});

describe.skipIf(!postgresAvailable)('SQLite to PostgreSQL and back', () => {
  const db = usePostgresDatabase();
  let fromPostgres: string;

  it('imported into PostgreSQL, the world answers every Describe of every account byte for byte', async () => {
    const r = importInto(['--database', db.url], exportedFile);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^vpcpeer: imported \d+ resources, 2 peering connections, \d+ tags and \d+ audit events into the database\n$/);
    const server = await startServer({ args: ['--database', db.url] });
    try {
      const seen = await answers(server);
      expect(seen[`${A} DescribeVpcPeeringConnections`]).toContain('<code>active</code>');
      expect(seen.clock).toBe('3600');
      expect(seen).toEqual(original);
    } finally {
      await server.stop();
    }
    // Read through VPCPEER_DATABASE_URL, as serve reads it.
    fromPostgres = exportOf([], { VPCPEER_DATABASE_URL: db.url });
    expect(sameState(fromPostgres)).toBe(sameState(exported));
  });

  it('exported from PostgreSQL, it imports into a new SQLite folder with the same answers and the same bytes', async () => {
    const file = join(scratch, 'from-postgres.json');
    writeFileSync(file, fromPostgres);
    const back = folder('back');
    expect(importInto(['--data-dir', back], file).status).toBe(0);
    expect(sameState(exportOf(['--data-dir', back]))).toBe(sameState(exported));
    const server = await startServer({ dataDir: back });
    try {
      expect(await answers(server)).toEqual(original);
    } finally {
      await server.stop();
    }
  });

  it('a bad --seed runs no migration on an empty database: the file is checked first', async () => {
    const url = await db.postgres.newDatabase();
    const bad = join(scratch, 'seed-bad-postgres.json');
    writeFileSync(bad, '{"format": "vpcpeer-state", "version": 1, "peerings": [{"id": "pcx-1"}]}');
    const r = vpcpeer(['serve', '--port', '0', '--log-level', 'warn', '--database', url, '--seed', bad]);
    expect([r.status, r.stderr]).toEqual([2, `vpcpeer: ${bad}: peerings[0]: id "pcx-1" is not a pcx id (pcx- and 8 or 17 hex digits)\n`]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'")).rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('a database that holds state is replaced only with --replace, in one transaction', () => {
    const refused = importInto(['--database', db.url], exportedFile);
    expect([refused.status, refused.stderr]).toEqual([2, 'vpcpeer: the database already holds state; add --replace to replace it (its audit trail is kept)\n']);
    const replaced = importInto(['--database', db.url], exportedFile, ['--replace']);
    expect(replaced.status).toBe(0);
    const after = JSON.parse(exportOf(['--database', db.url])) as { audit: unknown[]; resources: unknown[] };
    const before = JSON.parse(exported) as { audit: unknown[]; resources: unknown[] };
    expect(after.resources).toEqual(before.resources);
    // The trail is append-only: the file's events follow the ones the database had.
    expect(after.audit).toEqual([...before.audit, ...before.audit]);
  });
});

describe('serve --seed', () => {
  it('serve --in-memory --seed FILE answers the seeded world, ids and all', async () => {
    const server = await startServer({ inMemory: true, args: ['--seed', exportedFile] });
    try {
      const seen = await answers(server);
      expect(seen[`${A} DescribeVpcs`]).toContain(`<vpcId>${world.vpcA}</vpcId>`);
      expect(seen[`${A} DescribeInstances`]).toContain(`<instanceId>${world.instance}</instanceId>`);
      expect(seen).toEqual(original);
    } finally {
      await server.stop();
    }
  });

  it('VPCPEER_SEED names the file too', async () => {
    const server = await startServer({ inMemory: true, env: { VPCPEER_SEED: exportedFile } });
    try {
      expect(await query(server, B, { Action: 'DescribeVpcPeeringConnections', 'VpcPeeringConnectionId.1': world.active })).toContain('<value>accepter</value>');
    } finally {
      await server.stop();
    }
  });

  it('refuses a store that holds state, and a bad file, before listening (exit 2, one line)', () => {
    const serve = (args: readonly string[]): Run => vpcpeer(['serve', '--port', '0', '--log-level', 'warn', ...args]);
    const full = serve(['--data-dir', sqliteFolder, '--seed', exportedFile]);
    expect(full.status).toBe(2);
    expect(full.stdout).not.toContain('listening');
    expect(full.stderr).toBe(`vpcpeer: --seed ${exportedFile}: ${join(sqliteFolder, 'vpcpeer.db')} already holds state; seed an empty store (--in-memory, a new --data-dir or database), or load it with \`vpcpeer state import --replace\`\n`);
    const bad = join(scratch, 'seed-bad.json');
    writeFileSync(bad, '{"format": "vpcpeer-state", "version": 1, "resources": [{"kind": "vpc", "doc": {"id": "vpc-1", "accountId": "111111111111", "region": "us-east-1"}}]}');
    const refused = serve(['--in-memory', '--seed', bad]);
    expect([refused.status, refused.stderr]).toEqual([2, `vpcpeer: ${bad}: resources[0] (vpc): id "vpc-1" is not a vpc id (vpc- and 8 or 17 hex digits)\n`]);
    // The file is checked before the store is opened: no folder, no database file is made.
    const untouched = folder('bad-seed-folder');
    const early = serve(['--data-dir', untouched, '--seed', bad]);
    expect([early.status, early.stderr]).toEqual([2, `vpcpeer: ${bad}: resources[0] (vpc): id "vpc-1" is not a vpc id (vpc- and 8 or 17 hex digits)\n`]);
    expect(existsSync(untouched)).toBe(false);
  });

  it('restarted with its original command line on a store seeded from the same file, it starts from what the store holds', async () => {
    const dir = folder('seeded-then-killed');
    const first = await startServer({ dataDir: dir, args: ['--seed', exportedFile] });
    let vpc: string;
    try {
      vpc = xmlValue(await query(first, A, { Action: 'CreateVpc', CidrBlock: '10.77.0.0/16' }), 'vpcId') as string;
    } finally {
      await first.kill();
    }
    const again = await startServer({ dataDir: dir, args: ['--seed', exportedFile] });
    try {
      expect(again.output()).toContain(`vpcpeer: --seed ${exportedFile}: the store was seeded from this file before; starting from the state it holds\n`);
      const vpcs = await query(again, A, { Action: 'DescribeVpcs' });
      expect(vpcs).toContain(`<vpcId>${vpc}</vpcId>`);
      expect(vpcs).toContain(`<vpcId>${world.vpcA}</vpcId>`);
    } finally {
      await again.stop();
    }
    // The digest is the store's own bookkeeping: an export does not carry it.
    expect(Object.keys((JSON.parse(exportOf(['--data-dir', dir])) as { meta: Record<string, string> }).meta)).not.toContain('seeded-from');
    // Another file on that store is refused, as any seed of a store that holds state.
    const other = join(scratch, 'seed-other.json');
    writeFileSync(other, exported.replace(/^ {2}"exportedAt": "[^"]*",\n/m, ''));
    const refused = vpcpeer(['serve', '--port', '0', '--log-level', 'warn', '--data-dir', dir, '--seed', other]);
    expect([refused.status, refused.stderr]).toEqual([
      2,
      `vpcpeer: --seed ${other}: ${join(dir, 'vpcpeer.db')} already holds state seeded from another file; seed an empty store (--in-memory, a new --data-dir or database), or load it with \`vpcpeer state import --replace\`\n`,
    ]);
  });
});

describe('state import', () => {
  /** A store holding the exported world, and its export before any attempt. */
  const target = folder('target');
  let before: string;
  beforeAll(() => {
    expect(importInto(['--data-dir', target], exportedFile).status).toBe(0);
    before = sameState(exportOf(['--data-dir', target]));
  });

  type Entry = { kind: string; doc: Record<string, unknown> };
  type Mutable = { version: number; resources: Entry[]; tags: Record<string, string>[] };
  const variant = (name: string, change: (file: Mutable) => void): string => {
    const file = JSON.parse(exported) as Mutable;
    change(file);
    const path = join(scratch, `${name}.json`);
    writeFileSync(path, JSON.stringify(file, null, 2));
    return path;
  };
  const firstSubnet = (f: Mutable): Entry => f.resources.find((r) => r.kind === 'subnet') as Entry;
  const malformed = (): string => {
    const path = join(scratch, 'malformed.json');
    writeFileSync(path, exported.slice(0, 200));
    return path;
  };

  it.each([
    ['malformed JSON', malformed, /^vpcpeer: \S+malformed\.json: not valid JSON: .+$/],
    ['a version this vpcpeer does not read', () => variant('version', (f) => (f.version = 2)), /^vpcpeer: \S+: version: 2 is newer than this vpcpeer reads \(1\): import it with a newer vpcpeer$/],
    ['a duplicate id', () => variant('duplicate', (f) => f.resources.push(f.resources[0] as Entry)), /^vpcpeer: \S+: resources\[\d+\] \((\w+) ([\w-]+)\): id \2 appears twice \(first at resources\[0\] \(\1 \2\)\)$/],
    ['a subnet whose VPC is not in the file', () => variant('orphan-subnet', (f) => (firstSubnet(f).doc.vpcId = 'vpc-0123456789abcdef0')), /^vpcpeer: \S+: resources\[\d+\] \(subnet subnet-[0-9a-f]{17}\): vpcId "vpc-0123456789abcdef0" is not in the file$/],
    ['an interface in a security group not in the file', () => variant('orphan-eni-group', (f) => ((f.resources.find((r) => r.kind === 'eni') as Entry).doc.groupIds = ['sg-0123456789abcdef0'])), /^vpcpeer: \S+: resources\[\d+\] \(eni eni-[0-9a-f]{17}\): groupIds\[0\] "sg-0123456789abcdef0" is not in the file$/],
    ['a VPC whose block is no CIDR', () => variant('bad-cidr', (f) => ((f.resources.find((r) => r.kind === 'vpc') as Entry).doc.cidrBlock = 'not-a-cidr')), /^vpcpeer: \S+: resources\[\d+\] \(vpc vpc-[0-9a-f]{17}\): cidrBlock "not-a-cidr" is not an IPv4 CIDR block$/],
    ['a tag on a resource not in the file', () => variant('orphan-tag', (f) => f.tags.push({ resourceId: 'vpc-0123456789abcdef0', accountId: A, region: 'us-east-1', key: 'Name', value: 'ghost', resourceType: 'vpc' })), /^vpcpeer: \S+: tags\[\d+\] \("vpc-0123456789abcdef0" "Name"\): resource vpc-0123456789abcdef0 is not in the file$/],
  ])('%s: exit 2, one line naming the entry, nothing changed (even with --replace)', (_what, make, message) => {
    const path = make();
    const r = importInto(['--data-dir', target], path, ['--replace']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n') && !r.stderr.slice(0, -1).includes('\n')).toBe(true);
    expect(r.stderr.slice(0, -1)).toMatch(message);
    // The entry named is the one at that place in the file.
    const named = /(resources|tags)\[(\d+)\] \((?:\w+ )?"?([\w-]+)"?/.exec(r.stderr);
    if (named) {
      const file = JSON.parse(readFileSync(path, 'utf8')) as Mutable;
      const entry = named[1] === 'tags' ? file.tags[Number(named[2])]?.resourceId : file.resources[Number(named[2])]?.doc.id;
      expect(entry).toBe(named[3]);
    }
    expect(sameState(exportOf(['--data-dir', target]))).toBe(before);
  });

  it('a store that holds state is refused without --replace and replaced with it', () => {
    const other = variant('other', (f) => {
      for (const t of f.tags) if (t.resourceId === world.vpcA && t.key === 'Name') t.value = 'renamed';
    });
    const refused = importInto(['--data-dir', target], other);
    expect([refused.status, refused.stderr]).toEqual([2, `vpcpeer: ${join(target, 'vpcpeer.db')} already holds state; add --replace to replace it (its audit trail is kept)\n`]);
    expect(sameState(exportOf(['--data-dir', target]))).toBe(before);
    const replaced = importInto(['--data-dir', target], other, ['--replace']);
    expect(replaced.status).toBe(0);
    const after = JSON.parse(exportOf(['--data-dir', target])) as Mutable & { audit: unknown[] };
    const wanted = JSON.parse(readFileSync(other, 'utf8')) as Mutable & { audit: unknown[] };
    expect(after.tags).toEqual(wanted.tags);
    expect(after.tags.find((t) => t.resourceId === world.vpcA && t.key === 'Name')?.value).toBe('renamed');
    expect(after.resources).toEqual(wanted.resources);
  });
});
