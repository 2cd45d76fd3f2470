// Elastic IP addresses through the AWS SDK for JavaScript v3: AllocateAddress's answer and
// DescribeAddresses field by field, addresses from 198.18.0.0/15 unique in a region across
// accounts, the 5-per-region quota, filters, DescribeAddressesAttribute as Terraform reads it,
// ReleaseAddress, Associate/DisassociateAddress with no instance or interface to name, errors with
// AWS's codes, another account's address, and DryRun. The NAT gateway round trip (an address
// associated and given back) is in nat-gateways.test.ts.
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  CreateTagsCommand,
  DescribeAddressesAttributeCommand,
  DescribeAddressesCommand,
  DisassociateAddressCommand,
  ReleaseAddressCommand,
} from '@aws-sdk/client-ec2';
import type { AllocateAddressCommandInput, AssociateAddressCommandInput, EC2Client, Filter } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { allocate } from './address-helpers.js';
import { UUID, ec2, expectEc2Error, failure } from './sdk-helpers.js';

const A = '111111111111';
const B = '222222222222';
const ALLOC_ID = /^eipalloc-[0-9a-f]{17}$/;
const MISSING_ALLOC = 'eipalloc-0123456789abcdef0';

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

/** 198.18.0.0/15 (RFC 2544 benchmarking, not globally reachable), never a `.0` or `.255`. */
function inPool(ip: string): boolean {
  const [o1, o2, , o4] = ip.split('.').map(Number);
  return o1 === 198 && (o2 === 18 || o2 === 19) && o4 !== 0 && o4 !== 255;
}

async function allocationIds(client: EC2Client, filters: Filter[]): Promise<string[]> {
  const r = await client.send(new DescribeAddressesCommand({ Filters: filters }));
  return (r.Addresses ?? []).map((x) => x.AllocationId ?? '').sort();
}

describe('AllocateAddress and DescribeAddresses', () => {
  let eip = { id: '', ip: '' };

  it('answers the allocation id, the address, domain vpc, Amazon\'s pool and the region as border group', async () => {
    const r = await a.send(new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'Name', Value: 'first' }] }] }));
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.$metadata.requestId).toMatch(UUID);
    expect(r.AllocationId).toMatch(ALLOC_ID);
    expect(inPool(r.PublicIp ?? '')).toBe(true);
    expect(r.Domain).toBe('vpc');
    expect(r.PublicIpv4Pool).toBe('amazon');
    expect(r.NetworkBorderGroup).toBe('us-east-1');
    expect(r.CustomerOwnedIp).toBeUndefined();
    expect(r.CarrierIp).toBeUndefined();
    eip = { id: r.AllocationId ?? '', ip: r.PublicIp ?? '' };
  });

  it('describes it field by field, with its tags and no association', async () => {
    const r = await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }));
    expect(r.Addresses).toEqual([
      { AllocationId: eip.id, Domain: 'vpc', PublicIp: eip.ip, PublicIpv4Pool: 'amazon', NetworkBorderGroup: 'us-east-1', Tags: [{ Key: 'Name', Value: 'first' }] },
    ]);
    const byIp = await a.send(new DescribeAddressesCommand({ PublicIps: [eip.ip] }));
    expect(byIp.Addresses?.map((x) => x.AllocationId)).toEqual([eip.id]);
  });

  it('Domain may be left out (vpc is the only domain); the region may be named as border group', async () => {
    const plain = await a.send(new AllocateAddressCommand({}));
    expect(plain.Domain).toBe('vpc');
    const named = await a.send(new AllocateAddressCommand({ NetworkBorderGroup: 'us-east-1', PublicIpv4Pool: 'amazon' }));
    expect(named.NetworkBorderGroup).toBe('us-east-1');
    expect(new Set([eip.ip, plain.PublicIp, named.PublicIp]).size).toBe(3);
    await a.send(new ReleaseAddressCommand({ AllocationId: plain.AllocationId }));
    await a.send(new ReleaseAddressCommand({ AllocationId: named.AllocationId }));
  });

  it('addresses are unique in a region across accounts; another region has its own pool', async () => {
    const theirs = await allocate(b);
    expect(inPool(theirs.ip)).toBe(true);
    expect(theirs.ip).not.toBe(eip.ip);
    const west = ec2(server.url, B, 'eu-west-1');
    const r = await west.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    expect(r.NetworkBorderGroup).toBe('eu-west-1');
    expect(inPool(r.PublicIp ?? '')).toBe(true);
    await west.send(new ReleaseAddressCommand({ AllocationId: r.AllocationId }));
    await b.send(new ReleaseAddressCommand({ AllocationId: theirs.id }));
  });

  it('refuses what this pool cannot give: EC2-Classic, other pools, other border groups, a bad tag type', async () => {
    const cases: [AllocateAddressCommandInput, string, string][] = [
      [{ Domain: 'standard' }, 'InvalidParameterValue', 'Value (standard) for parameter domain is invalid. EC2-Classic has been retired; use vpc.'],
      [{ PublicIpv4Pool: 'ipv4pool-ec2-1234567890abcdef0' }, 'InvalidParameterValue', "Value (ipv4pool-ec2-1234567890abcdef0) for parameter publicIpv4Pool is invalid. Only Amazon's pool ('amazon') is available here."],
      [{ NetworkBorderGroup: 'us-west-2-lax-1' }, 'InvalidParameterValue', 'Value (us-west-2-lax-1) for parameter networkBorderGroup is invalid. The only network border group of us-east-1 is us-east-1.'],
      [
        { TagSpecifications: [{ ResourceType: 'natgateway', Tags: [{ Key: 'k', Value: 'v' }] }] },
        'InvalidParameterValue',
        "'natgateway' is not a valid taggable resource type for this operation. This operation takes TagSpecification ResourceType 'elastic-ip'.",
      ],
      [{ Address: 'nope' }, 'InvalidAddress.Malformed', 'Invalid address: "nope"'],
      [{ Address: '8.8.8.8' }, 'InvalidAddress.NotFound', "Address '8.8.8.8' not found."],
      [{ Address: eip.ip }, 'InvalidAddress.NotFound', `Address '${eip.ip}' not found.`],
    ];
    for (const [input, code, message] of cases) expectEc2Error(await failure(a.send(new AllocateAddressCommand(input))), code, message);
    expect(await allocationIds(a, [])).toEqual([eip.id]);
  });

  it('a released address can be recovered by naming it while it is free', async () => {
    const gone = await allocate(a);
    await a.send(new ReleaseAddressCommand({ AllocationId: gone.id }));
    const back = await a.send(new AllocateAddressCommand({ Address: gone.ip }));
    expect(back.PublicIp).toBe(gone.ip);
    expect(back.AllocationId).not.toBe(gone.id);
    await a.send(new ReleaseAddressCommand({ AllocationId: back.AllocationId }));
  });

  it('five addresses per account and region; the sixth is AddressLimitExceeded', async () => {
    const c = ec2(server.url, '333333333333');
    const held: string[] = [];
    for (let i = 0; i < 5; i++) held.push((await allocate(c)).id);
    expectEc2Error(await failure(c.send(new AllocateAddressCommand({ Domain: 'vpc' }))), 'AddressLimitExceeded', 'The maximum number of addresses has been reached.');
    await c.send(new ReleaseAddressCommand({ AllocationId: held[0] }));
    expect((await allocate(c)).id).toMatch(ALLOC_ID);
  });
});

describe('DescribeAddresses filters and id lists', () => {
  const c = (): EC2Client => ec2(server.url, '444444444444');
  const ids: string[] = [];
  const ips: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const tags = [{ Key: 'Name', Value: `e-${i}` }, ...(i === 0 ? [{ Key: 'Team', Value: 'net' }] : [])];
      const r = await allocate(c(), { Domain: 'vpc', TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: tags }] });
      ids.push(r.id);
      ips.push(r.ip);
    }
  });

  it('allocation-id, public-ip, domain, network-border-group, tag:<key>, tag-key, tag-value', async () => {
    const all = [...ids].sort();
    expect(await allocationIds(c(), [])).toEqual(all);
    expect(await allocationIds(c(), [{ Name: 'allocation-id', Values: [ids[1] as string] }])).toEqual([ids[1]]);
    expect(await allocationIds(c(), [{ Name: 'public-ip', Values: [ips[0] as string, ips[2] as string] }])).toEqual([ids[0], ids[2]].sort());
    expect(await allocationIds(c(), [{ Name: 'domain', Values: ['vpc'] }])).toEqual(all);
    expect(await allocationIds(c(), [{ Name: 'domain', Values: ['standard'] }])).toEqual([]);
    expect(await allocationIds(c(), [{ Name: 'network-border-group', Values: ['us-east-1'] }])).toEqual(all);
    expect(await allocationIds(c(), [{ Name: 'tag:Name', Values: ['e-1', 'e-2'] }])).toEqual([ids[1], ids[2]].sort());
    expect(await allocationIds(c(), [{ Name: 'tag:Name', Values: ['e-?'] }, { Name: 'tag-key', Values: ['Team'] }])).toEqual([ids[0]]);
    expect(await allocationIds(c(), [{ Name: 'tag-value', Values: ['net'] }])).toEqual([ids[0]]);
    // Unassociated addresses match none of the association filters.
    for (const name of ['association-id', 'instance-id', 'network-interface-id', 'network-interface-owner-id', 'private-ip-address']) {
      expect(await allocationIds(c(), [{ Name: name, Values: ['*'] }])).toEqual([]);
    }
  });

  it('tags added later are seen by the filters', async () => {
    await c().send(new CreateTagsCommand({ Resources: [ids[2] as string], Tags: [{ Key: 'Team', Value: 'ops' }] }));
    expect(await allocationIds(c(), [{ Name: 'tag:Team', Values: ['ops'] }])).toEqual([ids[2]]);
  });

  it('an unknown filter, an unknown or malformed id or address fails the whole call', async () => {
    expectEc2Error(await failure(c().send(new DescribeAddressesCommand({ Filters: [{ Name: 'state', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'state' is invalid");
    expectEc2Error(
      await failure(c().send(new DescribeAddressesCommand({ AllocationIds: [ids[0] as string, MISSING_ALLOC] }))),
      'InvalidAllocationID.NotFound',
      `The allocation ID '${MISSING_ALLOC}' does not exist`,
    );
    expectEc2Error(await failure(c().send(new DescribeAddressesCommand({ AllocationIds: ['eipalloc-xyz'] }))), 'InvalidAllocationID.Malformed', 'Invalid id: "eipalloc-xyz"');
    expectEc2Error(await failure(c().send(new DescribeAddressesCommand({ PublicIps: ['203.0.113.7'] }))), 'InvalidAddress.NotFound', "Address '203.0.113.7' not found.");
    expectEc2Error(await failure(c().send(new DescribeAddressesCommand({ PublicIps: ['300.1.2.3'] }))), 'InvalidAddress.Malformed', 'Invalid address: "300.1.2.3"');
  });

  it("another account's address is NotFound and absent from its lists", async () => {
    expectEc2Error(await failure(a.send(new DescribeAddressesCommand({ AllocationIds: [ids[0] as string] }))), 'InvalidAllocationID.NotFound', `The allocation ID '${ids[0]}' does not exist`);
    expectEc2Error(await failure(a.send(new DescribeAddressesCommand({ PublicIps: [ips[0] as string] }))), 'InvalidAddress.NotFound', `Address '${ips[0]}' not found.`);
    expect(await allocationIds(a, [{ Name: 'allocation-id', Values: ids }])).toEqual([]);
    expectEc2Error(await failure(a.send(new ReleaseAddressCommand({ AllocationId: ids[0] }))), 'InvalidAllocationID.NotFound', `The allocation ID '${ids[0]}' does not exist`);
    expect(await allocationIds(c(), [{ Name: 'allocation-id', Values: [ids[0] as string] }])).toEqual([ids[0]]);
  });
});

describe('DescribeAddressesAttribute (what Terraform\'s aws_eip reads)', () => {
  it('domain-name for an address with no PTR record is an empty list; unknown ids are refused', async () => {
    const eip = await allocate(b);
    const r = await b.send(new DescribeAddressesAttributeCommand({ AllocationIds: [eip.id], Attribute: 'domain-name' }));
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.Addresses ?? []).toEqual([]);
    expect(r.NextToken).toBeUndefined();
    expect((await b.send(new DescribeAddressesAttributeCommand({ Attribute: 'domain-name', MaxResults: 10 }))).Addresses ?? []).toEqual([]);
    expectEc2Error(
      await failure(b.send(new DescribeAddressesAttributeCommand({ AllocationIds: [MISSING_ALLOC], Attribute: 'domain-name' }))),
      'InvalidAllocationID.NotFound',
      `The allocation ID '${MISSING_ALLOC}' does not exist`,
    );
    expectEc2Error(await failure(b.send(new DescribeAddressesAttributeCommand({ AllocationIds: ['eipalloc-1'], Attribute: 'domain-name' }))), 'InvalidAllocationID.Malformed', 'Invalid id: "eipalloc-1"');
    expect((await failure(b.send(new DescribeAddressesAttributeCommand({ Attribute: 'domain-name', MaxResults: 1001 })))).name).toBe('InvalidParameterValue');
    await b.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });
});

describe('ReleaseAddress', () => {
  it('releases by allocation id: the address is gone and its tags with it', async () => {
    const eip = await allocate(b, { TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'k', Value: 'v' }] }] });
    const r = await b.send(new ReleaseAddressCommand({ AllocationId: eip.id, NetworkBorderGroup: 'us-east-1' }));
    expect(r.$metadata.httpStatusCode).toBe(200);
    expectEc2Error(await failure(b.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))), 'InvalidAllocationID.NotFound', `The allocation ID '${eip.id}' does not exist`);
    expect(await allocationIds(b, [{ Name: 'tag:k', Values: ['v'] }])).toEqual([]);
    expectEc2Error(await failure(b.send(new ReleaseAddressCommand({ AllocationId: eip.id }))), 'InvalidAllocationID.NotFound', `The allocation ID '${eip.id}' does not exist`);
  });

  it('refuses a missing or malformed id, a VPC address named by its IP, and a wrong border group', async () => {
    const eip = await allocate(b);
    expectEc2Error(await failure(b.send(new ReleaseAddressCommand({}))), 'MissingParameter', 'The request must contain the parameter allocationId');
    expectEc2Error(await failure(b.send(new ReleaseAddressCommand({ AllocationId: 'eipalloc-nope' }))), 'InvalidAllocationID.Malformed', 'Invalid id: "eipalloc-nope"');
    expectEc2Error(await failure(b.send(new ReleaseAddressCommand({ PublicIp: eip.ip }))), 'InvalidParameterValue', 'You must specify an allocation id when releasing a VPC elastic IP address');
    expectEc2Error(await failure(b.send(new ReleaseAddressCommand({ PublicIp: '203.0.113.9' }))), 'InvalidAddress.NotFound', "Address '203.0.113.9' not found.");
    expectEc2Error(await failure(b.send(new ReleaseAddressCommand({ AllocationId: eip.id, NetworkBorderGroup: 'us-east-2' }))), 'InvalidAddress.NotFound', `Address '${eip.ip}' not found.`);
    expect(await allocationIds(b, [{ Name: 'allocation-id', Values: [eip.id] }])).toEqual([eip.id]);
    await b.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });
});

describe('AssociateAddress and DisassociateAddress with nothing to associate with yet', () => {
  let eip = { id: '', ip: '' };

  beforeAll(async () => {
    eip = await allocate(b);
  });

  afterAll(async () => {
    await b.send(new ReleaseAddressCommand({ AllocationId: eip.id }));
  });

  it('an instance or network interface that does not exist is NotFound', async () => {
    expectEc2Error(
      await failure(b.send(new AssociateAddressCommand({ AllocationId: eip.id, InstanceId: 'i-0123456789abcdef0' }))),
      'InvalidInstanceID.NotFound',
      "The instance ID 'i-0123456789abcdef0' does not exist",
    );
    expectEc2Error(
      await failure(b.send(new AssociateAddressCommand({ AllocationId: eip.id, NetworkInterfaceId: 'eni-0123456789abcdef0', PrivateIpAddress: '10.0.0.5' }))),
      'InvalidNetworkInterfaceID.NotFound',
      "The networkInterface ID 'eni-0123456789abcdef0' does not exist",
    );
    expectEc2Error(
      await failure(b.send(new AssociateAddressCommand({ PublicIp: eip.ip, InstanceId: 'i-01234567' }))),
      'InvalidInstanceID.NotFound',
      "The instance ID 'i-01234567' does not exist",
    );
    const addr = (await b.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0];
    expect(addr?.AssociationId).toBeUndefined();
  });

  it('validates its input first: ids, the target, the address', async () => {
    const cases: [AssociateAddressCommandInput, string, string][] = [
      [{ InstanceId: 'i-0123456789abcdef0' }, 'MissingParameter', 'The request must contain the parameter allocationId'],
      [{ AllocationId: eip.id }, 'MissingParameter', 'Either an instance ID or a network interface ID must be specified'],
      [{ AllocationId: eip.id, InstanceId: 'i-0123456789abcdef0', NetworkInterfaceId: 'eni-0123456789abcdef0' }, 'InvalidParameterCombination', 'You can specify either an instance ID or a network interface ID, but not both'],
      [{ AllocationId: eip.id, InstanceId: 'instance-1' }, 'InvalidInstanceID.Malformed', 'Invalid id: "instance-1"'],
      [{ AllocationId: eip.id, NetworkInterfaceId: 'eni-1' }, 'InvalidNetworkInterfaceID.Malformed', 'Invalid id: "eni-1"'],
      [{ AllocationId: eip.id, NetworkInterfaceId: 'eni-0123456789abcdef0', PrivateIpAddress: 'x' }, 'InvalidParameterValue', 'Value (x) for parameter privateIpAddress is invalid.'],
      [{ AllocationId: MISSING_ALLOC, InstanceId: 'i-0123456789abcdef0' }, 'InvalidAllocationID.NotFound', `The allocation ID '${MISSING_ALLOC}' does not exist`],
      [{ AllocationId: 'eipalloc-z', InstanceId: 'i-0123456789abcdef0' }, 'InvalidAllocationID.Malformed', 'Invalid id: "eipalloc-z"'],
      [{ PublicIp: '203.0.113.77', InstanceId: 'i-0123456789abcdef0' }, 'InvalidAddress.NotFound', "Address '203.0.113.77' not found."],
    ];
    for (const [input, code, message] of cases) expectEc2Error(await failure(b.send(new AssociateAddressCommand(input))), code, message);
    expectEc2Error(
      await failure(a.send(new AssociateAddressCommand({ AllocationId: eip.id, InstanceId: 'i-0123456789abcdef0' }))),
      'InvalidAllocationID.NotFound',
      `The allocation ID '${eip.id}' does not exist`,
    );
  });

  it('DisassociateAddress: an unknown or malformed association is refused; an unassociated address by IP is left as it is', async () => {
    expectEc2Error(
      await failure(b.send(new DisassociateAddressCommand({ AssociationId: 'eipassoc-0123456789abcdef0' }))),
      'InvalidAssociationID.NotFound',
      "The association ID 'eipassoc-0123456789abcdef0' does not exist",
    );
    expectEc2Error(await failure(b.send(new DisassociateAddressCommand({ AssociationId: 'eipassoc-x' }))), 'InvalidAssociationID.Malformed', 'Invalid id: "eipassoc-x"');
    expectEc2Error(await failure(b.send(new DisassociateAddressCommand({}))), 'MissingParameter', 'The request must contain the parameter associationId');
    const r = await b.send(new DisassociateAddressCommand({ PublicIp: eip.ip }));
    expect(r.$metadata.httpStatusCode).toBe(200);
    const after = (await b.send(new DescribeAddressesCommand({ PublicIps: [eip.ip] }))).Addresses ?? [];
    expect(after.map((x) => [x.PublicIp, x.AssociationId])).toEqual([[eip.ip, undefined]]);
  });
});

describe('DryRun', () => {
  it('412 DryRunOperation, and nothing is allocated or released', async () => {
    const d = ec2(server.url, '555555555555');
    const dry = await failure(d.send(new AllocateAddressCommand({ Domain: 'vpc', DryRun: true })));
    expectEc2Error(dry, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect(await allocationIds(d, [])).toEqual([]);
    const eip = await allocate(d);
    expectEc2Error(await failure(d.send(new ReleaseAddressCommand({ AllocationId: eip.id, DryRun: true }))), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect(await allocationIds(d, [])).toEqual([eip.id]);
    expect((await failure(d.send(new DescribeAddressesCommand({ DryRun: true })))).name).toBe('DryRunOperation');
  });
});
