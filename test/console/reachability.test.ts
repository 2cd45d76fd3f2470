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
  DescribeSecurityGroupRulesCommand,
  RunInstancesCommand,
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
    await app.screenshot('reachability-blocked', true);

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

  it('instances: the peer group missing from the db group blocks the path; the rule naming <account>/sg-app through the editor opens it', { timeout: 180_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpc = async (cidr: string): Promise<string> => (await client.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId ?? '';
    const appVpc = await vpc('10.43.0.0/16');
    const dbVpc = await vpc('10.44.0.0/16');
    const subnet = async (vpcId: string, cidr: string): Promise<string> => (await client.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr }))).Subnet?.SubnetId ?? '';
    const appSubnet = await subnet(appVpc, '10.43.1.0/24');
    const dbSubnet = await subnet(dbVpc, '10.44.1.0/24');
    const pcx = (await client.send(new CreateVpcPeeringConnectionCommand({ VpcId: appVpc, PeerVpcId: dbVpc }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
    await client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    for (const [vpcId, cidr] of [[appVpc, '10.44.0.0/16'], [dbVpc, '10.43.0.0/16']] as const) {
      await client.send(new CreateRouteCommand({ RouteTableId: (await mainRouteTable(client, vpcId)).RouteTableId, DestinationCidrBlock: cidr, VpcPeeringConnectionId: pcx }));
    }
    const appSg = (await client.send(new CreateSecurityGroupCommand({ GroupName: 'app', Description: 'app servers', VpcId: appVpc }))).GroupId ?? '';
    const dbSg = (await client.send(new CreateSecurityGroupCommand({ GroupName: 'db', Description: 'db servers', VpcId: dbVpc }))).GroupId ?? '';
    // The db group admits SSH from its own VPC, nothing from the app side.
    await client.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: dbSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.44.0.0/16' }] }] }));
    const run = async (subnetId: string, ip: string, sg: string, name: string): Promise<string> =>
      (await client.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnetId, PrivateIpAddress: ip, SecurityGroupIds: [sg], TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }] }))).Instances?.[0]?.InstanceId ?? '';
    const appInstance = await run(appSubnet, '10.43.1.10', appSg, 'app-1');
    const dbInstance = await run(dbSubnet, '10.44.1.20', dbSg, 'db-1');

    const app = await harness().signedIn(ACCOUNT);
    const reach = app.reachability;
    await reach.startCreate();
    await reach.chooseSource('Instances', appInstance);
    await reach.chooseDestination('Instances', dbInstance);
    await reach.setPort('5432');
    const pathId = await reach.submit();
    expect(await reach.verdict()).toBe('Not reachable');
    // AWS pins a security group mismatch on the interface that carries the group; the explanation names the group.
    const hops = await reach.hops();
    const blocked = hops.filter((h) => h.blocked);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.component).toMatch(/^eni-/);
    expect(hops[0]?.component).toContain(appInstance);
    expect(blocked[0]?.explanations.map((e) => [e.code, e.fixIn])).toEqual([['ENI_SG_RULES_MISMATCH', [dbSg]]]);
    expect(blocked[0]?.explanations[0]?.sentence).toContain(dbSg);

    // The map shows both instances, the source's outlined as on the path, and the stop in the db VPC.
    await reach.showOnMap();
    await app.map.vpcNode(dbVpc).getByTestId('map-path-stop').waitFor();
    expect(await app.map.vpcNode(dbVpc).getByTestId('map-path-stop').innerText()).toContain(blocked[0]?.component ?? '?');
    expect(await app.map.vpcNode(appVpc).getByTestId(`map-instance-${appInstance}`).getAttribute('class')).toContain('on-path');
    expect(await app.map.vpcNode(dbVpc).getByTestId(`map-instance-${dbInstance}`).innerText()).toContain('10.44.1.20');

    // The fix: db's inbound rules admit the app group across the peering, chosen as <account>/sg-app.
    await reach.openPath(pathId);
    await reach.openComponent(dbSg);
    await app.securityGroups.waitForDetails(dbSg);
    await app.securityGroups.action('Edit inbound rules');
    await app.ruleEditor.waitFor('inbound', dbSg);
    const row = await app.ruleEditor.addRule();
    await app.ruleEditor.setType(row, 'PostgreSQL');
    await app.ruleEditor.chooseSgPeer(row, `${ACCOUNT}/${appSg}`);
    await app.ruleEditor.save();
    await app.securityGroups.waitForDetails(dbSg);
    const rules = (await client.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [dbSg] }] }))).SecurityGroupRules ?? [];
    expect(rules.filter((r) => !r.IsEgress).map((r) => [r.FromPort, r.ReferencedGroupInfo?.GroupId ?? r.CidrIpv4, r.ReferencedGroupInfo?.VpcPeeringConnectionId]).sort()).toEqual([[22, '10.44.0.0/16', undefined], [5432, appSg, pcx]]);

    await reach.openPath(pathId);
    await reach.analyze();
    expect(await reach.verdict()).toBe('Reachable');
    const found = await reach.hops();
    expect(found.filter((h) => h.blocked)).toEqual([]);
    expect(found.find((h) => h.component.startsWith(dbSg))?.matched).toBe('Inbound rule: TCP, port 5432, from a referenced security group');
    expect(found.at(-1)?.component).toContain(dbInstance);
    await app.screenshot('reachability-instances-found', true);
  });
});
