// The split panel under every list: selecting a row shows that resource's details and tabs below
// the table (route table, VPC, peering connection, internet gateway) without leaving the list;
// with nothing selected it says what to do.
import { AcceptVpcPeeringConnectionCommand, CreateInternetGatewayCommand, CreateRouteCommand, CreateRouteTableCommand, CreateSubnetCommand, CreateVpcCommand, CreateVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { selectRow } from './pages/cloudscape.js';
import { SideNav } from './pages/side-nav.js';
import { SplitPanel } from './pages/split-panel.js';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '313131313131';

const named = (type: 'vpc' | 'route-table' | 'vpc-peering-connection' | 'internet-gateway' | 'subnet', name: string) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: name }] }];

describe.skipIf(!chromiumAvailable)('console: split panel under the lists', () => {
  const harness = consoleHarness();

  it('shows the selected resource\u2019s details and tabs below the list', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpc = (await client.send(new CreateVpcCommand({ CidrBlock: '10.40.0.0/16', TagSpecifications: named('vpc', 'sp-main') }))).Vpc?.VpcId ?? '';
    const peer = (await client.send(new CreateVpcCommand({ CidrBlock: '10.41.0.0/16', TagSpecifications: named('vpc', 'sp-peer') }))).Vpc?.VpcId ?? '';
    await client.send(new CreateVpcCommand({ CidrBlock: '10.42.0.0/16' }));
    const subnet = (await client.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.40.1.0/24', TagSpecifications: named('subnet', 'sp-app') }))).Subnet?.SubnetId ?? '';
    const pcx = (await client.send(new CreateVpcPeeringConnectionCommand({ VpcId: vpc, PeerVpcId: peer, TagSpecifications: named('vpc-peering-connection', 'sp-link') }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
    await client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const rtb = (await client.send(new CreateRouteTableCommand({ VpcId: vpc, TagSpecifications: named('route-table', 'sp-routes') }))).RouteTable?.RouteTableId ?? '';
    await client.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.41.0.0/16', VpcPeeringConnectionId: pcx }));
    const igw = (await client.send(new CreateInternetGatewayCommand({ TagSpecifications: named('internet-gateway', 'sp-edge') }))).InternetGateway?.InternetGatewayId ?? '';

    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;
    const panel = new SplitPanel(page);
    const nav = new SideNav(page);

    // Nothing selected: the panel says what to do.
    await app.routeTables.open();
    await panel.waitForHeader('Select a route table');
    expect(await panel.text()).toBe('Select a route table above to see its details here.');

    // A route table: its Details, Routes (the peering route) and Subnet associations tabs, on the list.
    await selectRow(page, rtb);
    await panel.waitForHeader(`${rtb} / sp-routes`);
    expect(await panel.tabs()).toEqual(['Details', 'Routes', 'Subnet associations', 'Tags']);
    expect(await panel.detail('Route table ID')).toBe(rtb);
    expect(await panel.detail('VPC')).toBe(vpc);
    const routes = await panel.tabRows('Routes');
    expect(routes.map((r) => [r['Destination'], r['Target']])).toEqual(expect.arrayContaining([['10.40.0.0/16', 'local'], ['10.41.0.0/16', pcx]]));
    expect(app.path()).toBe('/route-tables');
    await app.screenshot('split-panel-route-table', true);

    // Another row: the panel follows, back on its Details tab.
    const main = (await app.routeTables.rows()).find((r) => r['VPC'] === vpc && r['Main'] === 'Main')?.['Route table ID'] ?? '';
    await selectRow(page, main);
    await panel.waitForHeader(main);
    expect(await panel.detail('Main')).toBe('Yes');
    expect((await panel.tabRows('Routes')).map((r) => r['Destination'])).toEqual(['10.40.0.0/16']);

    // A VPC: Details, CIDRs, Subnets, Tags.
    await app.vpcs.open();
    await panel.waitForHeader('Select a VPC');
    await selectRow(page, vpc);
    await panel.waitForHeader(`${vpc} / sp-main`);
    expect(await panel.tabs()).toEqual(['Details', 'CIDRs', 'Subnets', 'Tags']);
    expect(await panel.detail('IPv4 CIDR')).toBe('10.40.0.0/16');
    expect((await panel.tabRows('CIDRs')).map((r) => r['CIDR'])).toEqual(['10.40.0.0/16']);
    expect((await panel.tabRows('Subnets')).map((r) => [r['Subnet ID'], r['Name']])).toEqual([[subnet, 'sp-app']]);
    expect(Object.fromEntries((await panel.tabRows('Tags')).map((r) => [r['Key'], r['Value']]))).toEqual({ Name: 'sp-main' });
    expect(app.path()).toBe('/vpcs');

    // A peering connection: its own tabs, as on its page.
    await app.peerings.open();
    await panel.waitForHeader('Select a peering connection');
    await selectRow(page, pcx);
    await panel.waitForHeader(`${pcx} / sp-link`);
    expect(await panel.tabs()).toEqual(['Details', 'DNS settings', 'Route tables', 'Tags']);
    expect(await panel.detail('Peering connection ID')).toBe(pcx);
    await app.screenshot('split-panel-peering', true);

    // A family on the shared list page: an internet gateway.
    await nav.open('Internet gateways');
    await app.internetGateways.waitLoaded();
    await panel.waitForHeader('Select an internet gateway');
    await selectRow(page, igw);
    await panel.waitForHeader(`${igw} / sp-edge`);
    expect(await panel.tabs()).toEqual(['Details', 'Tags']);
    expect(await panel.detail('State')).toBe('Detached');
    expect(app.path()).toBe('/internet-gateways');

    // A details page has no split panel.
    await page.getByRole('table').getByRole('link', { name: igw }).click();
    await page.waitForURL(new RegExp(`/internet-gateways/${igw}$`));
    await page.getByRole('heading', { name: 'sp-edge', level: 1 }).waitFor();
    expect(await panel.body().count()).toBe(0);
  });
});
