// The guide's first flow, through the console only: two VPCs of one account in one region, create
// the peering connection, accept it ("Yes, Accept"), "Modify my route tables now", add a route to
// a /28 of the peer's CIDR, and see it Active. Then the same facts through the API.
import { describe, expect, it } from 'vitest';
import { ec2, mainRouteTable, peering, routeTo } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '111111111111';

describe.skipIf(!chromiumAvailable)('console: same account, same region', () => {
  const harness = consoleHarness();

  it('create, accept, modify my route tables now, route to a /28 is Active', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const app = await harness().signedIn(ACCOUNT);
    expect(await app.topBar.account()).toBe(ACCOUNT);
    expect(await app.topBar.region()).toBe('us-east-1');

    const requester = await app.vpcs.create({ name: 'web', cidr: '10.0.0.0/16' });
    const accepter = await app.vpcs.create({ name: 'db', cidr: '10.1.0.0/16' });
    await app.vpcs.open();
    await app.screenshot('vpcs');

    await app.peerings.open();
    await app.peerings.startCreate();
    await app.createPeering.fill({ name: 'web-to-db', requesterVpcId: requester, accepterVpcId: accepter });
    await app.screenshot('create-peering-connection');
    await app.createPeering.submit();
    const { id, status } = await app.createPeering.confirmation();
    expect(id).toMatch(/^pcx-[0-9a-f]{17}$/);
    expect(status).toBe('Initiating request');

    await app.peering.waitFor(id);
    await app.peering.waitForStatus('Pending acceptance');
    expect(await app.peering.statusMessage()).toBe(`Pending Acceptance by ${ACCOUNT}`);
    // Same account: no peer-phishing warning, and Accept is allowed.
    expect(await app.peering.phishingAccount()).toBeUndefined();
    expect((await app.peering.actionState('Accept request')).disabled).toBe(false);

    await app.peerings.open();
    await app.peerings.select(id);
    await app.peerings.chooseAction('Accept request');
    await app.dialogs.yesAccept();
    // Accept answers `provisioning`; the list shows it until its next read settles it.
    await app.peerings.waitForStatus(id, 'Provisioning');
    await app.peerings.waitForStatus(id, 'Active');
    await app.dialogs.modifyMyRouteTablesNow();

    await app.routeTables.waitLoaded();
    const shown = await app.routeTables.rows();
    // Filtered to the connection's VPCs: each has its main table, nothing else.
    expect(new Set(shown.map((r) => r['VPC']))).toEqual(new Set([requester, accepter]));
    const rtb = await app.routeTables.mainTableOf(requester);
    await app.routeTables.select(rtb);
    await app.routeTables.chooseAction('Edit routes');
    await app.editRoutes.waitFor();
    await app.editRoutes.addRoute('10.1.0.0/28', id);
    await app.screenshot('edit-routes');
    await app.editRoutes.save();

    await app.routeTable.waitFor(rtb);
    const route = await app.routeTable.route('10.1.0.0/28');
    expect(route).toEqual({ destination: '10.1.0.0/28', target: id, status: 'Active', propagated: 'No' });
    expect((await app.routeTable.route('10.0.0.0/16'))?.target).toBe('local');
    await app.screenshot('route-table-routes');

    await app.peerings.open();
    await app.peerings.waitForStatus(id, 'Active');
    await app.screenshot('peering-connections');

    // The same facts through the API.
    const client = ec2(server.url, ACCOUNT);
    const c = await peering(client, id);
    expect(c.Status?.Code).toBe('active');
    expect(c.Tags).toEqual([{ Key: 'Name', Value: 'web-to-db' }]);
    expect(c.RequesterVpcInfo?.VpcId).toBe(requester);
    expect(c.AccepterVpcInfo?.VpcId).toBe(accepter);
    expect(routeTo(await mainRouteTable(client, requester), '10.1.0.0/28')).toEqual({ state: 'active', target: id });
  });
});
