import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client, SecurityGroup } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { createPeering, ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

const ACCOUNT = '121212121212';
const OTHER = '343434343434';
const SG = /^sg-[0-9a-f]{17}$/;
const SGR = /^sgr-[0-9a-f]{17}$/;
const DRY = 'Request would have succeeded, but DryRun flag is set.';

let server: RunningServer;
let c: EC2Client;
beforeAll(async () => {
  server = await startServer();
  c = ec2(server.url, ACCOUNT);
});
afterAll(async () => {
  await server.stop();
});

async function newGroup(vpcId: string, name: string): Promise<string> {
  const r = await c.send(new CreateSecurityGroupCommand({ GroupName: name, Description: `${name} group`, VpcId: vpcId }));
  return r.GroupId ?? '';
}

async function group(id: string, client = c): Promise<SecurityGroup> {
  const r = await client.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }));
  return r.SecurityGroups?.[0] ?? {};
}

describe('CreateSecurityGroup', () => {
  it('creates a group with one egress rule allowing all IPv4 and no ingress, tagged, with its ARN', async () => {
    const vpc = await newVpc(c, '10.60.0.0/16');
    const r = await c.send(
      new CreateSecurityGroupCommand({
        GroupName: 'web',
        Description: 'Web servers: http(s) [public]',
        VpcId: vpc,
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: 'web' }] }],
      }),
    );
    expect(r.GroupId).toMatch(SG);
    expect(r.SecurityGroupArn).toBe(`arn:aws:ec2:us-east-1:${ACCOUNT}:security-group/${r.GroupId}`);
    expect(r.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    const g = await group(r.GroupId ?? '');
    expect(g).toEqual({
      GroupId: r.GroupId,
      GroupName: 'web',
      Description: 'Web servers: http(s) [public]',
      VpcId: vpc,
      OwnerId: ACCOUNT,
      SecurityGroupArn: r.SecurityGroupArn,
      IpPermissions: [],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
      Tags: [{ Key: 'Name', Value: 'web' }],
    });
    const rules = (await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [r.GroupId ?? ''] }] }))).SecurityGroupRules ?? [];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ GroupId: r.GroupId, GroupOwnerId: ACCOUNT, IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0', Tags: [] });
    expect(rules[0]?.SecurityGroupRuleId).toMatch(SGR);
    expect(rules[0]?.SecurityGroupRuleArn).toBe(`arn:aws:ec2:us-east-1:${ACCOUNT}:security-group-rule/${rules[0]?.SecurityGroupRuleId}`);
  });

  it('omitting VpcId creates the group in the default VPC', async () => {
    const def = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId;
    const r = await c.send(new CreateSecurityGroupCommand({ GroupName: 'in-default', Description: 'd' }));
    expect((await group(r.GroupId ?? '')).VpcId).toBe(def);
  });

  it('refuses duplicates (case-insensitively), the reserved name, sg- names, bad text and unknown VPCs', async () => {
    const vpc = await newVpc(c, '10.61.0.0/16');
    await newGroup(vpc, 'app');
    const dup = await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'APP', Description: 'x', VpcId: vpc })));
    expectEc2Error(dup, 'InvalidGroup.Duplicate', `The security group 'APP' already exists for VPC '${vpc}'`);
    expectEc2Error(await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'default', Description: 'x', VpcId: vpc }))), 'InvalidParameterValue', 'Cannot use reserved security group name: default');
    expectEc2Error(
      await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'sg-web', Description: 'x', VpcId: vpc }))),
      'InvalidParameterValue',
      'Value (sg-web) for parameter GroupName is invalid. Group names may not be in the format sg-*.',
    );
    expectEc2Error(
      await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'ok', Description: 'café', VpcId: vpc }))),
      'InvalidParameterValue',
      'Value (café) for parameter GroupDescription is invalid. Character sets beyond ASCII are not supported.',
    );
    expectEc2Error(
      await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'x'.repeat(256), Description: 'd', VpcId: vpc }))),
      'InvalidParameterValue',
      `Value (${'x'.repeat(256)}) for parameter GroupName is invalid. Length exceeds maximum of 255 characters.`,
    );
    expectEc2Error(
      await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'a<b', Description: 'd', VpcId: vpc }))),
      'InvalidParameterValue',
      'Value (a<b) for parameter GroupName is invalid. Valid characters are a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*',
    );
    expectEc2Error(await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'n', Description: 'd', VpcId: 'vpc-0123456789abcdef0' }))), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    expectEc2Error(await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'n', Description: 'd', VpcId: 'vpc-zz' }))), 'InvalidVpcID.Malformed', 'Invalid id: "vpc-zz"');
    // Nothing was made by any of these.
    const names = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).SecurityGroups?.map((g) => g.GroupName).sort();
    expect(names).toEqual(['app', 'default']);
  });

  it('DryRun answers 412 and creates nothing; another account cannot see the group', async () => {
    const vpc = await newVpc(c, '10.62.0.0/16');
    expectEc2Error(await failure(c.send(new CreateSecurityGroupCommand({ GroupName: 'dry', Description: 'd', VpcId: vpc, DryRun: true }))), 'DryRunOperation', DRY, 412);
    expect((await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['dry'] }] }))).SecurityGroups).toEqual([]);
    const id = await newGroup(vpc, 'mine');
    const other = ec2(server.url, OTHER);
    expectEc2Error(await failure(other.send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))), 'InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    expectEc2Error(await failure(other.send(new DeleteSecurityGroupCommand({ GroupId: id }))), 'InvalidGroup.NotFound', `The security group '${id}' does not exist`);
    expectEc2Error(
      await failure(other.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '1.2.3.4/32' }] }] }))),
      'InvalidGroup.NotFound',
      `The security group '${id}' does not exist`,
    );
  });
});

describe('AuthorizeSecurityGroupIngress / Egress', () => {
  it('adds one rule per peer, with ids, normalised protocols and canonical CIDRs, and groups them back into IpPermissions', async () => {
    const vpc = await newVpc(c, '10.63.0.0/16');
    const id = await newGroup(vpc, 'api');
    const lb = await newGroup(vpc, 'lb');
    const r = await c.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: id,
        IpPermissions: [
          { IpProtocol: '6', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.9/16', Description: 'office' }, { CidrIp: '192.168.1.0/24' }], Ipv6Ranges: [{ CidrIpv6: '2001:db8::/32' }] },
          { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: lb, Description: 'from the lb' }] },
          { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          { IpProtocol: '50', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '172.16.0.0/12' }] },
        ],
        TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'team', Value: 'core' }] }],
      }),
    );
    expect(r.Return).toBe(true);
    const rules = r.SecurityGroupRules ?? [];
    expect(rules.map((x) => [x.IpProtocol, x.FromPort, x.ToPort, x.CidrIpv4 ?? x.CidrIpv6 ?? x.ReferencedGroupInfo?.GroupId, x.Description])).toEqual([
      ['tcp', 443, 443, '10.0.0.0/16', 'office'],
      ['tcp', 443, 443, '192.168.1.0/24', undefined],
      ['tcp', 443, 443, '2001:db8::/32', undefined],
      ['tcp', 8080, 8080, lb, 'from the lb'],
      ['icmp', 8, -1, '0.0.0.0/0', undefined],
      ['50', -1, -1, '172.16.0.0/12', undefined],
    ]);
    for (const x of rules) {
      expect(x.SecurityGroupRuleId).toMatch(SGR);
      expect(x).toMatchObject({ GroupId: id, GroupOwnerId: ACCOUNT, IsEgress: false, Tags: [{ Key: 'team', Value: 'core' }] });
    }
    expect(rules[3]?.ReferencedGroupInfo).toEqual({ GroupId: lb, UserId: ACCOUNT });
    const g = await group(id);
    expect(g.IpPermissions).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'office' }, { CidrIp: '192.168.1.0/24' }],
        Ipv6Ranges: [{ CidrIpv6: '2001:db8::/32' }],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
      { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: lb, UserId: ACCOUNT, Description: 'from the lb' }] },
      { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
      { IpProtocol: '50', IpRanges: [{ CidrIp: '172.16.0.0/12' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] },
    ]);
    // Egress with the legacy top-level parameters.
    const e = await c.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: id, IpProtocol: 'udp', FromPort: 53, ToPort: 53, CidrIp: '10.0.0.2/32' }));
    expect(e.SecurityGroupRules?.map((x) => [x.IsEgress, x.IpProtocol, x.FromPort, x.ToPort, x.CidrIpv4])).toEqual([[true, 'udp', 53, 53, '10.0.0.2/32']]);
  });

  it('legacy SourceSecurityGroupName grants full ICMP, TCP and UDP from that group', async () => {
    const vpc = await newVpc(c, '10.64.0.0/16');
    const id = await newGroup(vpc, 'db');
    const app = await newGroup(vpc, 'app2');
    const r = await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, SourceSecurityGroupName: 'app2', SourceSecurityGroupOwnerId: ACCOUNT }));
    expect(r.SecurityGroupRules?.map((x) => [x.IpProtocol, x.FromPort, x.ToPort, x.ReferencedGroupInfo?.GroupId])).toEqual([
      ['icmp', -1, -1, app],
      ['tcp', 0, 65535, app],
      ['udp', 0, 65535, app],
    ]);
  });

  it('refuses duplicates with AWS message, bad ports and protocols, unknown groups and unpeered VPCs, and changes nothing', async () => {
    const vpc = await newVpc(c, '10.65.0.0/16');
    const id = await newGroup(vpc, 'x');
    await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    const dup = await failure(
      c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '1.1.1.1/32' }, { CidrIp: '0.0.0.0/0', Description: 'other text' }] }] })),
    );
    expectEc2Error(dup, 'InvalidPermission.Duplicate', 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists');
    const dupAll = await failure(c.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })));
    expectEc2Error(dupAll, 'InvalidPermission.Duplicate', 'the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists');
    const ask = (p: object) => failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpRanges: [{ CidrIp: '9.9.9.9/32' }], ...p }] })));
    expectEc2Error(await ask({ IpProtocol: 'tcp', FromPort: 80 }), 'InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
    expectEc2Error(await ask({ IpProtocol: 'icmp' }), 'InvalidParameterValue', "Invalid value 'Must specify both from and to ports with ICMP.' for portRange.");
    expectEc2Error(await ask({ IpProtocol: 'tcp', FromPort: 90, ToPort: 80 }), 'InvalidParameterValue', "Invalid value 'From port 90 is greater than to port 80.' for portRange.");
    expectEc2Error(await ask({ IpProtocol: 'tcp', FromPort: 1, ToPort: 70000 }), 'InvalidParameterValue', "Invalid value 'Port 70000 is out of the range 0-65535.' for portRange.");
    expectEc2Error(await ask({ IpProtocol: 'gre' }), 'InvalidParameterValue', "Invalid value 'gre' for IP protocol. Unknown protocol.");
    expectEc2Error(await ask({ IpProtocol: '300' }), 'InvalidParameterValue', "Invalid value '300' for IP protocol. Unknown protocol.");
    expectEc2Error(
      await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 1, IpRanges: [{ CidrIp: '10.0.0.0/33' }] }] }))),
      'InvalidParameterValue',
      'Value (10.0.0.0/33) for parameter IpPermissions.1.IpRanges.CidrIp is invalid. This is not a valid CIDR block.',
    );
    const ghost = 'sg-0123456789abcdef0';
    expectEc2Error(
      await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: ghost }] }] }))),
      'InvalidGroup.NotFound',
      `The security group '${ghost}' does not exist`,
    );
    const elsewhere = await newGroup(await newVpc(c, '10.66.0.0/16'), 'far');
    expectEc2Error(
      await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: elsewhere }] }] }))),
      'InvalidGroup.NotFound',
      'You have specified two resources that belong to different networks.',
    );
    expectEc2Error(
      await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', PrefixListIds: [{ PrefixListId: 'pl-12345678' }] }] }))),
      'InvalidPrefixListID.NotFound',
      "The prefix list ID 'pl-12345678' does not exist",
    );
    expectEc2Error(await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: 'sg-nope', IpProtocol: 'tcp', FromPort: 1, ToPort: 1, CidrIp: '1.1.1.1/32' }))), 'InvalidGroupId.Malformed', 'Invalid id: "sg-nope"');
    expectEc2Error(
      await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5, ToPort: 5, IpRanges: [{ CidrIp: '5.5.5.5/32' }] }], DryRun: true }))),
      'DryRunOperation',
      DRY,
      412,
    );
    // The failed and dry calls added nothing: still the one ingress rule and the default egress.
    const rules = (await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [id] }] }))).SecurityGroupRules ?? [];
    expect(rules.map((x) => [x.IsEgress, x.IpProtocol, x.CidrIpv4]).sort()).toEqual([
      [false, 'tcp', '0.0.0.0/0'],
      [true, '-1', '0.0.0.0/0'],
    ]);
  });

  it('allows 60 rules per direction and refuses the 61st with RulesPerSecurityGroupLimitExceeded', async () => {
    const vpc = await newVpc(c, '10.67.0.0/16');
    const id = await newGroup(vpc, 'many');
    const ranges = Array.from({ length: 60 }, (_, i) => ({ CidrIp: `10.1.${i}.0/24` }));
    await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 1, IpRanges: ranges }] }));
    const over = await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2, ToPort: 2, IpRanges: [{ CidrIp: '10.2.0.0/24' }] }] })));
    expectEc2Error(over, 'RulesPerSecurityGroupLimitExceeded', 'The maximum number of rules per security group has been reached.');
    // IPv6 rules are counted apart.
    await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 2, ToPort: 2, Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] }));
    expect((await group(id)).IpPermissions?.flatMap((p) => [...(p.IpRanges ?? []), ...(p.Ipv6Ranges ?? [])])).toHaveLength(61);
  });

  it('references a group of a peered VPC, of the same or another account, once the peering is active', async () => {
    const other = ec2(server.url, OTHER);
    const mine = await newVpc(c, '10.68.0.0/16');
    const theirs = await newVpc(other, '10.69.0.0/16');
    const id = await newGroup(mine, 'peered');
    const theirGroup = (await other.send(new CreateSecurityGroupCommand({ GroupName: 'theirs', Description: 't', VpcId: theirs }))).GroupId ?? '';
    const ask = () => c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: theirGroup, UserId: OTHER }] }] }));
    const pcx = await createPeering(c, { VpcId: mine, PeerVpcId: theirs, PeerOwnerId: OTHER });
    expectEc2Error(await failure(ask()), 'InvalidGroup.NotFound', 'You have specified two resources that belong to different networks.');
    await other.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx.VpcPeeringConnectionId }));
    const r = await ask();
    expect(r.SecurityGroupRules?.[0]?.ReferencedGroupInfo).toMatchObject({ GroupId: theirGroup, UserId: OTHER });
    expect((await group(id)).IpPermissions?.[0]?.UserIdGroupPairs).toEqual([
      { GroupId: theirGroup, UserId: OTHER, VpcId: theirs, VpcPeeringConnectionId: pcx.VpcPeeringConnectionId, PeeringStatus: 'active' },
    ]);
    // Without UserId the group is looked for in the caller's account.
    expectEc2Error(
      await failure(c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: theirGroup }] }] }))),
      'InvalidGroup.NotFound',
      `The security group '${theirGroup}' does not exist`,
    );
  });
});

describe('RevokeSecurityGroupIngress / Egress', () => {
  it('revokes by properties (description aside) and by rule id, answering what was revoked', async () => {
    const vpc = await newVpc(c, '10.70.0.0/16');
    const id = await newGroup(vpc, 'rev');
    const added = await c.send(
      new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 81, IpRanges: [{ CidrIp: '1.0.0.0/8', Description: 'd' }, { CidrIp: '2.0.0.0/8' }] }] }),
    );
    const r = await c.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '6', FromPort: 80, ToPort: 81, IpRanges: [{ CidrIp: '1.0.0.0/8' }] }] }));
    expect(r.Return).toBe(true);
    expect(r.UnknownIpPermissions).toBeUndefined();
    expect(r.RevokedSecurityGroupRules).toEqual([
      { SecurityGroupRuleId: added.SecurityGroupRules?.[0]?.SecurityGroupRuleId, GroupId: id, IsEgress: false, IpProtocol: 'tcp', FromPort: 80, ToPort: 81, CidrIpv4: '1.0.0.0/8', Description: 'd' },
    ]);
    const second = added.SecurityGroupRules?.[1]?.SecurityGroupRuleId ?? '';
    expectEc2Error(await failure(c.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, SecurityGroupRuleIds: [second] }))), 'InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${second}' does not exist`);
    await c.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, SecurityGroupRuleIds: [second] }));
    expect((await group(id)).IpPermissions).toEqual([]);
    // Terraform's first step for aws_security_group: drop the default egress rule.
    await c.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', FromPort: 0, ToPort: 0, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    expect((await group(id)).IpPermissionsEgress).toEqual([]);
  });

  it('a rule that is not there: InvalidPermission.NotFound in a VPC, UnknownIpPermissions in the default VPC', async () => {
    const vpc = await newVpc(c, '10.71.0.0/16');
    const id = await newGroup(vpc, 'nf');
    const missing = await failure(
      c.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }, { CidrIp: '8.8.8.8/32' }] }] })),
    );
    expectEc2Error(missing, 'InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
    // Nothing was revoked: the default egress rule is still there.
    expect((await group(id)).IpPermissionsEgress?.[0]?.IpRanges).toEqual([{ CidrIp: '0.0.0.0/0' }]);
    const inDefault = (await c.send(new CreateSecurityGroupCommand({ GroupName: 'nf-default', Description: 'd' }))).GroupId ?? '';
    const r = await c.send(
      new RevokeSecurityGroupIngressCommand({ GroupName: 'nf-default', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '3.3.3.3/32' }] }] }),
    );
    expect(r.Return).toBe(true);
    expect(r.UnknownIpPermissions).toEqual([{ IpProtocol: 'tcp', FromPort: 1, ToPort: 2, IpRanges: [{ CidrIp: '3.3.3.3/32' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
    expect((await group(inDefault)).IpPermissions).toEqual([]);
  });

  it('the default group keeps its AWS rules, and they can be revoked and authorized again (aws_default_security_group)', async () => {
    const vpc = await newVpc(c, '10.72.0.0/16');
    const def = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups?.[0];
    const id = def?.GroupId ?? '';
    expect(def?.IpPermissions).toEqual([{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: id, UserId: ACCOUNT }] }]);
    await c.send(new RevokeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: id, UserId: ACCOUNT }] }] }));
    await c.send(new RevokeSecurityGroupEgressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    expect(await group(id)).toMatchObject({ IpPermissions: [], IpPermissionsEgress: [] });
    await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: id }] }] }));
    expect((await group(id)).IpPermissions?.[0]?.UserIdGroupPairs).toEqual([{ GroupId: id, UserId: ACCOUNT }]);
  });
});

describe('DeleteSecurityGroup', () => {
  it('deletes by id and by name in the default VPC; refuses the default group and a referenced one', async () => {
    const vpc = await newVpc(c, '10.73.0.0/16');
    const a = await newGroup(vpc, 'a');
    const b = await newGroup(vpc, 'b');
    await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 1, ToPort: 1, UserIdGroupPairs: [{ GroupId: b }] }] }));
    expectEc2Error(await failure(c.send(new DeleteSecurityGroupCommand({ GroupId: b }))), 'DependencyViolation', `resource ${b} has a dependent object`);
    const def = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups?.[0]?.GroupId ?? '';
    expectEc2Error(await failure(c.send(new DeleteSecurityGroupCommand({ GroupId: def }))), 'CannotDelete', `the specified group: "${def}" name: "default" cannot be deleted by a user`);
    expectEc2Error(await failure(c.send(new DeleteSecurityGroupCommand({ GroupId: a, DryRun: true }))), 'DryRunOperation', DRY, 412);
    const del = await c.send(new DeleteSecurityGroupCommand({ GroupId: a }));
    expect(del).toMatchObject({ Return: true, GroupId: a });
    await c.send(new DeleteSecurityGroupCommand({ GroupId: b }));
    expectEc2Error(await failure(c.send(new DeleteSecurityGroupCommand({ GroupId: a }))), 'InvalidGroup.NotFound', `The security group '${a}' does not exist`);
    const byName = (await c.send(new CreateSecurityGroupCommand({ GroupName: 'to-delete', Description: 'd' }))).GroupId;
    expect((await c.send(new DeleteSecurityGroupCommand({ GroupName: 'to-delete' }))).GroupId).toBe(byName);
    const defVpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId;
    expectEc2Error(await failure(c.send(new DeleteSecurityGroupCommand({ GroupName: 'to-delete' }))), 'InvalidGroup.NotFound', `The security group 'to-delete' does not exist in default VPC '${defVpc}'`);
  });
});

describe('DescribeSecurityGroups and DescribeSecurityGroupRules', () => {
  it('filters on rules of either direction, tags, and pages rules', async () => {
    const vpc = await newVpc(c, '10.74.0.0/16');
    const a = await newGroup(vpc, 'fa');
    const b = await newGroup(vpc, 'fb');
    await c.send(new CreateTagsCommand({ Resources: [a], Tags: [{ Key: 'tier', Value: 'front' }] }));
    await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    await c.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: b, IpPermissions: [{ IpProtocol: 'udp', FromPort: 53, ToPort: 53, UserIdGroupPairs: [{ GroupId: a }] }] }));
    const find = async (name: string, values: string[]) =>
      ((await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: name, Values: values }] }))).SecurityGroups ?? []).map((g) => g.GroupName).sort();
    expect(await find('ip-permission.from-port', ['443'])).toEqual(['fa']);
    expect(await find('ip-permission.cidr', ['0.0.0.0/0'])).toEqual(['fa']);
    expect(await find('ip-permission.protocol', ['-1'])).toEqual(['default']);
    expect(await find('egress.ip-permission.group-id', [a])).toEqual(['fb']);
    expect(await find('egress.ip-permission.group-name', ['fa'])).toEqual(['fb']);
    expect(await find('egress.ip-permission.protocol', ['udp'])).toEqual(['fb']);
    expect(await find('egress.ip-permission.cidr', ['0.0.0.0/0'])).toEqual(['default', 'fa', 'fb']);
    expect(await find('tag:tier', ['front'])).toEqual(['fa']);
    expect(await find('description', ['fb group'])).toEqual(['fb']);
    const rules = await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [a, b] }] }));
    expect(rules.SecurityGroupRules).toHaveLength(4);
    const one = rules.SecurityGroupRules?.[0]?.SecurityGroupRuleId ?? '';
    await c.send(new CreateTagsCommand({ Resources: [one], Tags: [{ Key: 'pick', Value: 'me' }] }));
    const tagged = await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'tag:pick', Values: ['me'] }] }));
    expect(tagged.SecurityGroupRules?.map((r) => [r.SecurityGroupRuleId, r.Tags])).toEqual([[one, [{ Key: 'pick', Value: 'me' }]]]);
    expect((await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'tag-key', Values: ['pick'] }] }))).SecurityGroupRules).toHaveLength(1);
    expect((await c.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [one] }))).SecurityGroupRules?.map((r) => r.SecurityGroupRuleId)).toEqual([one]);
    expect((await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'security-group-rule-id', Values: [one] }] }))).SecurityGroupRules).toHaveLength(1);
    // Pages of 5 walk every rule of the account once.
    const all = (await c.send(new DescribeSecurityGroupRulesCommand({}))).SecurityGroupRules?.map((r) => r.SecurityGroupRuleId) ?? [];
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await c.send(new DescribeSecurityGroupRulesCommand({ MaxResults: 5, NextToken: token }));
      expect((page.SecurityGroupRules ?? []).length).toBeLessThanOrEqual(5);
      seen.push(...(page.SecurityGroupRules ?? []).map((r) => r.SecurityGroupRuleId ?? ''));
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual(all);
    const ghost = 'sgr-0123456789abcdef0';
    expectEc2Error(await failure(c.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [ghost] }))), 'InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${ghost}' does not exist`);
    expectEc2Error(await failure(c.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: ['sgr-x'] }))), 'InvalidSecurityGroupRuleId.Malformed', 'Invalid id: "sgr-x"');
    expectEc2Error(await failure(c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'colour' is invalid");
    // Another account sees none of these rules.
    expectEc2Error(await failure(ec2(server.url, OTHER).send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [one] }))), 'InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${one}' does not exist`);
  });
});
