// The VPC dashboard: every count is what the API says this account has in this region (and links
// to its list), requests to this account's VPCs wait there with an Accept that works, and a
// request about to lapse (the server clock moved 6.5 of its 7 days on) is listed with its time left.
import type { EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateSubnetCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeAddressesCommand,
  DescribeDhcpOptionsCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { advanceClock } from '../support/start-server.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { createVpc, ec2, waitForPeeringStatus } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ME = '444444444444';
const PEER = '555555555555';

async function request(client: EC2Client, from: string, to: string, owner: string): Promise<string> {
  const id = (await client.send(new CreateVpcPeeringConnectionCommand({ VpcId: from, PeerVpcId: to, PeerOwnerId: owner }))).VpcPeeringConnection?.VpcPeeringConnectionId;
  if (!id) throw new Error('no connection id');
  await waitForPeeringStatus(client, id, 'pending-acceptance');
  return id;
}

/** What the dashboard should count, read from the API as this account. */
async function expectedCounts(client: EC2Client): Promise<Record<string, number>> {
  const [vpcs, subnets, tables, igws, eigws, dhcp, eips, nats, acls, sgs, reservations, enis] = await Promise.all([
    client.send(new DescribeVpcsCommand({})),
    client.send(new DescribeSubnetsCommand({})),
    client.send(new DescribeRouteTablesCommand({})),
    client.send(new DescribeInternetGatewaysCommand({})),
    client.send(new DescribeEgressOnlyInternetGatewaysCommand({})),
    client.send(new DescribeDhcpOptionsCommand({})),
    client.send(new DescribeAddressesCommand({})),
    client.send(new DescribeNatGatewaysCommand({})),
    client.send(new DescribeNetworkAclsCommand({})),
    client.send(new DescribeSecurityGroupsCommand({})),
    client.send(new DescribeInstancesCommand({})),
    client.send(new DescribeNetworkInterfacesCommand({})),
  ]);
  return {
    vpcs: vpcs.Vpcs?.length ?? 0,
    subnets: subnets.Subnets?.length ?? 0,
    'route-tables': tables.RouteTables?.length ?? 0,
    'internet-gateways': igws.InternetGateways?.length ?? 0,
    'egress-only-internet-gateways': eigws.EgressOnlyInternetGateways?.length ?? 0,
    'dhcp-options': dhcp.DhcpOptions?.length ?? 0,
    'elastic-ips': eips.Addresses?.length ?? 0,
    'nat-gateways': (nats.NatGateways ?? []).filter((n) => n.State !== 'deleted').length,
    'network-acls': acls.NetworkAcls?.length ?? 0,
    'security-groups': sgs.SecurityGroups?.length ?? 0,
    instances: (reservations.Reservations ?? []).flatMap((r) => r.Instances ?? []).filter((i) => i.State?.Name !== 'terminated').length,
    'network-interfaces': enis.NetworkInterfaces?.length ?? 0,
  };
}

describe.skipIf(!chromiumAvailable)('console: VPC dashboard', () => {
  const harness = consoleHarness();

  it('counts what the account has, lists requests awaiting it with Accept, and what expires soon', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const mine = ec2(server.url, ME);
    const theirs = ec2(server.url, PEER);
    const [a, b] = [await createVpc(mine, '10.1.0.0/16'), await createVpc(mine, '10.2.0.0/16')];
    await mine.send(new CreateSubnetCommand({ VpcId: a, CidrBlock: '10.1.1.0/24' }));
    const [p1, p2, p3] = [await createVpc(theirs, '10.11.0.0/16'), await createVpc(theirs, '10.12.0.0/16'), await createVpc(theirs, '10.13.0.0/16')];

    // Sent 6.5 days ago (by the server's clock): 12 hours left of its 7 days.
    const expiring = await request(theirs, p1, a, ME);
    await advanceClock(server, 6.5 * 24 * 3600);
    const toAccept = await request(theirs, p2, b, ME);
    const fresh = await request(theirs, p3, a, ME);
    // Sent by this account: it waits for the peer, not for us.
    const sent = await request(mine, b, p1, PEER);

    const app = await harness().signedIn(ME);
    const dashboard = new DashboardPage(app.session.page);
    await dashboard.open();
    expect(app.path()).toBe('/dashboard');
    await app.screenshot('vpc-dashboard', true);

    const counts = await dashboard.counts();
    expect(counts['vpcs']).toBe(3);
    expect(counts['peering-connections']).toBe(4);
    const { ['peering-connections']: _live, ...rest } = counts;
    expect(rest).toEqual(await expectedCounts(mine));

    const pending = await dashboard.pending();
    expect(pending.map((r) => r['Peering connection ID'])).toEqual([expiring, toAccept, fresh]);
    expect(pending.map((r) => r['Peering connection ID'])).not.toContain(sent);
    expect(pending[0]?.['Requester']).toBe(`${p1} (${PEER}, us-east-1)`);

    const soon = await dashboard.expiring();
    expect(soon.map((r) => r['Peering connection ID'])).toEqual([expiring]);
    expect(soon[0]?.['Time left']).toMatch(/^(11 h \d+ min|12 h 0 min)$/);
    expect(soon[0]?.['Your side']).toBe('Accepter (it waits for you)');

    // Accept from the dashboard: the usual dialog (with the peer-phishing warning), then it leaves the list.
    const dialogs = await dashboard.accept(toAccept);
    expect(await dialogs.acceptDialogPhishingAccount()).toBe(PEER);
    await dialogs.yesAccept();
    await dialogs.closeEstablished();
    await dashboard.waitUntilNotPending(toAccept);
    await waitForPeeringStatus(mine, toAccept, 'active');
    expect((await dashboard.pending()).map((r) => r['Peering connection ID'])).toEqual([expiring, fresh]);

    // A count is a link to its list.
    await dashboard.openCount('subnets');
    await app.subnet.waitLoaded();
    expect(app.path()).toBe('/subnets');
  });
});
