import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  DeleteInternetGatewayCommand,
  DeleteVpcCommand,
  DescribeInternetGatewaysCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRY_RUN, newInternetGateway, useTwoAccounts } from './gateway-helpers.js';
import { ec2, expectEc2Error, failure, mainRouteTable, newVpc, routeTo } from './sdk-helpers.js';

const A = '515151515151';
const B = '525252525252';
const IGW = /^igw-[0-9a-f]{17}$/;

const accounts = useTwoAccounts(A, B);
let a: EC2Client;
let b: EC2Client;
beforeAll(() => {
  ({ a, b } = accounts);
});

async function describeOne(client: EC2Client, id: string) {
  const r = await client.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [id] }));
  expect(r.InternetGateways).toHaveLength(1);
  return r.InternetGateways?.[0];
}

describe('CreateInternetGateway', () => {
  it('creates a detached gateway with its tags, field by field', async () => {
    const r = await a.send(new CreateInternetGatewayCommand({ TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: [{ Key: 'Name', Value: 'edge' }] }] }));
    const g = r.InternetGateway;
    expect(g?.InternetGatewayId).toMatch(IGW);
    expect(g?.OwnerId).toBe(A);
    expect(g?.Attachments).toEqual([]);
    expect(g?.Tags).toEqual([{ Key: 'Name', Value: 'edge' }]);
    expect(await describeOne(a, g?.InternetGatewayId ?? '')).toEqual(g);
  });

  it('refuses a tag specification for another resource type', async () => {
    const e = await failure(a.send(new CreateInternetGatewayCommand({ TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'k', Value: 'v' }] }] })));
    expectEc2Error(e, 'InvalidParameterValue', "'vpc' is not a valid taggable resource type for this operation. This operation takes TagSpecification ResourceType 'internet-gateway'.");
  });

  it('DryRun answers 412 and creates nothing', async () => {
    const before = (await a.send(new DescribeInternetGatewaysCommand({}))).InternetGateways?.length;
    expectEc2Error(await failure(a.send(new CreateInternetGatewayCommand({ DryRun: true }))), 'DryRunOperation', DRY_RUN, 412);
    expect((await a.send(new DescribeInternetGatewaysCommand({}))).InternetGateways?.length).toBe(before);
  });
});

describe('AttachInternetGateway and DetachInternetGateway', () => {
  it('attaches (state available), detaches, and each side has at most one', async () => {
    const vpc = await newVpc(a, '10.60.0.0/16');
    const other = await newVpc(a, '10.61.0.0/16');
    const igw = await newInternetGateway(a);
    const second = await newInternetGateway(a);
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expect((await describeOne(a, igw))?.Attachments).toEqual([{ State: 'available', VpcId: vpc }]);

    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: other }))), 'Resource.AlreadyAssociated', `resource ${igw} is already attached to network ${vpc}`);
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }))), 'Resource.AlreadyAssociated', `resource ${igw} is already attached to network ${vpc}`);
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: second, VpcId: vpc }))), 'InvalidParameterValue', `Network ${vpc} already has an internet gateway attached`);
    expect((await describeOne(a, second))?.Attachments).toEqual([]);

    expectEc2Error(await failure(a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: other }))), 'Gateway.NotAttached', `resource ${igw} is not attached to network ${other}`);
    await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expect((await describeOne(a, igw))?.Attachments).toEqual([]);
    expectEc2Error(await failure(a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }))), 'Gateway.NotAttached', `resource ${igw} is not attached to network ${vpc}`);

    // Once detached, the VPC takes another gateway and the first may go elsewhere.
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: second, VpcId: vpc }));
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: other }));
    expect((await describeOne(a, igw))?.Attachments).toEqual([{ State: 'available', VpcId: other }]);
  });

  it('refuses missing, malformed and unknown ids, and another account’s gateway or VPC', async () => {
    const vpc = await newVpc(a, '10.62.0.0/16');
    const igw = await newInternetGateway(a);
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: 'igw-nope', VpcId: vpc }))), 'InvalidInternetGatewayId.Malformed', 'Invalid id: "igw-nope"');
    expectEc2Error(
      await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: 'igw-0123456789abcdef0', VpcId: vpc }))),
      'InvalidInternetGatewayID.NotFound',
      "The internetGateway ID 'igw-0123456789abcdef0' does not exist",
    );
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: 'vpc-0123456789abcdef0' }))), 'InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist");
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: 'nope' }))), 'InvalidVpcID.Malformed', 'Invalid id: "nope"');
    expectEc2Error(await failure(a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: 'nope' }))), 'InvalidVpcID.Malformed', 'Invalid id: "nope"');
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: '' }))), 'MissingParameter', /vpcId/i);
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: '', VpcId: vpc }))), 'MissingParameter', /internetGatewayId/i);
    // Another account sees neither A's gateway nor A's VPC.
    expectEc2Error(await failure(b.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: await newVpc(b, '10.62.0.0/16') }))), 'InvalidInternetGatewayID.NotFound', `The internetGateway ID '${igw}' does not exist`);
    expectEc2Error(await failure(b.send(new AttachInternetGatewayCommand({ InternetGatewayId: await newInternetGateway(b), VpcId: vpc }))), 'InvalidVpcID.NotFound', `The vpc ID '${vpc}' does not exist`);
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expectEc2Error(await failure(b.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }))), 'InvalidInternetGatewayID.NotFound', `The internetGateway ID '${igw}' does not exist`);
    expectEc2Error(await failure(b.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw }))), 'InvalidInternetGatewayID.NotFound', `The internetGateway ID '${igw}' does not exist`);
    expectEc2Error(await failure(b.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw] }))), 'InvalidInternetGatewayID.NotFound', `The internetGateway ID '${igw}' does not exist`);
    expect((await describeOne(a, igw))?.Attachments).toEqual([{ State: 'available', VpcId: vpc }]);
  });

  it('DryRun attach and detach answer 412 and change nothing', async () => {
    const vpc = await newVpc(a, '10.63.0.0/16');
    const igw = await newInternetGateway(a);
    expectEc2Error(await failure(a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc, DryRun: true }))), 'DryRunOperation', DRY_RUN, 412);
    expect((await describeOne(a, igw))?.Attachments).toEqual([]);
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expectEc2Error(await failure(a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc, DryRun: true }))), 'DryRunOperation', DRY_RUN, 412);
    expect((await describeOne(a, igw))?.Attachments).toEqual([{ State: 'available', VpcId: vpc }]);
  });
});

describe('DeleteInternetGateway', () => {
  it('refuses an attached gateway, deletes a detached one, and its routes become blackholes', async () => {
    const vpc = await newVpc(a, '10.64.0.0/16');
    const igw = await newInternetGateway(a, { team: 'net' });
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    const rtb = await mainRouteTable(a, vpc);
    await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
    expect(await routeTo(a, rtb, '0.0.0.0/0')).toMatchObject({ GatewayId: igw, State: 'active', Origin: 'CreateRoute' });

    expectEc2Error(await failure(a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw }))), 'DependencyViolation', `The internetGateway '${igw}' has dependencies and cannot be deleted.`);
    expectEc2Error(await failure(a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw, DryRun: true }))), 'DryRunOperation', DRY_RUN, 412);

    await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expect(await routeTo(a, rtb, '0.0.0.0/0')).toMatchObject({ GatewayId: igw, State: 'blackhole' });
    await a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw }));
    expectEc2Error(await failure(a.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [igw] }))), 'InvalidInternetGatewayID.NotFound', `The internetGateway ID '${igw}' does not exist`);
    expectEc2Error(await failure(a.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw }))), 'InvalidInternetGatewayID.NotFound', `The internetGateway ID '${igw}' does not exist`);
    expect(await routeTo(a, rtb, '0.0.0.0/0')).toMatchObject({ GatewayId: igw, State: 'blackhole' });
    // Its tags went with it: a tag filter finds nothing.
    expect((await a.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'tag:team', Values: ['net'] }] }))).InternetGateways).toEqual([]);
  });
});

describe('DescribeInternetGateways', () => {
  it('filters by attachment, id, owner and tags, and pages', async () => {
    const c = ec2(accounts.server.url, '535353535353');
    const vpc = await newVpc(c, '10.65.0.0/16');
    const attached = await newInternetGateway(c, { role: 'edge' });
    const loose = await newInternetGateway(c, { role: 'spare' });
    await c.send(new AttachInternetGatewayCommand({ InternetGatewayId: attached, VpcId: vpc }));
    const ids = async (filters: { Name: string; Values: string[] }[]) =>
      ((await c.send(new DescribeInternetGatewaysCommand({ Filters: filters }))).InternetGateways ?? []).map((g) => g.InternetGatewayId).sort();
    expect(await ids([{ Name: 'attachment.vpc-id', Values: [vpc] }])).toEqual([attached]);
    expect(await ids([{ Name: 'attachment.state', Values: ['available'] }, { Name: 'tag-key', Values: ['role'] }])).toEqual([attached]);
    expect(await ids([{ Name: 'internet-gateway-id', Values: [loose] }])).toEqual([loose]);
    expect(await ids([{ Name: 'tag:role', Values: ['spare', 'edge'] }])).toEqual([attached, loose].sort());
    expect(await ids([{ Name: 'owner-id', Values: ['535353535353'] }, { Name: 'tag:role', Values: ['spare'] }])).toEqual([loose]);
    expectEc2Error(await failure(c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'colour' is invalid");

    // The default VPC's gateway plus these two: three, two to a page.
    const first = await c.send(new DescribeInternetGatewaysCommand({ MaxResults: 5 }));
    expect(first.InternetGateways).toHaveLength(3);
    expect(first.NextToken).toBeUndefined();
    expectEc2Error(await failure(c.send(new DescribeInternetGatewaysCommand({ MaxResults: 4 }))), 'InvalidParameterValue', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.');
  });
});

describe('DeleteVpc and gateways', () => {
  it('an attached internet gateway blocks DeleteVpc until it is detached', async () => {
    const vpc = await newVpc(a, '10.66.0.0/16');
    const igw = await newInternetGateway(a);
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expectEc2Error(await failure(a.send(new DeleteVpcCommand({ VpcId: vpc }))), 'DependencyViolation', `The vpc '${vpc}' has dependencies and cannot be deleted.`);
    await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    await a.send(new DeleteVpcCommand({ VpcId: vpc }));
    // The gateway outlives the VPC, detached.
    expect((await describeOne(a, igw))?.Attachments).toEqual([]);
  });

  it('the default VPC keeps its gateway: DeleteVpc needs it detached first, as in AWS', async () => {
    const c = ec2(accounts.server.url, '545454545454');
    const vpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId ?? '';
    const igw = (await c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpc] }] }))).InternetGateways?.[0]?.InternetGatewayId ?? '';
    expect(igw).toMatch(IGW);
    expectEc2Error(await failure(c.send(new DeleteVpcCommand({ VpcId: vpc }))), 'DependencyViolation', `The vpc '${vpc}' has dependencies and cannot be deleted.`);
  });
});
