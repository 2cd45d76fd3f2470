// The network ACL entry editor: an entry replaced (Allow → Deny, and its ports), one deleted, one
// created, a duplicate rule number refused; outbound the ephemeral-port return rule added. Each
// save is checked against DescribeNetworkAcls.
import { CreateNetworkAclCommand, CreateNetworkAclEntryCommand, CreateVpcCommand, DescribeNetworkAclsCommand } from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '202020202020';

async function entries(client: EC2Client, acl: string, egress: boolean): Promise<(string | number | undefined)[][]> {
  const all = (await client.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [acl] }))).NetworkAcls?.[0]?.Entries ?? [];
  return all
    .filter((e) => e.Egress === egress && (e.RuleNumber ?? 0) < 32767)
    .map((e) => [e.RuleNumber, e.Protocol, e.PortRange?.From, e.PortRange?.To, e.CidrBlock, e.RuleAction])
    .sort((a, b) => Number(a[0]) - Number(b[0]));
}

describe.skipIf(!chromiumAvailable)('console: network ACL entry editor', () => {
  const harness = consoleHarness();

  it('replaces, deletes and creates entries by rule number, refuses a duplicate number, and adds the return rule outbound', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpcId = (await client.send(new CreateVpcCommand({ CidrBlock: '10.61.0.0/16' }))).Vpc?.VpcId ?? '';
    const acl = (await client.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl?.NetworkAclId ?? '';
    const entry = (n: number, from: number, cidr: string): CreateNetworkAclEntryCommand =>
      new CreateNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: n, Egress: false, Protocol: '6', RuleAction: 'allow', CidrBlock: cidr, PortRange: { From: from, To: from } });
    await client.send(entry(100, 5432, '10.62.0.0/16'));
    await client.send(entry(200, 22, '0.0.0.0/0'));

    const app = await harness().signedIn(ACCOUNT);
    const acls = app.networkAcls;
    const editor = app.ruleEditor;
    await acls.openDetails(acl);
    expect((await acls.tabRows('Inbound rules')).map((r) => [r['Rule number'], r['Type'], r['Allow/Deny']])).toEqual([
      ['100', 'PostgreSQL', 'Allow'],
      ['200', 'SSH', 'Allow'],
      ['*', 'All traffic', 'Deny'],
    ]);

    // Inbound: 100 becomes a deny of a custom range, 200 goes, 300 lets the replies of outbound calls in.
    await acls.action('Edit inbound rules');
    await editor.waitFor('inbound', acl);
    await editor.setType(0, 'Custom TCP');
    await editor.setPorts(0, '5432-5433');
    await editor.setAclRule(0, { action: 'Deny' });
    await editor.remove(1);
    const ret = await editor.addRule();
    expect(await editor.aclRuleNumber(ret)).toBe('200');
    await editor.setType(ret, 'Custom TCP');
    await editor.setPorts(ret, '1024-65535');
    await editor.setAclRule(ret, { number: '300', cidr: '10.62.0.0/16' });
    await app.screenshot('edit-acl-inbound');
    await editor.save();
    await acls.waitForDetails(acl);
    expect(await entries(client, acl, false)).toEqual([
      [100, '6', 5432, 5433, '10.62.0.0/16', 'deny'],
      [300, '6', 1024, 65535, '10.62.0.0/16', 'allow'],
    ]);
    expect((await acls.tabRows('Inbound rules')).map((r) => [r['Rule number'], r['Port range'], r['Allow/Deny']])).toEqual([
      ['100', '5432 - 5433', 'Deny'],
      ['300', '1024 - 65535', 'Allow'],
      ['*', 'All', 'Deny'],
    ]);

    // Outbound: a second rule 100 is refused on the page; renumbered, both are created.
    await acls.action('Edit outbound rules');
    await editor.waitFor('outbound', acl);
    const https = await editor.addRule();
    await editor.setType(https, 'HTTPS');
    await editor.setAclRule(https, { cidr: '10.62.0.0/16' });
    const replies = await editor.addRule();
    await editor.setType(replies, 'Custom TCP');
    await editor.setPorts(replies, '1024-65535');
    await editor.setAclRule(replies, { number: '100', cidr: '10.62.0.0/16' });
    await editor.save();
    // The refusal is rendered after the click: wait for it, then check nothing was sent.
    await expect.poll(() => editor.fieldErrors(), { timeout: 10_000 }).toEqual(['A rule number is a whole number from 1 to 32766, unique in its direction.']);
    expect(await entries(client, acl, true)).toEqual([]);
    await editor.setAclRule(replies, { number: '110' });
    await editor.save();
    await acls.waitForDetails(acl);
    expect(await entries(client, acl, true)).toEqual([
      [100, '6', 443, 443, '10.62.0.0/16', 'allow'],
      [110, '6', 1024, 65535, '10.62.0.0/16', 'allow'],
    ]);
    expect(await entries(client, acl, false)).toHaveLength(2);
  });
});
