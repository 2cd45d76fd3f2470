import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import {
  ACCOUNT_A,
  acceptPeering,
  createPeering,
  createVpc,
  describePeering,
  ipv6Of,
  mainRouteTable,
  routeTable,
  routeTo,
  routeToPeering,
  useServer,
} from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

/** Scenario 2: one account, two regions (AWS-BEHAVIOUR.md §3.5, §3.8, §1). */
describe.skipIf(!available)('AWS CLI: peering one account across regions', () => {
  const suite = useServer();

  it('is requested in us-east-1, visible there and in us-west-2 only, and accepted only in us-west-2', async ({ expect }) => {
    const east = suite.as(ACCOUNT_A, 'us-east-1');
    const west = suite.as(ACCOUNT_A, 'us-west-2');
    const eu = suite.as(ACCOUNT_A, 'eu-west-1');
    const ipv6 = '--amazon-provided-ipv6-cidr-block';
    const [requester, accepter] = await Promise.all([createVpc(east, '10.10.0.0/16', ipv6), createVpc(west, '10.11.0.0/16', ipv6)]);

    const created = await createPeering(east, requester.VpcId, accepter.VpcId, '--peer-region', 'us-west-2');
    const id = created.VpcPeeringConnectionId;
    expect(created.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${ACCOUNT_A}` });
    expect(created.RequesterVpcInfo).toMatchObject({ VpcId: requester.VpcId, Region: 'us-east-1', OwnerId: ACCOUNT_A });
    expect(created.AccepterVpcInfo).toMatchObject({ VpcId: accepter.VpcId, Region: 'us-west-2', OwnerId: ACCOUNT_A });

    // §1, §3.8: the same id in the requester's and the accepter's region, nowhere else.
    const [fromEast, fromWest, fromEu] = await Promise.all([
      describePeering(east, id),
      describePeering(west, id),
      eu.fail('ec2', 'describe-vpc-peering-connections', '--vpc-peering-connection-ids', id),
    ]);
    expect(fromEast.Status.Code).toBe('pending-acceptance');
    expect(fromWest.Status.Code).toBe('pending-acceptance');
    expect(fromWest.VpcPeeringConnectionId).toBe(id);
    expect(fromWest.RequesterVpcInfo).toMatchObject({ VpcId: requester.VpcId, Region: 'us-east-1' });
    expect(fromEu.code).toBe('InvalidVpcPeeringConnectionID.NotFound');

    // §3.5: accept and reject belong to the accepter's region.
    const [acceptEast, rejectEast] = await Promise.all([
      east.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id),
      east.fail('ec2', 'reject-vpc-peering-connection', '--vpc-peering-connection-id', id),
    ]);
    expect(acceptEast.code).toBe('OperationNotPermitted');
    expect(acceptEast.message).toBe(`Incorrect region (us-east-1) specified for this request. VPC peering connection ${id} must be accepted in region us-west-2`);
    expect(rejectEast.code).toBe('OperationNotPermitted');
    expect(rejectEast.message).toBe(`Incorrect region (us-east-1) specified for this request. VPC peering connection ${id} must be accepted or rejected in region us-west-2`);
    expect((await describePeering(west, id)).Status.Code).toBe('pending-acceptance');

    const accepted = await acceptPeering(west, id);
    expect(accepted.Status.Code).toBe('provisioning');
    const [activeEast, activeWest] = await Promise.all([describePeering(east, id), describePeering(west, id)]);
    expect(activeEast.Status).toEqual({ Code: 'active', Message: 'Active' });
    expect(activeWest.Status).toEqual({ Code: 'active', Message: 'Active' });
    expect(activeEast.AccepterVpcInfo).toMatchObject({ CidrBlock: '10.11.0.0/16', Region: 'us-west-2' });

    // Scenario 2, IPv6: the product guide says IPv6 is not supported over an inter-region
    // connection (§3.5 "the guide wins by default"), even though both VPCs have IPv6 blocks;
    // IPv4 routes over it work.
    const [peerIpv6, ownIpv6] = await Promise.all([ipv6Of(west, accepter), ipv6Of(east, requester)]);
    const [rtEast, rtWest] = await Promise.all([mainRouteTable(east, requester.VpcId), mainRouteTable(west, accepter.VpcId)]);
    await routeToPeering(east, rtEast.RouteTableId, '10.11.0.0/16', id);
    const [v6East, v6West] = await Promise.all([
      east.fail('ec2', 'create-route', '--route-table-id', rtEast.RouteTableId, '--destination-ipv6-cidr-block', peerIpv6, '--vpc-peering-connection-id', id),
      west.fail('ec2', 'create-route', '--route-table-id', rtWest.RouteTableId, '--destination-ipv6-cidr-block', ownIpv6, '--vpc-peering-connection-id', id),
    ]);
    for (const refused of [v6East, v6West]) {
      expect(['InvalidParameterValue', 'OperationNotPermitted']).toContain(refused.code);
      // "with a clear message saying why"
      expect(refused.message).toMatch(/IPv6/);
      expect(refused.message).toMatch(/inter-region|region/i);
    }
    const table = await routeTable(east, rtEast.RouteTableId);
    expect(routeTo(table, '10.11.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'active', Origin: 'CreateRoute' });
    expect(routeTo(table, peerIpv6)).toBeUndefined();
  });
});
