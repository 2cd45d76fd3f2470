import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import {
  ACCOUNT_A,
  ALL_OPTIONS_FALSE,
  DAY,
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

/** Scenario 1: one account, one region (AWS-BEHAVIOUR.md §2, §3.10, §4.1, §4.8, §4.9). */
describe.skipIf(!available)('AWS CLI: peering within one account and region', () => {
  const suite = useServer();

  it.concurrent('create → pending-acceptance → accept → active, with the fields AWS shows in each state', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A, 'us-east-1');
    const [requester, accepter] = await Promise.all([createVpc(a, '192.168.0.0/16'), createVpc(a, '10.0.0.0/16')]);

    const before = await suite.now();
    const created = await createPeering(a, requester.VpcId, accepter.VpcId);
    const id = created.VpcPeeringConnectionId;
    expect(id).toMatch(/^pcx-[0-9a-f]{17}$/);
    // §2.3: Create answers with the transitional state.
    expect(created.Status).toEqual({ Code: 'initiating-request', Message: `Initiating Request to ${ACCOUNT_A}` });
    // §2.5: ExpirationTime = creation + 7 days while unaccepted.
    expect(created.ExpirationTime).toBeDefined();
    const expires = Date.parse(created.ExpirationTime as string);
    expect(Math.abs(expires - (before + 7 * DAY * 1000))).toBeLessThan(5 * 60_000);
    // §4.1: requester side in full; accepter's CIDRs and options hidden until accepted.
    expect(created.RequesterVpcInfo).toMatchObject({ OwnerId: ACCOUNT_A, VpcId: requester.VpcId, Region: 'us-east-1', CidrBlock: '192.168.0.0/16' });
    expect(created.RequesterVpcInfo.CidrBlockSet).toEqual([{ CidrBlock: '192.168.0.0/16' }]);
    expect(created.RequesterVpcInfo.PeeringOptions).toEqual(ALL_OPTIONS_FALSE);
    expect(created.AccepterVpcInfo).toMatchObject({ OwnerId: ACCOUNT_A, VpcId: accepter.VpcId, Region: 'us-east-1' });
    expect(created.AccepterVpcInfo.CidrBlock).toBeUndefined();
    expect(created.AccepterVpcInfo.CidrBlockSet).toBeUndefined();
    expect(created.AccepterVpcInfo.PeeringOptions).toBeUndefined();

    const pending = await describePeering(a, id);
    expect(pending.Status).toEqual({ Code: 'pending-acceptance', Message: `Pending Acceptance by ${ACCOUNT_A}` });
    expect(pending.ExpirationTime).toBeDefined();
    expect(Date.parse(pending.ExpirationTime as string)).toBe(expires);
    expect(pending.AccepterVpcInfo.CidrBlock).toBeUndefined();
    expect(pending.AccepterVpcInfo.PeeringOptions).toBeUndefined();

    const accepted = await acceptPeering(a, id);
    expect(accepted.VpcPeeringConnectionId).toBe(id);
    expect(accepted.Status).toEqual({ Code: 'provisioning', Message: 'Provisioning' });

    const active = await describePeering(a, id);
    expect(active.Status).toEqual({ Code: 'active', Message: 'Active' });
    expect(active.ExpirationTime).toBeUndefined();
    expect(active.AccepterVpcInfo).toMatchObject({ OwnerId: ACCOUNT_A, VpcId: accepter.VpcId, Region: 'us-east-1', CidrBlock: '10.0.0.0/16' });
    expect(active.AccepterVpcInfo.CidrBlockSet).toEqual([{ CidrBlock: '10.0.0.0/16' }]);
    expect(active.AccepterVpcInfo.PeeringOptions).toEqual(ALL_OPTIONS_FALSE);
    expect(active.RequesterVpcInfo).toMatchObject({ VpcId: requester.VpcId, CidrBlock: '192.168.0.0/16', PeeringOptions: ALL_OPTIONS_FALSE });

    // §2.2: an active connection cannot be rejected, nor accepted again.
    const reject = await a.fail('ec2', 'reject-vpc-peering-connection', '--vpc-peering-connection-id', id);
    expect(reject.code).toBe('InvalidStateTransition');
    const again = await a.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id);
    expect(again.code).toBe('InvalidStateTransition');
    expect((await describePeering(a, id)).Status.Code).toBe('active');
  });

  it.concurrent('routes to the peer: whole CIDR, a /28 and a /32 are active; own CIDR and duplicates are refused', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A, 'us-east-1');
    const ipv6 = '--amazon-provided-ipv6-cidr-block';
    const [requester, accepter] = await Promise.all([createVpc(a, '172.20.0.0/16', ipv6), createVpc(a, '10.1.0.0/16', ipv6)]);
    const [rtRequester, rtAccepter] = await Promise.all([mainRouteTable(a, requester.VpcId), mainRouteTable(a, accepter.VpcId)]);
    // The main table found by vpc-id + association.main=true is the VPC's and is marked main.
    expect(rtRequester.VpcId).toBe(requester.VpcId);
    expect(rtRequester.Associations?.some((x) => x.Main === true)).toBe(true);
    expect(routeTo(rtRequester, '172.20.0.0/16')).toMatchObject({ GatewayId: 'local', State: 'active' });

    const id = (await createPeering(a, requester.VpcId, accepter.VpcId)).VpcPeeringConnectionId;
    // §3.10: a route may be added while pending; it is a blackhole until the connection is active.
    await routeToPeering(a, rtRequester.RouteTableId, '10.1.0.0/16', id);
    expect(routeTo(await routeTable(a, rtRequester.RouteTableId), '10.1.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, State: 'blackhole' });

    await acceptPeering(a, id);
    const peerIpv6 = await ipv6Of(a, accepter);
    await Promise.all([
      routeToPeering(a, rtRequester.RouteTableId, '10.1.0.0/28', id),
      routeToPeering(a, rtRequester.RouteTableId, '10.1.0.7/32', id),
    ]);
    await Promise.all([
      routeToPeering(a, rtAccepter.RouteTableId, '172.20.0.0/16', id),
      // §3.10: IPv6 routes over a same-region peering are allowed when both VPCs have IPv6.
      routeToPeering(a, rtRequester.RouteTableId, peerIpv6, id),
    ]);

    const [afterRequester, afterAccepter] = await Promise.all([routeTable(a, rtRequester.RouteTableId), routeTable(a, rtAccepter.RouteTableId)]);
    for (const destination of ['10.1.0.0/16', '10.1.0.0/28', '10.1.0.7/32', peerIpv6]) {
      expect(routeTo(afterRequester, destination), destination).toMatchObject({ VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: 'active' });
    }
    expect(routeTo(afterAccepter, '172.20.0.0/16')).toMatchObject({ VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: 'active' });

    // §3.10: a destination equal to or inside the table's own VPC CIDR is refused.
    const inside = await a.fail('ec2', 'create-route', '--route-table-id', rtRequester.RouteTableId, '--destination-cidr-block', '172.20.1.0/24', '--vpc-peering-connection-id', id);
    expect(inside.code).toBe('InvalidParameterValue');
    expect(inside.message.startsWith('The destination CIDR block 172.20.1.0/24')).toBe(true);
    // §4.8: the same destination twice.
    const duplicate = await a.fail('ec2', 'create-route', '--route-table-id', rtRequester.RouteTableId, '--destination-cidr-block', '10.1.0.0/28', '--vpc-peering-connection-id', id);
    expect(duplicate.code).toBe('RouteAlreadyExists');
    expect(duplicate.message).toBe('The route identified by 10.1.0.0/28 already exists.');

    const final = await routeTable(a, rtRequester.RouteTableId);
    expect(routeTo(final, '172.20.1.0/24')).toBeUndefined();
    expect(final.Routes.filter((r) => r.DestinationCidrBlock === '10.1.0.0/28')).toHaveLength(1);
  });
});
