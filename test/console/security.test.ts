// Security groups (create, edit inbound and outbound rules, delete) and network ACLs (create,
// numbered inbound rules, subnet associations, delete), each change checked against the API.
import { CreateSubnetCommand, CreateVpcCommand, DescribeNetworkAclsCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';
import { RuleEditorPage } from './pages/rule-editor-page.js';

const ACCOUNT = '151515151515';

describe.skipIf(!chromiumAvailable)('console: security groups and network ACLs', () => {
  const harness = consoleHarness();

  it('creates a security group, edits its rules and deletes it', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: '10.70.0.0/16' }))).Vpc?.VpcId ?? '';
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;
    const sgs = app.securityGroups;

    await sgs.startCreate('Create security group');
    await page.getByRole('textbox', { name: 'Security group name' }).fill('web');
    await page.getByRole('textbox', { name: 'Description' }).fill('web servers');
    await page.getByRole('button', { name: /^VPC/ }).click();
    await page.getByRole('option', { name: new RegExp(vpcId) }).click();
    const sg = await sgs.submitCreate('Create security group');
    expect(sg).toMatch(/^sg-/);
    expect(await sgs.detail('Security group name')).toBe('web');
    expect(await sgs.detail('Inbound rules count')).toBe('0 Permission entries');
    expect(await sgs.detail('Outbound rules count')).toBe('1 Permission entry');

    // Inbound: SSH from the VPC, HTTPS from anywhere, a custom TCP range.
    await sgs.action('Edit inbound rules');
    await page.getByRole('heading', { name: `Edit inbound rules: ${sg}`, level: 1 }).waitFor();
    const editor = new RuleEditorPage(page);
    const addRule = async (type: string, source: string, ports?: string): Promise<void> => {
      const row = await editor.addRule();
      // A new row starts as Custom TCP, AWS's default type.
      if (type !== 'Custom TCP') await editor.setType(row, type);
      if (ports) await editor.setPorts(row, ports);
      await editor.setSgPeer(row, source);
    };
    await addRule('SSH', '10.70.0.0/16');
    await addRule('HTTPS', '0.0.0.0/0');
    await addRule('Custom TCP', '192.168.0.0/24', '8000-8080');
    await app.screenshot('edit-inbound-rules');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await sgs.waitForDetails(sg);
    const inbound = await sgs.tabRows('Inbound rules');
    expect(inbound.map((r) => [r['Type'], r['Protocol'], r['Port range'], r['Source']]).sort()).toEqual(
      [['SSH', 'TCP', '22', '10.70.0.0/16'], ['HTTPS', 'TCP', '443', '0.0.0.0/0'], ['Custom TCP', 'TCP', '8000 - 8080', '192.168.0.0/24']].sort(),
    );
    const rules = (await client.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [sg] }] }))).SecurityGroupRules ?? [];
    expect(rules.filter((r) => !r.IsEgress).map((r) => [r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4]).sort()).toEqual(
      [['tcp', 22, 22, '10.70.0.0/16'], ['tcp', 443, 443, '0.0.0.0/0'], ['tcp', 8000, 8080, '192.168.0.0/24']].sort(),
    );

    // Outbound: the default all-traffic rule removed, HTTPS out added.
    await sgs.action('Edit outbound rules');
    await page.getByRole('heading', { name: `Edit outbound rules: ${sg}`, level: 1 }).waitFor();
    await editor.remove(0);
    const https = await editor.addRule();
    await editor.setType(https, 'HTTPS');
    await editor.sgPeerType(https, 'Anywhere-IPv4');
    expect(await editor.sgPeerValue(https)).toBe('0.0.0.0/0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await sgs.waitForDetails(sg);
    expect((await sgs.tabRows('Outbound rules')).map((r) => [r['Type'], r['Destination']])).toEqual([['HTTPS', '0.0.0.0/0']]);
    const group = (await client.send(new DescribeSecurityGroupsCommand({ GroupIds: [sg] }))).SecurityGroups?.[0];
    expect(group?.IpPermissionsEgress?.map((p) => [p.IpProtocol, p.FromPort, p.IpRanges?.[0]?.CidrIp])).toEqual([['tcp', 443, '0.0.0.0/0']]);

    // The list: filter by VPC, the default group cannot be deleted, ours can.
    await sgs.open();
    await sgs.filter(`VPC ID = ${vpcId}`);
    const rows = await sgs.rows();
    expect(rows.map((r) => r['Security group name']).sort()).toEqual(['default', 'web']);
    const defaultSg = rows.find((r) => r['Security group name'] === 'default')?.['Security group ID'] ?? '';
    await sgs.select(defaultSg);
    expect(await sgs.actionState('Delete security groups')).toEqual({ disabled: true, reason: 'The default security group of a VPC cannot be deleted.' });
    await sgs.select(sg);
    await sgs.action('Delete security groups');
    await sgs.confirmDelete('Delete security groups');
    await sgs.waitForRowGone(sg);
    expect((await sgs.rows()).map((r) => r['Security group name'])).toEqual(['default']);
    expect((await client.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).SecurityGroups?.map((g) => g.GroupName)).toEqual(['default']);
  });

  it('creates a network ACL, edits its inbound rules and subnet associations, and deletes it', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: '10.80.0.0/16' }))).Vpc?.VpcId ?? '';
    const subnetId = (await client.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.80.1.0/24' }))).Subnet?.SubnetId ?? '';
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;
    const acls = app.networkAcls;

    await acls.startCreate('Create network ACL');
    await page.getByRole('textbox', { name: /^Name tag/ }).fill('locked');
    await page.getByRole('button', { name: /^VPC/ }).click();
    await page.getByRole('option', { name: new RegExp(vpcId) }).click();
    const acl = await acls.submitCreate('Create network ACL');
    expect(acl).toMatch(/^acl-/);
    expect(await acls.detail('Default')).toBe('No');
    expect((await acls.tabRows('Inbound rules')).map((r) => [r['Rule number'], r['Allow/Deny']])).toEqual([['*', 'Deny']]);

    // Inbound: 100 allows HTTP from anywhere, 200 denies SSH from one network.
    await acls.action('Edit inbound rules');
    await page.getByRole('heading', { name: `Edit inbound rules: ${acl}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('button', { name: /^Type/ }).first().click();
    await page.getByRole('option', { name: 'HTTP', exact: true }).click();
    await page.getByRole('button', { name: 'Add rule' }).click();
    expect(await page.getByRole('textbox', { name: 'Rule number' }).nth(1).inputValue()).toBe('200');
    await page.getByRole('button', { name: /^Type/ }).nth(1).click();
    await page.getByRole('option', { name: 'SSH', exact: true }).click();
    await page.getByRole('textbox', { name: 'Source' }).nth(1).fill('203.0.113.0/24');
    await page.getByRole('button', { name: /^Allow\/Deny/ }).nth(1).click();
    await page.getByRole('option', { name: 'Deny', exact: true }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await acls.waitForDetails(acl);
    expect((await acls.tabRows('Inbound rules')).map((r) => [r['Rule number'], r['Type'], r['Port range'], r['Source'], r['Allow/Deny']])).toEqual([
      ['100', 'HTTP', '80', '0.0.0.0/0', 'Allow'],
      ['200', 'SSH', '22', '203.0.113.0/24', 'Deny'],
      ['*', 'All traffic', 'All', '0.0.0.0/0', 'Deny'],
    ]);
    const entries = (await client.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl] }))).NetworkAcls?.[0]?.Entries ?? [];
    expect(entries.filter((e) => !e.Egress && (e.RuleNumber ?? 0) < 32767).map((e) => [e.RuleNumber, e.Protocol, e.PortRange?.From, e.CidrBlock, e.RuleAction])).toEqual([
      [100, '6', 80, '0.0.0.0/0', 'allow'],
      [200, '6', 22, '203.0.113.0/24', 'deny'],
    ]);

    // Subnet associations: the subnet joins this ACL, which then cannot be deleted.
    await acls.action('Edit subnet associations');
    await page.getByRole('heading', { name: `Edit subnet associations: ${acl}`, level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(subnetId) }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await acls.waitForDetails(acl);
    expect(await acls.detail('Associated with')).toBe(subnetId);
    const assoc = async (): Promise<string | undefined> =>
      (await client.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnetId] }] }))).NetworkAcls?.[0]?.NetworkAclId;
    expect(await assoc()).toBe(acl);
    expect(await acls.actionState('Delete network ACLs')).toEqual({ disabled: true, reason: 'Move this network ACL\u2019s subnets to another network ACL first.' });

    // Taking the subnet off sends it back to the default ACL; then the delete goes through.
    await acls.action('Edit subnet associations');
    await page.getByRole('checkbox', { name: new RegExp(subnetId) }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await acls.waitForDetails(acl);
    expect(await acls.detail('Associated with')).toBe('-');
    expect(await assoc()).not.toBe(acl);
    await acls.action('Delete network ACLs');
    await acls.confirmDelete('Delete network ACLs');
    await acls.waitForRowGone(acl);
    expect(await acls.ids()).not.toContain(acl);
    expect((await client.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).NetworkAcls?.map((a) => a.IsDefault)).toEqual([true]);
  });
});
