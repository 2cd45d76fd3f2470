// NAT gateways through the AWS SDK for JavaScript v3: the create answer (`pending`) and every later
// read (`available`/`failed`/`deleted`) field by field, the Elastic IP a public gateway takes and
// gives back, private addresses from the subnet, filters and pages, waiters passing on their first
// poll, errors with AWS's codes, another account's gateway, DryRun, and the hour a deleted or
// failed gateway stays visible (on a clock moved forward, last in this file).
import {
  AssociateAddressCommand,
  CreateNatGatewayCommand,
  CreateSubnetCommand,
  DeleteNatGatewayCommand,
  DescribeAddressesCommand,
  DescribeNatGatewaysCommand,
  DescribeSubnetsCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
  waitUntilNatGatewayAvailable,
  waitUntilNatGatewayDeleted,
} from '@aws-sdk/client-ec2';
import type { CreateNatGatewayCommandInput, EC2Client, Filter, NatGateway } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { advanceClock, startServer } from '../support/start-server.js';
import { allocate } from './address-helpers.js';
import { UUID, ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

const A = '111111111111';
const B = '222222222222';
const NAT_ID = /^nat-[0-9a-f]{17}$/;
const ENI_ID = /^eni-[0-9a-f]{17}$/;
const ASSOC_ID = /^eipassoc-[0-9a-f]{17}$/;
const MISSING_NAT = 'nat-0123456789abcdef0';

let server: RunningServer;
let a: EC2Client;
let b: EC2Client;

beforeAll(async () => {
  server = await startServer({ inMemory: true });
  a = ec2(server.url, A);
  b = ec2(server.url, B);
});

afterAll(async () => {
  await server?.stop();
});

async function create(client: EC2Client, input: CreateNatGatewayCommandInput): Promise<NatGateway> {
  const r = await client.send(new CreateNatGatewayCommand(input));
  if (!r.NatGateway?.NatGatewayId) throw new Error('CreateNatGateway returned no id');
  return r.NatGateway;
}

async function describeNat(client: EC2Client, id: string): Promise<NatGateway> {
  const r = await client.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }));
  expect(r.NatGateways?.map((g) => g.NatGatewayId)).toEqual([id]);
  return r.NatGateways?.[0] as NatGateway;
}

async function natIds(client: EC2Client, filters: Filter[]): Promise<string[]> {
  const r = await client.send(new DescribeNatGatewaysCommand({ Filter: filters }));
  return (r.NatGateways ?? []).map((g) => g.NatGatewayId ?? '').sort();
}

/** The default VPC's subnet in `zone`: the default VPC has an attached internet gateway. */
async function defaultSubnet(client: EC2Client, zone: string): Promise<{ id: string; vpcId: string; cidr: string }> {
  const r = await client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }, { Name: 'availability-zone', Values: [zone] }] }));
  const s = r.Subnets?.[0];
  if (!s?.SubnetId || !s.VpcId || !s.CidrBlock) throw new Error(`no default subnet in ${zone}`);
  return { id: s.SubnetId, vpcId: s.VpcId, cidr: s.CidrBlock };
}

async function newSubnet(client: EC2Client, vpcId: string, cidr: string, zone = 'us-east-1a'): Promise<string> {
  const r = await client.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }));
  return r.Subnet?.SubnetId ?? '';
}

describe('a public NAT gateway and its Elastic IP', () => {
  let subnet: { id: string; vpcId: string; cidr: string };
  let eip: { id: string; ip: string };
  let natId = '';
  let eni = '';
  let associationId = '';
  const firstRequest = (): CreateNatGatewayCommandInput => ({
    SubnetId: subnet.id,
    AllocationId: eip.id,
    ClientToken: 'public-nat-1',
    TagSpecifications: [{ ResourceType: 'natgateway', Tags: [{ Key: 'Name', Value: 'pub' }] }],
  });

  beforeAll(async () => {
    subnet = await defaultSubnet(a, 'us-east-1a');
    eip = await allocate(a);
  });

  it('CreateNatGateway answers pending with only the allocation id, the token echoed', async () => {
    const before = Date.now();
    const r = await a.send(
      new CreateNatGatewayCommand(firstRequest()),
    );
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.$metadata.requestId).toMatch(UUID);
    expect(r.ClientToken).toBe('public-nat-1');
    const g = r.NatGateway as NatGateway;
    natId = g.NatGatewayId ?? '';
    expect(natId).toMatch(NAT_ID);
    expect(g.State).toBe('pending');
    expect(g.SubnetId).toBe(subnet.id);
    expect(g.VpcId).toBe(subnet.vpcId);
    expect(g.ConnectivityType).toBe('public');
    expect(g.NatGatewayAddresses).toEqual([{ AllocationId: eip.id }]);
    expect(g.Tags).toEqual([{ Key: 'Name', Value: 'pub' }]);
    expect(g.CreateTime?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 2000);
    expect(g.DeleteTime).toBeUndefined();
    expect(g.FailureCode).toBeUndefined();
  });

  it('any later read shows it available with its interface, private address and the Elastic IP', async () => {
    const g = await describeNat(a, natId);
    expect(g.State).toBe('available');
    expect(g.SubnetId).toBe(subnet.id);
    expect(g.VpcId).toBe(subnet.vpcId);
    expect(g.ConnectivityType).toBe('public');
    expect(g.Tags).toEqual([{ Key: 'Name', Value: 'pub' }]);
    expect(g.FailureCode).toBeUndefined();
    expect(g.FailureMessage).toBeUndefined();
    expect(g.DeleteTime).toBeUndefined();
    const [addr, ...rest] = g.NatGatewayAddresses ?? [];
    expect(rest).toEqual([]);
    eni = addr?.NetworkInterfaceId ?? '';
    associationId = addr?.AssociationId ?? '';
    expect(eni).toMatch(ENI_ID);
    expect(associationId).toMatch(ASSOC_ID);
    // The first address after the subnet's four reserved ones (172.31.0.0/20: .0-.3).
    expect(addr).toEqual({ AllocationId: eip.id, NetworkInterfaceId: eni, PrivateIp: '172.31.0.4', PublicIp: eip.ip, AssociationId: associationId, IsPrimary: true, Status: 'succeeded' });
  });

  it('the Elastic IP shows the association on the gateway\'s interface', async () => {
    const r = await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }));
    expect(r.Addresses).toEqual([
      {
        AllocationId: eip.id,
        AssociationId: associationId,
        Domain: 'vpc',
        NetworkInterfaceId: eni,
        NetworkInterfaceOwnerId: A,
        PrivateIpAddress: '172.31.0.4',
        PublicIp: eip.ip,
        PublicIpv4Pool: 'amazon',
        NetworkBorderGroup: 'us-east-1',
        Tags: [],
      },
    ]);
    for (const [name, value] of [['association-id', associationId], ['network-interface-id', eni], ['private-ip-address', '172.31.0.4'], ['network-interface-owner-id', A]]) {
      const f = await a.send(new DescribeAddressesCommand({ Filters: [{ Name: name, Values: [value as string] }] }));
      expect(f.Addresses?.map((x) => x.AllocationId)).toEqual([eip.id]);
    }
  });

  it('the gateway\'s association cannot be taken away: AuthFailure, as AWS answers', async () => {
    const message = 'You do not have permission to access the specified resource.';
    expectEc2Error(await failure(a.send(new DisassociateAddressCommand({ AssociationId: associationId }))), 'AuthFailure', message);
    expectEc2Error(await failure(a.send(new DisassociateAddressCommand({ PublicIp: eip.ip }))), 'AuthFailure', message);
    expectEc2Error(await failure(a.send(new ReleaseAddressCommand({ AllocationId: eip.id }))), 'AuthFailure', message);
    expectEc2Error(await failure(a.send(new AssociateAddressCommand({ AllocationId: eip.id, NetworkInterfaceId: eni }))), 'AuthFailure', message);
    const still = await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }));
    expect(still.Addresses?.[0]?.AssociationId).toBe(associationId);
  });

  it('the same ClientToken and parameters give back the same gateway; other parameters are refused', async () => {
    const again = await a.send(
      new CreateNatGatewayCommand(firstRequest()),
    );
    expect(again.NatGateway?.NatGatewayId).toBe(natId);
    expect(again.NatGateway?.State).toBe('available');
    expect(await natIds(a, [{ Name: 'subnet-id', Values: [subnet.id] }])).toEqual([natId]);
    const e = await failure(a.send(new CreateNatGatewayCommand({ SubnetId: subnet.id, AllocationId: eip.id, ClientToken: 'public-nat-1' })));
    expectEc2Error(e, 'IdempotentParameterMismatch', "The client token 'public-nat-1' was already used for a request with different parameters.");
  });

  it('a second gateway on an Elastic IP already associated is failed with Resource.AlreadyAssociated', async () => {
    const other = await defaultSubnet(a, 'us-east-1b');
    const created = await create(a, { SubnetId: other.id, AllocationId: eip.id });
    expect(created.State).toBe('pending');
    const g = await describeNat(a, created.NatGatewayId ?? '');
    expect(g.State).toBe('failed');
    expect(g.FailureCode).toBe('Resource.AlreadyAssociated');
    expect(g.FailureMessage).toBe(`Elastic IP address [${eip.id}] is already associated`);
    const [addr] = g.NatGatewayAddresses ?? [];
    expect(addr?.AllocationId).toBe(eip.id);
    expect(addr?.NetworkInterfaceId).toMatch(ENI_ID);
    expect(addr?.PrivateIp).toBeUndefined();
    expect(addr?.AssociationId).toBeUndefined();
    expect(addr?.Status).toBe('failed');
    // botocore's and the SDK's NatGatewayAvailable waiter stop at `failed` on the first poll.
    await expect(waitUntilNatGatewayAvailable({ client: a, maxWaitTime: 30, minDelay: 1 }, { NatGatewayIds: [g.NatGatewayId ?? ''] })).rejects.toThrow(/FAILURE/);
    const still = await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }));
    expect(still.Addresses?.[0]?.AssociationId).toBe(associationId);
    await a.send(new DeleteNatGatewayCommand({ NatGatewayId: g.NatGatewayId }));
    expect((await describeNat(a, g.NatGatewayId ?? '')).State).toBe('deleted');
  });

  it('DeleteNatGateway answers the id; the next read says deleted and the Elastic IP is free again', async () => {
    const r = await a.send(new DeleteNatGatewayCommand({ NatGatewayId: natId }));
    expect(r).toMatchObject({ NatGatewayId: natId });
    const g = await describeNat(a, natId);
    expect(g.State).toBe('deleted');
    expect(g.DeleteTime).toBeInstanceOf(Date);
    expect(g.NatGatewayAddresses?.[0]?.AssociationId).toBeUndefined();
    expect(g.NatGatewayAddresses?.[0]?.PublicIp).toBe(eip.ip);
    const addr = (await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0];
    expect(addr?.AssociationId).toBeUndefined();
    expect(addr?.NetworkInterfaceId).toBeUndefined();
    expect(addr?.PrivateIpAddress).toBeUndefined();
    expectEc2Error(await failure(a.send(new DisassociateAddressCommand({ AssociationId: associationId }))), 'InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`);
    expectEc2Error(await failure(a.send(new DeleteNatGatewayCommand({ NatGatewayId: natId }))), 'NatGatewayNotFound', `NAT gateway ${natId} was not found`);
  });

  it('a new gateway reuses the private address the deleted one gave back, and the Elastic IP', async () => {
    const created = await create(a, { SubnetId: subnet.id, AllocationId: eip.id });
    const g = await describeNat(a, created.NatGatewayId ?? '');
    expect(g.State).toBe('available');
    expect(g.NatGatewayAddresses?.[0]?.PrivateIp).toBe('172.31.0.4');
    await a.send(new DeleteNatGatewayCommand({ NatGatewayId: g.NatGatewayId }));
    await a.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });
});

describe('waiters pass on their first poll', () => {
  it('NatGatewayAvailable after create and NatGatewayDeleted after delete, each with one DescribeNatGateways', async () => {
    const subnet = await defaultSubnet(a, 'us-east-1c');
    const eip = await allocate(a);
    const g = await create(a, { SubnetId: subnet.id, AllocationId: eip.id });
    const ids = [g.NatGatewayId ?? ''];
    // A client that counts its calls: a waiter that needed a second poll would have slept 15 s first.
    const counted = ec2(server.url, A);
    let polls = 0;
    counted.middlewareStack.add((next) => (args) => {
      polls++;
      return next(args);
    }, { step: 'initialize' });
    const up = await waitUntilNatGatewayAvailable({ client: counted, maxWaitTime: 60, minDelay: 15 }, { NatGatewayIds: ids });
    expect([up.state, polls]).toEqual(['SUCCESS', 1]);
    await a.send(new DeleteNatGatewayCommand({ NatGatewayId: ids[0] }));
    polls = 0;
    const down = await waitUntilNatGatewayDeleted({ client: counted, maxWaitTime: 60, minDelay: 15 }, { NatGatewayIds: ids });
    expect([down.state, polls]).toEqual(['SUCCESS', 1]);
    await a.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });
});

describe('private NAT gateways and their addresses', () => {
  let vpcId = '';
  let subnetId = '';

  beforeAll(async () => {
    vpcId = await newVpc(a, '10.20.0.0/16');
    subnetId = await newSubnet(a, vpcId, '10.20.1.0/24');
  });

  it('needs no internet gateway; answers an empty address at create, then its interface and address', async () => {
    const created = await create(a, { SubnetId: subnetId, ConnectivityType: 'private' });
    expect(created.State).toBe('pending');
    expect(created.ConnectivityType).toBe('private');
    expect(created.NatGatewayAddresses).toEqual([{}]);
    const g = await describeNat(a, created.NatGatewayId ?? '');
    expect(g.State).toBe('available');
    expect(g.VpcId).toBe(vpcId);
    const [addr] = g.NatGatewayAddresses ?? [];
    expect(addr).toEqual({ NetworkInterfaceId: addr?.NetworkInterfaceId, PrivateIp: '10.20.1.4', IsPrimary: true, Status: 'succeeded' });
    expect(addr?.NetworkInterfaceId).toMatch(ENI_ID);
  });

  it('each gateway takes the next free address; a named one is taken as asked', async () => {
    const second = await describeNat(a, (await create(a, { SubnetId: subnetId, ConnectivityType: 'private' })).NatGatewayId ?? '');
    expect(second.NatGatewayAddresses?.[0]?.PrivateIp).toBe('10.20.1.5');
    const named = await describeNat(a, (await create(a, { SubnetId: subnetId, ConnectivityType: 'private', PrivateIpAddress: '10.20.1.200' })).NatGatewayId ?? '');
    expect(named.NatGatewayAddresses?.[0]?.PrivateIp).toBe('10.20.1.200');
  });

  it('refuses a named address that is taken, reserved or outside the subnet', async () => {
    const cases: [string, string, string][] = [
      ['10.20.1.200', 'InvalidIPAddress.InUse', 'Address 10.20.1.200 is in use.'],
      ['10.20.1.1', 'InvalidParameterValue', "Address 10.20.1.1 is in subnet's reserved address range."],
      ['10.20.1.255', 'InvalidParameterValue', "Address 10.20.1.255 is in subnet's reserved address range."],
      ['10.20.2.9', 'InvalidParameterValue', "Address 10.20.2.9 does not fall within the subnet's address range (10.20.1.0/24)."],
      ['not-an-ip', 'InvalidParameterValue', "Address not-an-ip does not fall within the subnet's address range (10.20.1.0/24)."],
    ];
    for (const [ip, code, message] of cases) {
      expectEc2Error(await failure(a.send(new CreateNatGatewayCommand({ SubnetId: subnetId, ConnectivityType: 'private', PrivateIpAddress: ip }))), code, message);
    }
  });

  it('a private gateway takes no Elastic IP', async () => {
    const eip = await allocate(a);
    const e = await failure(a.send(new CreateNatGatewayCommand({ SubnetId: subnetId, ConnectivityType: 'private', AllocationId: eip.id })));
    expectEc2Error(e, 'InvalidParameterCombination', 'You cannot specify an Elastic IP address (AllocationId) with a private NAT gateway.');
    await a.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });

  it('5 live gateways per Availability Zone; deleted ones do not count', async () => {
    const vpc = await newVpc(a, '10.21.0.0/16');
    const zoneD = await newSubnet(a, vpc, '10.21.0.0/28', 'us-east-1d');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create(a, { SubnetId: zoneD, ConnectivityType: 'private' })).NatGatewayId ?? '');
    const sixth = await failure(a.send(new CreateNatGatewayCommand({ SubnetId: zoneD, ConnectivityType: 'private' })));
    expectEc2Error(sixth, 'NatGatewayLimitExceeded', 'The maximum number of NAT gateways per Availability Zone (5) has been reached.');
    await a.send(new DeleteNatGatewayCommand({ NatGatewayId: made[0] }));
    const again = await describeNat(a, (await create(a, { SubnetId: zoneD, ConnectivityType: 'private' })).NatGatewayId ?? '');
    expect(again.State).toBe('available');
    // The deleted gateway's address (the /28's first usable one) is free again.
    expect(again.NatGatewayAddresses?.[0]?.PrivateIp).toBe('10.21.0.4');
  });
});

describe('a public NAT gateway in a VPC without an internet gateway', () => {
  it('is created pending, then failed with Gateway.NotAttached, and leaves the Elastic IP alone', async () => {
    const vpcId = await newVpc(a, '10.30.0.0/16');
    const subnetId = await newSubnet(a, vpcId, '10.30.0.0/24', 'us-east-1e');
    const eip = await allocate(a);
    const created = await create(a, { SubnetId: subnetId, AllocationId: eip.id });
    expect(created.State).toBe('pending');
    const g = await describeNat(a, created.NatGatewayId ?? '');
    expect(g.State).toBe('failed');
    expect(g.FailureCode).toBe('Gateway.NotAttached');
    expect(g.FailureMessage).toBe(`Network ${vpcId} has no Internet gateway attached`);
    expect(g.NatGatewayAddresses?.[0]?.AllocationId).toBe(eip.id);
    expect(g.NatGatewayAddresses?.[0]?.PublicIp).toBeUndefined();
    const addr = (await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0];
    expect(addr?.AssociationId).toBeUndefined();
    expect(await natIds(a, [{ Name: 'state', Values: ['failed'] }, { Name: 'vpc-id', Values: [vpcId] }])).toEqual([g.NatGatewayId]);
    await a.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });
});

describe('filters and pages', () => {
  let vpcId = '';
  const inA: string[] = [];
  const inB: string[] = [];
  let subnetA = '';
  let subnetB = '';

  beforeAll(async () => {
    vpcId = await newVpc(b, '10.40.0.0/16');
    subnetA = await newSubnet(b, vpcId, '10.40.1.0/24', 'us-east-1a');
    subnetB = await newSubnet(b, vpcId, '10.40.2.0/24', 'us-east-1b');
    for (let i = 0; i < 3; i++) {
      const tags = [{ Key: 'Name', Value: `a-${i}` }, ...(i === 0 ? [{ Key: 'Team', Value: 'net' }] : [])];
      inA.push((await create(b, { SubnetId: subnetA, ConnectivityType: 'private', TagSpecifications: [{ ResourceType: 'natgateway', Tags: tags }] })).NatGatewayId ?? '');
      inB.push((await create(b, { SubnetId: subnetB, ConnectivityType: 'private' })).NatGatewayId ?? '');
    }
    await b.send(new DeleteNatGatewayCommand({ NatGatewayId: inB[2] }));
  });

  it('nat-gateway-id, subnet-id, vpc-id, state, tag:<key>, tag-key (the wire name is Filter.N)', async () => {
    const all = [...inA, ...inB].sort();
    expect(await natIds(b, [{ Name: 'vpc-id', Values: [vpcId] }])).toEqual(all);
    expect(await natIds(b, [{ Name: 'subnet-id', Values: [subnetA] }])).toEqual([...inA].sort());
    expect(await natIds(b, [{ Name: 'nat-gateway-id', Values: [inA[1] as string, inB[0] as string] }])).toEqual([inA[1], inB[0]].sort());
    expect(await natIds(b, [{ Name: 'state', Values: ['deleted'] }])).toEqual([inB[2]]);
    expect(await natIds(b, [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'state', Values: ['available'] }])).toEqual(all.filter((id) => id !== inB[2]));
    expect(await natIds(b, [{ Name: 'tag:Name', Values: ['a-1', 'a-2'] }])).toEqual([inA[1], inA[2]].sort());
    expect(await natIds(b, [{ Name: 'tag:Name', Values: ['a-*'] }])).toEqual([...inA].sort());
    expect(await natIds(b, [{ Name: 'tag-key', Values: ['Team'] }])).toEqual([inA[0]]);
    expect(await natIds(b, [{ Name: 'vpc-id', Values: ['vpc-0123456789abcdef0'] }])).toEqual([]);
  });

  it('an unknown filter name is refused', async () => {
    const e = await failure(b.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'connectivity-type', Values: ['private'] }] })));
    expectEc2Error(e, 'InvalidParameterValue', "The filter 'connectivity-type' is invalid");
  });

  it('pages of MaxResults (5-1000) with a NextToken until the last', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await b.send(new DescribeNatGatewaysCommand({ MaxResults: 5, NextToken: token }));
      expect((r.NatGateways ?? []).length).toBeLessThanOrEqual(5);
      seen.push(...(r.NatGateways ?? []).map((g) => g.NatGatewayId ?? ''));
      token = r.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual([...inA, ...inB].sort());
    for (const bad of [4, 1001]) {
      const e = await failure(b.send(new DescribeNatGatewaysCommand({ MaxResults: bad })));
      expect(e.name).toBe('InvalidParameterValue');
    }
  });
});

describe('errors', () => {
  let subnetId = '';

  beforeAll(async () => {
    subnetId = (await defaultSubnet(a, 'us-east-1f')).id;
  });

  it('unknown and malformed NAT gateway ids', async () => {
    expectEc2Error(await failure(a.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [MISSING_NAT] }))), 'NatGatewayNotFound', `NAT gateway ${MISSING_NAT} was not found`);
    expectEc2Error(await failure(a.send(new DeleteNatGatewayCommand({ NatGatewayId: MISSING_NAT }))), 'NatGatewayNotFound', `NAT gateway ${MISSING_NAT} was not found`);
    expectEc2Error(await failure(a.send(new DescribeNatGatewaysCommand({ NatGatewayIds: ['nat-xyz'] }))), 'NatGatewayMalformed', 'Invalid id: "nat-xyz"');
    expectEc2Error(await failure(a.send(new DeleteNatGatewayCommand({ NatGatewayId: 'subnet-0123456789abcdef0' }))), 'NatGatewayMalformed', 'Invalid id: "subnet-0123456789abcdef0"');
  });

  it('the subnet and Elastic IP of a create: missing, malformed, unknown', async () => {
    const eip = await allocate(a);
    const cases: [CreateNatGatewayCommandInput, string, string][] = [
      [{ SubnetId: 'subnet-0123456789abcdef0', AllocationId: eip.id }, 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0123456789abcdef0' does not exist"],
      [{ SubnetId: 'subnet-nope', AllocationId: eip.id }, 'InvalidSubnetID.Malformed', 'Invalid id: "subnet-nope"'],
      [{ SubnetId: subnetId }, 'MissingParameter', 'The request must contain the parameter allocationId'],
      [{ SubnetId: subnetId, AllocationId: 'eipalloc-0123456789abcdef0' }, 'InvalidElasticIpID.NotFound', "The elasticIp ID 'eipalloc-0123456789abcdef0' does not exist"],
      [{ SubnetId: subnetId, AllocationId: 'eipalloc-bad' }, 'InvalidElasticIpID.Malformed', 'Invalid id: "eipalloc-bad"'],
      [
        { SubnetId: subnetId, AllocationId: eip.id, TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'k', Value: 'v' }] }] },
        'InvalidParameterValue',
        "'elastic-ip' is not a valid taggable resource type for this operation. This operation takes TagSpecification ResourceType 'natgateway'.",
      ],
      [
        { SubnetId: subnetId, ConnectivityType: 'private', SecondaryPrivateIpAddressCount: 2 },
        'InvalidParameterValue',
        'The parameter SecondaryPrivateIpAddressCount is not supported by this server: it creates zonal NAT gateways with one address.',
      ],
    ];
    for (const [input, code, message] of cases) expectEc2Error(await failure(a.send(new CreateNatGatewayCommand(input))), code, message);
    expect(await natIds(a, [{ Name: 'subnet-id', Values: [subnetId] }])).toEqual([]);
    const e = await failure(a.send(new CreateNatGatewayCommand({})));
    expect(e.name).toBe('MissingParameter');
    await a.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });

  it("another account's gateway, subnet and Elastic IP are NotFound", async () => {
    const eip = await allocate(a);
    const mine = await create(a, { SubnetId: subnetId, AllocationId: eip.id });
    const id = mine.NatGatewayId ?? '';
    expectEc2Error(await failure(b.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }))), 'NatGatewayNotFound', `NAT gateway ${id} was not found`);
    expectEc2Error(await failure(b.send(new DeleteNatGatewayCommand({ NatGatewayId: id }))), 'NatGatewayNotFound', `NAT gateway ${id} was not found`);
    expect(await natIds(b, [{ Name: 'nat-gateway-id', Values: [id] }])).toEqual([]);
    const theirSubnet = (await defaultSubnet(b, 'us-east-1f')).id;
    expectEc2Error(await failure(b.send(new CreateNatGatewayCommand({ SubnetId: subnetId, ConnectivityType: 'private' }))), 'InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
    expectEc2Error(await failure(b.send(new CreateNatGatewayCommand({ SubnetId: theirSubnet, AllocationId: eip.id }))), 'InvalidElasticIpID.NotFound', `The elasticIp ID '${eip.id}' does not exist`);
    expect((await describeNat(a, id)).State).toBe('available');
    await a.send(new DeleteNatGatewayCommand({ NatGatewayId: id }));
    await a.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });

  it('DryRun: 412 DryRunOperation and nothing changes', async () => {
    const eip = await allocate(a);
    const dry = await failure(a.send(new CreateNatGatewayCommand({ SubnetId: subnetId, AllocationId: eip.id, DryRun: true })));
    expectEc2Error(dry, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect(await natIds(a, [{ Name: 'subnet-id', Values: [subnetId] }, { Name: 'state', Values: ['available'] }])).toEqual([]);
    expect((await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0]?.AssociationId).toBeUndefined();
    const g = await create(a, { SubnetId: subnetId, AllocationId: eip.id });
    const dryDelete = await failure(a.send(new DeleteNatGatewayCommand({ NatGatewayId: g.NatGatewayId, DryRun: true })));
    expectEc2Error(dryDelete, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect((await describeNat(a, g.NatGatewayId ?? '')).State).toBe('available');
    const dryDescribe = await failure(a.send(new DescribeNatGatewaysCommand({ DryRun: true })));
    expect(dryDescribe.name).toBe('DryRunOperation');
    await a.send(new DeleteNatGatewayCommand({ NatGatewayId: g.NatGatewayId }));
    await a.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });
});

// Moves the server's clock: keep last in this file.
describe('a deleted or failed gateway stays visible for about an hour, then is gone', () => {
  it('deleted and failed gateways answer NatGatewayNotFound an hour on; live ones stay', async () => {
    const vpcId = await newVpc(a, '10.50.0.0/16');
    const subnetId = await newSubnet(a, vpcId, '10.50.0.0/24', 'us-east-1a');
    const eip = await allocate(a);
    const failed = (await create(a, { SubnetId: subnetId, AllocationId: eip.id })).NatGatewayId ?? '';
    const deleted = (await create(a, { SubnetId: subnetId, ConnectivityType: 'private' })).NatGatewayId ?? '';
    const live = (await create(a, { SubnetId: subnetId, ConnectivityType: 'private' })).NatGatewayId ?? '';
    await a.send(new DeleteNatGatewayCommand({ NatGatewayId: deleted }));
    await advanceClock(server, 59 * 60);
    expect((await describeNat(a, failed)).State).toBe('failed');
    expect((await describeNat(a, deleted)).State).toBe('deleted');
    await advanceClock(server, 2 * 60);
    for (const id of [failed, deleted]) {
      expectEc2Error(await failure(a.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] }))), 'NatGatewayNotFound', `NAT gateway ${id} was not found`);
    }
    expect(await natIds(a, [{ Name: 'vpc-id', Values: [vpcId] }])).toEqual([live]);
    expect((await describeNat(a, live)).State).toBe('available');
    // A create in the scope drops the gone rows for good; the live one is untouched by that.
    await create(a, { SubnetId: subnetId, ConnectivityType: 'private' });
    expect(await natIds(a, [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'nat-gateway-id', Values: [live, failed, deleted] }])).toEqual([live]);
  });
});
