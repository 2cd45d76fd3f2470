import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import { ACCOUNT_A, ACCOUNT_B, acceptPeering, createPeering, createVpc, useServer } from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);
// Each `aws` call starts a Python interpreter: seconds apiece on a busy machine.
const TIMEOUT = 900_000;

interface Pair {
  UserId?: string;
  GroupId?: string;
  VpcId?: string;
  VpcPeeringConnectionId?: string;
  PeeringStatus?: string;
  Description?: string;
}
interface Rule {
  SecurityGroupRuleId: string;
  FromPort?: number;
  ToPort?: number;
  Description?: string;
  ReferencedGroupInfo?: Pair;
}
interface StalePermission {
  FromPort?: number;
  UserIdGroupPairs: Pair[];
}
interface StaleGroup {
  GroupId: string;
  StaleIpPermissions: StalePermission[];
  StaleIpPermissionsEgress: StalePermission[];
}

/**
 * The AWS CLI on references to a peer account's group (REACHABILITY.md §3.4, §4.2): the console
 * form `<account>/sg-…` as --ip-permissions, modify-security-group-rules, the references seen
 * from the other side, and the rule gone stale once the connection is deleted.
 */
describe.skipIf(!available)('AWS CLI: security group references across a peering', () => {
  const suite = useServer();

  it('references, modifies and finds stale a rule naming the peer account\'s group', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const b = suite.as(ACCOUNT_B);
    const [vpcA, vpcB] = await Promise.all([createVpc(a, '10.80.0.0/16'), createVpc(b, '10.81.0.0/16')]);
    const [sgA, sgB] = await Promise.all([
      a.ok<{ GroupId: string }>('ec2', 'create-security-group', '--group-name', 'app', '--description', 'app', '--vpc-id', vpcA.VpcId),
      b.ok<{ GroupId: string }>('ec2', 'create-security-group', '--group-name', 'db', '--description', 'db', '--vpc-id', vpcB.VpcId),
    ]);
    const permission = `IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{UserId=${ACCOUNT_B},GroupId=${sgB.GroupId},Description=db}]`;

    const unpeered = await a.fail('ec2', 'authorize-security-group-ingress', '--group-id', sgA.GroupId, '--ip-permissions', permission);
    expect([unpeered.code, unpeered.message]).toEqual(['InvalidGroup.NotFound', 'You have specified two resources that belong to different networks.']);

    const pcx = (await createPeering(a, vpcA.VpcId, vpcB.VpcId, '--peer-owner-id', ACCOUNT_B)).VpcPeeringConnectionId;
    await acceptPeering(b, pcx);

    const added = await a.ok<{ Return: boolean; SecurityGroupRules: Rule[] }>('ec2', 'authorize-security-group-ingress', '--group-id', sgA.GroupId, '--ip-permissions', permission);
    const rule = added.SecurityGroupRules[0] as Rule;
    expect(added.Return).toBe(true);
    expect(rule.ReferencedGroupInfo).toEqual({ GroupId: sgB.GroupId, UserId: ACCOUNT_B, VpcId: vpcB.VpcId, VpcPeeringConnectionId: pcx, PeeringStatus: 'active' });

    const refs = await b.ok<{ SecurityGroupReferenceSet: unknown[] }>('ec2', 'describe-security-group-references', '--group-id', sgB.GroupId);
    expect(refs.SecurityGroupReferenceSet).toEqual([{ GroupId: sgB.GroupId, ReferencingVpcId: vpcA.VpcId, VpcPeeringConnectionId: pcx }]);

    const modified = await a.ok<{ Return: boolean }>(
      'ec2', 'modify-security-group-rules', '--group-id', sgA.GroupId,
      '--security-group-rules', `SecurityGroupRuleId=${rule.SecurityGroupRuleId},SecurityGroupRule={IpProtocol=tcp,FromPort=6432,ToPort=6432,ReferencedGroupId=${ACCOUNT_B}/${sgB.GroupId},Description=pgbouncer}`,
    );
    expect(modified.Return).toBe(true);
    const unknown = await a.fail('ec2', 'modify-security-group-rules', '--group-id', sgA.GroupId, '--security-group-rules', 'SecurityGroupRuleId=sgr-0123456789abcdef0,SecurityGroupRule={IpProtocol=-1,CidrIpv4=10.0.0.0/8}');
    expect([unknown.code, unknown.message]).toEqual(['InvalidSecurityGroupRuleId.NotFound', "The security group rule ID 'sgr-0123456789abcdef0' does not exist"]);
    const [now] = (await a.ok<{ SecurityGroupRules: Rule[] }>('ec2', 'describe-security-group-rules', '--security-group-rule-ids', rule.SecurityGroupRuleId)).SecurityGroupRules;
    expect(now).toMatchObject({ FromPort: 6432, ToPort: 6432, Description: 'pgbouncer', ReferencedGroupInfo: { UserId: ACCOUNT_B, PeeringStatus: 'active' } });

    const fresh = await a.ok<{ StaleSecurityGroupSet: StaleGroup[] }>('ec2', 'describe-stale-security-groups', '--vpc-id', vpcA.VpcId);
    expect(fresh.StaleSecurityGroupSet).toEqual([]);

    await b.ok('ec2', 'delete-vpc-peering-connection', '--vpc-peering-connection-id', pcx);
    const stale = await a.ok<{ StaleSecurityGroupSet: StaleGroup[] }>('ec2', 'describe-stale-security-groups', '--vpc-id', vpcA.VpcId);
    expect(stale.StaleSecurityGroupSet).toEqual([
      expect.objectContaining({
        GroupId: sgA.GroupId,
        StaleIpPermissionsEgress: [],
        StaleIpPermissions: [expect.objectContaining({ FromPort: 6432, UserIdGroupPairs: [{ UserId: ACCOUNT_B, GroupId: sgB.GroupId, VpcId: vpcB.VpcId, VpcPeeringConnectionId: pcx, PeeringStatus: 'deleted', Description: 'pgbouncer' }] })],
      }),
    ]);
    const gone = await b.ok<{ SecurityGroupReferenceSet: unknown[] }>('ec2', 'describe-security-group-references', '--group-id', sgB.GroupId);
    expect(gone.SecurityGroupReferenceSet).toEqual([]);
    // A stale rule is revoked like any other.
    const revoked = await a.ok<{ Return: boolean }>('ec2', 'revoke-security-group-ingress', '--group-id', sgA.GroupId, '--security-group-rule-ids', rule.SecurityGroupRuleId);
    expect(revoked.Return).toBe(true);
    const cleared = await a.ok<{ StaleSecurityGroupSet: StaleGroup[] }>('ec2', 'describe-stale-security-groups', '--vpc-id', vpcA.VpcId);
    expect(cleared.StaleSecurityGroupSet).toEqual([]);
  }, TIMEOUT);

  it('network ACL entries through the CLI: protocol numbers, port ranges, ICMP, and the rule-number range', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const vpc = await createVpc(a, '10.82.0.0/16');
    const acl = (await a.ok<{ NetworkAcl: { NetworkAclId: string } }>('ec2', 'create-network-acl', '--vpc-id', vpc.VpcId)).NetworkAcl.NetworkAclId;
    await a.ok('ec2', 'create-network-acl-entry', '--network-acl-id', acl, '--ingress', '--rule-number', '100', '--protocol', '6', '--port-range', 'From=443,To=443', '--cidr-block', '10.81.0.0/16', '--rule-action', 'allow');
    await a.ok('ec2', 'create-network-acl-entry', '--network-acl-id', acl, '--egress', '--rule-number', '100', '--protocol', '6', '--port-range', 'From=1024,To=65535', '--cidr-block', '10.81.0.0/16', '--rule-action', 'allow');
    await a.ok('ec2', 'create-network-acl-entry', '--network-acl-id', acl, '--ingress', '--rule-number', '110', '--protocol', '1', '--icmp-type-code', 'Type=8,Code=-1', '--cidr-block', '10.81.0.0/16', '--rule-action', 'allow');
    const reserved = await a.fail('ec2', 'create-network-acl-entry', '--network-acl-id', acl, '--ingress', '--rule-number', '32767', '--protocol', '-1', '--cidr-block', '0.0.0.0/0', '--rule-action', 'allow');
    expect(reserved.code).toBe('InvalidParameterValue');
    const noPorts = await a.fail('ec2', 'create-network-acl-entry', '--network-acl-id', acl, '--ingress', '--rule-number', '120', '--protocol', '17', '--cidr-block', '0.0.0.0/0', '--rule-action', 'allow');
    expect(noPorts.message).toBe("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
    await a.ok('ec2', 'replace-network-acl-entry', '--network-acl-id', acl, '--ingress', '--rule-number', '100', '--protocol', '6', '--port-range', 'From=8443,To=8443', '--cidr-block', '10.81.0.0/16', '--rule-action', 'deny');
    await a.ok('ec2', 'delete-network-acl-entry', '--network-acl-id', acl, '--egress', '--rule-number', '100');
    const out = await a.ok<{ NetworkAcls: { Entries: { RuleNumber: number; Egress: boolean; RuleAction: string; PortRange?: { From: number }; IcmpTypeCode?: { Type: number } }[] }[] }>('ec2', 'describe-network-acls', '--network-acl-ids', acl);
    expect(out.NetworkAcls[0]?.Entries.map((e) => [e.Egress, e.RuleNumber, e.RuleAction, e.PortRange?.From ?? e.IcmpTypeCode?.Type])).toEqual([
      [true, 32767, 'deny', undefined],
      [false, 100, 'deny', 8443],
      [false, 110, 'allow', 8],
      [false, 32767, 'deny', undefined],
    ]);
    await a.ok('ec2', 'delete-network-acl', '--network-acl-id', acl);
  }, TIMEOUT);
});
