// Internet gateways (create, attach, detach, delete), egress-only gateways, Elastic IPs (allocate,
// release) and a public NAT gateway made through the console; routes to the internet gateway and
// the NAT gateway added in the route editor, and both drawn on the map beside their VPC.
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAddressesCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2, mainRouteTable } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';
import { chooseFrom } from './pages/cloudscape.js';

const ACCOUNT = '121212121212';

describe.skipIf(!chromiumAvailable)('console: internet gateways, egress-only gateways, Elastic IPs, NAT gateways', () => {
  const harness = consoleHarness();

  it('creates, attaches, detaches and deletes an internet gateway; an egress-only gateway; allocates and releases an address', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc?.VpcId ?? '';
    const app = await harness().signedIn(ACCOUNT);
    const igws = app.internetGateways;

    // Internet gateway: create (named), listed and filtered, seen by the API, detached.
    await igws.startCreate('Create internet gateway');
    await app.session.page.getByRole('textbox', { name: /^Name tag/ }).fill('edge');
    const igw = await igws.submitCreate('Create internet gateway');
    expect(igw).toMatch(/^igw-[0-9a-f]{17}$/);
    expect(await igws.detail('State')).toBe('Detached');
    await igws.open();
    await igws.filter('Name = edge');
    expect((await igws.rows()).map((r) => [r['Internet gateway ID'], r['Name'], r['State'], r['VPC ID']])).toEqual([[igw, 'edge', 'Detached', '-']]);
    expect((await client.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw] }))).InternetGateways?.[0]?.Tags).toEqual([{ Key: 'Name', Value: 'edge' }]);

    // Attach from the list's Actions; detach is offered only then, delete only once detached.
    await igws.select(igw);
    expect(await igws.actionState('Detach from VPC')).toEqual({ disabled: true, reason: 'This internet gateway is not attached to a VPC.' });
    await igws.action('Attach to VPC');
    await app.session.page.getByRole('heading', { name: `Attach to VPC (${igw})`, level: 1 }).waitFor();
    await chooseFrom(app.session.page, app.session.page.getByRole('button', { name: /^Available VPCs/ }), new RegExp(vpcId));
    await app.session.page.getByRole('button', { name: 'Attach internet gateway' }).click();
    await igws.waitForDetails(igw);
    expect(await igws.detail('State')).toBe('Attached');
    expect(await igws.detail('VPC ID')).toBe(vpcId);
    expect((await client.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw] }))).InternetGateways?.[0]?.Attachments).toEqual([{ State: 'available', VpcId: vpcId }]);
    expect(await igws.actionState('Delete internet gateway')).toEqual({ disabled: true, reason: 'Detach this internet gateway from its VPC before deleting it.' });
    await app.screenshot('internet-gateway-attached');
    await igws.action('Detach from VPC');
    await igws.confirm('Detach from VPC', 'Detach internet gateway');
    await igws.waitForDetail('State', 'Detached');
    await igws.tags.add('team', 'net');
    await igws.action('Delete internet gateway');
    await igws.confirmDelete('Delete internet gateway');
    await igws.waitLoaded();
    // What is left is the default VPC's own gateway.
    const left = (await client.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? [];
    expect(left.map((g) => g.InternetGatewayId)).not.toContain(igw);
    expect(await igws.ids()).toEqual(left.map((g) => g.InternetGatewayId).sort());

    // Egress-only internet gateway for the VPC.
    const eigws = app.egressOnly;
    await eigws.startCreate('Create egress only internet gateway');
    await app.session.page.getByRole('textbox', { name: /^Name tag/ }).fill('v6-out');
    await chooseFrom(app.session.page, app.session.page.getByRole('button', { name: /^VPC/ }), new RegExp(vpcId));
    const eigw = await eigws.submitCreate('Create egress only internet gateway');
    expect(eigw).toMatch(/^eigw-/);
    expect(await eigws.detail('State')).toBe('Attached');
    expect(await eigws.detail('VPC ID')).toBe(vpcId);
    await eigws.open();
    expect((await eigws.rows()).map((r) => [r['Egress-only internet gateway ID'], r['Name'], r['VPC ID']])).toEqual([[eigw, 'v6-out', vpcId]]);
    expect((await client.send(new DescribeEgressOnlyInternetGatewaysCommand({}))).EgressOnlyInternetGateways?.map((g) => g.EgressOnlyInternetGatewayId)).toEqual([eigw]);
    await eigws.select(eigw);
    await eigws.action('Delete egress only internet gateway');
    await eigws.confirmDelete('Delete egress only internet gateway');
    await eigws.waitForRowGone(eigw);
    expect(await eigws.ids()).toEqual([]);
    expect((await client.send(new DescribeEgressOnlyInternetGatewaysCommand({}))).EgressOnlyInternetGateways).toEqual([]);

    // Elastic IP: allocate (named), listed by allocation id, released.
    const eips = app.elasticIps;
    await eips.startCreate('Allocate Elastic IP address');
    await app.session.page.getByRole('textbox', { name: /^Name tag/ }).fill('static');
    await app.session.page.getByRole('button', { name: 'Allocate Elastic IP address', exact: true }).click();
    await app.session.page.waitForURL(/\/elastic-ips\/eipalloc-[0-9a-f]+$/);
    const alloc = new URL(app.session.page.url()).pathname.split('/').pop() ?? '';
    await eips.waitForDetails(alloc);
    const api = (await client.send(new DescribeAddressesCommand({ AllocationIds: [alloc] }))).Addresses?.[0];
    expect(await eips.detail('Allocated IPv4 address')).toBe(api?.PublicIp);
    expect(await eips.detail('Association ID')).toBe('-');
    await eips.open();
    await eips.filter(`Allocation ID = ${alloc}`);
    expect((await eips.rows()).map((r) => [r['Name'], r['Allocated IPv4 address'], r['Type']])).toEqual([['static', api?.PublicIp, 'Public IP']]);
    await eips.select(alloc);
    await eips.action('Release Elastic IP address');
    await eips.confirm('Release Elastic IP addresses', 'Release');
    await eips.waitLoaded();
    expect((await client.send(new DescribeAddressesCommand({}))).Addresses).toEqual([]);
  });

  it('creates a public NAT gateway, routes to it and to the internet gateway in the route editor, and draws both', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const account = '131313131313';
    const client = ec2(server.url, account);
    const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: '10.40.0.0/16' }))).Vpc?.VpcId ?? '';
    const subnetId = (await client.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.40.0.0/24' }))).Subnet?.SubnetId ?? '';
    const app = await harness().signedIn(account);
    const page = app.session.page;

    // The VPC's internet gateway, made and attached in the console.
    await app.internetGateways.startCreate('Create internet gateway');
    const igw = await app.internetGateways.submitCreate('Create internet gateway');
    await app.internetGateways.action('Attach to VPC');
    await chooseFrom(page, page.getByRole('button', { name: /^Available VPCs/ }), new RegExp(vpcId));
    await page.getByRole('button', { name: 'Attach internet gateway' }).click();
    await app.internetGateways.waitForDetails(igw);

    // Create NAT gateway: subnet, Public, "Allocate Elastic IP" picks a new address.
    const nats = app.natGateways;
    await nats.startCreate('Create NAT gateway');
    await page.getByRole('textbox', { name: /^Name tag/ }).fill('egress');
    await chooseFrom(page, page.getByRole('button', { name: /^Subnet/ }), new RegExp(subnetId));
    await page.getByRole('button', { name: 'Allocate Elastic IP' }).click();
    await page.getByRole('button', { name: /^Elastic IP allocation ID.*eipalloc-/ }).waitFor();
    const nat = await nats.submitCreate('Create NAT gateway');
    expect(nat).toMatch(/^nat-[0-9a-f]{17}$/);
    expect(await nats.detail('Connectivity type')).toBe('Public');
    expect(await nats.detail('Subnet ID')).toBe(subnetId);
    await nats.waitForDetail('State', 'Available');
    const apiNat = (await client.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [nat] }))).NatGateways?.[0];
    expect(await nats.detail('Primary public IPv4 address')).toBe(apiNat?.NatGatewayAddresses?.[0]?.PublicIp);
    await nats.open();
    await nats.filter(`VPC ID = ${vpcId}`);
    expect((await nats.rows()).map((r) => [r['NAT gateway ID'], r['Name'], r['State'], r['Connectivity type']])).toEqual([[nat, 'egress', 'Available', 'Public']]);
    await app.screenshot('nat-gateways');

    // The route editor: 0.0.0.0/0 to the internet gateway, 192.168.0.0/16 to the NAT gateway.
    const rtb = (await mainRouteTable(client, vpcId)).RouteTableId ?? '';
    await app.routeTables.open();
    await app.routeTables.select(rtb);
    await app.routeTables.chooseAction('Edit routes');
    await app.editRoutes.waitFor();
    expect(await app.editRoutes.targetOptions('Internet Gateway')).toEqual([igw]);
    expect(await app.editRoutes.targetOptions('NAT Gateway')).toEqual([nat]);
    expect(await app.editRoutes.targetOptions('Egress Only Internet Gateway')).toEqual([]);
    await app.editRoutes.addRoute('0.0.0.0/0', igw);
    await app.editRoutes.addRoute('192.168.0.0/16', nat);
    await app.screenshot('edit-routes-gateways');
    await app.editRoutes.save();
    await app.routeTable.waitFor(rtb);
    expect(await app.routeTable.route('0.0.0.0/0')).toEqual({ destination: '0.0.0.0/0', target: igw, status: 'Active', propagated: 'No' });
    expect(await app.routeTable.route('192.168.0.0/16')).toEqual({ destination: '192.168.0.0/16', target: nat, status: 'Active', propagated: 'No' });
    const routes = (await mainRouteTable(client, vpcId)).Routes ?? [];
    expect(routes.find((r) => r.DestinationCidrBlock === '0.0.0.0/0')?.GatewayId).toBe(igw);
    expect(routes.find((r) => r.DestinationCidrBlock === '192.168.0.0/16')?.NatGatewayId).toBe(nat);

    // The map: both gateways beside the VPC, the routed destinations on their edges.
    await app.map.open();
    await app.map.vpcNode(vpcId).waitFor();
    await page.getByTestId(`map-gw-${igw}`).waitFor();
    await page.getByTestId(`map-gw-${nat}`).waitFor();
    const map = page.getByTestId('topology-map');
    await map.getByText('0.0.0.0/0', { exact: true }).first().waitFor();
    await map.getByText('192.168.0.0/16', { exact: true }).first().waitFor();
    await page.getByTestId(`map-gw-${nat}`).click();
    expect(await app.map.details()).toContain('192.168.0.0/16');
    await app.screenshot('topology-gateways');

    // Delete the NAT gateway: it shows Deleting, then Deleted, and the route to it is a blackhole.
    await nats.openDetails(nat);
    await nats.action('Delete NAT gateway');
    await nats.confirmDelete('Delete NAT gateway');
    await nats.waitForDetail('State', 'Deleted');
    expect((await client.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [nat] }))).NatGateways?.[0]?.State).toBe('deleted');
    await app.routeTables.open();
    await app.routeTables.openDetails(rtb);
    await app.routeTable.waitFor(rtb);
    expect((await app.routeTable.route('192.168.0.0/16'))?.status).toBe('Blackhole');
  });
});
