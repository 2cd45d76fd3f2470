import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import {
  ACCOUNT_A,
  HOUR,
  acceptPeering,
  createPeering,
  createVpc,
  describePeering,
  describePeerings,
  mainRouteTable,
  routeTable,
  routeTo,
  routeToPeering,
  useServer,
} from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

/** Scenario 6: deleting an active connection (AWS-BEHAVIOUR.md §2.4, §3.10, §4.5). Moves this file's server clock. */
describe.skipIf(!available)('AWS CLI: deleting a peering connection', () => {
  const suite = useServer();

  it('routes turn blackhole and stay; deleted is listed for 2 h, then the id is unknown', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([createVpc(a, '10.70.0.0/16'), createVpc(a, '10.71.0.0/16')]);
    const id = (await createPeering(a, x.VpcId, y.VpcId)).VpcPeeringConnectionId;
    const [, rtX, rtY] = await Promise.all([acceptPeering(a, id), mainRouteTable(a, x.VpcId), mainRouteTable(a, y.VpcId)]);
    await Promise.all([routeToPeering(a, rtX.RouteTableId, '10.71.0.0/16', id), routeToPeering(a, rtY.RouteTableId, '10.70.0.0/16', id)]);
    expect(routeTo(await routeTable(a, rtX.RouteTableId), '10.71.0.0/16')?.State).toBe('active');

    const deleted = await a.ok<{ Return: boolean }>('ec2', 'delete-vpc-peering-connection', '--vpc-peering-connection-id', id);
    expect(deleted).toEqual({ Return: true });

    const [peering, tableX, tableY] = await Promise.all([describePeering(a, id), routeTable(a, rtX.RouteTableId), routeTable(a, rtY.RouteTableId)]);
    expect(peering.Status.Code).toBe('deleted');
    expect(routeTo(tableX, '10.71.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'blackhole', Origin: 'CreateRoute' });
    expect(routeTo(tableY, '10.70.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'blackhole', Origin: 'CreateRoute' });

    // §4.5: deleting again while it is still visible is a state transition from deleted.
    const again = await a.fail('ec2', 'delete-vpc-peering-connection', '--vpc-peering-connection-id', id);
    expect(again.code).toBe('InvalidStateTransition');
    expect(again.message).toBe(`Invalid state transition for ${id}, attempted to transition from deleted to deleting`);

    // §2.4: a same-account deleted connection is listed for 2 hours.
    await suite.advance(1 * HOUR);
    const listed = await describePeerings(a);
    expect(listed.find((p) => p.VpcPeeringConnectionId === id)?.Status.Code).toBe('deleted');

    await suite.advance(2 * HOUR);
    const [gone, listedLater, tableLater] = await Promise.all([
      a.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id),
      describePeerings(a),
      routeTable(a, rtX.RouteTableId),
    ]);
    expect(gone.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(listedLater.map((p) => p.VpcPeeringConnectionId)).not.toContain(id);
    // §3.10: AWS never removes the route; it stays a blackhole naming the connection.
    expect(routeTo(tableLater, '10.71.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'blackhole' });
  });
});
