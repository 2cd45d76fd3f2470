// VPCs and subnets (IPv6, secondary CIDRs, DNS hostnames), route tables with subnet associations
// and the main table marked, the topology map, and an account switch that keeps the page.
import { DescribeRouteTablesCommand, DescribeSubnetsCommand, DescribeVpcAttributeCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '888888888888';
const PARTNER = '999999999999';

describe.skipIf(!chromiumAvailable)('console: VPCs, subnets, route tables, map', () => {
  const harness = consoleHarness();

  it('builds a network through the console and draws it', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const [app, partner] = await Promise.all([harness().signedIn(ACCOUNT), harness().signedIn(PARTNER)]);

    const main = await app.vpcs.create({ name: 'main', cidr: '10.0.0.0/16', ipv6: true });
    expect(await app.vpcs.detail('IPv6 CIDR')).toMatch(/::\/56$/);
    await app.vpcs.addSecondaryCidr('10.1.0.0/16');
    await app.vpcs.addSecondaryCidr('10.2.0.0/16');
    await app.vpcs.removeCidr('10.2.0.0/16');
    expect(await app.vpcs.ipv4Cidrs()).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
    await app.vpcs.finishEditingCidrs();
    await app.vpcs.enableDnsHostnames();
    expect(await app.vpcs.detail('DNS hostnames')).toBe('Enabled');
    expect(await app.vpcs.detail('IPv4 CIDR')).toBe('10.0.0.0/16, 10.1.0.0/16');
    await app.screenshot('vpc-details');

    await app.subnets.create({ vpcId: main, cidr: '10.0.1.0/24', name: 'app-a' });
    await app.subnets.create({ vpcId: main, cidr: '10.1.1.0/24', name: 'app-b' });
    await app.subnets.open();
    await app.screenshot('subnets');
    const subnets = (await client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [main] }] }))).Subnets ?? [];
    const appA = subnets.find((s) => s.CidrBlock === '10.0.1.0/24')?.SubnetId ?? '';
    expect(subnets.map((s) => s.CidrBlock).sort()).toEqual(['10.0.1.0/24', '10.1.1.0/24']);

    // A second route table for app-a; the main one stays marked as main.
    const priv = await app.routeTables.create('private', main);
    await app.routeTable.editSubnetAssociations();
    await app.editAssociations.waitFor();
    await app.editAssociations.setAssociated(appA, true);
    await app.editAssociations.save();
    expect(await app.routeTable.explicitSubnets()).toEqual([appA]);
    await app.routeTables.open();
    await app.routeTables.filter(`VPC ID = ${main}`);
    const rows = await app.routeTables.rows();
    expect(rows.map((r) => [r['Route table ID'], r['Main'], r['Explicit subnet associations']]).sort()).toEqual(
      [[priv, 'No', appA], [rows.find((r) => r['Main'] === 'Main')?.['Route table ID'], 'Main', '-']].sort(),
    );
    await app.screenshot('route-tables');

    // Peerings to draw: one active in this account, one pending from another account.
    const peer = await app.vpcs.create({ name: 'peer', cidr: '10.9.0.0/16' });
    await app.peerings.open();
    await app.peerings.startCreate();
    const { id: active } = await app.createPeering.create({ name: 'main-peer', requesterVpcId: main, accepterVpcId: peer });
    await app.peering.waitFor(active);
    await app.peering.chooseAction('Accept request');
    await app.dialogs.yesAccept();
    await app.dialogs.closeEstablished();
    await app.peering.waitForStatus('Active');
    const partnerVpc = await partner.vpcs.create({ name: 'partner', cidr: '10.20.0.0/16' });
    await partner.peerings.open();
    await partner.peerings.startCreate();
    const { id: incoming } = await partner.createPeering.create({ name: 'partner-in', requesterVpcId: partnerVpc, accountId: ACCOUNT, accepterVpcId: main });

    await app.map.open();
    for (const vpc of [main, peer, partnerVpc]) await app.map.vpcNode(vpc).waitFor();
    expect(await app.map.groups()).toEqual([`Account ${ACCOUNT} in us-east-1`, `Account ${PARTNER} in us-east-1`]);
    expect(await app.map.edgeLabels()).toEqual(['main-peer · Active', `${incoming} · Pending acceptance`].sort());
    await app.map.clickVpc(main);
    expect(await app.map.details()).toContain(main);
    await app.map.clickEdge('main-peer · Active');
    const details = await app.map.details();
    expect(details).toContain(active);
    expect(details).toContain('Active');
    await app.screenshot('topology-map');

    // Switching account keeps the page: the map, now of the partner's account.
    await app.topBar.switchAccount(PARTNER);
    expect(app.path()).toBe('/map');
    await app.map.vpcNode(partnerVpc).waitFor();
    expect(await app.map.vpcNode(main).count()).toBe(1);
    expect(await app.map.vpcNode(peer).count()).toBe(0);

    const vpc = (await client.send(new DescribeVpcsCommand({ VpcIds: [main] }))).Vpcs?.[0];
    expect((vpc?.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State === 'associated').map((a) => a.CidrBlock)).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
    expect(vpc?.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock).toMatch(/::\/56$/);
    expect((await client.send(new DescribeVpcAttributeCommand({ VpcId: main, Attribute: 'enableDnsHostnames' }))).EnableDnsHostnames?.Value).toBe(true);
    const table = (await client.send(new DescribeRouteTablesCommand({ RouteTableIds: [priv] }))).RouteTables?.[0];
    expect(table?.Associations?.map((a) => a.SubnetId)).toEqual([appA]);
  });
});
