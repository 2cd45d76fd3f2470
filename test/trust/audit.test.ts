// The audit trail: every mutating call is recorded - successes in the transaction of their change,
// refusals on their own - with time, account, region, caller key, action, resource ids and result
// code; each account reads its own trail (GET /_vpcpeer/events, signed); nothing can rewrite it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';
import type { RunningServer } from '../support/start-server.js';
import { adminGet, startServer } from '../support/start-server.js';
import type { Key, MintedKey } from './trust-support.js';
import { credentialsPath, EC2, mintKey, send, signedQuery, signRequest, strictArgs, xmlValue } from './trust-support.js';

interface AuditEvent {
  readonly seq: number;
  readonly time: string;
  readonly accountId: string;
  readonly region: string;
  readonly accessKeyId?: string;
  readonly action: string;
  readonly resourceIds: string[];
  readonly code: string;
  readonly status: number;
  readonly requestId: string;
}

const ACCOUNT_A = '111122223333';
const ACCOUNT_B = '222233334444';
let server: RunningServer;
let A: MintedKey;
let B1: MintedKey;
let B2: MintedKey;
let ADMIN: MintedKey;

beforeAll(async () => {
  const file = credentialsPath();
  A = mintKey(file, ACCOUNT_A);
  B1 = mintKey(file, ACCOUNT_B);
  B2 = mintKey(file, ACCOUNT_B);
  ADMIN = mintKey(file, '999988887777', ['--admin']);
  server = await startServer({ args: strictArgs(file) });
});
afterAll(async () => {
  await server?.stop();
});

async function trail(key: Key, query: Record<string, string> = {}): Promise<{ accountId: string; events: AuditEvent[]; nextAfter?: number }> {
  const r = await send(server.url, await signRequest(server.url, key, { method: 'GET', path: '/_vpcpeer/events', query: { limit: '1000', ...query } }));
  if (r.status !== 200) throw new Error(`events: ${r.status} ${r.text}`);
  return JSON.parse(r.text) as { accountId: string; events: AuditEvent[]; nextAfter?: number };
}

async function ok(key: Key, params: Record<string, string>, region = 'us-east-1'): Promise<string> {
  const r = await signedQuery(server.url, key, { ...EC2, ...params }, { region });
  if (r.status !== 200) throw new Error(`${params.Action}: ${r.status} ${r.text}`);
  return r.text;
}

const lastOf = async (key: Key): Promise<AuditEvent> => {
  const events = (await trail(key)).events;
  const last = events.at(-1);
  if (!last) throw new Error('empty trail');
  return last;
};

describe('what is recorded', () => {
  it('a successful create: who, where, what (with the id it made), when, and OK', async () => {
    const clockBefore = Date.parse(((await adminGet(server, '/_vpcpeer/clock')) as { now: string }).now);
    const body = await ok(A, { Action: 'CreateVpc', CidrBlock: '10.1.0.0/16' });
    const clockAfter = Date.parse(((await adminGet(server, '/_vpcpeer/clock')) as { now: string }).now);
    const vpc = xmlValue(body, 'vpcId') as string;
    const requestId = xmlValue(body, 'requestId') as string;
    const e = await lastOf(A);
    expect(e).toMatchObject({ accountId: ACCOUNT_A, region: 'us-east-1', accessKeyId: A.accessKeyId, action: 'CreateVpc', resourceIds: [vpc], code: 'OK', status: 200, requestId });
    expect(Date.parse(e.time)).toBeGreaterThanOrEqual(clockBefore);
    expect(Date.parse(e.time)).toBeLessThanOrEqual(clockAfter);
  });

  it('a refused change is recorded with its error code; nothing of it is applied', async () => {
    const r = await signedQuery(server.url, A, { Action: 'DeleteVpc', ...EC2, VpcId: 'vpc-0123456789abcdef0' });
    expect(r.code).toBe('InvalidVpcID.NotFound');
    expect(await lastOf(A)).toMatchObject({ action: 'DeleteVpc', resourceIds: ['vpc-0123456789abcdef0'], code: 'InvalidVpcID.NotFound', status: 400, accessKeyId: A.accessKeyId });
    const bad = await signedQuery(server.url, A, { Action: 'CreateVpc', ...EC2, CidrBlock: '10.0.0.0/8' });
    expect(bad.code).toBe('InvalidVpc.Range');
    expect(await lastOf(A)).toMatchObject({ action: 'CreateVpc', resourceIds: [], code: 'InvalidVpc.Range', status: 400 });
    const dry = await signedQuery(server.url, A, { Action: 'CreateVpc', ...EC2, CidrBlock: '10.2.0.0/16', DryRun: 'true' });
    expect(dry.code).toBe('DryRunOperation');
    expect(await lastOf(A)).toMatchObject({ action: 'CreateVpc', code: 'DryRunOperation', status: 412 });
  });

  it('reads are not recorded, and neither is anything that failed authentication', async () => {
    const before = (await trail(A)).events.length;
    await ok(A, { Action: 'DescribeVpcs' });
    await ok(A, { Action: 'DescribeVpcPeeringConnections' });
    const forged = await signedQuery(server.url, { ...A, secretAccessKey: 'not-the-secret-not-the-secret' }, { Action: 'CreateVpc', ...EC2, CidrBlock: '10.3.0.0/16' });
    expect(forged.code).toBe('AuthFailure');
    expect((await trail(A)).events.length).toBe(before);
  });

  it('each call lands in the region it was signed for', async () => {
    const body = await ok(A, { Action: 'CreateVpc', CidrBlock: '10.4.0.0/16' }, 'eu-west-1');
    expect(await lastOf(A)).toMatchObject({ region: 'eu-west-1', resourceIds: [xmlValue(body, 'vpcId')] });
  });
});

describe('who accepted this?', () => {
  it('the accepter’s trail names the key that accepted; the requester’s names the key that asked', async () => {
    const mine = xmlValue(await ok(A, { Action: 'CreateVpc', CidrBlock: '10.10.0.0/16' }), 'vpcId') as string;
    const theirs = xmlValue(await ok(B1, { Action: 'CreateVpc', CidrBlock: '10.11.0.0/16' }), 'vpcId') as string;
    const pcx = xmlValue(await ok(A, { Action: 'CreateVpcPeeringConnection', VpcId: mine, PeerVpcId: theirs, PeerOwnerId: ACCOUNT_B }), 'vpcPeeringConnectionId') as string;
    await ok(B2, { Action: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: pcx });
    // A late second accept is refused, and recorded as such.
    const again = await signedQuery(server.url, B1, { Action: 'AcceptVpcPeeringConnection', ...EC2, VpcPeeringConnectionId: pcx });
    expect(again.code).toBe('InvalidStateTransition');

    const b = (await trail(B1)).events.filter((e) => e.resourceIds.includes(pcx));
    expect(b.map((e) => [e.action, e.accessKeyId, e.code])).toEqual([
      ['AcceptVpcPeeringConnection', B2.accessKeyId, 'OK'],
      ['AcceptVpcPeeringConnection', B1.accessKeyId, 'InvalidStateTransition'],
    ]);
    const a = (await trail(A)).events.filter((e) => e.resourceIds.includes(pcx));
    expect(a.map((e) => [e.action, e.accessKeyId, e.code])).toEqual([['CreateVpcPeeringConnection', A.accessKeyId, 'OK']]);
    // Both keys of account B read the same trail; A's never shows B's calls.
    expect((await trail(B2)).events).toEqual((await trail(B1)).events);
    expect((await trail(A)).events.every((e) => e.accountId === ACCOUNT_A)).toBe(true);
  });

  it('AssumeRole is recorded with the session key it issued, so a session’s calls lead back to a key', async () => {
    const file = credentialsPath();
    const chooser = mintKey(file, '333344445555', ['--assume-role-account', '666677778888']);
    const s = await startServer({ args: strictArgs(file) });
    try {
      const assume = await signedQuery(s.url, chooser, { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: 'arn:aws:iam::666677778888:role/ops', RoleSessionName: 'night-shift' }, { service: 'sts' });
      expect(assume.status).toBe(200);
      const session = { accessKeyId: xmlValue(assume.text, 'AccessKeyId') as string, secretAccessKey: xmlValue(assume.text, 'SecretAccessKey') as string, sessionToken: xmlValue(assume.text, 'SessionToken') as string };
      const created = await signedQuery(s.url, session, { Action: 'CreateVpc', ...EC2, CidrBlock: '10.20.0.0/16' });
      expect(created.status, created.text).toBe(200);
      const events = async (key: Key) => JSON.parse((await send(s.url, await signRequest(s.url, key, { method: 'GET', path: '/_vpcpeer/events' }))).text) as { events: AuditEvent[] };
      const target = (await events(session)).events;
      expect(target.map((e) => [e.action, e.accessKeyId, e.code])).toEqual([
        ['AssumeRole', chooser.accessKeyId, 'OK'],
        ['CreateVpc', session.accessKeyId, 'OK'],
      ]);
      expect(target[0]?.resourceIds).toEqual(['arn:aws:iam::666677778888:role/ops', session.accessKeyId]);
      const source = (await events(chooser)).events;
      expect(source.map((e) => [e.accountId, e.action, e.resourceIds[1]])).toEqual([['333344445555', 'AssumeRole', session.accessKeyId]]);
      const denied = await signedQuery(s.url, chooser, { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: 'arn:aws:iam::999999999999:role/ops', RoleSessionName: 'nope' }, { service: 'sts' });
      expect(denied.code).toBe('AccessDenied');
      expect((await events(chooser)).events.at(-1)).toMatchObject({ action: 'AssumeRole', code: 'AccessDenied', status: 403 });
    } finally {
      await s.stop();
    }
  });
});

describe('reading the trail', () => {
  it('pages with after and limit, oldest first', async () => {
    const all = (await trail(A)).events;
    expect(all.length).toBeGreaterThan(4);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((x, y) => x - y));
    const first = await trail(A, { limit: '2' });
    expect(first.events.map((e) => e.seq)).toEqual(all.slice(0, 2).map((e) => e.seq));
    expect(first.nextAfter).toBe(all[1]?.seq);
    const second = await trail(A, { limit: '2', after: String(first.nextAfter) });
    expect(second.events.map((e) => e.seq)).toEqual(all.slice(2, 4).map((e) => e.seq));
  });

  it('bad paging parameters are refused', async () => {
    const queries: Record<string, string>[] = [{ limit: '0' }, { limit: '1001' }, { after: '-1' }, { after: 'x' }];
    for (const query of queries) {
      const r = await send(server.url, await signRequest(server.url, A, { method: 'GET', path: '/_vpcpeer/events', query }));
      expect(r.status).toBe(400);
    }
  });

  it('the trail survives a reset of all state (append-only)', async () => {
    const before = (await trail(A)).events;
    const reset = await send(server.url, await signRequest(server.url, ADMIN, { path: '/_vpcpeer/reset', body: '' }));
    expect(reset.status).toBe(200);
    const vpcs = await ok(A, { Action: 'DescribeVpcs', 'Filter.1.Name': 'cidr', 'Filter.1.Value.1': '10.1.0.0/16' });
    expect(xmlValue(vpcs, 'vpcId')).toBeUndefined();
    expect((await trail(A)).events.slice(0, before.length)).toEqual(before);
  });
});

describe('the store keeps an event and its change together', () => {
  it('an event appended in a transaction that fails is gone with it', async () => {
    const store = await openSqliteStore({ inMemory: true });
    try {
      const event = { time: 1, accountId: '111111111111', region: 'us-east-1', action: 'CreateVpc', resourceIds: ['vpc-1'], code: 'OK', status: 200, requestId: 'r1' };
      await expect(
        store.write(async (repo) => {
          await repo.audit.append(event);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await store.read((repo) => repo.audit.listForAccount('111111111111', 0, 10))).toEqual([]);
      await store.write((repo) => repo.audit.append(event));
      expect(await store.read((repo) => repo.audit.listForAccount('111111111111', 0, 10))).toEqual([{ ...event, seq: 1 }]);
      expect(await store.read((repo) => repo.audit.listForAccount('222222222222', 0, 10))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
