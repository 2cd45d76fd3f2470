import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  ACCOUNT_C,
  acceptPeering,
  createPeering,
  createVpc,
  describePeering,
  describePeerings,
  nameTagSpec,
  tagValue,
  useServer,
  type Tag,
} from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

/** Scenario 3: two accounts, one region (AWS-BEHAVIOUR.md §3.7, §3.9, §3.8). */
describe.skipIf(!available)('AWS CLI: peering across accounts', () => {
  const suite = useServer();

  it('only the accepter accepts; each account keeps its own tags; a third account sees nothing', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const b = suite.as(ACCOUNT_B);
    const c = suite.as(ACCOUNT_C);
    const [requester, accepter] = await Promise.all([createVpc(a, '10.30.0.0/16'), createVpc(b, '10.31.0.0/16')]);

    const created = await createPeering(a, requester.VpcId, accepter.VpcId, '--peer-owner-id', ACCOUNT_B, ...nameTagSpec('to-b'));
    const id = created.VpcPeeringConnectionId;
    expect(created.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${ACCOUNT_B}` });
    expect(created.AccepterVpcInfo).toMatchObject({ OwnerId: ACCOUNT_B, VpcId: accepter.VpcId, Region: 'us-east-1' });
    expect(tagValue(created.Tags, 'Name')).toBe('to-b');

    // §3.7: a requester cannot accept what it sent to another account.
    const [byRequester, asRequester, asAccepter] = await Promise.all([
      a.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id),
      describePeering(a, id),
      describePeering(b, id),
    ]);
    expect(byRequester.code).toBe('OperationNotPermitted');
    expect(byRequester.message).toBe(`User (${ACCOUNT_A}) cannot accept peering ${id}`);
    expect(asRequester.Status).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${ACCOUNT_B}` });
    expect(tagValue(asRequester.Tags, 'Name')).toBe('to-b');
    // §3.8: the accepter sees the pending request and who sent it; §3.9: not the requester's tags.
    expect(asAccepter.Status).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${ACCOUNT_B}` });
    expect(asAccepter.RequesterVpcInfo).toMatchObject({ OwnerId: ACCOUNT_A, VpcId: requester.VpcId, Region: 'us-east-1' });
    expect(asAccepter.Tags ?? []).toEqual([]);

    await b.ok('ec2', 'create-tags', '--resources', id, '--tags', 'Key=Name,Value=from-a');
    const accepted = await acceptPeering(b, id);
    expect(accepted.Status.Code).toBe('provisioning');

    const [finalA, finalB] = await Promise.all([describePeering(a, id), describePeering(b, id)]);
    expect(finalA.Status.Code).toBe('active');
    expect(finalB.Status.Code).toBe('active');
    expect(finalA.Tags).toEqual([{ Key: 'Name', Value: 'to-b' }]);
    expect(finalB.Tags).toEqual([{ Key: 'Name', Value: 'from-a' }]);
    expect(finalB.AccepterVpcInfo).toMatchObject({ OwnerId: ACCOUNT_B, CidrBlock: '10.31.0.0/16' });

    // §3.7: an account that is no party to it cannot see it, by id, in a listing, or through tags.
    type TagRow = Tag & { ResourceId: string; ResourceType: string };
    const [byId, listed, tags, tagsOfA] = await Promise.all([
      c.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id),
      describePeerings(c),
      c.ok<{ Tags: TagRow[] }>('ec2', 'describe-tags', '--filters', `Name=resource-id,Values=${id}`),
      a.ok<{ Tags: TagRow[] }>('ec2', 'describe-tags', '--filters', `Name=resource-id,Values=${id}`),
    ]);
    expect(byId.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(byId.message).toContain(id);
    expect(listed.map((p) => p.VpcPeeringConnectionId)).not.toContain(id);
    expect(tags.Tags).toEqual([]);
    // describe-tags in the requester's account shows its own tag only.
    expect(tagsOfA.Tags).toEqual([{ Key: 'Name', Value: 'to-b', ResourceId: id, ResourceType: 'vpc-peering-connection' }]);
  });
});
