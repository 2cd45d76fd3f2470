import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import {
  ACCOUNT_A,
  ACCOUNT_B,
  DAY,
  HOUR,
  createPeering,
  createVpc,
  describePeering,
  mainRouteTable,
  routeTable,
  routeTo,
  routeToPeering,
  useServer,
} from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

/** Scenario 7: unaccepted requests expire after 7 days (AWS-BEHAVIOUR.md §2.4, §2.5, §3.10). Moves this file's server clock. */
describe.skipIf(!available)('AWS CLI: the 7-day expiry of a request', () => {
  const suite = useServer();

  it('pending → expired after 7 days (both owners see it) → unknown 2 days later; its route is a blackhole throughout', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const b = suite.as(ACCOUNT_B);
    const [x, y] = await Promise.all([createVpc(a, '10.80.0.0/16'), createVpc(b, '10.81.0.0/16')]);
    const created = await createPeering(a, x.VpcId, y.VpcId, '--peer-owner-id', ACCOUNT_B);
    const id = created.VpcPeeringConnectionId;

    // §3.10: a route to a pending connection is accepted and is a blackhole.
    const rt = await mainRouteTable(a, x.VpcId);
    await routeToPeering(a, rt.RouteTableId, '10.81.0.0/16', id);
    const [pending, table] = await Promise.all([describePeering(b, id), routeTable(a, rt.RouteTableId)]);
    expect(pending.Status.Code).toBe('pending-acceptance');
    expect(pending.ExpirationTime).toBe(created.ExpirationTime);
    expect(routeTo(table, '10.81.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'blackhole' });

    // Just before the 7 days are up it is still pending.
    await suite.advance(7 * DAY - 5 * 60);
    expect((await describePeering(b, id)).Status.Code).toBe('pending-acceptance');

    await suite.advance(5 * 60 + 60);
    const [asRequester, asAccepter, accept] = await Promise.all([
      describePeering(a, id),
      describePeering(b, id),
      b.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id),
    ]);
    expect(asRequester.Status.Code).toBe('expired');
    expect(asAccepter.Status.Code).toBe('expired');
    expect(accept.code).toBe('InvalidStateTransition');
    expect(accept.message).toMatch(new RegExp(`^Invalid state transition for ${id}, attempted to transition from expired to `));
    expect(routeTo(await routeTable(a, rt.RouteTableId), '10.81.0.0/16')?.State).toBe('blackhole');

    // §2.4: expired stays visible to both owners for 2 days.
    await suite.advance(2 * DAY + HOUR);
    const [goneA, goneB, tableLater] = await Promise.all([
      a.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id),
      b.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id),
      routeTable(a, rt.RouteTableId),
    ]);
    expect(goneA.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(goneB.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(routeTo(tableLater, '10.81.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'blackhole' });
  });
});
