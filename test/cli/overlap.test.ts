import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import { ACCOUNT_A, createPeering, createVpc, describePeering, ipv6Of, useServer, type Caller } from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

const FAILED_MESSAGE = 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range';

/** Scenario 5: overlapping IPv4 CIDRs make the connection `failed`, never an API error (AWS-BEHAVIOUR.md §3.1, §3.11). */
describe.skipIf(!available)('AWS CLI: overlapping CIDRs', () => {
  const suite = useServer();

  /** Creates the request (which must succeed) and returns what a describe shows next. */
  async function requestThenDescribe(a: Caller, vpcId: string, peerVpcId: string): Promise<{ id: string; createdCode: string; status: { Code: string; Message: string } }> {
    const created = await createPeering(a, vpcId, peerVpcId);
    const described = await describePeering(a, created.VpcPeeringConnectionId);
    return { id: created.VpcPeeringConnectionId, createdCode: created.Status.Code, status: described.Status };
  }

  it.concurrent('identical CIDRs: created, then failed; a failed connection cannot be accepted or deleted', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([createVpc(a, '10.50.0.0/16'), createVpc(a, '10.50.0.0/16')]);
    const { id, createdCode, status } = await requestThenDescribe(a, x.VpcId, y.VpcId);
    expect(createdCode).toBe('initiating-request');
    expect(status).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });

    const [accept, del] = await Promise.all([
      a.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id),
      a.fail('ec2', 'delete-vpc-peering-connection', '--vpc-peering-connection-id', id),
    ]);
    expect(accept.code).toBe('InvalidStateTransition');
    expect(del.code).toBe('InvalidStateTransition');
    expect(del.message).toBe(`Invalid state transition for ${id}, attempted to transition from failed to deleting`);
    expect((await describePeering(a, id)).Status.Code).toBe('failed');
  });

  it.concurrent('a block contained in the other VPC’s block fails too', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([createVpc(a, '10.51.0.0/16'), createVpc(a, '10.51.128.0/20')]);
    const { status } = await requestThenDescribe(a, x.VpcId, y.VpcId);
    expect(status).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
  });

  it.concurrent('an overlap through a secondary block added with associate-vpc-cidr-block fails', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([createVpc(a, '10.52.0.0/16'), createVpc(a, '10.53.0.0/16')]);
    // The primaries are disjoint; the peer's secondary 10.52.64.0/18 lies inside x's primary.
    const assoc = await a.ok<{ CidrBlockAssociation: { CidrBlock: string } }>('ec2', 'associate-vpc-cidr-block', '--vpc-id', y.VpcId, '--cidr-block', '10.52.64.0/18');
    expect(assoc.CidrBlockAssociation.CidrBlock).toBe('10.52.64.0/18');
    const { status } = await requestThenDescribe(a, x.VpcId, y.VpcId);
    expect(status).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
  });

  it.concurrent('the accepter adding an overlapping block while the request is pending makes it fail (§3.11)', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([createVpc(a, '10.54.0.0/16'), createVpc(a, '10.55.0.0/16')]);
    const { id, status } = await requestThenDescribe(a, x.VpcId, y.VpcId);
    expect(status.Code).toBe('pending-acceptance');
    await a.ok('ec2', 'associate-vpc-cidr-block', '--vpc-id', y.VpcId, '--cidr-block', '10.54.0.0/20');
    expect((await describePeering(a, id)).Status).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
    const accept = await a.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id);
    expect(accept.code).toBe('InvalidStateTransition');
  });

  it.concurrent('overlapping IPv4 fails even when the IPv6 blocks differ', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const ipv6 = '--amazon-provided-ipv6-cidr-block';
    const [x, y] = await Promise.all([createVpc(a, '10.56.0.0/16', ipv6), createVpc(a, '10.56.0.0/24', ipv6)]);
    const [v6x, v6y] = await Promise.all([ipv6Of(a, x), ipv6Of(a, y)]);
    expect(v6x).not.toBe(v6y);
    const { status } = await requestThenDescribe(a, x.VpcId, y.VpcId);
    expect(status).toEqual({ Code: 'failed', Message: FAILED_MESSAGE });
  });
});
