import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import { ACCOUNT_A, ACCOUNT_B, DAY, HOUR, createPeering, createVpc, describePeering, useServer } from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

/** Scenario 4: the accepter rejects (AWS-BEHAVIOUR.md §2.2, §2.4, §4.4, §4.5). Moves this file's server clock. */
describe.skipIf(!available)('AWS CLI: rejecting a peering request', () => {
  const suite = useServer();

  it('rejected: seen by both, cannot be accepted or deleted, and vanishes after 2 h (accepter) / 2 days (requester)', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const b = suite.as(ACCOUNT_B);
    const [requester, accepter] = await Promise.all([createVpc(a, '10.40.0.0/16'), createVpc(b, '10.41.0.0/16')]);
    const id = (await createPeering(a, requester.VpcId, accepter.VpcId, '--peer-owner-id', ACCOUNT_B)).VpcPeeringConnectionId;

    const rejected = await b.ok<{ Return: boolean }>('ec2', 'reject-vpc-peering-connection', '--vpc-peering-connection-id', id);
    expect(rejected).toEqual({ Return: true });

    const [asRequester, asAccepter] = await Promise.all([describePeering(a, id), describePeering(b, id)]);
    expect(asRequester.Status.Code).toBe('rejected');
    expect(asAccepter.Status.Code).toBe('rejected');

    const [accept, del] = await Promise.all([
      b.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id),
      a.fail('ec2', 'delete-vpc-peering-connection', '--vpc-peering-connection-id', id),
    ]);
    expect(accept.code).toBe('InvalidStateTransition');
    expect(accept.message).toMatch(new RegExp(`^Invalid state transition for ${id}, attempted to transition from rejected to `));
    expect(del.code).toBe('InvalidStateTransition');
    expect(del.message).toBe(`Invalid state transition for ${id}, attempted to transition from rejected to deleting`);

    // §2.4: rejected stays visible 2 hours to the accepter and 2 days to the requester.
    await suite.advance(3 * HOUR);
    const [requesterLater, accepterLater] = await Promise.all([
      describePeering(a, id),
      b.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id),
    ]);
    expect(requesterLater.Status.Code).toBe('rejected');
    expect(accepterLater.code).toBe('InvalidVpcPeeringConnectionID.NotFound');

    await suite.advance(2 * DAY);
    const gone = await a.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id);
    expect(gone.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });
});
