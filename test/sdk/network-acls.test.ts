import {
  AssociateVpcCidrBlockCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateSubnetCommand,
  DeleteNetworkAclCommand,
  DeleteNetworkAclEntryCommand,
  DeleteSubnetCommand,
  DescribeNetworkAclsCommand,
  ReplaceNetworkAclAssociationCommand,
  ReplaceNetworkAclEntryCommand,
} from '@aws-sdk/client-ec2';
import type { CreateNetworkAclEntryCommandInput, EC2Client, NetworkAcl, RuleAction } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

const ACCOUNT = '565656565656';
const OTHER = '787878787878';
const ACL = /^acl-[0-9a-f]{17}$/;
const ASSOC = /^aclassoc-[0-9a-f]{17}$/;
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

async function acl(id: string): Promise<NetworkAcl> {
  return (await c.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [id] }))).NetworkAcls?.[0] ?? {};
}

async function defaultAcl(vpcId: string): Promise<NetworkAcl> {
  const r = await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'default', Values: ['true'] }] }));
  expect(r.NetworkAcls).toHaveLength(1);
  return r.NetworkAcls?.[0] ?? {};
}

async function newAcl(vpcId: string): Promise<string> {
  return (await c.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl?.NetworkAclId ?? '';
}

async function newSubnet(vpcId: string, cidr: string): Promise<string> {
  return (await c.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr }))).Subnet?.SubnetId ?? '';
}

const deny = (egress: boolean, ruleNumber: number, v6 = false) =>
  v6 ? { RuleNumber: ruleNumber, Egress: egress, Protocol: '-1', RuleAction: 'deny', Ipv6CidrBlock: '::/0' } : { RuleNumber: ruleNumber, Egress: egress, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' };

describe('CreateNetworkAcl / DeleteNetworkAcl', () => {
  it('a new ACL holds only the catch-all denies (IPv6 too when the VPC has a block), tagged', async () => {
    const vpc = await newVpc(c, '10.80.0.0/16');
    const r = await c.send(new CreateNetworkAclCommand({ VpcId: vpc, TagSpecifications: [{ ResourceType: 'network-acl', Tags: [{ Key: 'Name', Value: 'private' }] }] }));
    expect(r.NetworkAcl).toEqual({
      NetworkAclId: r.NetworkAcl?.NetworkAclId,
      VpcId: vpc,
      OwnerId: ACCOUNT,
      IsDefault: false,
      Entries: [deny(true, 32767), deny(false, 32767)],
      Associations: [],
      Tags: [{ Key: 'Name', Value: 'private' }],
    });
    expect(r.NetworkAcl?.NetworkAclId).toMatch(ACL);
    await c.send(new AssociateVpcCidrBlockCommand({ VpcId: vpc, AmazonProvidedIpv6CidrBlock: true }));
    const v6 = await c.send(new CreateNetworkAclCommand({ VpcId: vpc }));
    expect(v6.NetworkAcl?.Entries).toEqual([deny(true, 32767), deny(true, 32768, true), deny(false, 32767), deny(false, 32768, true)]);
  });

  it('refuses the default ACL, an associated ACL, unknown and malformed ids; DryRun and another account change nothing', async () => {
    const vpc = await newVpc(c, '10.81.0.0/16');
    const def = (await defaultAcl(vpc)).NetworkAclId ?? '';
    expectEc2Error(await failure(c.send(new DeleteNetworkAclCommand({ NetworkAclId: def }))), 'InvalidParameterValue', `cannot delete default network ACL ${def}`);
    const id = await newAcl(vpc);
    const subnet = await newSubnet(vpc, '10.81.1.0/24');
    const assoc = (await defaultAcl(vpc)).Associations?.[0]?.NetworkAclAssociationId ?? '';
    await c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: assoc, NetworkAclId: id }));
    expectEc2Error(await failure(c.send(new DeleteNetworkAclCommand({ NetworkAclId: id }))), 'DependencyViolation', `The networkAcl '${id}' has dependencies and cannot be deleted.`);
    expectEc2Error(await failure(ec2(server.url, OTHER).send(new DeleteNetworkAclCommand({ NetworkAclId: id }))), 'InvalidNetworkAclID.NotFound', `The networkAcl ID '${id}' does not exist`);
    expectEc2Error(await failure(c.send(new DeleteNetworkAclCommand({ NetworkAclId: 'acl-0123456789abcdef0' }))), 'InvalidNetworkAclID.NotFound', "The networkAcl ID 'acl-0123456789abcdef0' does not exist");
    expectEc2Error(await failure(c.send(new DeleteNetworkAclCommand({ NetworkAclId: 'acl-zz' }))), 'InvalidNetworkAclId.Malformed', 'Invalid id: "acl-zz"');
    // Deleting the subnet frees the ACL.
    await c.send(new DeleteSubnetCommand({ SubnetId: subnet }));
    expectEc2Error(await failure(c.send(new DeleteNetworkAclCommand({ NetworkAclId: id, DryRun: true }))), 'DryRunOperation', DRY, 412);
    expect((await acl(id)).NetworkAclId).toBe(id);
    await c.send(new DeleteNetworkAclCommand({ NetworkAclId: id }));
    expect((await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).NetworkAcls?.map((a) => a.NetworkAclId)).toEqual([def]);
    expectEc2Error(await failure(c.send(new CreateNetworkAclCommand({ VpcId: 'vpc-0123456789abcdef0' }))), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    expectEc2Error(await failure(c.send(new CreateNetworkAclCommand({ VpcId: vpc, DryRun: true }))), 'DryRunOperation', DRY, 412);
    expect((await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).NetworkAcls).toHaveLength(1);
  });
});

describe('network ACL entries', () => {
  it('creates, replaces and deletes entries, showing PortRange and IcmpTypeCode where the protocol uses them', async () => {
    const vpc = await newVpc(c, '10.82.0.0/16');
    const id = await newAcl(vpc);
    const add = (e: Omit<CreateNetworkAclEntryCommandInput, 'NetworkAclId'>) => c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, ...e }));
    await add({ RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.9/16', PortRange: { From: 443, To: 443 } });
    await add({ RuleNumber: 110, Protocol: '1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: 8, Code: -1 } });
    await add({ RuleNumber: 120, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '192.168.0.0/16', PortRange: { From: 0, To: 0 } });
    await add({ RuleNumber: 100, Protocol: '17', RuleAction: 'allow', Egress: true, Ipv6CidrBlock: '2001:db8::/32', PortRange: { From: 1024, To: 65535 } });
    expect((await acl(id)).Entries).toEqual([
      { RuleNumber: 100, Egress: true, Protocol: '17', RuleAction: 'allow', Ipv6CidrBlock: '2001:db8::/32', PortRange: { From: 1024, To: 65535 } },
      deny(true, 32767),
      { RuleNumber: 100, Egress: false, Protocol: '6', RuleAction: 'allow', CidrBlock: '10.0.0.0/16', PortRange: { From: 443, To: 443 } },
      { RuleNumber: 110, Egress: false, Protocol: '1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: 8, Code: -1 } },
      { RuleNumber: 120, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '192.168.0.0/16' },
      deny(false, 32767),
    ]);
    await c.send(new ReplaceNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 100, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } }));
    await c.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 110, Egress: false }));
    expect((await acl(id)).Entries?.filter((e) => !e.Egress).map((e) => [e.RuleNumber, e.RuleAction, e.CidrBlock, e.PortRange?.From])).toEqual([
      [100, 'deny', '0.0.0.0/0', 22],
      [120, 'deny', '192.168.0.0/16', undefined],
      [32767, 'deny', '0.0.0.0/0', undefined],
    ]);
  });

  it('answers every refusal with AWS code and message, and changes nothing', async () => {
    const vpc = await newVpc(c, '10.83.0.0/16');
    const id = await newAcl(vpc);
    const add = (e: Partial<CreateNetworkAclEntryCommandInput>) =>
      failure(c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', ...e })));
    await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }));
    const before = (await acl(id)).Entries;
    expectEc2Error(await add({}), 'NetworkAclEntryAlreadyExists', 'The network acl entry identified by 100 already exists.');
    const range = 'Rule numbers must be from 1 to 32766; 32767 to 65535 are reserved for internal use.';
    expectEc2Error(await add({ RuleNumber: 0 }), 'InvalidParameterValue', `Value (0) for parameter ruleNumber is invalid. ${range}`);
    expectEc2Error(await add({ RuleNumber: 32767 }), 'InvalidParameterValue', `Value (32767) for parameter ruleNumber is invalid. ${range}`);
    expectEc2Error(await add({ RuleNumber: 200, Protocol: 'tcp' }), 'InvalidParameterValue', "Invalid value 'tcp' for IP protocol. Unknown protocol.");
    expectEc2Error(await add({ RuleNumber: 200, Protocol: '6' }), 'InvalidParameterValue', "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
    expectEc2Error(await add({ RuleNumber: 200, Protocol: '6', PortRange: { From: 90, To: 80 } }), 'InvalidParameterValue', "Invalid value 'From port 90 is greater than to port 80.' for portRange.");
    expectEc2Error(await add({ RuleNumber: 200, Protocol: '1' }), 'InvalidParameterValue', "Invalid value 'Must specify both type and code with ICMP.' for icmpTypeCode.");
    expectEc2Error(await add({ RuleNumber: 200, RuleAction: 'maybe' as RuleAction }), 'InvalidParameterValue', 'Value (maybe) for parameter RuleAction is invalid. Valid values are: allow, deny.');
    expectEc2Error(await add({ RuleNumber: 200, CidrBlock: '0.0.0.0/0', Ipv6CidrBlock: '::/0' }), 'InvalidParameterCombination', 'The parameter cidrBlock cannot be used with the parameter ipv6CidrBlock');
    expectEc2Error(await add({ RuleNumber: 200, CidrBlock: 'nonsense' }), 'InvalidParameterValue', 'Value (nonsense) for parameter cidrBlock is invalid. This is not a valid CIDR block.');
    expectEc2Error(await add({ RuleNumber: 200, NetworkAclId: 'acl-0123456789abcdef0' }), 'InvalidNetworkAclID.NotFound', "The networkAcl ID 'acl-0123456789abcdef0' does not exist");
    expectEc2Error(await add({ RuleNumber: 200, DryRun: true }), 'DryRunOperation', DRY, 412);
    const replace = await failure(c.send(new ReplaceNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 120, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' })));
    expectEc2Error(replace, 'InvalidNetworkAclEntry.NotFound', 'no ingress entry with number 120');
    expectEc2Error(await failure(c.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 100, Egress: true }))), 'InvalidNetworkAclEntry.NotFound', 'no egress entry with number 100');
    expectEc2Error(await failure(c.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 32767, Egress: true }))), 'InvalidParameterValue', `Value (32767) for parameter ruleNumber is invalid. ${range}`);
    expectEc2Error(
      await failure(ec2(server.url, OTHER).send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 100, Egress: false }))),
      'InvalidNetworkAclID.NotFound',
      `The networkAcl ID '${id}' does not exist`,
    );
    expect((await acl(id)).Entries).toEqual(before);
  });

  it('allows 20 entries per direction and refuses the 21st', async () => {
    const vpc = await newVpc(c, '10.84.0.0/16');
    const id = await newAcl(vpc);
    for (let n = 1; n <= 20; n++) {
      await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: n, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: `10.${n}.0.0/16` }));
    }
    const over = await failure(c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 21, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '10.21.0.0/16' })));
    expectEc2Error(over, 'NetworkAclEntryLimitExceeded', `The maximum number of entries (20) per direction has been reached for network ACL ${id}.`);
    await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 21, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '10.21.0.0/16' }));
  });
});

describe('subnet associations', () => {
  it('every subnet is on exactly one ACL: the default one at creation, with a stable id; replace moves it under a new id', async () => {
    const vpc = await newVpc(c, '10.85.0.0/16');
    const s1 = await newSubnet(vpc, '10.85.1.0/24');
    const s2 = await newSubnet(vpc, '10.85.2.0/24');
    const def = await defaultAcl(vpc);
    expect(def.Associations?.map((a) => a.SubnetId).sort()).toEqual([s1, s2].sort());
    for (const a of def.Associations ?? []) {
      expect(a.NetworkAclAssociationId).toMatch(ASSOC);
      expect(a.NetworkAclId).toBe(def.NetworkAclId);
    }
    expect((await defaultAcl(vpc)).Associations).toEqual(def.Associations);
    const custom = await newAcl(vpc);
    const first = def.Associations?.find((a) => a.SubnetId === s1)?.NetworkAclAssociationId ?? '';
    const moved = await c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: first, NetworkAclId: custom }));
    expect(moved.NewAssociationId).toMatch(ASSOC);
    expect(moved.NewAssociationId).not.toBe(first);
    expect((await acl(custom)).Associations).toEqual([{ NetworkAclAssociationId: moved.NewAssociationId, NetworkAclId: custom, SubnetId: s1 }]);
    expect((await defaultAcl(vpc)).Associations?.map((a) => a.SubnetId)).toEqual([s2]);
    // The old id is gone; the new one moves the subnet back to the default ACL.
    expectEc2Error(await failure(c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: first, NetworkAclId: custom }))), 'InvalidAssociationID.NotFound', `The association ID '${first}' does not exist`);
    const back = await c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: moved.NewAssociationId, NetworkAclId: def.NetworkAclId }));
    expect((await defaultAcl(vpc)).Associations?.find((a) => a.SubnetId === s1)?.NetworkAclAssociationId).toBe(back.NewAssociationId);
    expect((await acl(custom)).Associations).toEqual([]);
    // An ACL of another VPC cannot take the subnet.
    const foreign = await newAcl(await newVpc(c, '10.86.0.0/16'));
    expectEc2Error(
      await failure(c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: back.NewAssociationId, NetworkAclId: foreign }))),
      'InvalidParameterValue',
      `Network ACL ${foreign} and subnet ${s1} belong to different networks`,
    );
    expectEc2Error(await failure(c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: 'aclassoc-x', NetworkAclId: custom }))), 'InvalidAssociationID.Malformed', 'Invalid id: "aclassoc-x"');
    expectEc2Error(await failure(c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: back.NewAssociationId, NetworkAclId: custom, DryRun: true }))), 'DryRunOperation', DRY, 412);
    expectEc2Error(
      await failure(ec2(server.url, OTHER).send(new ReplaceNetworkAclAssociationCommand({ AssociationId: back.NewAssociationId, NetworkAclId: custom }))),
      'InvalidNetworkAclID.NotFound',
      `The networkAcl ID '${custom}' does not exist`,
    );
    expect((await acl(custom)).Associations).toEqual([]);
  });
});

describe('DescribeNetworkAcls filters', () => {
  it('matches association.*, default, entry.*, network-acl-id, owner-id, tags and vpc-id', async () => {
    const vpc = await newVpc(c, '10.87.0.0/16');
    const subnet = await newSubnet(vpc, '10.87.1.0/24');
    const id = (await c.send(new CreateNetworkAclCommand({ VpcId: vpc, TagSpecifications: [{ ResourceType: 'network-acl', Tags: [{ Key: 'role', Value: 'edge' }] }] }))).NetworkAcl?.NetworkAclId ?? '';
    await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 10, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.9.0.0/16', PortRange: { From: 80, To: 81 } }));
    await c.send(new CreateNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: 20, Protocol: '1', RuleAction: 'deny', Egress: true, Ipv6CidrBlock: '2001:db8::/32', IcmpTypeCode: { Type: 3, Code: 4 } }));
    const assoc = (await defaultAcl(vpc)).Associations?.[0]?.NetworkAclAssociationId ?? '';
    const moved = (await c.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: assoc, NetworkAclId: id }))).NewAssociationId ?? '';
    const def = (await defaultAcl(vpc)).NetworkAclId;
    const find = async (name: string, value: string) =>
      ((await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: name, Values: [value] }] }))).NetworkAcls ?? []).map((a) => a.NetworkAclId).sort();
    expect(await find('association.association-id', moved)).toEqual([id]);
    expect(await find('association.subnet-id', subnet)).toEqual([id]);
    expect(await find('association.network-acl-id', id)).toEqual([id]);
    expect(await find('default', 'true')).toEqual([def]);
    expect(await find('default', 'false')).toEqual([id]);
    expect(await find('entry.cidr', '10.9.0.0/16')).toEqual([id]);
    expect(await find('entry.ipv6-cidr', '2001:db8::/32')).toEqual([id]);
    expect(await find('entry.port-range.from', '80')).toEqual([id]);
    expect(await find('entry.port-range.to', '81')).toEqual([id]);
    expect(await find('entry.icmp.type', '3')).toEqual([id]);
    expect(await find('entry.icmp.code', '4')).toEqual([id]);
    expect(await find('entry.protocol', '6')).toEqual([id]);
    expect(await find('entry.rule-action', 'allow')).toEqual([def, id].sort());
    expect(await find('entry.rule-number', '10')).toEqual([id]);
    expect(await find('entry.egress', 'true')).toEqual([def, id].sort());
    expect(await find('network-acl-id', id)).toEqual([id]);
    expect(await find('owner-id', ACCOUNT)).toEqual([def, id].sort());
    expect(await find('tag:role', 'edge')).toEqual([id]);
    expect(await find('tag-key', 'role')).toEqual([id]);
    expectEc2Error(await failure(c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'colour' is invalid");
    expectEc2Error(await failure(ec2(server.url, OTHER).send(new DescribeNetworkAclsCommand({ NetworkAclIds: [id] }))), 'InvalidNetworkAclID.NotFound', `The networkAcl ID '${id}' does not exist`);
  });
});
