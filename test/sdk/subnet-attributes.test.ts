// Subnet attributes (ModifySubnetAttribute), the subnet's IPv6 block (Associate/Disassociate
// SubnetCidrBlock), DescribeSubnets' fields and filters, and DeleteSubnet while a NAT gateway is
// in the subnet. The three subnet calls take no DryRun in the EC2 model (the SDK sends none), so
// DryRun is covered here through CreateSubnet and DeleteSubnet. Expectations: the EC2 API
// reference and the observed errors cited in src/core/subnet-errors.ts.
import {
  AssociateSubnetCidrBlockCommand,
  AssociateVpcCidrBlockCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSubnetCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DisassociateSubnetCidrBlockCommand,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client, Filter, ModifySubnetAttributeCommandInput, Subnet } from '@aws-sdk/client-ec2';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatGateway } from '../../src/core/nat-gateways/nat-gateway.js';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { ec2, expectEc2Error, failure, UUID } from './sdk-helpers.js';

const ASSOC = /^subnet-cidr-assoc-[0-9a-f]{17}$/;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ inMemory: true });
});
afterAll(async () => {
  await server?.stop();
});

/** A VPC, with Amazon's IPv6 block when asked; returns its id and that block. */
async function vpcWith(c: EC2Client, cidr: string, ipv6 = false): Promise<{ vpcId: string; ipv6Block: string }> {
  const vpcId = (await c.send(new CreateVpcCommand({ CidrBlock: cidr, AmazonProvidedIpv6CidrBlock: ipv6 }))).Vpc?.VpcId as string;
  const ipv6Block = (await c.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0]?.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock ?? '';
  return { vpcId, ipv6Block };
}

/** The n-th /64 of a VPC's /56 (`2600:1f18:aa00:1200::/56`, 1 -> `2600:1f18:aa00:1201::/64`). */
function slash64(block56: string, n: number): string {
  const [prefix] = block56.split('::/');
  const groups = (prefix as string).split(':');
  const last = parseInt(groups[3] as string, 16) + n;
  return `${groups.slice(0, 3).join(':')}:${last.toString(16)}::/64`;
}

async function newSubnet(c: EC2Client, vpcId: string, cidr: string, ipv6?: string, zone = 'us-east-1a'): Promise<string> {
  const r = await c.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, Ipv6CidrBlock: ipv6, AvailabilityZone: zone }));
  return r.Subnet?.SubnetId as string;
}

async function subnet(c: EC2Client, id: string): Promise<Subnet> {
  const r = await c.send(new DescribeSubnetsCommand({ SubnetIds: [id] }));
  expect(r.Subnets).toHaveLength(1);
  return r.Subnets?.[0] as Subnet;
}

async function ids(c: EC2Client, filters: Filter[]): Promise<string[]> {
  return ((await c.send(new DescribeSubnetsCommand({ Filters: filters }))).Subnets ?? []).map((s) => s.SubnetId as string).sort();
}

const modify = (c: EC2Client, input: ModifySubnetAttributeCommandInput) => c.send(new ModifySubnetAttributeCommand(input));

describe('DescribeSubnets', () => {
  it('shows every field AWS shows for a subnet in a Region, with the values of a new subnet', async () => {
    const c = ec2(server.url, '410000000001');
    const { vpcId } = await vpcWith(c, '10.0.0.0/16');
    const id = await newSubnet(c, vpcId, '10.0.1.0/24');
    expect(await subnet(c, id)).toEqual({
      AvailabilityZone: 'us-east-1a',
      AvailabilityZoneId: expect.stringMatching(/^use1-az\d$/),
      AvailableIpAddressCount: 251,
      CidrBlock: '10.0.1.0/24',
      DefaultForAz: false,
      MapPublicIpOnLaunch: false,
      MapCustomerOwnedIpOnLaunch: false,
      State: 'available',
      SubnetId: id,
      VpcId: vpcId,
      OwnerId: '410000000001',
      AssignIpv6AddressOnCreation: false,
      Ipv6CidrBlockAssociationSet: [],
      Tags: [],
      SubnetArn: `arn:aws:ec2:us-east-1:410000000001:subnet/${id}`,
      EnableDns64: false,
      Ipv6Native: false,
      PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
      BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    });
  });

  it('finds subnets by the documented filters and the older names clients still send', async () => {
    const c = ec2(server.url, '410000000002');
    const { vpcId, ipv6Block } = await vpcWith(c, '10.1.0.0/16', true);
    const plain = await newSubnet(c, vpcId, '10.1.1.0/24', undefined, 'us-east-1b');
    const v6 = await newSubnet(c, vpcId, '10.1.2.0/24', slash64(ipv6Block, 1), 'us-east-1c');
    await modify(c, { SubnetId: v6, EnableDns64: { Value: true } });
    await modify(c, { SubnetId: plain, PrivateDnsHostnameTypeOnLaunch: 'resource-name' });
    await modify(c, { SubnetId: plain, EnableResourceNameDnsARecordOnLaunch: { Value: true } });
    await modify(c, { SubnetId: plain, MapPublicIpOnLaunch: { Value: true } });
    const inVpc = { Name: 'vpc-id', Values: [vpcId] };
    const zoneId = (await subnet(c, plain)).AvailabilityZoneId as string;
    const cases: [Filter, string[]][] = [
      [{ Name: 'availability-zone', Values: ['us-east-1b'] }, [plain]],
      [{ Name: 'availabilityZone', Values: ['us-east-1b'] }, [plain]],
      [{ Name: 'availability-zone-id', Values: [zoneId] }, [plain]],
      [{ Name: 'availabilityZoneId', Values: [zoneId] }, [plain]],
      [{ Name: 'cidr-block', Values: ['10.1.2.0/24'] }, [v6]],
      [{ Name: 'cidr', Values: ['10.1.2.0/24'] }, [v6]],
      [{ Name: 'cidrBlock', Values: ['10.1.*'] }, [plain, v6].sort()],
      [{ Name: 'default-for-az', Values: ['false'] }, [plain, v6].sort()],
      [{ Name: 'defaultForAz', Values: ['true'] }, []],
      [{ Name: 'available-ip-address-count', Values: ['251'] }, [plain, v6].sort()],
      [{ Name: 'map-public-ip-on-launch', Values: ['true'] }, [plain]],
      [{ Name: 'enable-dns64', Values: ['true'] }, [v6]],
      [{ Name: 'private-dns-name-options-on-launch.hostname-type', Values: ['resource-name'] }, [plain]],
      [{ Name: 'private-dns-name-options-on-launch.enable-resource-name-dns-a-record', Values: ['true'] }, [plain]],
      [{ Name: 'private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record', Values: ['false'] }, [plain, v6].sort()],
      [{ Name: 'ipv6-cidr-block-association.ipv6-cidr-block', Values: [slash64(ipv6Block, 1)] }, [v6]],
      [{ Name: 'ipv6-cidr-block-association.state', Values: ['associated'] }, [v6]],
      [{ Name: 'ipv6-native', Values: ['false'] }, [plain, v6].sort()],
      [{ Name: 'map-customer-owned-ip-on-launch', Values: ['false'] }, [plain, v6].sort()],
      [{ Name: 'outpost-arn', Values: ['*'] }, []],
      [{ Name: 'subnet-arn', Values: [`arn:aws:ec2:us-east-1:410000000002:subnet/${plain}`] }, [plain]],
      [{ Name: 'state', Values: ['available'] }, [plain, v6].sort()],
      [{ Name: 'owner-id', Values: ['410000000002'] }, [plain, v6].sort()],
    ];
    for (const [filter, expected] of cases) {
      expect({ filter: filter.Name, found: await ids(c, [inVpc, filter]) }).toEqual({ filter: filter.Name, found: expected });
    }
    const assoc = (await subnet(c, v6)).Ipv6CidrBlockAssociationSet?.[0]?.AssociationId as string;
    expect(await ids(c, [{ Name: 'ipv6-cidr-block-association.association-id', Values: [assoc] }])).toEqual([v6]);
    expectEc2Error(await failure(c.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'zone', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'zone' is invalid");
  });
});

describe('CreateSubnet', () => {
  it('refuses what is not modelled here (Outposts, IPAM pools, IPv6-only subnets) rather than ignoring it', async () => {
    const c = ec2(server.url, '410000000003');
    const { vpcId, ipv6Block } = await vpcWith(c, '10.6.0.0/16', true);
    const cases: [Partial<ConstructorParameters<typeof CreateSubnetCommand>[0]>, string][] = [
      [{ OutpostArn: 'arn:aws:outposts:us-east-1:410000000003:outpost/op-0123456789abcdef0' }, 'Subnets on an AWS Outpost are not supported here: OutpostArn cannot be used.'],
      [{ Ipv4IpamPoolId: 'ipam-pool-0123456789abcdef0' }, 'Only CidrBlock and Ipv6CidrBlock are supported here: IPAM pools are not.'],
      [{ Ipv6Native: true, Ipv6CidrBlock: slash64(ipv6Block, 1) }, 'IPv6-only subnets (Ipv6Native) are not supported here: a subnet needs a CidrBlock.'],
    ];
    for (const [extra, message] of cases) {
      expectEc2Error(await failure(c.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.6.1.0/24', ...extra }))), 'InvalidParameterValue', message);
    }
    expect(await ids(c, [{ Name: 'vpc-id', Values: [vpcId] }])).toEqual([]);
  });
});

describe('ModifySubnetAttribute', () => {
  const ACCOUNT = '420000000001';
  let c: EC2Client;
  let vpcId = '';
  let ipv6Block = '';
  let plain = '';
  let v6 = '';

  beforeAll(async () => {
    c = ec2(server.url, ACCOUNT);
    ({ vpcId, ipv6Block } = await vpcWith(c, '10.2.0.0/16', true));
    plain = await newSubnet(c, vpcId, '10.2.1.0/24');
    v6 = await newSubnet(c, vpcId, '10.2.2.0/24', slash64(ipv6Block, 2));
  });

  it('sets each attribute, one per call, and DescribeSubnets shows it', async () => {
    const r = await modify(c, { SubnetId: plain, MapPublicIpOnLaunch: { Value: true } });
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.$metadata.requestId).toMatch(UUID);
    await modify(c, { SubnetId: plain, PrivateDnsHostnameTypeOnLaunch: 'resource-name' });
    await modify(c, { SubnetId: plain, EnableResourceNameDnsARecordOnLaunch: { Value: true } });
    let s = await subnet(c, plain);
    expect([s.MapPublicIpOnLaunch, s.PrivateDnsNameOptionsOnLaunch]).toEqual([true, { HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: false }]);
    await modify(c, { SubnetId: v6, AssignIpv6AddressOnCreation: { Value: true } });
    await modify(c, { SubnetId: v6, EnableDns64: { Value: true } });
    await modify(c, { SubnetId: v6, EnableResourceNameDnsAAAARecordOnLaunch: { Value: true } });
    s = await subnet(c, v6);
    expect([s.AssignIpv6AddressOnCreation, s.EnableDns64, s.PrivateDnsNameOptionsOnLaunch?.EnableResourceNameDnsAAAARecord, s.MapPublicIpOnLaunch]).toEqual([true, true, true, false]);
    // And back.
    await modify(c, { SubnetId: plain, MapPublicIpOnLaunch: { Value: false } });
    await modify(c, { SubnetId: plain, PrivateDnsHostnameTypeOnLaunch: 'ip-name' });
    expect([(await subnet(c, plain)).MapPublicIpOnLaunch, (await subnet(c, plain)).PrivateDnsNameOptionsOnLaunch?.HostnameType]).toEqual([false, 'ip-name']);
  });

  it.each([
    ['AssignIpv6AddressOnCreation', 'assign-ipv6-address-on-creation'],
    ['EnableDns64', 'enable-dns64'],
    ['EnableResourceNameDnsAAAARecordOnLaunch', 'enable-resource-name-dns-aaaa-record-on-launch'],
  ])('refuses %s=true on a subnet without an IPv6 block, as AWS words it; false is accepted', async (param, wireName) => {
    const e = await failure(modify(c, { SubnetId: plain, [param]: { Value: true } }));
    expectEc2Error(e, 'InvalidParameterValue', `Invalid value 'true' for ${wireName}. Cannot set ${wireName} to true unless the subnet (${plain}) has an IPv6 CIDR block associated with it.`);
    await modify(c, { SubnetId: plain, [param]: { Value: false } });
    const s = await subnet(c, plain);
    expect([s.AssignIpv6AddressOnCreation, s.EnableDns64, s.PrivateDnsNameOptionsOnLaunch?.EnableResourceNameDnsAAAARecord]).toEqual([false, false, false]);
  });

  it('takes one attribute per call, and at least one', async () => {
    expectEc2Error(
      await failure(modify(c, { SubnetId: plain, MapPublicIpOnLaunch: { Value: true }, EnableDns64: { Value: false } })),
      'InvalidParameterCombination',
      'Fields for multiple attribute types specified: mapPublicIpOnLaunch, enableDns64',
    );
    expectEc2Error(await failure(modify(c, { SubnetId: plain })), 'MissingParameter', /^The request must contain the parameter mapPublicIpOnLaunch, assignIpv6AddressOnCreation, /);
    expect((await subnet(c, plain)).MapPublicIpOnLaunch).toBe(false);
  });

  it('refuses the Outposts attributes clearly: no subnet here is on an Outpost', async () => {
    const outpost = (p: string) => `The parameter ${p} applies only to subnets on an AWS Outpost, and ${plain} is not on one: this server models no Outposts.`;
    expectEc2Error(await failure(modify(c, { SubnetId: plain, MapCustomerOwnedIpOnLaunch: { Value: true }, CustomerOwnedIpv4Pool: 'ipv4pool-coip-0123456789abcdef0' })), 'InvalidParameterValue', outpost('MapCustomerOwnedIpOnLaunch'));
    expectEc2Error(await failure(modify(c, { SubnetId: plain, CustomerOwnedIpv4Pool: 'ipv4pool-coip-0123456789abcdef0' })), 'InvalidParameterValue', outpost('CustomerOwnedIpv4Pool'));
    expectEc2Error(await failure(modify(c, { SubnetId: plain, EnableLniAtDeviceIndex: 1 })), 'InvalidParameterValue', outpost('EnableLniAtDeviceIndex'));
    expectEc2Error(await failure(modify(c, { SubnetId: plain, DisableLniAtDeviceIndex: { Value: true } })), 'InvalidParameterValue', outpost('DisableLniAtDeviceIndex'));
    const s = await subnet(c, plain);
    expect([s.MapCustomerOwnedIpOnLaunch, s.CustomerOwnedIpv4Pool, s.EnableLniAtDeviceIndex]).toEqual([false, undefined, undefined]);
  });

  it('refuses an unknown hostname type, missing, malformed and unknown ids, and another account', async () => {
    const bad = await failure(c.send(new ModifySubnetAttributeCommand({ SubnetId: plain, PrivateDnsHostnameTypeOnLaunch: 'fqdn' as 'ip-name' })));
    expectEc2Error(bad, 'InvalidParameterValue', 'Value (fqdn) for parameter PrivateDnsHostnameTypeOnLaunch is invalid. Valid values are: ip-name, resource-name.');
    expectEc2Error(await failure(modify(c, { SubnetId: 'subnet-zz', MapPublicIpOnLaunch: { Value: true } })), 'InvalidSubnetID.Malformed', 'Invalid id: "subnet-zz"');
    expectEc2Error(
      await failure(modify(c, { SubnetId: 'subnet-0123456789abcdef0', MapPublicIpOnLaunch: { Value: true } })),
      'InvalidSubnetID.NotFound',
      "The subnet ID 'subnet-0123456789abcdef0' does not exist",
    );
    const other = ec2(server.url, '420000000002');
    expectEc2Error(await failure(modify(other, { SubnetId: plain, MapPublicIpOnLaunch: { Value: true } })), 'InvalidSubnetID.NotFound', `The subnet ID '${plain}' does not exist`);
    expect((await subnet(c, plain)).MapPublicIpOnLaunch).toBe(false);
  });

  it('DryRun of CreateSubnet and DeleteSubnet answers 412 DryRunOperation and changes nothing', async () => {
    const dry = 'Request would have succeeded, but DryRun flag is set.';
    const before = await ids(c, [{ Name: 'vpc-id', Values: [vpcId] }]);
    expectEc2Error(await failure(c.send(new CreateSubnetCommand({ DryRun: true, VpcId: vpcId, CidrBlock: '10.2.9.0/24' }))), 'DryRunOperation', dry, 412);
    expectEc2Error(await failure(c.send(new DeleteSubnetCommand({ DryRun: true, SubnetId: plain }))), 'DryRunOperation', dry, 412);
    expect(await ids(c, [{ Name: 'vpc-id', Values: [vpcId] }])).toEqual(before);
  });
});

describe('AssociateSubnetCidrBlock and DisassociateSubnetCidrBlock', () => {
  const ACCOUNT = '430000000001';
  let c: EC2Client;
  let vpcId = '';
  let ipv6Block = '';
  let a = '';
  let b = '';

  beforeAll(async () => {
    c = ec2(server.url, ACCOUNT);
    ({ vpcId, ipv6Block } = await vpcWith(c, '10.3.0.0/16', true));
    a = await newSubnet(c, vpcId, '10.3.1.0/24');
    b = await newSubnet(c, vpcId, '10.3.2.0/24', slash64(ipv6Block, 2));
  });

  it('associates a /64 of the VPC block: answered associating, read back associated', async () => {
    const block = slash64(ipv6Block, 1);
    const r = await c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: a, Ipv6CidrBlock: block }));
    expect(r.SubnetId).toBe(a);
    expect(r.Ipv6CidrBlockAssociation).toEqual({ AssociationId: expect.stringMatching(ASSOC), Ipv6CidrBlock: block, Ipv6CidrBlockState: { State: 'associating' } });
    expect((await subnet(c, a)).Ipv6CidrBlockAssociationSet).toEqual([
      { AssociationId: r.Ipv6CidrBlockAssociation?.AssociationId, Ipv6CidrBlock: block, Ipv6CidrBlockState: { State: 'associated' }, Ipv6AddressAttribute: 'public', IpSource: 'amazon' },
    ]);
    expectEc2Error(
      await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: a, Ipv6CidrBlock: slash64(ipv6Block, 3) }))),
      'InvalidParameterValue',
      `The subnet ${a} already has the IPv6 CIDR block ${block} associated with it. A subnet can have only one IPv6 CIDR block.`,
    );
  });

  it('refuses a block outside the VPC, not a /64, taken by another subnet, malformed, or from an IPAM pool', async () => {
    const c2 = await newSubnet(c, vpcId, '10.3.3.0/24');
    const taken = slash64(ipv6Block, 2);
    expectEc2Error(await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: c2, Ipv6CidrBlock: taken }))), 'InvalidSubnet.Conflict', `The CIDR '${taken}' conflicts with another subnet`);
    expectEc2Error(await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: c2, Ipv6CidrBlock: '2001:db8::/64' }))), 'InvalidSubnet.Range', "The CIDR '2001:db8::/64' is invalid.");
    const wide = ipv6Block.replace('/56', '/60');
    expectEc2Error(await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: c2, Ipv6CidrBlock: wide }))), 'InvalidSubnet.Range', `The CIDR '${wide}' is invalid.`);
    expectEc2Error(await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: c2, Ipv6CidrBlock: 'nope' }))), 'InvalidParameterValue', 'Value (nope) for parameter ipv6CidrBlock is invalid. This is not a valid CIDR block.');
    expectEc2Error(await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: c2 }))), 'MissingParameter', 'The request must contain the parameter ipv6CidrBlock');
    expectEc2Error(
      await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: c2, Ipv6IpamPoolId: 'ipam-pool-0123456789abcdef0', Ipv6NetmaskLength: 64 }))),
      'InvalidParameterValue',
      'Only Ipv6CidrBlock is supported here: IPAM pools (Ipv6IpamPoolId, Ipv6NetmaskLength) are not.',
    );
    const { vpcId: v4only } = await vpcWith(c, '10.4.0.0/16');
    const d = await newSubnet(c, v4only, '10.4.1.0/24');
    expectEc2Error(await failure(c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: d, Ipv6CidrBlock: slash64(ipv6Block, 9) }))), 'InvalidSubnet.Range', `The CIDR '${slash64(ipv6Block, 9)}' is invalid.`);
    expect((await subnet(c, c2)).Ipv6CidrBlockAssociationSet).toEqual([]);
    expect((await subnet(c, d)).Ipv6CidrBlockAssociationSet).toEqual([]);
    const other = ec2(server.url, '430000000002');
    expectEc2Error(await failure(other.send(new AssociateSubnetCidrBlockCommand({ SubnetId: c2, Ipv6CidrBlock: slash64(ipv6Block, 4) }))), 'InvalidSubnetID.NotFound', `The subnet ID '${c2}' does not exist`);
  });

  it('refuses to disassociate while the subnet assigns IPv6 addresses or answers DNS64, then shows the block disassociated', async () => {
    const s = await subnet(c, b);
    const assoc = s.Ipv6CidrBlockAssociationSet?.[0]?.AssociationId as string;
    const block = slash64(ipv6Block, 2);
    await modify(c, { SubnetId: b, AssignIpv6AddressOnCreation: { Value: true } });
    expectEc2Error(
      await failure(c.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: assoc }))),
      'InvalidCidrBlock.InUse',
      `The subnet IPv6 CIDR block with association ID ${assoc} may not be disassociated, because its subnet has assign-ipv6-address-on-creation set to true.`,
    );
    await modify(c, { SubnetId: b, AssignIpv6AddressOnCreation: { Value: false } });
    await modify(c, { SubnetId: b, EnableDns64: { Value: true } });
    expectEc2Error(
      await failure(c.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: assoc }))),
      'InvalidCidrBlock.InUse',
      `The subnet IPv6 CIDR block with association ID ${assoc} may not be disassociated, because its subnet has enable-dns64 set to true.`,
    );
    await modify(c, { SubnetId: b, EnableDns64: { Value: false } });
    const r = await c.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: assoc }));
    expect(r).toMatchObject({ SubnetId: b, Ipv6CidrBlockAssociation: { AssociationId: assoc, Ipv6CidrBlock: block, Ipv6CidrBlockState: { State: 'disassociating' } } });
    expect((await subnet(c, b)).Ipv6CidrBlockAssociationSet).toEqual([
      { AssociationId: assoc, Ipv6CidrBlock: block, Ipv6CidrBlockState: { State: 'disassociated' }, Ipv6AddressAttribute: 'public', IpSource: 'amazon' },
    ]);
    // Ansible's ec2_vpc_subnet waits for exactly this.
    expect(await ids(c, [{ Name: 'ipv6-cidr-block-association.state', Values: ['disassociated'] }, { Name: 'vpc-id', Values: [vpcId] }])).toEqual([b]);
    expectEc2Error(
      await failure(modify(c, { SubnetId: b, AssignIpv6AddressOnCreation: { Value: true } })),
      'InvalidParameterValue',
      `Invalid value 'true' for assign-ipv6-address-on-creation. Cannot set assign-ipv6-address-on-creation to true unless the subnet (${b}) has an IPv6 CIDR block associated with it.`,
    );
    // Once let go the association is gone; the block may be taken again, under a new association.
    expectEc2Error(await failure(c.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: assoc }))), 'InvalidSubnetCidrBlockAssociationID.NotFound', `The subnet CIDR block with association ID '${assoc}' does not exist`);
    const again = await c.send(new AssociateSubnetCidrBlockCommand({ SubnetId: b, Ipv6CidrBlock: block }));
    expect(again.Ipv6CidrBlockAssociation?.AssociationId).not.toBe(assoc);
    expect((await subnet(c, b)).Ipv6CidrBlockAssociationSet?.map((x) => x.Ipv6CidrBlockState?.State)).toEqual(['associated', 'disassociated']);
  });

  it('refuses malformed and unknown association ids, and another account', async () => {
    expectEc2Error(await failure(c.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: 'subnet-cidr-assoc-xyz' }))), 'InvalidSubnetCidrBlockAssociationId.Malformed', 'The subnet CIDR block with association ID subnet-cidr-assoc-xyz is malformed');
    const missing = 'subnet-cidr-assoc-0123456789abcdef0';
    expectEc2Error(await failure(c.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: missing }))), 'InvalidSubnetCidrBlockAssociationID.NotFound', `The subnet CIDR block with association ID '${missing}' does not exist`);
    const live = (await subnet(c, a)).Ipv6CidrBlockAssociationSet?.[0]?.AssociationId as string;
    const other = ec2(server.url, '430000000002');
    expectEc2Error(await failure(other.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: live }))), 'InvalidSubnetCidrBlockAssociationID.NotFound', `The subnet CIDR block with association ID '${live}' does not exist`);
    expect((await subnet(c, a)).Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlockState?.State).toBe('associated');
  });
});

describe('DeleteSubnet and NAT gateways', () => {
  it('refuses while a NAT gateway that is not deleted is in the subnet, and deletes once it is', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vpcpeer-nat-'));
    const account = '440000000001';
    let s = await startServer({ dataDir });
    let c = ec2(s.url, account);
    const { vpcId } = await vpcWith(c, '10.5.0.0/16');
    const withNat = await newSubnet(c, vpcId, '10.5.1.0/24');
    const neighbour = await newSubnet(c, vpcId, '10.5.2.0/24');
    await s.stop();
    // NAT gateways are another family's: put one in the store as it would keep it.
    const nat: NatGateway = { id: 'nat-0123456789abcdef0', accountId: account, region: 'us-east-1', vpcId, subnetId: withNat, connectivityType: 'private', addresses: [], createdAt: Date.now() };
    const putNat = async (n: NatGateway): Promise<void> => {
      const store = await openSqliteStore({ dataDir });
      await store.write((repo) => repo.natGateways.put(n));
      await store.close();
    };
    await putNat(nat);
    s = await startServer({ dataDir });
    try {
      c = ec2(s.url, account);
      expectEc2Error(await failure(c.send(new DeleteSubnetCommand({ SubnetId: withNat }))), 'DependencyViolation', `The subnet '${withNat}' has dependencies and cannot be deleted.`);
      expect((await subnet(c, withNat)).SubnetId).toBe(withNat);
      // A NAT gateway elsewhere in the VPC does not matter.
      await c.send(new DeleteSubnetCommand({ SubnetId: neighbour }));
    } finally {
      await s.stop();
    }
    await putNat({ ...nat, deletedAt: Date.now() });
    s = await startServer({ dataDir });
    try {
      c = ec2(s.url, account);
      await c.send(new DeleteSubnetCommand({ SubnetId: withNat }));
      expect(await ids(c, [{ Name: 'vpc-id', Values: [vpcId] }])).toEqual([]);
    } finally {
      await s.stop();
    }
  }, 90_000);
});
