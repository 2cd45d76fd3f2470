// Errors as the AWS SDK for JavaScript v3 surfaces them (EC2ServiceException subclasses with the
// AWS code as `name`, the message, HTTP status and request id), the `failed` outcome of Create,
// and DescribeVpcPeeringConnections filters. Expectations: AWS-BEHAVIOUR.md §2-§4.
import {
  AcceptVpcPeeringConnectionCommand,
  CreateTagsCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  EC2ServiceException,
  RejectVpcPeeringConnectionCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client, Filter } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { createPeering, describeOne, ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ inMemory: true });
});

afterAll(async () => {
  await server?.stop();
});

async function ids(client: EC2Client, filters: Filter[]): Promise<string[]> {
  const r = await client.send(new DescribeVpcPeeringConnectionsCommand({ Filters: filters }));
  return (r.VpcPeeringConnections ?? []).map((p) => p.VpcPeeringConnectionId ?? '').sort();
}

describe('errors', () => {
  let a: EC2Client;
  let b: EC2Client;
  let vpcA = '';
  let vpcA2 = '';
  let vpcB = '';

  beforeAll(async () => {
    a = ec2(server.url, '111111111111');
    b = ec2(server.url, '222222222222');
    vpcA = await newVpc(a, '10.0.0.0/16');
    vpcA2 = await newVpc(a, '10.1.0.0/16');
    vpcB = await newVpc(b, '10.2.0.0/16');
  });

  it('NotFound is an EC2ServiceException named by the code, 400, with a request id', async () => {
    const id = 'pcx-0123456789abcdef0';
    for (const call of [
      a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })),
      a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })),
      a.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })),
      a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })),
    ]) {
      const e = await failure(call);
      expect(e).toBeInstanceOf(EC2ServiceException);
      expect(e).toBeInstanceOf(Error);
      expectEc2Error(e, 'InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${id}' does not exist`);
    }
  });

  it('one unknown id among known ones fails the whole Describe', async () => {
    const p = await createPeering(a, { VpcId: vpcA, PeerVpcId: vpcA2 });
    const e = await failure(a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [p.VpcPeeringConnectionId, 'pcx-0123456789abcdef1'] })));
    expectEc2Error(e, 'InvalidVpcPeeringConnectionID.NotFound', "The vpcPeeringConnection ID 'pcx-0123456789abcdef1' does not exist");
    await a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: p.VpcPeeringConnectionId }));
  });

  it('a malformed id is InvalidVpcPeeringConnectionId.Malformed (lower-case Id)', async () => {
    const e = await failure(a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: ['pcx-nothex'] })));
    expectEc2Error(e, 'InvalidVpcPeeringConnectionId.Malformed', /pcx-nothex/);
  });

  it('an unknown peer VPC in the same account and region is InvalidVpcID.NotFound', async () => {
    const c = await failure(createPeering(a, { VpcId: vpcA, PeerVpcId: 'vpc-0123456789abcdef0' }));
    expectEc2Error(c, 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist");
  });

  it('DryRun answers DryRunOperation with HTTP 412 and changes nothing', async () => {
    const create = await failure(createPeering(a, { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: '222222222222', DryRun: true }));
    expectEc2Error(create, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect(await ids(a, [{ Name: 'accepter-vpc-info.vpc-id', Values: [vpcB] }])).toEqual([]);

    const p = await createPeering(a, { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: '222222222222' });
    const id = p.VpcPeeringConnectionId;
    const accept = await failure(b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id, DryRun: true })));
    expectEc2Error(accept, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    const describe = await failure(b.send(new DescribeVpcPeeringConnectionsCommand({ DryRun: true })));
    expectEc2Error(describe, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect((await describeOne(b, id)).Status?.Code).toBe('pending-acceptance');
    await a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
  });

  it('cross-account requester Accept is OperationNotPermitted; the accepter may not delete a pending request', async () => {
    const p = await createPeering(a, { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: '222222222222' });
    const id = p.VpcPeeringConnectionId;
    expectEc2Error(await failure(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))), 'OperationNotPermitted', `User (111111111111) cannot accept peering ${id}`);
    // The accepter rejects instead of deleting (peering guide); the code is [I] OperationNotPermitted.
    const del = await failure(b.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id })));
    expectEc2Error(del, 'OperationNotPermitted', /./);
    expect((await describeOne(a, id)).Status?.Code).toBe('pending-acceptance');

    // Reject by the accepter; then nothing can move it on.
    const r = await b.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expect(r.Return).toBe(true);
    expect((await describeOne(b, id)).Status?.Code).toBe('rejected');
    expect((await describeOne(a, id)).Status?.Code).toBe('rejected');
    expectEc2Error(
      await failure(a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))),
      'InvalidStateTransition',
      `Invalid state transition for ${id}, attempted to transition from rejected to deleting`,
    );
    expectEc2Error(
      await failure(b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))),
      'InvalidStateTransition',
      new RegExp(`^Invalid state transition for ${id}, attempted to transition from rejected to \\S+$`),
    );
  });

  it('Accept or Reject of an active connection is InvalidStateTransition', async () => {
    const p = await createPeering(a, { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: '222222222222' });
    const id = p.VpcPeeringConnectionId;
    await b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    expectEc2Error(
      await failure(b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))),
      'InvalidStateTransition',
      new RegExp(`^Invalid state transition for ${id}, attempted to transition from active to \\S+$`),
    );
    expectEc2Error(
      await failure(b.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))),
      'InvalidStateTransition',
      new RegExp(`^Invalid state transition for ${id}, attempted to transition from active to \\S+$`),
    );
    await a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
  });

  it('overlapping CIDRs: Create succeeds, the connection is failed and cannot be accepted or deleted', async () => {
    const overlapping = await newVpc(a, '10.0.128.0/17');
    const p = await createPeering(a, { VpcId: overlapping, PeerVpcId: vpcA });
    const id = p.VpcPeeringConnectionId;
    expect(p.Status?.Code).toBe('initiating-request');
    const d = await describeOne(a, id);
    expect(d.Status).toEqual({ Code: 'failed', Message: 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range' });
    expectEc2Error(
      await failure(a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))),
      'InvalidStateTransition',
      new RegExp(`^Invalid state transition for ${id}, attempted to transition from failed to \\S+$`),
    );
    expectEc2Error(
      await failure(a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))),
      'InvalidStateTransition',
      `Invalid state transition for ${id}, attempted to transition from failed to deleting`,
    );
  });

  it('a cross-account request to a VPC the peer does not own is created, then failed', async () => {
    const p = await createPeering(a, { VpcId: vpcA, PeerVpcId: 'vpc-0123456789abcdef0', PeerOwnerId: '222222222222' });
    expect(p.Status?.Code).toBe('initiating-request');
    expect((await describeOne(a, p.VpcPeeringConnectionId)).Status?.Code).toBe('failed');
    // A failed request is shown to the requester only (§2.4).
    const e = await failure(b.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [p.VpcPeeringConnectionId] })));
    expect(e.name).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });

  it('an unknown filter name is InvalidParameterValue', async () => {
    const e = await failure(a.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] })));
    expectEc2Error(e, 'InvalidParameterValue', "The filter 'no-such-filter' is invalid");
  });

  it('MaxResults below 5 is InvalidParameterValue (the JS SDK does not check it client-side)', async () => {
    const e = await failure(a.send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: 4 })));
    // AWS's wording (AWS-BEHAVIOUR.md §4.11, observed for DescribeInstances, same style assumed):
    // `Value ( 3 ) for parameter maxResults is invalid. Expecting a value greater than 5.`
    expectEc2Error(e, 'InvalidParameterValue', /^Value \( 4 \) for parameter maxResults is invalid\. Expecting a value greater than 5\.$/);
  });
});

describe('filters', () => {
  let c: EC2Client;
  const byName: Record<string, string> = {};

  beforeAll(async () => {
    // Account 555555555555, us-east-1: a hub and three spokes, three requests named for filtering;
    // one is accepted so status-code has two values to tell apart.
    c = ec2(server.url, '555555555555');
    const hub = await newVpc(c, '10.40.0.0/16');
    const names = ['web-prod', 'web-dev', 'db-prod'];
    for (const [i, name] of names.entries()) {
      const spoke = await newVpc(c, `10.${41 + i}.0.0/16`);
      const p = await createPeering(c, { VpcId: hub, PeerVpcId: spoke, TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: name }] }] });
      byName[name] = p.VpcPeeringConnectionId;
    }
    await c.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: byName['web-prod'] }));
  });

  const pick = (...names: string[]): string[] => names.map((n) => byName[n] ?? `missing ${n}`).sort();

  it('tag:Name with * and ? wildcards', async () => {
    expect(await ids(c, [{ Name: 'tag:Name', Values: ['web-*'] }])).toEqual(pick('web-prod', 'web-dev'));
    expect(await ids(c, [{ Name: 'tag:Name', Values: ['*-prod'] }])).toEqual(pick('web-prod', 'db-prod'));
    expect(await ids(c, [{ Name: 'tag:Name', Values: ['w?b-dev'] }])).toEqual(pick('web-dev'));
    expect(await ids(c, [{ Name: 'tag:Name', Values: ['*'] }])).toEqual(pick('web-prod', 'web-dev', 'db-prod'));
    expect(await ids(c, [{ Name: 'tag:Name', Values: ['web'] }])).toEqual([]);
  });

  it('status-code, alone, with several values (OR) and with a tag filter (AND)', async () => {
    expect(await ids(c, [{ Name: 'status-code', Values: ['active'] }])).toEqual(pick('web-prod'));
    expect(await ids(c, [{ Name: 'status-code', Values: ['pending-acceptance'] }])).toEqual(pick('web-dev', 'db-prod'));
    expect(await ids(c, [{ Name: 'status-code', Values: ['active', 'pending-acceptance'] }])).toEqual(pick('web-prod', 'web-dev', 'db-prod'));
    expect(
      await ids(c, [
        { Name: 'tag:Name', Values: ['web-*'] },
        { Name: 'status-code', Values: ['pending-acceptance'] },
      ]),
    ).toEqual(pick('web-dev'));
    expect(await ids(c, [{ Name: 'status-code', Values: ['deleted'] }])).toEqual([]);
  });

  it('a backslash escapes a wildcard in a filter value', async () => {
    const w = ec2(server.url, '555555555555', 'us-west-2');
    const hub = await newVpc(w, '10.50.0.0/16');
    const star = (await createPeering(w, { VpcId: hub, PeerVpcId: await newVpc(w, '10.51.0.0/16') })).VpcPeeringConnectionId;
    const plain = (await createPeering(w, { VpcId: hub, PeerVpcId: await newVpc(w, '10.52.0.0/16') })).VpcPeeringConnectionId;
    await w.send(new CreateTagsCommand({ Resources: [star], Tags: [{ Key: 'Name', Value: 'a*b' }] }));
    await w.send(new CreateTagsCommand({ Resources: [plain], Tags: [{ Key: 'Name', Value: 'axyb' }] }));
    expect(await ids(w, [{ Name: 'tag:Name', Values: ['a*b'] }])).toEqual([star, plain].sort());
    expect(await ids(w, [{ Name: 'tag:Name', Values: ['a\\*b'] }])).toEqual([star]);
  });
});
