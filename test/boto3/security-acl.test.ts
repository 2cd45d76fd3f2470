// boto3 against security groups and network ACLs, across two accounts joined by a peering:
// test/boto3/security-acl.py drives the server and prints what botocore parsed and raised; this
// file asserts it against REACHABILITY.md §3.4, §3.5, §4.2, §4.3 and the EC2 API reference.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { toolAvailable } from '../support/require-tool.js';

const ok = toolAvailable('python3 with boto3', ['python3', '-c', 'import boto3']);
const SCRIPT = resolve(import.meta.dirname, 'security-acl.py');
const A = '311111111111';
const B = '322222222222';

interface CallError {
  readonly code?: string;
  readonly message?: string;
  readonly http?: number;
  readonly noError?: boolean;
}

type Json = Record<string, unknown>;
type Doc = Record<string, Json & { readonly error?: string }>;
/** The ids test/boto3/security-acl.py made (its `w`). */
interface World {
  readonly vpcA: string;
  readonly vpcB: string;
  readonly sgA: string;
  readonly sgB: string;
  readonly sgB2: string;
  readonly pcx: string;
  readonly defaultAclA: string;
}

function runScript(url: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('python3', [SCRIPT, url], { timeout: 90_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) fail(new Error(`security-acl.py failed: ${err.message}\nstderr:\n${stderr}\nstdout:\n${stdout}`));
      else done(stdout);
    });
  });
}

const err = (code: string, message: string | RegExp): object => ({ code, message: typeof message === 'string' ? message : expect.stringMatching(message), http: 400 });
const SGR = /^sgr-[0-9a-f]{17}$/;

describe.skipIf(!ok)('boto3: security groups and network ACLs across accounts', () => {
  let server: RunningServer;
  let doc: Doc;
  const get = (name: string): Json => {
    const v = doc[name];
    if (!v || typeof v.error === 'string') throw new Error(`scenario ${name} failed:\n${v?.error ?? 'missing'}`);
    return v;
  };
  const world = (): World => {
    const w = doc.world as Partial<World> | undefined;
    for (const k of ['vpcA', 'vpcB', 'sgA', 'sgB', 'sgB2', 'pcx', 'defaultAclA'] as const) {
      if (typeof w?.[k] !== 'string') throw new Error(`the script's world has no ${k}: ${JSON.stringify(w)}`);
    }
    return w as World;
  };

  beforeAll(async () => {
    server = await startServer({ inMemory: true });
    doc = JSON.parse(await runScript(server.url)) as Doc;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("the default group admits its own members and lets everything out; a new group only lets IPv4 out; the default ACL allows all (IPv6 twins 101 and * with a block)", () => {
    const d = get('defaults') as { defaultGroup: Json; defaultGroupIpv6Egress: Json[]; newGroup: Json; defaultAcl: Json[]; defaultAclIpv6: Json[] };
    const id = d.defaultGroup.id as string;
    const empty = { IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
    expect(d.defaultGroup.description).toBe('default VPC security group');
    expect(d.defaultGroup.ingress).toEqual([{ ...empty, IpProtocol: '-1', UserIdGroupPairs: [{ UserId: A, GroupId: id }] }]);
    expect(d.defaultGroup.egress).toEqual([{ ...empty, IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);
    expect(d.defaultGroupIpv6Egress).toEqual([{ ...empty, IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }]);
    expect(d.newGroup).toEqual({ ingress: [], egress: [{ ...empty, IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const rule = (RuleNumber: number, Egress: boolean, RuleAction: string, v6 = false) => ({ RuleNumber, Egress, RuleAction, Protocol: '-1', ...(v6 ? { Ipv6CidrBlock: '::/0' } : { CidrBlock: '0.0.0.0/0' }) });
    expect(d.defaultAcl).toEqual([rule(100, true, 'allow'), rule(32767, true, 'deny'), rule(100, false, 'allow'), rule(32767, false, 'deny')]);
    expect(d.defaultAclIpv6).toEqual([
      rule(100, true, 'allow'), rule(101, true, 'allow', true), rule(32767, true, 'deny'), rule(32768, true, 'deny', true),
      rule(100, false, 'allow'), rule(101, false, 'allow', true), rule(32767, false, 'deny'), rule(32768, false, 'deny', true),
    ]);
  });

  it('a peer account\'s group cannot be referenced before the peering is active, nor across Regions', () => {
    expect(doc.beforePeering).toEqual(err('InvalidGroup.NotFound', 'You have specified two resources that belong to different networks.'));
    expect(get('peering')).toBe('active');
    const x = get('crossRegion') as { status: string; group: string; error: CallError };
    expect(x.status).toBe('active');
    expect(x.error).toEqual(err('InvalidGroup.NotFound', `The security group '${x.group}' does not exist`));
  });

  it('Authorize answers each new rule with its sgr- id; a peer group reference names owner, VPC and connection', () => {
    const a = get('authorize') as { ingress: Json[]; egress: Json[]; return: boolean } & Record<string, CallError>;
    const w = world();
    expect(a.return).toBe(true);
    expect(a.ingress).toHaveLength(6);
    expect(a.ingress[0]).toEqual({
      SecurityGroupRuleId: expect.stringMatching(SGR),
      GroupId: w.sgA,
      GroupOwnerId: A,
      IsEgress: false,
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      ReferencedGroupInfo: { GroupId: w.sgB, UserId: B, VpcId: w.vpcB, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'active' },
      Description: 'ssh from db',
      Tags: [],
      SecurityGroupRuleArn: expect.stringMatching(new RegExp(`^arn:aws:ec2:us-east-1:${A}:security-group-rule/sgr-`)),
    });
    // Protocols by name and number: udp both families, ICMP type 8 any code, ICMPv6 all, ESP (50) all ports.
    expect(a.ingress.slice(1).map((r) => [r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4 ?? r.CidrIpv6])).toEqual([
      ['udp', 53, 53, '10.62.0.0/16'],
      ['udp', 53, 53, '2001:db8::/32'],
      ['icmp', 8, -1, '10.62.0.0/16'],
      ['icmpv6', -1, -1, '::/0'],
      ['50', -1, -1, '10.62.9.0/24'],
    ]);
    expect(a.egress[0]).toMatchObject({ GroupId: w.sgB, GroupOwnerId: B, IsEgress: true, ReferencedGroupInfo: { GroupId: w.sgA, UserId: A, VpcId: w.vpcA, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'active' } });
    expect(a.duplicate).toEqual(err('InvalidPermission.Duplicate', `the specified rule "peer: ${w.sgB}, TCP, from port: 22, to port: 22, ALLOW" already exists`));
    expect(a.wrongPcx).toEqual(err('InvalidGroup.NotFound', 'You have specified two resources that belong to different networks.'));
    // Without UserId the group is looked for in the caller's own account.
    expect(a.noUserId).toEqual(err('InvalidGroup.NotFound', `The security group '${w.sgB}' does not exist`));
    expect(a.noPorts).toEqual(err('InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange."));
  });

  it('DescribeSecurityGroups and DescribeSecurityGroupRules show userId, vpcId, vpcPeeringConnectionId and peeringStatus', () => {
    const d = get('describe') as { ingress: Json[]; ruleSsh: Json; byUserId: string[]; bRule: Json };
    const w = world();
    const pair = (d.ingress[0] as { UserIdGroupPairs: Json[] }).UserIdGroupPairs[0];
    expect(pair).toEqual({ Description: 'ssh from db', UserId: B, GroupId: w.sgB, VpcId: w.vpcB, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'active' });
    expect(d.ruleSsh.ReferencedGroupInfo).toEqual({ GroupId: w.sgB, UserId: B, VpcId: w.vpcB, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'active' });
    expect(d.byUserId).toEqual([w.sgA]);
    expect(d.bRule).toMatchObject({ GroupId: w.sgB, IsEgress: true, FromPort: 8080, ReferencedGroupInfo: { GroupId: w.sgA, UserId: A, VpcId: w.vpcA, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'active' } });
  });

  it('DescribeSecurityGroupReferences names the VPC across the peering that references each group, in either account', () => {
    const r = get('references') as { a: Json; b: Json; intruder: CallError; missing: CallError };
    const w = world();
    const refsB = r.b.SecurityGroupReferenceSet as Json[];
    // Both of B's groups are referenced by A's group, from A's VPC across the peering.
    expect([...refsB].sort((x, y) => String(x.GroupId).localeCompare(String(y.GroupId)))).toEqual(
      [w.sgB, w.sgB2].sort().map((GroupId) => ({ GroupId, ReferencingVpcId: w.vpcA, VpcPeeringConnectionId: w.pcx })),
    );
    // A's group is referenced by B's egress rule, from B's VPC.
    expect(r.a.SecurityGroupReferenceSet).toEqual([{ GroupId: w.sgA, ReferencingVpcId: w.vpcB, VpcPeeringConnectionId: w.pcx }]);
    expect(r.intruder).toEqual(err('InvalidGroup.NotFound', `The security group '${w.sgB}' does not exist`));
    expect(r.missing).toEqual(err('MissingParameter', 'The request must contain the parameter groupId'));
  });

  it('ModifySecurityGroupRules replaces a rule in place under its sgr- id, "<account>/sg-…" references included; bad input changes nothing', () => {
    const m = get('modify') as { return: boolean; dns: Json; ssh: Json; unchangedAfterErrors: boolean } & Record<string, CallError>;
    expect(m.return).toBe(true);
    expect(m.dns).toMatchObject({ IpProtocol: 'tcp', FromPort: 5353, ToPort: 5354, CidrIpv4: '10.62.7.0/24', Description: 'mdns' });
    expect(m.dns).not.toHaveProperty('CidrIpv6');
    const w = world();
    expect(m.ssh).toMatchObject({ FromPort: 2222, ToPort: 2222, ReferencedGroupInfo: { GroupId: w.sgB, UserId: B, VpcId: w.vpcB, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'active' } });
    expect(m.unknown).toEqual(err('InvalidSecurityGroupRuleId.NotFound', "The security group rule ID 'sgr-0123456789abcdef0' does not exist"));
    expect(m.badPort).toEqual(err('InvalidParameterValue', "Invalid value 'From port 9 is greater than to port 1.' for portRange."));
    expect(m.twoPeers?.code).toBe('InvalidParameterCombination');
    expect(m.intruder).toEqual(err('InvalidGroup.NotFound', `The security group '${w.sgA}' does not exist`));
    expect(m.dryRun).toEqual({ code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', http: 412 });
    expect(m.unchangedAfterErrors).toBe(true);
  });

  it('UpdateSecurityGroupRuleDescriptionsIngress/Egress set descriptions by permission or by rule id', () => {
    const u = get('descriptions') as { returns: boolean[]; dns: string; egress: string; missing: CallError; wrongDirection: CallError };
    expect(u.returns).toEqual([true, true]);
    expect(u.dns).toBe('multicast dns');
    expect(u.egress).toBe('to app');
    expect(u.missing).toEqual(err('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.'));
    expect(u.wrongDirection?.code).toBe('InvalidSecurityGroupRuleId.NotFound');
  });

  it('DescribeStaleSecurityGroups: stale once the referenced group is deleted, and every peer reference once the peering is deleted', () => {
    const s = get('stale') as { before: Json; groupGone: Json; peeringGoneA: Json; peeringGoneB: Json; referencesAfter: Json; bAfterRevoke: Json } & { revoked: string[]; revokedEgress: string[]; paginated: string[]; stillThere: Json[]; badMax: CallError; otherVpc: CallError };
    const w = world();
    expect(s.before).toEqual({ StaleSecurityGroupSet: [] });
    const groupGone = s.groupGone.StaleSecurityGroupSet as Json[];
    expect(groupGone).toHaveLength(1);
    expect(groupGone[0]).toMatchObject({ GroupId: w.sgA, VpcId: w.vpcA, GroupName: 'app-a', Description: 'app in A', StaleIpPermissionsEgress: [] });
    // The group is gone but the connection still active: only the cache rule is stale.
    expect(groupGone[0]?.StaleIpPermissions).toEqual([
      { IpProtocol: 'tcp', FromPort: 6379, ToPort: 6379, IpRanges: [], PrefixListIds: [], UserIdGroupPairs: [{ UserId: B, GroupId: w.sgB2, VpcId: w.vpcB, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'active' }] },
    ]);
    const afterA = (s.peeringGoneA.StaleSecurityGroupSet as Json[])[0] as { StaleIpPermissions: { FromPort: number; UserIdGroupPairs: Json[] }[] };
    expect(afterA.StaleIpPermissions.map((p) => [p.FromPort, p.UserIdGroupPairs[0]?.PeeringStatus])).toEqual([[2222, 'deleted'], [6379, 'deleted']]);
    const afterB = (s.peeringGoneB.StaleSecurityGroupSet as Json[])[0] as Json;
    expect(afterB).toMatchObject({ GroupId: w.sgB, GroupName: 'db-b', StaleIpPermissions: [], StaleIpPermissionsEgress: [{ FromPort: 8080, UserIdGroupPairs: [{ UserId: A, GroupId: w.sgA, VpcId: w.vpcA, VpcPeeringConnectionId: w.pcx, Description: 'to app', PeeringStatus: 'deleted' }] }] });
    // The rules stay in their group, Describe shows the deleted connection; references need an active one.
    const kept = (s.stillThere as { FromPort?: number; UserIdGroupPairs: Json[] }[]).find((p) => p.FromPort === 2222);
    expect(kept?.UserIdGroupPairs).toEqual([expect.objectContaining({ UserId: B, GroupId: w.sgB, VpcId: w.vpcB, VpcPeeringConnectionId: w.pcx, PeeringStatus: 'deleted' })]);
    expect(s.referencesAfter).toEqual({ SecurityGroupReferenceSet: [] });
    expect(s.revoked).toHaveLength(1);
    expect(s.revokedEgress).toEqual([(get('authorize') as { egress: { SecurityGroupRuleId: string }[] }).egress[0]?.SecurityGroupRuleId]);
    expect(s.bAfterRevoke).toEqual({ StaleSecurityGroupSet: [] });
    expect(s.paginated).toEqual([w.sgA]);
    expect(s.badMax).toEqual(err('InvalidParameterValue', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.'));
    expect(s.otherVpc).toEqual(err('InvalidVpcID.NotFound', `The vpc ID '${w.vpcB}' does not exist`));
  });

  it('network ACLs: a new ACL denies all; entries by protocol number with ports or ICMP type/code; AWS errors; association moves and deletes', () => {
    const n = get('acl') as { created: Json; entries: Json[]; movedTo: string; moved: string; back: string; acl: string; errors: Record<string, CallError> };
    expect(n.created).toEqual({
      Associations: [],
      Entries: [
        { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
        { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      ],
      IsDefault: false,
      NetworkAclId: n.acl,
      Tags: [{ Key: 'Name', Value: 'web' }],
      VpcId: world().vpcA,
      OwnerId: A,
    });
    expect(n.entries).toEqual([
      { CidrBlock: '10.62.0.0/16', Egress: true, PortRange: { From: 1024, To: 65535 }, Protocol: '6', RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
      { CidrBlock: '10.62.0.0/16', Egress: false, PortRange: { From: 22, To: 23 }, Protocol: '6', RuleAction: 'allow', RuleNumber: 100 },
      { CidrBlock: '10.62.0.0/16', Egress: false, IcmpTypeCode: { Code: -1, Type: 8 }, Protocol: '1', RuleAction: 'allow', RuleNumber: 110 },
      { CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 },
    ]);
    expect(n.movedTo).toBe(n.acl);
    expect(n.moved).toMatch(/^aclassoc-[0-9a-f]{17}$/);
    expect(n.back).toMatch(/^aclassoc-[0-9a-f]{17}$/);
    const badNumber = (v: number) => err('InvalidParameterValue', `Value (${v}) for parameter ruleNumber is invalid. Rule numbers must be from 1 to 32766; 32767 to 65535 are reserved for internal use.`);
    expect(n.errors).toEqual({
      duplicate: err('NetworkAclEntryAlreadyExists', 'The network acl entry identified by 100 already exists.'),
      reserved: badNumber(32767),
      zero: badNumber(0),
      noPorts: err('InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange."),
      name: err('InvalidParameterValue', "Invalid value 'tcp' for IP protocol. Unknown protocol."),
      noIcmp: err('InvalidParameterValue', "Invalid value 'Must specify both type and code with ICMP.' for icmpTypeCode."),
      badAction: err('InvalidParameterValue', 'Value (maybe) for parameter RuleAction is invalid. Valid values are: allow, deny.'),
      intruder: err('InvalidNetworkAclID.NotFound', `The networkAcl ID '${n.acl}' does not exist`),
      replaceMissing: err('InvalidNetworkAclEntry.NotFound', 'no ingress entry with number 999'),
      deleteMissing: err('InvalidNetworkAclEntry.NotFound', 'no ingress entry with number 120'),
      limit: err('NetworkAclEntryLimitExceeded', `The maximum number of entries (20) per direction has been reached for network ACL ${n.acl}.`),
      deleteAssociated: err('DependencyViolation', `The networkAcl '${n.acl}' has dependencies and cannot be deleted.`),
      unknownAssociation: err('InvalidAssociationID.NotFound', "The association ID 'aclassoc-0123456789abcdef0' does not exist"),
      deleteDefault: err('InvalidParameterValue', `cannot delete default network ACL ${world().defaultAclA}`),
      deleteAgain: err('InvalidNetworkAclID.NotFound', `The networkAcl ID '${n.acl}' does not exist`),
    });
  });

  it("the default ACL's rule 100 can be replaced; the * rules cannot be touched", () => {
    const d = get('aclDefaultEdits') as { entry: Json; catchAll: CallError };
    expect(d.entry).toEqual({ CidrBlock: '10.0.0.0/8', Egress: false, PortRange: { From: 443, To: 443 }, Protocol: '6', RuleAction: 'allow', RuleNumber: 100 });
    expect(d.catchAll?.code).toBe('InvalidParameterValue');
  });
});
