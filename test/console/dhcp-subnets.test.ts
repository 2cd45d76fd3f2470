// DHCP option sets (create, associate with a VPC from its Actions, back to none, delete), and a
// subnet's details, Edit subnet settings and Edit IPv6 CIDRs, each checked against the API.
import { CreateSubnetCommand, CreateVpcCommand, DescribeDhcpOptionsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '141414141414';

describe.skipIf(!chromiumAvailable)('console: DHCP option sets and subnet settings', () => {
  const harness = consoleHarness();

  it('creates a DHCP option set, associates it with a VPC and deletes it', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16' }))).Vpc?.VpcId ?? '';
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;
    const dhcp = app.dhcp;

    await dhcp.startCreate('Create DHCP option set');
    await page.getByRole('textbox', { name: /^Name tag/ }).fill('corp');
    await page.getByRole('textbox', { name: 'Domain name', exact: true }).fill('corp.example');
    await page.getByRole('textbox', { name: 'Domain name servers' }).fill('10.50.0.2, 10.50.0.3');
    await page.getByRole('button', { name: /NetBIOS node type/ }).click();
    await page.getByRole('option', { name: '2', exact: true }).click();
    const dopt = await dhcp.submitCreate('Create DHCP option set');
    expect(dopt).toMatch(/^dopt-/);
    expect(await dhcp.detail('Domain name')).toBe('corp.example');
    expect(await dhcp.detail('Domain name servers')).toBe('10.50.0.2, 10.50.0.3');
    expect(await dhcp.detail('NetBIOS node type')).toBe('2');
    const api = (await client.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [dopt] }))).DhcpOptions?.[0];
    expect(api?.DhcpConfigurations?.find((c) => c.Key === 'domain-name-servers')?.Values?.map((v) => v.Value)).toEqual(['10.50.0.2', '10.50.0.3']);
    await dhcp.open();
    await dhcp.filter('Name = corp');
    expect((await dhcp.rows()).map((r) => [r['DHCP option set ID'], r['Domain name'], r['NetBIOS node type']])).toEqual([[dopt, 'corp.example', '2']]);

    // The VPC's Actions -> Edit DHCP option set, as AWS has it.
    await app.vpcs.openDetails(vpcId);
    await app.vpcs.goToAction('Edit DHCP option set');
    await page.getByRole('heading', { name: `Edit DHCP option set: ${vpcId}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: /^DHCP option set/ }).click();
    await page.getByRole('option', { name: new RegExp(dopt) }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/vpcs/${vpcId}$`));
    expect(await app.vpcs.detailOf('DHCP option set')).toBe(dopt);
    expect((await client.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0]?.DhcpOptionsId).toBe(dopt);

    // In use, the set cannot be deleted: the server's refusal shows in the dialog.
    await dhcp.openDetails(dopt);
    await dhcp.action('Delete DHCP option set');
    await app.session.expectingRefusals(async () => {
      const dialog = page.getByRole('dialog', { name: 'Delete DHCP option set' });
      await dialog.getByRole('textbox').fill('delete');
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await dialog.getByTestId('api-error').waitFor();
      expect(await dialog.getByTestId('api-error').innerText()).toMatch(/^DependencyViolation: /);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
    });

    // Back to none, then the delete goes through.
    await app.vpcs.openDetails(vpcId);
    await app.vpcs.goToAction('Edit DHCP option set');
    await page.getByRole('button', { name: /^DHCP option set/ }).click();
    await page.getByRole('option', { name: 'No DHCP option set' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/vpcs/${vpcId}$`));
    expect(await app.vpcs.detailOf('DHCP option set')).toBe('-');
    expect((await client.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0]?.DhcpOptionsId).toBe('default');
    await dhcp.openDetails(dopt);
    await dhcp.action('Delete DHCP option set');
    await dhcp.confirmDelete('Delete DHCP option set');
    await dhcp.waitForRowGone(dopt);
    expect(await dhcp.ids()).not.toContain(dopt);
  });

  it('shows a subnet, edits its settings and its IPv6 block', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpc = (await client.send(new CreateVpcCommand({ CidrBlock: '10.60.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc;
    const vpcId = vpc?.VpcId ?? '';
    const subnetId = (await client.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.60.1.0/24', TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'web' }] }] }))).Subnet?.SubnetId ?? '';
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;
    const subnets = app.subnet;

    await subnets.open();
    await subnets.filter(`Subnet ID = ${subnetId}`);
    expect((await subnets.rows()).map((r) => [r['Subnet ID'], r['Name'], r['State']])).toEqual([[subnetId, 'web', 'Available']]);
    await page.getByRole('link', { name: subnetId }).click();
    await subnets.waitForDetails(subnetId);
    expect(await subnets.detail('Auto-assign public IPv4 address')).toBe('No');
    expect(await subnets.detail('Hostname type')).toBe('IP name');
    expect(await subnets.detail('IPv6 CIDR')).toBe('-');
    expect(await subnets.detail('Route table')).toMatch(/^rtb-/);
    expect(await subnets.detail('Network ACL')).toMatch(/^acl-/);

    // Edit IPv6 CIDRs: the proposed block is the VPC's first /64.
    await subnets.action('Edit IPv6 CIDRs');
    await page.getByRole('heading', { name: `Edit IPv6 CIDRs: ${subnetId}`, level: 1 }).waitFor();
    const proposed = await page.getByRole('textbox', { name: 'Subnet IPv6 CIDR block' }).inputValue();
    expect(proposed).toMatch(/^[0-9a-f:]+::\/64$/);
    await page.getByRole('button', { name: 'Add IPv6 CIDR' }).click();
    await page.getByRole('row').filter({ hasText: proposed }).getByText('Associated').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await subnets.waitForDetails(subnetId);
    expect(await subnets.detail('IPv6 CIDR')).toBe(proposed);

    // Edit subnet settings: every setting on.
    await subnets.action('Edit subnet settings');
    await page.getByRole('heading', { name: `Edit subnet settings: ${subnetId}`, level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: 'Enable auto-assign public IPv4 address' }).check();
    await page.getByRole('checkbox', { name: 'Enable auto-assign IPv6 address' }).check();
    await page.getByRole('radio', { name: 'Resource name' }).check();
    await page.getByRole('checkbox', { name: 'Enable resource name DNS A record on launch' }).check();
    await page.getByRole('checkbox', { name: 'Enable resource name DNS AAAA record on launch' }).check();
    await app.screenshot('edit-subnet-settings');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await subnets.waitForDetails(subnetId);
    expect(await subnets.detail('Auto-assign public IPv4 address')).toBe('Yes');
    expect(await subnets.detail('Auto-assign IPv6 address')).toBe('Yes');
    expect(await subnets.detail('Hostname type')).toBe('Resource name');
    expect(await subnets.detail('Resource name DNS A record')).toBe('Enabled');
    expect(await subnets.detail('Resource name DNS AAAA record')).toBe('Enabled');
    const s = (await client.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }))).Subnets?.[0];
    expect(s?.MapPublicIpOnLaunch).toBe(true);
    expect(s?.AssignIpv6AddressOnCreation).toBe(true);
    expect(s?.PrivateDnsNameOptionsOnLaunch).toEqual({ HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: true });
    expect(s?.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlock)).toEqual([proposed]);
  });
});
