// Network interfaces through the AWS SDK for JavaScript v3: create (allocated and given addresses,
// AWS's five reserved ones, the pool shared with NAT gateways), every field a read shows, filters
// and pages, attributes, secondary IPv4 and IPv6 addresses, Elastic IPs on an interface, the
// dependency checks of subnets, VPCs and security groups, errors, DryRun and another account.
import {
  AssignIpv6AddressesCommand,
  AssignPrivateIpAddressesCommand,
  AssociateAddressCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DeleteNetworkInterfaceCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfaceAttributeCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DisassociateAddressCommand,
  ModifyNetworkInterfaceAttributeCommand,
  UnassignIpv6AddressesCommand,
  UnassignPrivateIpAddressesCommand,
  waitUntilNetworkInterfaceAvailable,
} from '@aws-sdk/client-ec2';
import type { CreateNetworkInterfaceCommandInput, EC2Client, Filter, NetworkInterface } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { allocate } from './address-helpers.js';
import { ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

const A = '111111111111';
const B = '222222222222';
const ENI_ID = /^eni-[0-9a-f]{17}$/;
const MISSING = 'eni-0123456789abcdef0';

let server: RunningServer;
let a: EC2Client;
let b: EC2Client;
let vpcId = '';
let subnetId = '';
let defaultGroup = '';

beforeAll(async () => {
  server = await startServer({ inMemory: true });
  a = ec2(server.url, A);
  b = ec2(server.url, B);
  vpcId = await newVpc(a, '10.8.0.0/16');
  subnetId = (await a.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.8.0.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet?.SubnetId ?? '';
  const groups = await a.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }));
  defaultGroup = groups.SecurityGroups?.[0]?.GroupId ?? '';
});

afterAll(async () => {
  await server?.stop();
});

async function create(client: EC2Client, input: CreateNetworkInterfaceCommandInput): Promise<NetworkInterface & { NetworkInterfaceId: string }> {
  const r = await client.send(new CreateNetworkInterfaceCommand(input));
  const id = r.NetworkInterface?.NetworkInterfaceId;
  if (!id) throw new Error('CreateNetworkInterface returned no id');
  return { ...r.NetworkInterface, NetworkInterfaceId: id };
}

async function describeEni(client: EC2Client, id: string): Promise<NetworkInterface> {
  const r = await client.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }));
  expect(r.NetworkInterfaces?.map((n) => n.NetworkInterfaceId)).toEqual([id]);
  return r.NetworkInterfaces?.[0] as NetworkInterface;
}

async function eniIds(client: EC2Client, filters: Filter[]): Promise<string[]> {
  const r = await client.send(new DescribeNetworkInterfacesCommand({ Filters: filters }));
  return (r.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId ?? '').sort();
}

async function available(id: string): Promise<number> {
  const r = await a.send(new DescribeSubnetsCommand({ SubnetIds: [id] }));
  return r.Subnets?.[0]?.AvailableIpAddressCount ?? -1;
}

describe('creating an interface', () => {
  let first: NetworkInterface & { NetworkInterfaceId: string };

  it('takes the lowest free address after the four reserved, the default group, and is available at once', async () => {
    expect(await available(subnetId)).toBe(251);
    first = await create(a, { SubnetId: subnetId, Description: 'first', TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'one' }] }] });
    expect(first.NetworkInterfaceId).toMatch(ENI_ID);
    expect(first).toMatchObject({
      SubnetId: subnetId,
      VpcId: vpcId,
      AvailabilityZone: 'us-east-1a',
      Description: 'first',
      PrivateIpAddress: '10.8.0.4',
      PrivateDnsName: 'ip-10-8-0-4.ec2.internal',
      PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: '10.8.0.4', PrivateDnsName: 'ip-10-8-0-4.ec2.internal' }],
      Groups: [{ GroupId: defaultGroup, GroupName: 'default' }],
      InterfaceType: 'interface',
      OwnerId: A,
      RequesterManaged: false,
      SourceDestCheck: true,
      Status: 'available',
      Ipv6Addresses: [],
      TagSet: [{ Key: 'Name', Value: 'one' }],
    });
    expect(first.MacAddress).toMatch(/^02(:[0-9a-f]{2}){5}$/);
    expect(first.Attachment).toBeUndefined();
    const read = await describeEni(a, first.NetworkInterfaceId);
    expect(read).toEqual(first);
    expect(await available(subnetId)).toBe(250);
    const waited = await waitUntilNetworkInterfaceAvailable({ client: a, maxWaitTime: 30 }, { NetworkInterfaceIds: [first.NetworkInterfaceId] });
    expect(waited.state).toBe('SUCCESS');
  });

  it('keeps a given address and secondary addresses, and names the region in DNS names outside us-east-1', async () => {
    const eni = await create(a, { SubnetId: subnetId, PrivateIpAddress: '10.8.0.100', SecondaryPrivateIpAddressCount: 2 });
    expect(eni.PrivateIpAddresses?.map((p) => [p.PrivateIpAddress, p.Primary])).toEqual([
      ['10.8.0.100', true],
      ['10.8.0.5', false],
      ['10.8.0.6', false],
    ]);
    const listed = await create(a, { SubnetId: subnetId, PrivateIpAddresses: [{ PrivateIpAddress: '10.8.0.21' }, { PrivateIpAddress: '10.8.0.20', Primary: true }] });
    expect(listed.PrivateIpAddress).toBe('10.8.0.20');
    expect(listed.PrivateIpAddresses?.map((p) => p.PrivateIpAddress)).toEqual(['10.8.0.20', '10.8.0.21']);

    const west = ec2(server.url, A, 'eu-west-1');
    const wv = await newVpc(west, '10.9.0.0/16');
    const ws = (await west.send(new CreateSubnetCommand({ VpcId: wv, CidrBlock: '10.9.1.0/24' }))).Subnet?.SubnetId ?? '';
    const w = await create(west, { SubnetId: ws });
    expect(w.PrivateDnsName).toBe('ip-10-9-1-4.eu-west-1.compute.internal');
  });

  it('refuses reserved, outside, malformed and taken addresses with AWS codes, changing nothing', async () => {
    const before = await available(subnetId);
    for (const ip of ['10.8.0.0', '10.8.0.1', '10.8.0.3', '10.8.0.255']) {
      expectEc2Error(await failure(create(a, { SubnetId: subnetId, PrivateIpAddress: ip })), 'InvalidParameterValue', `Address ${ip} is in subnet's reserved address range.`);
    }
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, PrivateIpAddress: '10.8.1.7' })), 'InvalidParameterValue', /does not fall within the subnet's address range/);
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, PrivateIpAddress: '10.8.0.x' })), 'InvalidParameterValue', 'invalid value for parameter address: 10.8.0.x');
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, PrivateIpAddress: '10.8.0.4' })), 'InvalidIPAddress.InUse', 'The specified address is already in use.');
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, SecondaryPrivateIpAddressCount: 100000 })), 'InvalidParameterValue', /at most 50 private IP addresses/);
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, Ipv6AddressCount: 100000 })), 'InvalidParameterValue', /at most 50 IPv6 addresses/);
    expect(await available(subnetId)).toBe(before);
  });

  it('takes security groups of its VPC only, at most five', async () => {
    const sg = (await a.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web', VpcId: vpcId }))).GroupId ?? '';
    const eni = await create(a, { SubnetId: subnetId, Groups: [sg] });
    expect(eni.Groups).toEqual([{ GroupId: sg, GroupName: 'web' }]);
    const other = await newVpc(a, '10.10.0.0/16');
    const foreign = (await a.send(new CreateSecurityGroupCommand({ GroupName: 'x', Description: 'x', VpcId: other }))).GroupId ?? '';
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, Groups: [foreign] })), 'InvalidGroup.NotFound', `The security group '${foreign}' does not exist in VPC '${vpcId}'`);
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, Groups: ['sg-0123456789abcdef0'] })), 'InvalidGroup.NotFound', /sg-0123456789abcdef0/);
    const six = [];
    for (let i = 0; i < 6; i++) six.push((await a.send(new CreateSecurityGroupCommand({ GroupName: `g${i}`, Description: 'g', VpcId: vpcId }))).GroupId ?? '');
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, Groups: six })), 'SecurityGroupsPerInterfaceLimitExceeded', /\(5\)/);
    // A group an interface uses cannot be deleted.
    expectEc2Error(await failure(a.send(new DeleteSecurityGroupCommand({ GroupId: sg }))), 'DependencyViolation', `resource ${sg} has a dependent object`);
  });

  it('repeats the answer for a ClientToken used again, and refuses it with other parameters', async () => {
    const one = await create(a, { SubnetId: subnetId, ClientToken: 'tok-1', Description: 'idem' });
    const two = await create(a, { SubnetId: subnetId, ClientToken: 'tok-1', Description: 'idem' });
    expect(two.NetworkInterfaceId).toBe(one.NetworkInterfaceId);
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, ClientToken: 'tok-1', Description: 'other' })), 'IdempotentParameterMismatch', /tok-1/);
  });

  it('answers DryRun without making anything, and refuses unknown subnets', async () => {
    const count = (await a.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces?.length;
    expectEc2Error(await failure(create(a, { SubnetId: subnetId, DryRun: true })), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect((await a.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces?.length).toBe(count);
    expectEc2Error(await failure(create(a, { SubnetId: 'subnet-0123456789abcdef0' })), 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0123456789abcdef0' does not exist");
  });
});

describe('addresses shared with NAT gateways', () => {
  it('a NAT gateway skips interface addresses and an interface skips the NAT gateway\'s; both count against the subnet', async () => {
    const v = await newVpc(a, '10.20.0.0/16');
    const s = (await a.send(new CreateSubnetCommand({ VpcId: v, CidrBlock: '10.20.0.0/28', AvailabilityZone: 'us-east-1a' }))).Subnet?.SubnetId ?? '';
    expect(await available(s)).toBe(11);
    const e1 = await create(a, { SubnetId: s });
    expect(e1.PrivateIpAddress).toBe('10.20.0.4');
    const nat = await a.send(new CreateNatGatewayCommand({ SubnetId: s, ConnectivityType: 'private' }));
    const natId = nat.NatGateway?.NatGatewayId ?? '';
    const natRead = await a.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [natId] }));
    expect(natRead.NatGateways?.[0]?.NatGatewayAddresses?.[0]?.PrivateIp).toBe('10.20.0.5');
    expectEc2Error(await failure(create(a, { SubnetId: s, PrivateIpAddress: '10.20.0.5' })), 'InvalidIPAddress.InUse', 'The specified address is already in use.');
    expect((await create(a, { SubnetId: s })).PrivateIpAddress).toBe('10.20.0.6');
    expect(await available(s)).toBe(8);
    const filtered = await a.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'available-ip-address-count', Values: ['8'] }] }));
    expect(filtered.Subnets?.map((x) => x.SubnetId)).toContain(s);
    // Fill the subnet: 8 left, then one too many.
    await create(a, { SubnetId: s, SecondaryPrivateIpAddressCount: 7 });
    expect(await available(s)).toBe(0);
    expectEc2Error(await failure(create(a, { SubnetId: s })), 'InsufficientFreeAddressesInSubnet', /^The specified subnet does not have enough free addresses to satisfy the request\.$/);
  });
});

describe('reading interfaces', () => {
  it('filters by every documented field it holds', async () => {
    const v = await newVpc(a, '10.30.0.0/16');
    const s1 = (await a.send(new CreateSubnetCommand({ VpcId: v, CidrBlock: '10.30.1.0/24', AvailabilityZone: 'us-east-1b' }))).Subnet?.SubnetId ?? '';
    const s2 = (await a.send(new CreateSubnetCommand({ VpcId: v, CidrBlock: '10.30.2.0/24', AvailabilityZone: 'us-east-1c' }))).Subnet?.SubnetId ?? '';
    const sg = (await a.send(new CreateSecurityGroupCommand({ GroupName: 'f', Description: 'f', VpcId: v }))).GroupId ?? '';
    const x = await create(a, { SubnetId: s1, Description: 'alpha', TagSpecifications: [{ ResourceType: 'network-interface', Tags: [{ Key: 'role', Value: 'x' }] }] });
    const y = await create(a, { SubnetId: s2, Description: 'beta', Groups: [sg], SecondaryPrivateIpAddressCount: 1 });
    await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: y.NetworkInterfaceId, SourceDestCheck: { Value: false } }));
    const both = [x.NetworkInterfaceId, y.NetworkInterfaceId].sort();
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }])).toEqual(both);
    expect(await eniIds(a, [{ Name: 'subnet-id', Values: [s1] }])).toEqual([x.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'group-id', Values: [sg] }])).toEqual([y.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'private-ip-address', Values: ['10.30.2.4'] }])).toEqual([y.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'addresses.private-ip-address', Values: ['10.30.2.5'] }])).toEqual([y.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'private-ip-address', Values: ['10.30.2.5'] }])).toEqual([]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'description', Values: ['al*'] }])).toEqual([x.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'availability-zone', Values: ['us-east-1c'] }])).toEqual([y.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'source-dest-check', Values: ['false'] }])).toEqual([y.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'status', Values: ['available'] }])).toEqual(both);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'status', Values: ['in-use'] }])).toEqual([]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'owner-id', Values: [A] }])).toEqual(both);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'interface-type', Values: ['interface'] }])).toEqual(both);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'network-interface-id', Values: [x.NetworkInterfaceId] }])).toEqual([x.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'attachment.instance-id', Values: ['i-0123456789abcdef0'] }])).toEqual([]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'attachment.attachment-id', Values: ['eni-attach-0123456789abcdef0'] }])).toEqual([]);
    expect(await eniIds(a, [{ Name: 'tag:role', Values: ['x'] }])).toEqual([x.NetworkInterfaceId]);
    expect(await eniIds(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'tag-key', Values: ['role'] }])).toEqual([x.NetworkInterfaceId]);
    expectEc2Error(await failure(a.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'no-such', Values: ['1'] }] }))), 'InvalidParameterValue', "The filter 'no-such' is invalid");
  });

  it('pages with MaxResults 5 to 1000 and refuses unknown and malformed ids', async () => {
    const all = (await a.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces?.map((n) => n.NetworkInterfaceId) ?? [];
    expect(all.length).toBeGreaterThanOrEqual(10);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const r = await a.send(new DescribeNetworkInterfacesCommand({ MaxResults: 5, NextToken: token }));
      expect((r.NetworkInterfaces ?? []).length).toBeLessThanOrEqual(5);
      seen.push(...(r.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId ?? ''));
      token = r.NextToken;
    } while (token);
    expect(seen.sort()).toEqual([...all].sort());
    expectEc2Error(await failure(a.send(new DescribeNetworkInterfacesCommand({ MaxResults: 4 }))), 'InvalidParameterValue', /maxResults/);
    expectEc2Error(await failure(a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [MISSING] }))), 'InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${MISSING}' does not exist`);
    expectEc2Error(await failure(a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: ['eni-nope'] }))), 'InvalidNetworkInterfaceID.Malformed', 'Invalid id: "eni-nope"');
  });

  it('another account sees none of them and cannot touch them', async () => {
    const mine = await create(a, { SubnetId: subnetId });
    expect((await b.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces).toEqual([]);
    const id = mine.NetworkInterfaceId;
    expectEc2Error(await failure(b.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [id] }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(id));
    expectEc2Error(await failure(b.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(id));
    expectEc2Error(await failure(b.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Description: { Value: 'x' } }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(id));
    expectEc2Error(await failure(b.send(new DescribeNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Attribute: 'description' }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(id));
    expectEc2Error(await failure(b.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, SecondaryPrivateIpAddressCount: 1 }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(id));
    expectEc2Error(await failure(b.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId }))), 'InvalidSubnetID.NotFound', new RegExp(subnetId));
  });
});

describe('attributes and addresses of an interface', () => {
  let id = '';
  let sg = '';

  beforeAll(async () => {
    id = (await create(a, { SubnetId: subnetId, Description: 'attrs' })).NetworkInterfaceId;
    sg = (await a.send(new CreateSecurityGroupCommand({ GroupName: 'attrs', Description: 'a', VpcId: vpcId }))).GroupId ?? '';
  });

  it('modifies description, source/dest check and groups, each read back by DescribeNetworkInterfaceAttribute', async () => {
    await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Description: { Value: 'changed' } }));
    await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, SourceDestCheck: { Value: false } }));
    await a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Groups: [sg, defaultGroup] }));
    const attr = (attribute: 'description' | 'groupSet' | 'sourceDestCheck' | 'attachment') =>
      a.send(new DescribeNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Attribute: attribute }));
    const d = await attr('description');
    expect(d.Description).toEqual({ Value: 'changed' });
    expect(d.Groups).toBeUndefined();
    expect((await attr('sourceDestCheck')).SourceDestCheck).toEqual({ Value: false });
    expect((await attr('groupSet')).Groups).toEqual([{ GroupId: sg, GroupName: 'attrs' }, { GroupId: defaultGroup, GroupName: 'default' }]);
    expect((await attr('attachment')).Attachment).toBeUndefined();
    const read = await describeEni(a, id);
    expect(read).toMatchObject({ Description: 'changed', SourceDestCheck: false });
    expectEc2Error(
      await failure(a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Attachment: { AttachmentId: 'eni-attach-0123456789abcdef0', DeleteOnTermination: false } }))),
      'InvalidAttachmentID.NotFound',
      /eni-attach-0123456789abcdef0/,
    );
    expectEc2Error(await failure(a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Groups: ['sg-0123456789abcdef0'] }))), 'InvalidGroup.NotFound', /sg-0123456789abcdef0/);
    expectEc2Error(await failure(a.send(new ModifyNetworkInterfaceAttributeCommand({ NetworkInterfaceId: id, Description: { Value: 'dry' }, DryRun: true }))), 'DryRunOperation', /DryRun/, 412);
    expect((await attr('description')).Description).toEqual({ Value: 'changed' });
  });

  it('assigns and unassigns secondary private addresses', async () => {
    const primary = (await describeEni(a, id)).PrivateIpAddress ?? '';
    const r = await a.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, SecondaryPrivateIpAddressCount: 2 }));
    const got = r.AssignedPrivateIpAddresses?.map((x) => x.PrivateIpAddress ?? '') ?? [];
    expect(got).toHaveLength(2);
    await a.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, PrivateIpAddresses: ['10.8.0.200'] }));
    expect((await describeEni(a, id)).PrivateIpAddresses?.map((p) => p.PrivateIpAddress)).toEqual([primary, ...got, '10.8.0.200']);
    expectEc2Error(await failure(a.send(new AssignPrivateIpAddressesCommand({ NetworkInterfaceId: id, PrivateIpAddresses: ['10.8.0.200'] }))), 'InvalidIPAddress.InUse', 'The specified address is already in use.');
    await a.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: id, PrivateIpAddresses: ['10.8.0.200', ...got] }));
    expect((await describeEni(a, id)).PrivateIpAddresses?.map((p) => p.PrivateIpAddress)).toEqual([primary]);
    expectEc2Error(await failure(a.send(new UnassignPrivateIpAddressesCommand({ NetworkInterfaceId: id, PrivateIpAddresses: [primary] }))), 'InvalidParameterValue', /primary/);
  });

  it('takes IPv6 addresses only where the subnet has an IPv6 block', async () => {
    expectEc2Error(await failure(a.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: id, Ipv6AddressCount: 1 }))), 'InvalidParameterValue', /no IPv6 CIDR block/);
    const v = await a.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
    expect(v.Vpcs?.[0]?.Ipv6CidrBlockAssociationSet ?? []).toEqual([]);
    const assoc = await a.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, AmazonProvidedIpv6CidrBlock: true }));
    const block = assoc.Ipv6CidrBlockAssociation?.Ipv6CidrBlock ?? '';
    const sub64 = block.replace('::/56', '::/64');
    const s6 = (await a.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.8.6.0/24', Ipv6CidrBlock: sub64 }))).Subnet?.SubnetId ?? '';
    const e6 = await create(a, { SubnetId: s6, Ipv6AddressCount: 2 });
    expect(e6.Ipv6Addresses?.length).toBe(2);
    const r = await a.send(new AssignIpv6AddressesCommand({ NetworkInterfaceId: e6.NetworkInterfaceId, Ipv6AddressCount: 1 }));
    expect(r.AssignedIpv6Addresses).toHaveLength(1);
    const all = (await describeEni(a, e6.NetworkInterfaceId)).Ipv6Addresses?.map((x) => x.Ipv6Address ?? '') ?? [];
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(3);
    const u = await a.send(new UnassignIpv6AddressesCommand({ NetworkInterfaceId: e6.NetworkInterfaceId, Ipv6Addresses: [all[0] ?? ''] }));
    expect(u.UnassignedIpv6Addresses).toEqual([all[0]]);
    expect(await eniIds(a, [{ Name: 'ipv6-addresses.ipv6-address', Values: [all[1] ?? ''] }])).toEqual([e6.NetworkInterfaceId]);
    expectEc2Error(await failure(create(a, { SubnetId: s6, Ipv6Addresses: [{ Ipv6Address: all[1] }] })), 'InvalidIPAddress.InUse', 'The specified address is already in use.');
  });

  it('holds an Elastic IP on its address once the VPC has an internet gateway, shown on both sides', async () => {
    const eip = await allocate(a);
    expectEc2Error(await failure(a.send(new AssociateAddressCommand({ AllocationId: eip.id, NetworkInterfaceId: id }))), 'Gateway.NotAttached', `Network ${vpcId} is not attached to any internet gateway`);
    const igw = (await a.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? '';
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
    const r = await a.send(new AssociateAddressCommand({ AllocationId: eip.id, NetworkInterfaceId: id }));
    expect(r.AssociationId).toMatch(/^eipassoc-[0-9a-f]{17}$/);
    const eni = await describeEni(a, id);
    expect(eni.Association).toMatchObject({ PublicIp: eip.ip, AllocationId: eip.id, AssociationId: r.AssociationId, IpOwnerId: A });
    expect(eni.PrivateIpAddresses?.[0]?.Association?.PublicIp).toBe(eip.ip);
    const addr = (await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0];
    expect(addr).toMatchObject({ NetworkInterfaceId: id, PrivateIpAddress: eni.PrivateIpAddress, NetworkInterfaceOwnerId: A, AssociationId: r.AssociationId });
    expect(await eniIds(a, [{ Name: 'association.public-ip', Values: [eip.ip] }])).toEqual([id]);
    // Another interface cannot take it without AllowReassociation.
    const other = await create(a, { SubnetId: subnetId });
    expectEc2Error(await failure(a.send(new AssociateAddressCommand({ AllocationId: eip.id, NetworkInterfaceId: other.NetworkInterfaceId }))), 'Resource.AlreadyAssociated', new RegExp(eip.id));
    await a.send(new DisassociateAddressCommand({ AssociationId: r.AssociationId }));
    expect((await describeEni(a, id)).Association).toBeUndefined();
    // Deleting an interface lets its Elastic IP go.
    const again = await a.send(new AssociateAddressCommand({ AllocationId: eip.id, NetworkInterfaceId: other.NetworkInterfaceId }));
    expect(again.AssociationId).toBeDefined();
    await a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: other.NetworkInterfaceId }));
    expect((await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0]?.AssociationId).toBeUndefined();
    expectEc2Error(await failure(a.send(new AssociateAddressCommand({ AllocationId: eip.id, NetworkInterfaceId: MISSING }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(MISSING));
  });
});

describe('deleting', () => {
  it('an interface blocks its subnet, its VPC and its groups until deleted', async () => {
    const v = await newVpc(a, '10.40.0.0/16');
    const s = (await a.send(new CreateSubnetCommand({ VpcId: v, CidrBlock: '10.40.0.0/24' }))).Subnet?.SubnetId ?? '';
    const eni = await create(a, { SubnetId: s });
    expectEc2Error(await failure(a.send(new DeleteSubnetCommand({ SubnetId: s }))), 'DependencyViolation', `The subnet '${s}' has dependencies and cannot be deleted.`);
    expectEc2Error(await failure(a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId, DryRun: true }))), 'DryRunOperation', /DryRun/, 412);
    await a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId }));
    expectEc2Error(await failure(a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni.NetworkInterfaceId }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(eni.NetworkInterfaceId));
    const eni2 = await create(a, { SubnetId: s });
    expectEc2Error(await failure(a.send(new DeleteVpcCommand({ VpcId: v }))), 'DependencyViolation', `The vpc '${v}' has dependencies and cannot be deleted.`);
    await a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni2.NetworkInterfaceId }));
    await a.send(new DeleteSubnetCommand({ SubnetId: s }));
    await a.send(new DeleteVpcCommand({ VpcId: v }));
  });
});
