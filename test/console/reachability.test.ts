// Issue 11's console scenario: a peering whose requester side lacks its route. From the peering's
// "Analyze reachability" the user creates and runs a path, sees the blocked hop (the route table)
// with its sentence and explanation code, sees on the map where the path stops, adds the missing
// route through the console (Edit routes of that table), runs the path again and sees it found.
// Each verdict is checked against the API too.
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeNetworkInsightsAnalysesCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2, mainRouteTable } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '171717171717';

/** Two VPCs peered (active), an interface in each, the db group admitting the app VPC on 5432; only db→app is routed. */
async function world(client: EC2Client): Promise<{ app: string; db: string; pcx: string; appEni: string; dbEni: string; appRtb: string }> {
  const vpc = async (cidr: string, name: string): Promise<string> => (await client.send(new CreateVpcCommand({ CidrBlock: cidr, TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: name }] }] }))).Vpc?.VpcId ?? '';
  const app = await vpc('10.41.0.0/16', 'app');
  const db = await vpc('10.42.0.0/16', 'db');
  const subnet = async (vpcId: string, cidr: string): Promise<string> => (await client.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr }))).Subnet?.SubnetId ?? '';
  const appSubnet = await subnet(app, '10.41.1.0/24');
  const dbSubnet = await subnet(db, '10.42.1.0/24');
  const pcx = (await client.send(new CreateVpcPeeringConnectionCommand({ VpcId: app, PeerVpcId: db }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
  await client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
  const dbGroup = (await client.send(new CreateSecurityGroupCommand({ GroupName: 'db', Description: 'postgres from app', VpcId: db }))).GroupId ?? '';
  await client.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: dbGroup, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.41.0.0/16' }] }] }));
  const appEni = (await client.send(new CreateNetworkInterfaceCommand({ SubnetId: appSubnet, PrivateIpAddress: '10.41.1.10', Description: 'app server' }))).NetworkInterface?.NetworkInterfaceId ?? '';
  const dbEni = (await client.send(new CreateNetworkInterfaceCommand({ SubnetId: dbSubnet, PrivateIpAddress: '10.42.1.20', Groups: [dbGroup], Description: 'db server' }))).NetworkInterface?.NetworkInterfaceId ?? '';
  // The reply's way back exists; the request's way out is what is missing.
  const dbRtb = (await mainRouteTable(client, db)).RouteTableId ?? '';
  await client.send(new CreateRouteCommand({ RouteTableId: dbRtb, DestinationCidrBlock: '10.41.0.0/16', VpcPeeringConnectionId: pcx }));
  const appRtb = (await mainRouteTable(client, app)).RouteTableId ?? '';
  return { app, db, pcx, appEni, dbEni, appRtb };
}

describe.skipIf(!chromiumAvailable)('console: Reachability Analyzer', () => {
  const harness = consoleHarness();

  it('a blocked path, its hop and sentence, the missing route added in the console, then the path found', { timeout: 180_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const w = await world(client);
    const app = await harness().signedIn(ACCOUNT);
    const reach = app.reachability;

    // From the peering connection's page: Analyze reachability opens the form prefilled.
    await app.session.goto(`/peering-connections/${w.pcx}`);
    await app.peering.waitFor(w.pcx);
    await app.peering.waitForStatus('Active');
    await app.peering.chooseAction('Analyze reachability');
    await reach.waitForCreateForm();
    expect(await reach.chosen('Source type')).toBe('Network interfaces');
    expect(await reach.chosen('Source')).toBe(w.appEni);
    expect(await reach.chosen('Destination')).toBe(w.dbEni);
    await reach.setName('app-to-db');
    await reach.setPort('5432');
    await app.screenshot('reachability-create');
    const pathId = await reach.submit();
    expect(pathId).toMatch(/^nip-[0-9a-f]{17}$/);

    // Blocked at the app VPC's route table, which has no route to the db address.
    expect(await reach.verdict()).toBe('Not reachable');
    const hops = await reach.hops();
    expect(hops.map((h) => h.sequence)).toEqual(hops.map((_, i) => i + 1));
    expect(hops[0]?.component).toContain(w.appEni);
    const blocked = hops.filter((h) => h.blocked);
    expect(blocked.map((h) => h.component.split(' ')[0])).toEqual([w.appRtb]);
    const explanation = blocked[0]?.explanations[0];
    expect(explanation?.code).toBe('NO_ROUTE_TO_DESTINATION');
    expect(explanation?.sentence).toContain(w.appRtb);
    expect(explanation?.sentence).toContain('10.42.1.20');
    expect(explanation?.sentence).toContain(w.pcx);
    await app.screenshot('reachability-blocked');

    const first = (await client.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsPathId: pathId }))).NetworkInsightsAnalyses ?? [];
    expect(first.map((a) => [a.Status, a.NetworkPathFound])).toEqual([['succeeded', false]]);
    expect(first[0]?.Explanations?.map((e) => e.ExplanationCode)).toContain('NO_ROUTE_TO_DESTINATION');

    // The map, coming from this analysis, says where the path stops: in the app VPC.
    await reach.showOnMap();
    await app.map.vpcNode(w.app).getByTestId('map-path-stop').waitFor();
    expect(await app.map.vpcNode(w.app).getByTestId('map-path-stop').innerText()).toContain(w.appRtb);
    expect(await app.map.vpcNode(w.db).getByTestId('map-path-stop').count()).toBe(0);
    expect(await app.session.page.getByTestId('map-analysis').innerText()).toContain('NO_ROUTE_TO_DESTINATION');
    await app.screenshot('reachability-map');
    await app.session.page.getByRole('button', { name: 'Back to the analysis' }).click();
    await reach.waitForVerdict();

    // The fix, through the console: the blocked hop's route table, Edit routes, db's CIDR → the peering.
    await reach.openComponent(w.appRtb);
    await app.routeTable.waitFor(w.appRtb);
    await app.routeTable.editRoutes();
    await app.editRoutes.waitFor();
    await app.editRoutes.addRoute('10.42.0.0/16', w.pcx);
    await app.editRoutes.save();
    await app.routeTable.waitFor(w.appRtb);
    expect((await app.routeTable.route('10.42.0.0/16'))?.status).toBe('Active');

    // Run the same path again: found, nothing blocked, the route it took shown on its hop.
    await reach.openPath(pathId);
    const second = await reach.analyze();
    expect(await reach.verdict()).toBe('Reachable');
    const found = await reach.hops();
    expect(found.filter((h) => h.blocked)).toEqual([]);
    expect(found.find((h) => h.component.startsWith(w.appRtb))?.matched).toBe(`Route 10.42.0.0/16 \u2192 ${w.pcx}`);
    expect(found.some((h) => h.component.startsWith(w.pcx))).toBe(true);
    expect(found.at(-1)?.component).toContain(w.dbEni);
    expect(await reach.analyses()).toEqual([{ id: second, result: 'Reachable' }, { id: first[0]?.NetworkInsightsAnalysisId ?? '', result: 'Not reachable' }]);
    await app.screenshot('reachability-found');

    const after = (await client.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsAnalysisIds: [second] }))).NetworkInsightsAnalyses?.[0];
    expect([after?.Status, after?.NetworkPathFound]).toEqual(['succeeded', true]);
  });
});
