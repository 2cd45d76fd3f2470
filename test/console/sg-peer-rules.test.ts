// The security group rule editor's Source: the groups it offers (this VPC's, and a peered VPC's as
// <account>/sg-…), a group of another account's peer VPC typed as <account>/sg-…, the "Anywhere"
// types, a changed rule, and a source it refuses; every save checked against the API.
import {
  AcceptVpcPeeringConnectionCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeSecurityGroupRulesCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ME = '181818181818';
const PARTNER = '191919191919';

const vpc = async (client: EC2Client, cidr: string): Promise<string> => (await client.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId ?? '';
const group = async (client: EC2Client, name: string, vpcId: string): Promise<string> => (await client.send(new CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: vpcId }))).GroupId ?? '';

describe.skipIf(!chromiumAvailable)('console: security group rules naming peer VPCs\u2019 groups', () => {
  const harness = consoleHarness();

  it('offers a peered VPC\u2019s groups as <account>/sg-…, takes another account\u2019s typed, and saves them as references', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const mine = ec2(server.url, ME);
    const partner = ec2(server.url, PARTNER);
    const appVpc = await vpc(mine, '10.51.0.0/16');
    const dbVpc = await vpc(mine, '10.52.0.0/16');
    const partnerVpc = await vpc(partner, '10.53.0.0/16');
    const lonelyVpc = await vpc(mine, '10.54.0.0/16');
    const web = await group(mine, 'web', appVpc);
    const db = await group(mine, 'db', dbVpc);
    const lonely = await group(mine, 'lonely', lonelyVpc);
    const partnerApi = await group(partner, 'partner-api', partnerVpc);
    // db's VPC is peered with app's (same account) and with the partner's (another account), both active.
    const inside = (await mine.send(new CreateVpcPeeringConnectionCommand({ VpcId: dbVpc, PeerVpcId: appVpc }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
    await mine.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: inside }));
    const across = (await mine.send(new CreateVpcPeeringConnectionCommand({ VpcId: dbVpc, PeerVpcId: partnerVpc, PeerOwnerId: PARTNER }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
    await partner.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: across }));

    const rules = async (): Promise<(string | number | undefined)[][]> =>
      ((await mine.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [db] }] }))).SecurityGroupRules ?? [])
        .filter((r) => !r.IsEgress)
        .map((r) => [r.FromPort, r.ReferencedGroupInfo?.UserId ?? r.CidrIpv6 ?? r.CidrIpv4, r.ReferencedGroupInfo?.GroupId, r.ReferencedGroupInfo?.VpcPeeringConnectionId])
        .sort((a, b) => Number(a[0]) - Number(b[0]));

    const app = await harness().signedIn(ME);
    const sgs = app.securityGroups;
    const editor = app.ruleEditor;
    await sgs.openDetails(db);
    await sgs.action('Edit inbound rules');
    await editor.waitFor('inbound', db);

    // The groups offered: this VPC's by id, the peered VPC's with its owner; a VPC not peered offers none.
    const pg = await editor.addRule();
    await editor.setType(pg, 'PostgreSQL');
    const offered = await editor.sgPeerOptions(pg);
    expect(offered).toContain(db);
    expect(offered).toContain(`${ME}/${web}`);
    expect(offered.some((o) => o.includes(lonely))).toBe(false);
    await editor.chooseSgPeer(pg, `${ME}/${web}`);
    expect(await editor.sgPeerValue(pg)).toBe(`${ME}/${web}`);
    await editor.setDescription(pg, 'from app');

    // Another account's group cannot be listed: typed as AWS's console writes it.
    const https = await editor.addRule();
    await editor.setType(https, 'HTTPS');
    await editor.setSgPeer(https, `${PARTNER}/${partnerApi}`);

    // A source that is neither a CIDR nor a group is refused before anything is sent.
    const bad = await editor.addRule();
    await editor.setSgPeer(bad, 'the partner');
    await editor.setPorts(bad, '8080');
    await editor.save();
    // The refusal is rendered after the click: wait for it, then check nothing was sent.
    await expect.poll(() => editor.fieldErrors(), { timeout: 10_000 }).toEqual([expect.stringMatching(/^Enter an IPv4 or IPv6 CIDR block, a security group ID/)]);
    expect(await rules()).toEqual([]);
    await editor.sgPeerType(bad, 'Anywhere-IPv6');
    expect(await editor.sgPeerValue(bad)).toBe('::/0');
    await app.screenshot('sg-peer-rules');
    await editor.save();
    await sgs.waitForDetails(db);

    const shown = await sgs.tabRows('Inbound rules');
    expect(shown.map((r) => [r['Type'], r['Port range'], r['Source'], r['Description']]).sort()).toEqual(
      [['PostgreSQL', '5432', `${ME}/${web}`, 'from app'], ['HTTPS', '443', `${PARTNER}/${partnerApi}`, '-'], ['Custom TCP', '8080', '::/0', '-']].sort(),
    );
    expect(await rules()).toEqual([
      [443, PARTNER, partnerApi, across],
      [5432, ME, web, inside],
      [8080, '::/0', undefined, undefined],
    ]);

    // A change to one rule (its port), the references untouched.
    await sgs.action('Edit inbound rules');
    await editor.waitFor('inbound', db);
    const values = await Promise.all([0, 1, 2].map((i) => editor.sgPeerValue(i)));
    const custom = values.indexOf('::/0');
    expect(custom).toBeGreaterThanOrEqual(0);
    await editor.setPorts(custom, '8081');
    await editor.save();
    await sgs.waitForDetails(db);
    expect((await rules()).map((r) => r[0])).toEqual([443, 5432, 8081]);
    expect((await rules())[1]).toEqual([5432, ME, web, inside]);
  });
});
