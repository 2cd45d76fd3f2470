// Expiry and visibility windows through the AWS SDK for JavaScript v3, on a server of its own
// whose clock is moved forward (advanceClock). AWS-BEHAVIOUR.md §2.4 (visibility windows) and §2.5
// (unaccepted requests expire after 7 days; ExpirationTime = creation + 7 days while pending,
// absent once active; whether it stays on `expired` connections is an open question, §11).
import {
  AcceptVpcPeeringConnectionCommand,
  CreateRouteCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
  waitUntilVpcPeeringConnectionDeleted,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { adminGet, advanceClock, startServer } from '../support/start-server.js';
import { DAY_MS, createPeering, describeOne, ec2, expectEc2Error, failure, mainRouteTable, newVpc, routeTo } from './sdk-helpers.js';

let server: RunningServer;

async function serverNow(): Promise<number> {
  const body = (await adminGet(server, '/_vpcpeer/clock')) as { now?: unknown };
  if (typeof body.now !== 'string') throw new Error(`clock endpoint answered ${JSON.stringify(body)}`);
  return Date.parse(body.now);
}

beforeAll(async () => {
  server = await startServer({ inMemory: true });
});

afterAll(async () => {
  await server?.stop();
});

describe('expiry after 7 days', () => {
  let a: EC2Client;
  let b: EC2Client;
  let sameAccount = '';
  let crossAccount = '';
  let accepted = '';
  let deletedEarly = '';
  let rtb = '';
  const expirations = new Map<string, number>();

  beforeAll(async () => {
    a = ec2(server.url, '111111111111');
    b = ec2(server.url, '222222222222');
    const hub = await newVpc(a, '10.0.0.0/16');
    const spoke1 = await newVpc(a, '10.1.0.0/16');
    const spoke2 = await newVpc(a, '10.2.0.0/16');
    const spoke3 = await newVpc(a, '10.3.0.0/16');
    const theirs = await newVpc(b, '10.9.0.0/16');
    rtb = await mainRouteTable(a, hub);

    sameAccount = (await createPeering(a, { VpcId: hub, PeerVpcId: spoke1 })).VpcPeeringConnectionId;
    crossAccount = (await createPeering(a, { VpcId: hub, PeerVpcId: theirs, PeerOwnerId: '222222222222' })).VpcPeeringConnectionId;
    accepted = (await createPeering(a, { VpcId: hub, PeerVpcId: spoke2 })).VpcPeeringConnectionId;
    await a.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: accepted }));
    await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: accepted }));
    await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: sameAccount }));
    deletedEarly = (await createPeering(a, { VpcId: hub, PeerVpcId: spoke3 })).VpcPeeringConnectionId;
    await a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: deletedEarly }));

    for (const id of [sameAccount, crossAccount]) {
      const p = await describeOne(a, id);
      expect(p.Status?.Code).toBe('pending-acceptance');
      const t = p.ExpirationTime?.getTime();
      if (t === undefined) throw new Error(`${id} has no ExpirationTime while pending`);
      expirations.set(id, t);
    }
  });

  it('ExpirationTime is the server time of creation + 7 days', async () => {
    const now = await serverNow();
    for (const t of expirations.values()) expect(Math.abs(t - (now + 7 * DAY_MS))).toBeLessThan(60_000);
  });

  it('one minute before the 7 days the requests are still pending', async () => {
    await advanceClock(server, 7 * 24 * 3600 - 120);
    expect((await describeOne(a, sameAccount)).Status?.Code).toBe('pending-acceptance');
    expect((await describeOne(b, crossAccount)).Status?.Code).toBe('pending-acceptance');
  });

  it('after 7 days + 1 min both owners see expired; ExpirationTime, if still shown, is unchanged', async () => {
    await advanceClock(server, 180);
    for (const [client, id] of [
      [a, sameAccount],
      [a, crossAccount],
      [b, crossAccount],
    ] as const) {
      const p = await describeOne(client, id);
      expect(p.Status?.Code).toBe('expired');
      expect(p.Status?.Message).toBeTruthy();
      // §2.5: present while pending, absent when active; for `expired` AWS is not documented (§11),
      // so the only fixed point is that it never changes.
      if (p.ExpirationTime !== undefined) expect(p.ExpirationTime.getTime()).toBe(expirations.get(id));
      // The accepter's blocks were never exposed: the request was never accepted (§4.1).
      expect(p.AccepterVpcInfo?.CidrBlock).toBeUndefined();
    }
  });

  it('the status-code filter finds the expired requests', async () => {
    const r = await a.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'status-code', Values: ['expired'] }] }));
    expect((r.VpcPeeringConnections ?? []).map((p) => p.VpcPeeringConnectionId).sort()).toEqual([sameAccount, crossAccount].sort());
  });

  it('an expired request can be neither accepted nor deleted', async () => {
    expectEc2Error(
      await failure(b.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: crossAccount }))),
      'InvalidStateTransition',
      new RegExp(`^Invalid state transition for ${crossAccount}, attempted to transition from expired to \\S+$`),
    );
    expectEc2Error(
      await failure(a.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: sameAccount }))),
      'InvalidStateTransition',
      `Invalid state transition for ${sameAccount}, attempted to transition from expired to deleting`,
    );
  });

  it('the accepted connection is still active, its route active; the route to the expired one a blackhole', async () => {
    const p = await describeOne(a, accepted);
    expect(p.Status?.Code).toBe('active');
    expect(p.ExpirationTime).toBeUndefined();
    expect((await routeTo(a, rtb, '10.2.0.0/16'))?.State).toBe('active');
    expect(await routeTo(a, rtb, '10.1.0.0/16')).toMatchObject({ State: 'blackhole', VpcPeeringConnectionId: sameAccount });
  });

  it('a same-account connection deleted 7 days ago is gone (2 h window): NotFound, and the deleted waiter succeeds', async () => {
    const e = await failure(a.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [deletedEarly] })));
    expectEc2Error(e, 'InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${deletedEarly}' does not exist`);
    const w = await waitUntilVpcPeeringConnectionDeleted({ client: a, maxWaitTime: 10, minDelay: 1, maxDelay: 1 }, { VpcPeeringConnectionIds: [deletedEarly] });
    expect(w.state).toBe('SUCCESS');
  });

  it('2 days after expiring the requests are gone for both owners', async () => {
    await advanceClock(server, 2 * 24 * 3600);
    for (const [client, id] of [
      [a, sameAccount],
      [a, crossAccount],
      [b, crossAccount],
    ] as const) {
      const e = await failure(client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })));
      expectEc2Error(e, 'InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${id}' does not exist`);
    }
    const all = await a.send(new DescribeVpcPeeringConnectionsCommand({}));
    expect((all.VpcPeeringConnections ?? []).map((p) => p.VpcPeeringConnectionId)).toEqual([accepted]);
  });

  it('a request made on the moved clock expires 7 days after the server time', async () => {
    const c = ec2(server.url, '333333333333');
    const x = await newVpc(c, '10.60.0.0/16');
    const y = await newVpc(c, '10.61.0.0/16');
    const p = await createPeering(c, { VpcId: x, PeerVpcId: y });
    const now = await serverNow();
    expect(Math.abs((p.ExpirationTime?.getTime() ?? 0) - (now + 7 * DAY_MS))).toBeLessThan(60_000);
    // Far from the caller's wall clock: the server's clock is 9 days ahead.
    expect((p.ExpirationTime?.getTime() ?? 0) - Date.now()).toBeGreaterThan(15 * DAY_MS);
  });
});
