// API errors with a way out: the alert says what went wrong in plain words, links to the page where
// it is fixed, and keeps AWS's code and message in smaller type. Followed through to the fix.
import { AcceptVpcPeeringConnectionCommand, CreateSubnetCommand, CreateVpcCommand, CreateVpcPeeringConnectionCommand, ModifyVpcAttributeCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { selectRow } from './pages/cloudscape.js';
import { followErrorLink, shownError } from './pages/error-help.js';
import { ec2, peering } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '343434343434';

describe.skipIf(!chromiumAvailable)('console: errors with a way out', () => {
  const harness = consoleHarness();

  it('sends DnsHostnamesDisabled to the VPC\u2019s settings, and the retry then succeeds', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const requester = (await client.send(new CreateVpcCommand({ CidrBlock: '10.60.0.0/16' }))).Vpc?.VpcId ?? '';
    const accepter = (await client.send(new CreateVpcCommand({ CidrBlock: '10.61.0.0/16' }))).Vpc?.VpcId ?? '';
    // Only the requester lacks DNS hostnames: the error names it.
    await client.send(new ModifyVpcAttributeCommand({ VpcId: accepter, EnableDnsHostnames: { Value: true } }));
    const pcx = (await client.send(new CreateVpcPeeringConnectionCommand({ VpcId: requester, PeerVpcId: accepter }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
    await client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;

    await app.session.goto(`/peering-connections/${pcx}`);
    await app.peering.waitFor(pcx);
    await app.peering.chooseAction('Edit DNS settings');
    const dialog = page.getByRole('dialog', { name: 'Edit DNS settings' });
    await dialog.getByRole('checkbox', { name: /resolve DNS of hosts in requester VPC/ }).check();
    const shown = await app.session.expectingRefusals(async () => {
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      return shownError(dialog);
    });
    expect(shown.help).toBe(`DNS resolution across the peering needs DNS hostnames turned on in ${requester}. Edit VPC settings of ${requester}`);
    expect(shown.link).toBe(`Edit VPC settings of ${requester}`);
    expect(shown.error).toBe(`InvalidVpcPeeringConnectionState.DnsHostnamesDisabled: DNS hostname support must be enabled for the VPCs (${requester} has it disabled).`);
    expect(shown.errorSize).toBeLessThan(shown.helpSize);
    await app.screenshot('error-dns-hostnames');

    // The way out: the VPC's settings, DNS hostnames on, and the same change goes through.
    await followErrorLink(dialog);
    await page.waitForURL(new RegExp(`/vpcs/${requester}/edit-settings$`));
    await page.getByRole('heading', { name: `Edit VPC settings: ${requester}`, level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: 'Enable DNS hostnames' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/vpcs/${requester}$`));
    await app.session.goto(`/peering-connections/${pcx}`);
    await app.peering.waitFor(pcx);
    await app.peering.chooseAction('Edit DNS settings');
    await app.dialogs.editDns({ requester: true });
    const after = await peering(client, pcx);
    expect(after.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(true);
  });

  it('points a refused VPC delete at what depends on it', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpc = (await client.send(new CreateVpcCommand({ CidrBlock: '10.62.0.0/16' }))).Vpc?.VpcId ?? '';
    const subnet = (await client.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.62.1.0/24' }))).Subnet?.SubnetId ?? '';
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;

    await app.vpcs.open();
    await selectRow(page, vpc);
    await app.vpcs.goToAction('Delete VPC');
    const dialog = page.getByRole('dialog', { name: 'Delete VPC' });
    await dialog.getByRole('textbox').fill('delete');
    const shown = await app.session.expectingRefusals(async () => {
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      return shownError(dialog);
    });
    expect(shown.help).toBe(`${vpc} still has subnets, gateways, interfaces or peering connections. Delete or detach them, then delete the VPC. View ${vpc}`);
    expect(shown.error).toBe(`DependencyViolation: The vpc '${vpc}' has dependencies and cannot be deleted.`);
    expect(shown.errorSize).toBeLessThan(shown.helpSize);
    await app.screenshot('error-vpc-dependencies');

    await followErrorLink(dialog);
    await page.waitForURL(new RegExp(`/vpcs/${vpc}$`));
    await page.getByRole('tab', { name: 'Subnets' }).click();
    await page.getByRole('tabpanel').getByRole('rowheader', { name: subnet }).waitFor();
  });
});
