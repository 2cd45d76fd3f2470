import {
  CreateEgressOnlyInternetGatewayCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteVpcCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRY_RUN, ipv6Vpc, newEgressOnlyGateway, useTwoAccounts } from './gateway-helpers.js';
import { ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

const A = '616161616161';
const B = '626262626262';
const EIGW = /^eigw-[0-9a-f]{17}$/;

const accounts = useTwoAccounts(A, B);
let a: EC2Client;
let b: EC2Client;
beforeAll(() => {
  ({ a, b } = accounts);
});

describe('CreateEgressOnlyInternetGateway', () => {
  it('creates a gateway attached to its VPC, with tags and the client token echoed', async () => {
    const vpc = await ipv6Vpc(a, '10.70.0.0/16');
    const r = await a.send(
      new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpc, ClientToken: 'tok-1', TagSpecifications: [{ ResourceType: 'egress-only-internet-gateway', Tags: [{ Key: 'Name', Value: 'out6' }] }] }),
    );
    expect(r.ClientToken).toBe('tok-1');
    const g = r.EgressOnlyInternetGateway;
    expect(g?.EgressOnlyInternetGatewayId).toMatch(EIGW);
    expect(g?.Attachments).toEqual([{ State: 'attached', VpcId: vpc }]);
    expect(g?.Tags).toEqual([{ Key: 'Name', Value: 'out6' }]);
    const d = await a.send(new DescribeEgressOnlyInternetGatewaysCommand({ EgressOnlyInternetGatewayIds: [g?.EgressOnlyInternetGatewayId ?? ''] }));
    expect(d.EgressOnlyInternetGateways).toEqual([g]);
  });

  it('a retry with the same client token returns the same gateway; another VPC with it is refused', async () => {
    const vpc = await ipv6Vpc(a, '10.71.0.0/16');
    const first = await a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpc, ClientToken: 'same' }));
    const again = await a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpc, ClientToken: 'same' }));
    expect(again.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId).toBe(first.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId);
    const inVpc = await a.send(new DescribeEgressOnlyInternetGatewaysCommand({}));
    expect(inVpc.EgressOnlyInternetGateways?.filter((g) => g.Attachments?.[0]?.VpcId === vpc)).toHaveLength(1);
    const other = await ipv6Vpc(a, '10.72.0.0/16');
    expectEc2Error(
      await failure(a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: other, ClientToken: 'same' }))),
      'IdempotentParameterMismatch',
      "The client token 'same' was already used for a request with different parameters.",
    );
  });

  it('refuses a missing, malformed, unknown or foreign VPC, and a wrong tag type', async () => {
    const vpc = await ipv6Vpc(a, '10.73.0.0/16');
    expectEc2Error(await failure(a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: '' }))), 'MissingParameter', /vpcId/i);
    expectEc2Error(await failure(a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: 'vpc-x' }))), 'InvalidVpcID.Malformed', 'Invalid id: "vpc-x"');
    expectEc2Error(await failure(a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: 'vpc-0123456789abcdef0' }))), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    expectEc2Error(await failure(b.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpc }))), 'InvalidVpcID.NotFound', `The vpc ID '${vpc}' does not exist`);
    expectEc2Error(
      await failure(a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpc, TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: [{ Key: 'k', Value: 'v' }] }] }))),
      'InvalidParameterValue',
      "'internet-gateway' is not a valid taggable resource type for this operation. This operation takes TagSpecification ResourceType 'egress-only-internet-gateway'.",
    );
  });

  it('DryRun answers 412 and creates nothing', async () => {
    const vpc = await ipv6Vpc(a, '10.74.0.0/16');
    expectEc2Error(await failure(a.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpc, DryRun: true }))), 'DryRunOperation', DRY_RUN, 412);
    const all = (await a.send(new DescribeEgressOnlyInternetGatewaysCommand({}))).EgressOnlyInternetGateways ?? [];
    expect(all.filter((g) => g.Attachments?.[0]?.VpcId === vpc)).toEqual([]);
  });
});

describe('DeleteEgressOnlyInternetGateway', () => {
  it('deletes (ReturnCode true), then the id is not found; DryRun and another account change nothing', async () => {
    const vpc = await ipv6Vpc(a, '10.75.0.0/16');
    const id = await newEgressOnlyGateway(a, vpc, { k: 'v' });
    expectEc2Error(await failure(a.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: id, DryRun: true }))), 'DryRunOperation', DRY_RUN, 412);
    expectEc2Error(await failure(b.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: id }))), 'InvalidGatewayID.NotFound', `The eigw ID '${id}' does not exist`);
    expect((await a.send(new DescribeEgressOnlyInternetGatewaysCommand({ EgressOnlyInternetGatewayIds: [id] }))).EgressOnlyInternetGateways).toHaveLength(1);

    const r = await a.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: id }));
    expect(r.ReturnCode).toBe(true);
    expectEc2Error(await failure(a.send(new DescribeEgressOnlyInternetGatewaysCommand({ EgressOnlyInternetGatewayIds: [id] }))), 'InvalidGatewayID.NotFound', `The eigw ID '${id}' does not exist`);
    expectEc2Error(await failure(a.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: id }))), 'InvalidGatewayID.NotFound', `The eigw ID '${id}' does not exist`);
    expect((await a.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: [{ Name: 'tag:k', Values: ['v'] }] }))).EgressOnlyInternetGateways).toEqual([]);
  });

  it('refuses missing and malformed ids', async () => {
    expectEc2Error(await failure(a.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: '' }))), 'MissingParameter', /egressOnlyInternetGatewayId/i);
    expectEc2Error(await failure(a.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: 'igw-0123456789abcdef0' }))), 'InvalidEgressOnlyInternetGatewayId.Malformed', 'Invalid id: "igw-0123456789abcdef0"');
  });

  it('an egress-only gateway blocks DeleteVpc until it is deleted', async () => {
    const vpc = await ipv6Vpc(a, '10.76.0.0/16');
    const id = await newEgressOnlyGateway(a, vpc);
    expectEc2Error(await failure(a.send(new DeleteVpcCommand({ VpcId: vpc }))), 'DependencyViolation', `The vpc '${vpc}' has dependencies and cannot be deleted.`);
    await a.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: id }));
    await a.send(new DeleteVpcCommand({ VpcId: vpc }));
  });
});

describe('DescribeEgressOnlyInternetGateways', () => {
  it('filters by tag and tag-key, refuses other filters, and pages within 5..255', async () => {
    const c = ec2(accounts.server.url, '636363636363');
    const vpcs = [await ipv6Vpc(c, '10.77.0.0/16'), await newVpc(c, '10.78.0.0/16'), await newVpc(c, '10.79.0.0/16'), await newVpc(c, '10.80.0.0/16'), await newVpc(c, '10.81.0.0/16'), await newVpc(c, '10.82.0.0/16')];
    const ids: string[] = [];
    for (const [i, v] of vpcs.entries()) ids.push(await newEgressOnlyGateway(c, v, i < 2 ? { tier: i === 0 ? 'a' : 'b' } : {}));
    const found = async (filters: { Name: string; Values: string[] }[]) =>
      ((await c.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: filters }))).EgressOnlyInternetGateways ?? []).map((g) => g.EgressOnlyInternetGatewayId).sort();
    expect(await found([{ Name: 'tag:tier', Values: ['a'] }])).toEqual([ids[0]]);
    expect(await found([{ Name: 'tag-key', Values: ['tier'] }])).toEqual([ids[0], ids[1]].sort());
    expectEc2Error(await failure(c.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcs[0] ?? ''] }] }))), 'InvalidParameterValue', "The filter 'vpc-id' is invalid");

    const page1 = await c.send(new DescribeEgressOnlyInternetGatewaysCommand({ MaxResults: 5 }));
    expect(page1.EgressOnlyInternetGateways).toHaveLength(5);
    expect(page1.NextToken).toBeTruthy();
    const page2 = await c.send(new DescribeEgressOnlyInternetGatewaysCommand({ MaxResults: 5, NextToken: page1.NextToken }));
    expect(page2.EgressOnlyInternetGateways).toHaveLength(1);
    expect(page2.NextToken).toBeUndefined();
    expect([...(page1.EgressOnlyInternetGateways ?? []), ...(page2.EgressOnlyInternetGateways ?? [])].map((g) => g.EgressOnlyInternetGatewayId).sort()).toEqual([...ids].sort());
    expectEc2Error(await failure(c.send(new DescribeEgressOnlyInternetGatewaysCommand({ MaxResults: 256 }))), 'InvalidParameterValue', 'Value ( 256 ) for parameter maxResults is invalid. Expecting a value less than or equal to 255.');
    expectEc2Error(await failure(c.send(new DescribeEgressOnlyInternetGatewaysCommand({ EgressOnlyInternetGatewayIds: ['eigw-x'] }))), 'InvalidEgressOnlyInternetGatewayId.Malformed', 'Invalid id: "eigw-x"');
  });
});
