// After a connection is deleted, routes that targeted it stay and show Blackhole (AWS never
// removes them for you). Also: a route to one address (/32) of the peer, and the DNS option.
import { describe, expect, it } from 'vitest';
import { ec2, mainRouteTable, peering, routeTo } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '111111111111';

describe.skipIf(!chromiumAvailable)('console: delete', () => {
  const harness = consoleHarness();

  it('deleting an active connection leaves its route as Blackhole', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const app = await harness().signedIn(ACCOUNT);
    const a = await app.vpcs.create({ name: 'a', cidr: '10.0.0.0/16' });
    await app.vpcs.enableDnsHostnames();
    expect(await app.vpcs.detail('DNS hostnames')).toBe('Enabled');
    const b = await app.vpcs.create({ name: 'b', cidr: '10.1.0.0/16' });

    await app.peerings.open();
    await app.peerings.startCreate();
    const { id } = await app.createPeering.create({ name: 'a-b', requesterVpcId: a, accepterVpcId: b });
    await app.peering.waitFor(id);
    await app.peering.chooseAction('Accept request');
    await app.dialogs.yesAccept();
    await app.dialogs.closeEstablished();
    await app.peering.waitForStatus('Active');

    // DNS: the requester side (its VPC has DNS hostnames) can resolve from the peer.
    await app.peering.chooseAction('Edit DNS settings');
    await app.dialogs.editDns({ requester: true });
    expect(await app.peering.dnsSettings()).toEqual({ requester: 'Enabled', accepter: 'Disabled' });

    await app.routeTables.open();
    const rtb = await app.routeTables.mainTableOf(a);
    await app.routeTables.select(rtb);
    await app.routeTables.chooseAction('Edit routes');
    await app.editRoutes.waitFor();
    // The target types as AWS lists them; the peering type offers this VPC's connections.
    expect(await app.editRoutes.targetTypes()).toEqual(['Egress Only Internet Gateway', 'Internet Gateway', 'local', 'NAT Gateway', 'Peering Connection']);
    expect(await app.editRoutes.targetOptions()).toEqual([id]);
    await app.editRoutes.addRoute('10.1.0.7/32', id);
    await app.editRoutes.save();
    await app.routeTable.waitFor(rtb);
    expect((await app.routeTable.route('10.1.0.7/32'))?.status).toBe('Active');

    await app.peerings.open();
    await app.peerings.openDetails(id);
    await app.peering.waitFor(id);
    expect(await app.peering.routes()).toEqual([expect.objectContaining({ 'Route table ID': rtb, Destination: '10.1.0.7/32', Status: 'Active' })]);
    await app.peering.chooseAction('Delete peering connection');
    await app.dialogs.confirmDelete();
    await app.peering.waitForStatus('Deleted');
    expect(await app.peering.statusMessage()).toBe(`Deleted by ${ACCOUNT}`);
    expect(await app.peering.routes()).toEqual([expect.objectContaining({ Destination: '10.1.0.7/32', Status: 'Blackhole' })]);

    await app.routeTables.open();
    await app.routeTables.openDetails(rtb);
    await app.routeTable.waitFor(rtb);
    expect(await app.routeTable.route('10.1.0.7/32')).toEqual({ destination: '10.1.0.7/32', target: id, status: 'Blackhole', propagated: 'No' });
    await app.screenshot('route-table-blackhole');

    const client = ec2(server.url, ACCOUNT);
    const c = await peering(client, id);
    expect(c.Status?.Code).toBe('deleted');
    // Once deleted, both sides show only owner, Region and VPC (AWS-BEHAVIOUR.md §4.1).
    expect(Object.keys(c.RequesterVpcInfo ?? {}).sort()).toEqual(['OwnerId', 'Region', 'VpcId']);
    expect(routeTo(await mainRouteTable(client, a), '10.1.0.7/32')).toEqual({ state: 'blackhole', target: id });
  });
});
