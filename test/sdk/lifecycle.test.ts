// The AWS SDK for JavaScript v3 against a real vpcpeer server: the peering lifecycle in one
// account and region, across accounts, across regions; the SDK's own waiters and paginator; STS.
// Expectations come from AWS-BEHAVIOUR.md §2-§4 and §7.
import {
  AcceptVpcPeeringConnectionCommand,
  CreateRouteCommand,
  CreateTagsCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  RejectVpcPeeringConnectionCommand,
  paginateDescribeVpcPeeringConnections,
  waitForVpcPeeringConnectionExists,
  waitUntilVpcPeeringConnectionDeleted,
  waitUntilVpcPeeringConnectionExists,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import {
  DAY_MS,
  DEFAULT_OPTIONS,
  PCX,
  UUID,
  createPeering,
  describeOne,
  ec2,
  expectEc2Error,
  failure,
  mainRouteTable,
  newVpc,
  routeTo,
  sts,
  tagsOf,
} from './sdk-helpers.js';

const WAIT = { maxWaitTime: 10, minDelay: 1, maxDelay: 1 } as const;
const ACCEPT_ANSWER: Record<string, string> = { provisioning: 'Provisioning', active: 'Active' };

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ inMemory: true });
});

afterAll(async () => {
  await server?.stop();
});

describe('same account, same region', () => {
  let client: EC2Client;
  let vpcA = '';
  let vpcB = '';
  let id = '';
  let rtbA = '';
  let rtbB = '';
  let createdAt = 0;
  let expiration: Date | undefined;

  beforeAll(async () => {
    client = ec2(server.url, '111111111111');
    vpcA = await newVpc(client, '10.0.0.0/16');
    vpcB = await newVpc(client, '10.1.0.0/16');
    rtbA = await mainRouteTable(client, vpcA);
    rtbB = await mainRouteTable(client, vpcB);
  });

  it('Create answers initiating-request with ExpirationTime (a Date, +7 days) and tags', async () => {
    createdAt = Date.now();
    const p = await createPeering(client, {
      VpcId: vpcA,
      PeerVpcId: vpcB,
      TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: 'a-to-b' }] }],
    });
    id = p.VpcPeeringConnectionId;
    expect(id).toMatch(PCX);
    expect(p.Status).toEqual({ Code: 'initiating-request', Message: 'Initiating Request to 111111111111' });
    expect(p.ExpirationTime).toBeInstanceOf(Date);
    expiration = p.ExpirationTime;
    expect(Math.abs((p.ExpirationTime?.getTime() ?? 0) - (createdAt + 7 * DAY_MS))).toBeLessThan(120_000);
    expect(tagsOf(p)).toEqual({ Name: 'a-to-b' });
    expect(p.RequesterVpcInfo).toMatchObject({ OwnerId: '111111111111', VpcId: vpcA, Region: 'us-east-1', CidrBlock: '10.0.0.0/16' });
    expect(p.RequesterVpcInfo?.CidrBlockSet).toEqual([{ CidrBlock: '10.0.0.0/16' }]);
    expect(p.RequesterVpcInfo?.PeeringOptions).toEqual(DEFAULT_OPTIONS);
    // The accepter's blocks and options are hidden until acceptance (§4.1).
    expect(p.AccepterVpcInfo).toEqual({ OwnerId: '111111111111', VpcId: vpcB, Region: 'us-east-1' });
  });

  it('waitUntilVpcPeeringConnectionExists succeeds', async () => {
    const started = Date.now();
    const r = await waitUntilVpcPeeringConnectionExists({ client, ...WAIT }, { VpcPeeringConnectionIds: [id] });
    expect(r.state).toBe('SUCCESS');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('Describe shows pending-acceptance with ExpirationTime and the accepter blocks hidden', async () => {
    const p = await describeOne(client, id);
    expect(p.Status).toEqual({ Code: 'pending-acceptance', Message: 'Pending Acceptance by 111111111111' });
    expect(p.ExpirationTime).toBeInstanceOf(Date);
    expect(p.ExpirationTime?.getTime()).toBe(expiration?.getTime());
    expect(p.AccepterVpcInfo).toEqual({ OwnerId: '111111111111', VpcId: vpcB, Region: 'us-east-1' });
    expect(tagsOf(p)).toEqual({ Name: 'a-to-b' });
  });

  it('a route to the pending connection is accepted and is a blackhole', async () => {
    const r = await client.send(new CreateRouteCommand({ RouteTableId: rtbA, DestinationCidrBlock: '10.1.0.0/28', VpcPeeringConnectionId: id }));
    expect(r.Return).toBe(true);
    expect(await routeTo(client, rtbA, '10.1.0.0/28')).toEqual({ DestinationCidrBlock: '10.1.0.0/28', VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: 'blackhole' });
  });

  it('Accept answers provisioning (or active) without ExpirationTime', async () => {
    const r = await client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    const p = r.VpcPeeringConnection;
    expect(p?.VpcPeeringConnectionId).toBe(id);
    const code = p?.Status?.Code ?? '';
    expect(Object.keys(ACCEPT_ANSWER)).toContain(code);
    expect(p?.Status?.Message).toBe(ACCEPT_ANSWER[code]);
    expect(p?.ExpirationTime).toBeUndefined();
    expect(p?.AccepterVpcInfo?.CidrBlock).toBe('10.1.0.0/16');
    expect(r.$metadata.requestId).toMatch(UUID);
  });

  it('Describe shows active with AccepterVpcInfo CidrBlock and options, no ExpirationTime', async () => {
    const p = await describeOne(client, id);
    expect(p.Status).toEqual({ Code: 'active', Message: 'Active' });
    expect(p.ExpirationTime).toBeUndefined();
    expect(p.AccepterVpcInfo).toMatchObject({ OwnerId: '111111111111', VpcId: vpcB, Region: 'us-east-1', CidrBlock: '10.1.0.0/16' });
    expect(p.AccepterVpcInfo?.CidrBlockSet).toEqual([{ CidrBlock: '10.1.0.0/16' }]);
    expect(p.AccepterVpcInfo?.PeeringOptions).toEqual(DEFAULT_OPTIONS);
    expect(tagsOf(p)).toEqual({ Name: 'a-to-b' });
  });

  it('routes to the active connection are active on both sides', async () => {
    expect((await routeTo(client, rtbA, '10.1.0.0/28'))?.State).toBe('active');
    await client.send(new CreateRouteCommand({ RouteTableId: rtbB, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: id }));
    expect(await routeTo(client, rtbB, '10.0.0.0/16')).toEqual({ DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: 'active' });
  });

  it('Delete returns true; waitUntilVpcPeeringConnectionDeleted succeeds; Describe shows deleted', async () => {
    const r = await client.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expect(r.Return).toBe(true);
    const w = await waitUntilVpcPeeringConnectionDeleted({ client, ...WAIT }, { VpcPeeringConnectionIds: [id] });
    expect(w.state).toBe('SUCCESS');
    const p = await describeOne(client, id);
    expect(p.Status?.Code).toBe('deleted');
    expect(p.ExpirationTime).toBeUndefined();
    // Both sides shrink to owner, Region and VPC (AWS-BEHAVIOUR.md §4.1).
    expect(p.RequesterVpcInfo).toEqual({ OwnerId: '111111111111', VpcId: vpcA, Region: 'us-east-1' });
    expect(p.AccepterVpcInfo).toEqual({ OwnerId: '111111111111', VpcId: vpcB, Region: 'us-east-1' });
  });

  it('routes stay after the delete, as blackholes keeping the connection id', async () => {
    expect(await routeTo(client, rtbA, '10.1.0.0/28')).toEqual({ DestinationCidrBlock: '10.1.0.0/28', VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: 'blackhole' });
    expect(await routeTo(client, rtbB, '10.0.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'blackhole' });
  });

  it('a second Delete is InvalidStateTransition (from deleted to deleting)', async () => {
    const e = await failure(client.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expectEc2Error(e, 'InvalidStateTransition', `Invalid state transition for ${id}, attempted to transition from deleted to deleting`);
  });
});

describe('waiters on an unknown id', () => {
  const unknown = 'pcx-0123456789abcdef0';

  it('the exists waiter retries NotFound and times out', async () => {
    const client = ec2(server.url, '111111111111');
    const started = Date.now();
    const r = await waitForVpcPeeringConnectionExists({ client, maxWaitTime: 3, minDelay: 1, maxDelay: 1 }, { VpcPeeringConnectionIds: [unknown] });
    expect(r.state).toBe('TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    // Every observed response was the NotFound error (the SDK keys them "<status>: <message>").
    const observed = (r as { observedResponses?: Record<string, number> }).observedResponses ?? {};
    const keys = Object.keys(observed);
    expect(keys).toEqual([`400: The vpcPeeringConnection ID '${unknown}' does not exist`]);
    expect(observed[keys[0] as string]).toBeGreaterThanOrEqual(2);
    const thrown = await waitUntilVpcPeeringConnectionExists({ client, maxWaitTime: 2, minDelay: 1, maxDelay: 1 }, { VpcPeeringConnectionIds: [unknown] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('TimeoutError');
  });

  it('the deleted waiter treats NotFound as success', async () => {
    const client = ec2(server.url, '111111111111');
    const r = await waitUntilVpcPeeringConnectionDeleted({ client, ...WAIT }, { VpcPeeringConnectionIds: [unknown] });
    expect(r.state).toBe('SUCCESS');
  });

  it('Describe of the unknown id raises InvalidVpcPeeringConnectionID.NotFound', async () => {
    const client = ec2(server.url, '111111111111');
    const e = await failure(client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [unknown] })));
    expectEc2Error(e, 'InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${unknown}' does not exist`);
  });
});

describe('cross-account (111111111111 -> 222222222222)', () => {
  let a: EC2Client;
  let b: EC2Client;
  let stranger: EC2Client;
  let vpcA = '';
  let vpcB = '';
  let id = '';

  beforeAll(async () => {
    a = ec2(server.url, '111111111111');
    b = ec2(server.url, '222222222222');
    stranger = ec2(server.url, '333333333333');
    vpcA = await newVpc(a, '10.2.0.0/16');
    vpcB = await newVpc(b, '10.3.0.0/16');
    const p = await createPeering(a, {
      VpcId: vpcA,
      PeerVpcId: vpcB,
      PeerOwnerId: '222222222222',
      TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: 'from-a' }] }],
    });
    id = p.VpcPeeringConnectionId;
    expect(p.Status).toEqual({ Code: 'initiating-request', Message: 'Initiating Request to 222222222222' });
  });

  it('both owners see the pending request under one id, accepter blocks hidden', async () => {
    for (const client of [a, b]) {
      const p = await describeOne(client, id);
      expect(p.Status).toEqual({ Code: 'pending-acceptance', Message: 'Pending Acceptance by 222222222222' });
      expect(p.ExpirationTime).toBeInstanceOf(Date);
      expect(p.RequesterVpcInfo).toMatchObject({ OwnerId: '111111111111', VpcId: vpcA, CidrBlock: '10.2.0.0/16' });
      expect(p.AccepterVpcInfo).toEqual({ OwnerId: '222222222222', VpcId: vpcB, Region: 'us-east-1' });
    }
  });

  it('an account that is no party gets NotFound', async () => {
    const e = await failure(stranger.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })));
    expectEc2Error(e, 'InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${id}' does not exist`);
  });

  it("the requester's Accept and Reject are OperationNotPermitted", async () => {
    const acc = await failure(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expectEc2Error(acc, 'OperationNotPermitted', `User (111111111111) cannot accept peering ${id}`);
    const rej = await failure(a.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expectEc2Error(rej, 'OperationNotPermitted', `User (111111111111) cannot reject peering ${id}`);
  });

  it('the accepter accepts; both see active with the accepter CIDR', async () => {
    await b.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'from-b' }] }));
    const r = await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expect(Object.keys(ACCEPT_ANSWER)).toContain(r.VpcPeeringConnection?.Status?.Code);
    for (const client of [a, b]) {
      const p = await describeOne(client, id);
      expect(p.Status?.Code).toBe('active');
      expect(p.ExpirationTime).toBeUndefined();
      expect(p.AccepterVpcInfo).toMatchObject({ OwnerId: '222222222222', VpcId: vpcB, CidrBlock: '10.3.0.0/16' });
    }
  });

  it('Name tags are private per side', async () => {
    expect(tagsOf(await describeOne(a, id))).toEqual({ Name: 'from-a' });
    expect(tagsOf(await describeOne(b, id))).toEqual({ Name: 'from-b' });
    const own = await a.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'tag:Name', Values: ['from-a'] }] }));
    expect((own.VpcPeeringConnections ?? []).map((p) => p.VpcPeeringConnectionId)).toEqual([id]);
    const other = await a.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'tag:Name', Values: ['from-b'] }] }));
    expect(other.VpcPeeringConnections ?? []).toEqual([]);
  });

  it('the accepter may delete the active connection; the requester sees deleted', async () => {
    const r = await b.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expect(r.Return).toBe(true);
    const seen = await describeOne(a, id);
    expect(seen.Status?.Code).toBe('deleted');
    for (const side of [seen.RequesterVpcInfo, seen.AccepterVpcInfo]) expect(Object.keys(side ?? {}).sort()).toEqual(['OwnerId', 'Region', 'VpcId']);
    const w = await waitUntilVpcPeeringConnectionDeleted({ client: a, ...WAIT }, { VpcPeeringConnectionIds: [id] });
    expect(w.state).toBe('SUCCESS');
  });
});

describe('cross-region (us-east-1 -> us-west-2)', () => {
  let east: EC2Client;
  let west: EC2Client;
  let vpcE = '';
  let vpcW = '';
  let id = '';

  beforeAll(async () => {
    east = ec2(server.url, '111111111111', 'us-east-1');
    west = ec2(server.url, '111111111111', 'us-west-2');
    vpcE = await newVpc(east, '10.4.0.0/16');
    vpcW = await newVpc(west, '10.5.0.0/16');
  });

  it('Create with PeerRegion names both regions', async () => {
    const p = await createPeering(east, { VpcId: vpcE, PeerVpcId: vpcW, PeerRegion: 'us-west-2' });
    id = p.VpcPeeringConnectionId;
    expect(p.Status?.Code).toBe('initiating-request');
    expect(p.RequesterVpcInfo).toMatchObject({ VpcId: vpcE, Region: 'us-east-1' });
    expect(p.AccepterVpcInfo).toEqual({ OwnerId: '111111111111', VpcId: vpcW, Region: 'us-west-2' });
  });

  it('both regions see it pending under the same id; a third region does not', async () => {
    for (const client of [east, west]) {
      const p = await describeOne(client, id);
      expect(p.Status?.Code).toBe('pending-acceptance');
      expect(p.RequesterVpcInfo?.Region).toBe('us-east-1');
      expect(p.AccepterVpcInfo?.Region).toBe('us-west-2');
    }
    const eu = ec2(server.url, '111111111111', 'eu-west-1');
    const e = await failure(eu.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })));
    expectEc2Error(e, 'InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${id}' does not exist`);
  });

  it('Accept in the requester region is OperationNotPermitted', async () => {
    const e = await failure(east.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expectEc2Error(e, 'OperationNotPermitted', `Incorrect region (us-east-1) specified for this request. VPC peering connection ${id} must be accepted in region us-west-2`);
  });

  it('Accept in us-west-2 makes it active in both regions', async () => {
    const r = await west.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expect(Object.keys(ACCEPT_ANSWER)).toContain(r.VpcPeeringConnection?.Status?.Code);
    for (const client of [east, west]) {
      const p = await describeOne(client, id);
      expect(p.Status?.Code).toBe('active');
      expect(p.AccepterVpcInfo?.CidrBlock).toBe('10.5.0.0/16');
      expect(p.RequesterVpcInfo?.CidrBlock).toBe('10.4.0.0/16');
    }
  });

  it('Delete in us-east-1; the deleted waiter succeeds in us-west-2', async () => {
    await east.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    const w = await waitUntilVpcPeeringConnectionDeleted({ client: west, ...WAIT }, { VpcPeeringConnectionIds: [id] });
    expect(w.state).toBe('SUCCESS');
    expect((await describeOne(east, id)).Status?.Code).toBe('deleted');
  });
});

describe('paginator', () => {
  it('paginateDescribeVpcPeeringConnections with pageSize 5 returns each connection exactly once', async () => {
    // An account and region of their own; at most four VPCs per region (default quota 5 incl. the
    // default VPC): six same-region pairs plus two inter-region requests make eight connections.
    const eu = ec2(server.url, '444444444444', 'eu-west-1');
    const west = ec2(server.url, '444444444444', 'us-west-2');
    const vpcs: string[] = [];
    for (const n of [30, 31, 32, 33]) vpcs.push(await newVpc(eu, `10.${n}.0.0/16`));
    const far: string[] = [];
    for (const n of [34, 35]) far.push(await newVpc(west, `10.${n}.0.0/16`));
    const created: string[] = [];
    for (let i = 0; i < vpcs.length; i++) {
      for (let j = i + 1; j < vpcs.length; j++) {
        created.push((await createPeering(eu, { VpcId: vpcs[i], PeerVpcId: vpcs[j] })).VpcPeeringConnectionId);
      }
    }
    for (const v of far) created.push((await createPeering(eu, { VpcId: vpcs[0], PeerVpcId: v, PeerRegion: 'us-west-2' })).VpcPeeringConnectionId);
    expect(created.length).toBeGreaterThanOrEqual(7);

    const pages: string[][] = [];
    const tokens: Array<string | undefined> = [];
    for await (const page of paginateDescribeVpcPeeringConnections({ client: eu, pageSize: 5 }, {})) {
      pages.push((page.VpcPeeringConnections ?? []).map((p) => p.VpcPeeringConnectionId ?? ''));
      tokens.push(page.NextToken);
    }
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(5);
    const all = pages.flat();
    expect(all).toHaveLength(created.length);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...created].sort());
    expect(tokens.at(-1)).toBeUndefined();
    for (const t of tokens.slice(0, -1)) expect(typeof t).toBe('string');
  });
});

describe('STS', () => {
  it('GetCallerIdentity answers the account of the access key', async () => {
    const r = await sts(server.url, '222222222222').send(new GetCallerIdentityCommand({}));
    expect(r.Account).toBe('222222222222');
    expect(r.Arn).toMatch(/^arn:aws:iam::222222222222:/);
    expect(r.UserId).toBeTruthy();
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.$metadata.requestId).toBeTruthy();
    const other = await sts(server.url, '111111111111').send(new GetCallerIdentityCommand({}));
    expect(other.Account).toBe('111111111111');
  });
});
