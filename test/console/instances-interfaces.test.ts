// Network interfaces and instances through the console: create an interface with a chosen
// address and group; launch an instance into a subnet with a private IP and a group, see its
// primary interface, stop, start and terminate it; the map draws it inside its VPC. Each step is
// checked against the API.
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, DescribeInstancesCommand, DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { NetworkForm } from './pages/network-form.js';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '212121212121';

/** A VPC with one subnet (its first /24) and one group, made through the API. */
async function network(client: EC2Client, cidr: string, group: string): Promise<{ vpcId: string; subnetId: string; sg: string }> {
  const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId ?? '';
  const subnetId = (await client.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr.replace(/\.0\.0\/16$/, '.1.0/24') }))).Subnet?.SubnetId ?? '';
  const sg = (await client.send(new CreateSecurityGroupCommand({ GroupName: group, Description: group, VpcId: vpcId }))).GroupId ?? '';
  return { vpcId, subnetId, sg };
}

describe.skipIf(!chromiumAvailable)('console: network interfaces and instances', () => {
  const harness = consoleHarness();

  it('creates a network interface with a custom address and a group, then deletes it', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const { vpcId, subnetId, sg } = await network(client, '10.71.0.0/16', 'api');
    const app = await harness().signedIn(ACCOUNT);
    const enis = app.networkInterfaces;

    await enis.startCreate('Create network interface');
    const form = new NetworkForm(app.session.page);
    await form.setText(/^Description/, 'api server');
    await form.setText(/^Name tag/, 'api');
    await form.fill({ subnetId, privateIp: '10.71.1.50', groups: [sg] });
    await app.screenshot('create-network-interface');
    const eni = await enis.submitCreate('Create network interface');
    expect(eni).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(await enis.detail('Primary private IPv4 address')).toBe('10.71.1.50');
    expect(await enis.detail('Subnet ID')).toBe(subnetId);
    expect(await enis.detail('Security groups')).toBe(`${sg} (api)`);
    const described = (await client.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }))).NetworkInterfaces?.[0];
    expect([described?.PrivateIpAddress, described?.Description, described?.Groups?.map((g) => g.GroupId)]).toEqual(['10.71.1.50', 'api server', [sg]]);

    await enis.open();
    await enis.filter(`VPC ID = ${vpcId}`);
    expect((await enis.rows()).map((r) => [r['Network interface ID'], r['Primary private IPv4 address'], r['Status']])).toEqual([[eni, '10.71.1.50', 'Available']]);
    await enis.select(eni);
    await enis.action('Delete network interfaces');
    await enis.confirmDelete('Delete network interfaces');
    await enis.waitForRowGone(eni);
    expect(await enis.ids()).not.toContain(eni);
    expect((await client.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NetworkInterfaces).toEqual([]);
  });

  it('launches an instance with a private IP and a group, stops, starts and terminates it', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const { vpcId, subnetId, sg } = await network(client, '10.72.0.0/16', 'web');
    const app = await harness().signedIn(ACCOUNT);
    const instances = app.instances;

    // AWS's button says "Launch instances", its page "Launch an instance".
    await instances.open();
    await app.session.page.getByRole('button', { name: 'Launch instances' }).first().click();
    await app.session.page.getByRole('heading', { name: 'Launch an instance', level: 1 }).waitFor();
    const form = new NetworkForm(app.session.page);
    await form.setText(/^Name tag/, 'web-1');
    await form.fill({ subnetId, privateIp: '10.72.1.10', groups: [sg] });
    await app.screenshot('launch-instance');
    const id = await instances.submitCreate('Launch instance');
    expect(id).toMatch(/^i-[0-9a-f]{17}$/);
    expect(await instances.detail('Private IPv4 address')).toBe('10.72.1.10');
    await instances.waitForDetail('Instance state', 'Running');
    const eni = await instances.detail('Primary network interface');
    expect(eni).toMatch(/^eni-/);
    const read = async () => (await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]?.Instances?.[0];
    const launched = await read();
    expect([launched?.SubnetId, launched?.PrivateIpAddress, launched?.SecurityGroups?.map((g) => g.GroupId), launched?.NetworkInterfaces?.[0]?.NetworkInterfaceId]).toEqual([subnetId, '10.72.1.10', [sg], eni]);

    // The map draws it inside its VPC.
    await app.map.open();
    await app.map.vpcNode(vpcId).getByTestId(`map-instance-${id}`).waitFor();
    expect(await app.map.vpcNode(vpcId).getByTestId(`map-instance-${id}`).innerText()).toContain('10.72.1.10');

    await instances.openDetails(id);
    expect(await instances.actionState('Start instance')).toEqual({ disabled: true, reason: 'Only a stopped instance can be started.' });
    await instances.action('Stop instance');
    await instances.confirm('Stop instance?', 'Stop instance');
    await instances.waitForDetail('Instance state', 'Stopped');
    expect((await read())?.State?.Name).toBe('stopped');
    await instances.action('Start instance');
    await instances.confirm('Start instance', 'Start instance');
    await instances.waitForDetail('Instance state', 'Running');
    await instances.action('Terminate (delete) instance');
    await instances.confirm('Terminate (delete) instance?', 'Terminate (delete) instance');
    await instances.waitForDetail('Instance state', 'Terminated');
    expect((await read())?.State?.Name).toBe('terminated');
    // Its primary interface went with it.
    expect((await client.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NetworkInterfaces).toEqual([]);
  });
});
