// Instances through the AWS SDK for JavaScript v3: RunInstances (counts, subnet and default
// subnet, private address, groups, a network interface at device 0, tags, ClientToken), every
// field a read shows, filters and pages, the state machine (the answer's transitional state, the
// read's settled one, AWS's codes), the primary interface made and deleted with the instance,
// attributes, the calls Terraform reads, waiters, errors, DryRun, another account, and the hour a
// terminated instance stays visible (on a clock moved forward, last in this file).
import {
  AssociateAddressCommand,
  AttachNetworkInterfaceCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNetworkInterfaceCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  DeleteNetworkInterfaceCommand,
  DeleteSubnetCommand,
  DescribeAddressesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstanceCreditSpecificationsCommand,
  DescribeInstanceStatusCommand,
  DescribeInstanceTypesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DetachNetworkInterfaceCommand,
  ModifyInstanceAttributeCommand,
  ModifyInstanceMetadataOptionsCommand,
  RebootInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import type { EC2Client, Filter, Instance, RunInstancesCommandInput } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { advanceClock, startServer } from '../support/start-server.js';
import { send, signRequest } from '../trust/trust-support.js';
import { allocate } from './address-helpers.js';
import { ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

const A = '111111111111';
const B = '222222222222';
const AMI = 'ami-0123456789abcdef0';
const I_ID = /^i-[0-9a-f]{17}$/;
const MISSING = 'i-0123456789abcdef0';

let server: RunningServer;
let a: EC2Client;
let b: EC2Client;
let vpcId = '';
let subnetId = '';
let sg = '';

beforeAll(async () => {
  server = await startServer({ inMemory: true });
  a = ec2(server.url, A);
  b = ec2(server.url, B);
  vpcId = await newVpc(a, '10.50.0.0/16');
  subnetId = (await a.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.50.1.0/24', AvailabilityZone: 'us-east-1b' }))).Subnet?.SubnetId ?? '';
  sg = (await a.send(new CreateSecurityGroupCommand({ GroupName: 'app', Description: 'app', VpcId: vpcId }))).GroupId ?? '';
});

afterAll(async () => {
  await server?.stop();
});

async function run(client: EC2Client, input: Partial<RunInstancesCommandInput>): Promise<Instance[]> {
  const r = await client.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, ...input }));
  return r.Instances ?? [];
}

async function describeOne(client: EC2Client, id: string): Promise<Instance> {
  const r = await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  const all = (r.Reservations ?? []).flatMap((x) => x.Instances ?? []);
  expect(all.map((i) => i.InstanceId)).toEqual([id]);
  return all[0] as Instance;
}

async function ids(client: EC2Client, filters: Filter[]): Promise<string[]> {
  const r = await client.send(new DescribeInstancesCommand({ Filters: filters }));
  return (r.Reservations ?? []).flatMap((x) => x.Instances ?? []).map((i) => i.InstanceId ?? '').sort();
}

describe('launching', () => {
  let launched: Instance;

  it('answers pending with the reservation, and reads show it running with its primary interface', async () => {
    const r = await a.send(
      new RunInstancesCommand({
        ImageId: AMI,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: subnetId,
        SecurityGroupIds: [sg],
        PrivateIpAddress: '10.50.1.10',
        KeyName: 'my-key',
        UserData: Buffer.from('#!/bin/sh\necho hi').toString('base64'),
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] },
          { ResourceType: 'network-interface', Tags: [{ Key: 'Name', Value: 'web-eni' }] },
        ],
      }),
    );
    expect(r.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(r.OwnerId).toBe(A);
    const answered = r.Instances?.[0] as Instance;
    expect(answered.InstanceId).toMatch(I_ID);
    expect(answered.State).toEqual({ Code: 0, Name: 'pending' });
    launched = await describeOne(a, answered.InstanceId ?? '');
    expect(launched).toMatchObject({
      ImageId: AMI,
      InstanceType: 't3.micro',
      State: { Code: 16, Name: 'running' },
      SubnetId: subnetId,
      VpcId: vpcId,
      PrivateIpAddress: '10.50.1.10',
      PrivateDnsName: 'ip-10-50-1-10.ec2.internal',
      KeyName: 'my-key',
      Placement: { AvailabilityZone: 'us-east-1b', Tenancy: 'default' },
      Monitoring: { State: 'disabled' },
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      Architecture: 'x86_64',
      Hypervisor: 'xen',
      VirtualizationType: 'hvm',
      EbsOptimized: false,
      EnaSupport: true,
      SourceDestCheck: true,
      SecurityGroups: [{ GroupId: sg, GroupName: 'app' }],
      Tags: [{ Key: 'Name', Value: 'web' }],
      AmiLaunchIndex: 0,
      MetadataOptions: { State: 'applied', HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 1 },
    });
    expect(launched.PublicIpAddress).toBeUndefined();
    expect(launched.LaunchTime).toBeInstanceOf(Date);
    const nic = launched.NetworkInterfaces?.[0];
    expect(launched.NetworkInterfaces).toHaveLength(1);
    expect(nic).toMatchObject({
      Attachment: { DeviceIndex: 0, DeleteOnTermination: true, Status: 'attached' },
      Groups: [{ GroupId: sg, GroupName: 'app' }],
      PrivateIpAddress: '10.50.1.10',
      PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: '10.50.1.10' }],
      SourceDestCheck: true,
      Status: 'in-use',
      SubnetId: subnetId,
      VpcId: vpcId,
    });
    expect(nic?.Attachment?.AttachmentId).toMatch(/^eni-attach-[0-9a-f]{17}$/);
    // The interface itself: in-use, attached to the instance, tagged as asked.
    const eni = (await a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [nic?.NetworkInterfaceId ?? ''] }))).NetworkInterfaces?.[0];
    expect(eni).toMatchObject({ Status: 'in-use', Attachment: { InstanceId: launched.InstanceId, InstanceOwnerId: A, DeviceIndex: 0 }, TagSet: [{ Key: 'Name', Value: 'web-eni' }] });
    expect(await ids(a, [{ Name: 'network-interface.network-interface-id', Values: [nic?.NetworkInterfaceId ?? ''] }])).toEqual([launched.InstanceId]);
    const byAttachment = await a.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [launched.InstanceId ?? ''] }] }));
    expect(byAttachment.NetworkInterfaces?.map((n) => n.NetworkInterfaceId)).toEqual([nic?.NetworkInterfaceId]);
    const userData = await a.send(new DescribeInstanceAttributeCommand({ InstanceId: launched.InstanceId, Attribute: 'userData' }));
    expect(userData.UserData).toEqual({ Value: Buffer.from('#!/bin/sh\necho hi').toString('base64') });
    const w = await waitUntilInstanceRunning({ client: a, maxWaitTime: 30 }, { InstanceIds: [launched.InstanceId ?? ''] });
    expect(w.state).toBe('SUCCESS');
  });

  it('launches MaxCount instances in one reservation with the lowest free addresses; the default type is m1.small', async () => {
    const r = await a.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 2, MaxCount: 3, SubnetId: subnetId }));
    const got = r.Instances ?? [];
    expect(got).toHaveLength(3);
    expect(got.map((i) => i.AmiLaunchIndex)).toEqual([0, 1, 2]);
    expect(got.map((i) => i.PrivateIpAddress)).toEqual(['10.50.1.4', '10.50.1.5', '10.50.1.6']);
    expect(new Set(got.map((i) => i.InstanceType))).toEqual(new Set(['m1.small']));
    expect(await ids(a, [{ Name: 'reservation-id', Values: [r.ReservationId ?? ''] }])).toEqual(got.map((i) => i.InstanceId).sort());
    const d = await a.send(new DescribeInstancesCommand({ Filters: [{ Name: 'reservation-id', Values: [r.ReservationId ?? ''] }] }));
    expect(d.Reservations).toHaveLength(1);
    expect(d.Reservations?.[0]?.Instances).toHaveLength(3);
    // The subnet counts their addresses.
    const s = (await a.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }))).Subnets?.[0];
    expect(s?.AvailableIpAddressCount).toBe(251 - 4);
  });

  it('launches in the default VPC without a subnet, with a public address as its subnets map one', async () => {
    const [i] = await run(a, { Placement: { AvailabilityZone: 'us-east-1c' } });
    const read = await describeOne(a, i?.InstanceId ?? '');
    expect(read.Placement?.AvailabilityZone).toBe('us-east-1c');
    const subnet = (await a.send(new DescribeSubnetsCommand({ SubnetIds: [read.SubnetId ?? ''] }))).Subnets?.[0];
    expect(subnet?.DefaultForAz).toBe(true);
    expect(read.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const groups = await a.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [read.VpcId ?? ''] }, { Name: 'group-name', Values: ['default'] }] }));
    expect(read.SecurityGroups?.map((g) => g.GroupId)).toEqual([groups.SecurityGroups?.[0]?.GroupId]);
  });

  it('takes a network interface at device 0: a new one with its own settings, or an existing available one', async () => {
    const [i] = await run(a, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId, Groups: [sg], PrivateIpAddress: '10.50.1.40', AssociatePublicIpAddress: true }] });
    const read = await describeOne(a, i?.InstanceId ?? '');
    expect(read.PrivateIpAddress).toBe('10.50.1.40');
    expect(read.PublicIpAddress).toBeDefined();
    const eni = (await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId, PrivateIpAddress: '10.50.1.41' }))).NetworkInterface?.NetworkInterfaceId ?? '';
    const [j] = await run(a, { NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: eni }] });
    const readJ = await describeOne(a, j?.InstanceId ?? '');
    expect(readJ.NetworkInterfaces?.[0]?.NetworkInterfaceId).toBe(eni);
    expect(readJ.NetworkInterfaces?.[0]?.Attachment?.DeleteOnTermination).toBe(false);
    expectEc2Error(await failure(run(a, { NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: eni }] })), 'InvalidNetworkInterface.InUse', `Interface: [${eni}] in use.`);
    // Terminated, it leaves the interface it did not make behind, detached and available.
    await a.send(new TerminateInstancesCommand({ InstanceIds: [j?.InstanceId ?? ''] }));
    const after = (await a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }))).NetworkInterfaces?.[0];
    expect(after?.Status).toBe('available');
    expect(after?.Attachment).toBeUndefined();
    expectEc2Error(await failure(run(a, { SubnetId: subnetId, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId }] })), 'InvalidParameterCombination', 'Network interfaces and an instance-level subnet ID may not be specified on the same request');
    expectEc2Error(await failure(run(a, { PrivateIpAddress: '10.50.1.60', NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId }] })), 'InvalidParameterCombination', /instance-level private IP address/);
  });

  it('refuses bad input with AWS codes, launching nothing', async () => {
    const before = (await ids(a, [])).length;
    expectEc2Error(await failure(run(a, { ImageId: 'ami-xyz', SubnetId: subnetId })), 'InvalidAMIID.Malformed', 'Invalid id: "ami-xyz" (expecting "ami-...")');
    // InstanceType is an enum in the EC2 model: a name outside it is refused as the model's enums are.
    expectEc2Error(await failure(run(a, { InstanceType: 'huge' as never, SubnetId: subnetId })), 'InvalidParameterValue', /^Value \(huge\) for parameter InstanceType is invalid/);
    expectEc2Error(await failure(run(a, { MinCount: 3, MaxCount: 2, SubnetId: subnetId })), 'InvalidParameterValue', /maxCount/);
    expectEc2Error(await failure(run(a, { MinCount: 21, MaxCount: 21, SubnetId: subnetId })), 'InstanceLimitExceeded', /\(21\)/);
    expectEc2Error(await failure(run(a, { SubnetId: subnetId, PrivateIpAddress: '10.50.1.10' })), 'InvalidIPAddress.InUse', 'The specified address is already in use.');
    expectEc2Error(await failure(run(a, { SubnetId: subnetId, PrivateIpAddress: '10.50.2.10' })), 'InvalidParameterValue', /does not fall within the subnet's address range/);
    expectEc2Error(await failure(run(a, { SubnetId: 'subnet-0123456789abcdef0' })), 'InvalidSubnetID.NotFound', /subnet-0123456789abcdef0/);
    expectEc2Error(await failure(run(a, { SubnetId: subnetId, SecurityGroupIds: ['sg-0123456789abcdef0'] })), 'InvalidGroup.NotFound', /sg-0123456789abcdef0/);
    expectEc2Error(await failure(run(a, { SubnetId: subnetId, DryRun: true })), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect((await ids(a, [])).length).toBe(before);
  });

  it('repeats a launch for a ClientToken used again', async () => {
    const one = await a.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: subnetId, ClientToken: 'launch-1' }));
    const two = await a.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 1, SubnetId: subnetId, ClientToken: 'launch-1' }));
    expect(two.ReservationId).toBe(one.ReservationId);
    expect(two.Instances?.map((i) => i.InstanceId)).toEqual(one.Instances?.map((i) => i.InstanceId));
    expect(await ids(a, [{ Name: 'client-token', Values: ['launch-1'] }])).toHaveLength(1);
    expectEc2Error(await failure(a.send(new RunInstancesCommand({ ImageId: AMI, MinCount: 1, MaxCount: 2, SubnetId: subnetId, ClientToken: 'launch-1' }))), 'IdempotentParameterMismatch', /launch-1/);
  });
});

describe('reading', () => {
  it('filters by the fields clients use', async () => {
    const v = await newVpc(a, '10.51.0.0/16');
    const s = (await a.send(new CreateSubnetCommand({ VpcId: v, CidrBlock: '10.51.0.0/24', AvailabilityZone: 'us-east-1d' }))).Subnet?.SubnetId ?? '';
    const g = (await a.send(new CreateSecurityGroupCommand({ GroupName: 'f', Description: 'f', VpcId: v }))).GroupId ?? '';
    const [x] = await run(a, { SubnetId: s, InstanceType: 'c5.large', SecurityGroupIds: [g], TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'tier', Value: 'db' }] }] });
    const [y] = await run(a, { SubnetId: s, ImageId: 'ami-0fedcba9876543210' });
    const both = [x?.InstanceId ?? '', y?.InstanceId ?? ''].sort();
    await a.send(new StopInstancesCommand({ InstanceIds: [y?.InstanceId ?? ''] }));
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }])).toEqual(both);
    expect(await ids(a, [{ Name: 'subnet-id', Values: [s] }])).toEqual(both);
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'instance-state-name', Values: ['running'] }])).toEqual([x?.InstanceId]);
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'instance-state-code', Values: ['80'] }])).toEqual([y?.InstanceId]);
    expect(await ids(a, [{ Name: 'private-ip-address', Values: ['10.51.0.4'] }])).toEqual([x?.InstanceId]);
    expect(await ids(a, [{ Name: 'instance.group-id', Values: [g] }])).toEqual([x?.InstanceId]);
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'image-id', Values: ['ami-0fedcba9876543210'] }])).toEqual([y?.InstanceId]);
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'instance-type', Values: ['c5.large'] }])).toEqual([x?.InstanceId]);
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'availability-zone', Values: ['us-east-1d'] }])).toEqual(both);
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'owner-id', Values: [A] }])).toEqual(both);
    expect(await ids(a, [{ Name: 'instance-id', Values: [x?.InstanceId ?? ''] }])).toEqual([x?.InstanceId]);
    expect(await ids(a, [{ Name: 'tag:tier', Values: ['db'] }])).toEqual([x?.InstanceId]);
    expect(await ids(a, [{ Name: 'vpc-id', Values: [v] }, { Name: 'tag-key', Values: ['tier'] }])).toEqual([x?.InstanceId]);
    expectEc2Error(await failure(a.send(new DescribeInstancesCommand({ Filters: [{ Name: 'bogus', Values: ['1'] }] }))), 'InvalidParameterValue', "The filter 'bogus' is invalid");
  });

  it('pages with MaxResults and refuses unknown and malformed ids; another account sees nothing', async () => {
    const all = await ids(a, []);
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await a.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: token }));
      const got = (r.Reservations ?? []).flatMap((x) => x.Instances ?? []);
      expect(got.length).toBeLessThanOrEqual(5);
      seen.push(...got.map((i) => i.InstanceId ?? ''));
      token = r.NextToken;
      pages++;
    } while (token);
    expect(pages).toBeGreaterThan(1);
    expect(seen.sort()).toEqual(all);
    expectEc2Error(await failure(a.send(new DescribeInstancesCommand({ InstanceIds: [MISSING] }))), 'InvalidInstanceID.NotFound', `The instance ID '${MISSING}' does not exist`);
    expectEc2Error(await failure(a.send(new DescribeInstancesCommand({ InstanceIds: ['i-zz'] }))), 'InvalidInstanceID.Malformed', 'Invalid id: "i-zz"');
    expect((await b.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
    const mine = all[0] ?? '';
    expectEc2Error(await failure(b.send(new DescribeInstancesCommand({ InstanceIds: [mine] }))), 'InvalidInstanceID.NotFound', new RegExp(mine));
    expectEc2Error(await failure(b.send(new TerminateInstancesCommand({ InstanceIds: [mine] }))), 'InvalidInstanceID.NotFound', new RegExp(mine));
    expectEc2Error(await failure(b.send(new StopInstancesCommand({ InstanceIds: [mine] }))), 'InvalidInstanceID.NotFound', new RegExp(mine));
    expectEc2Error(await failure(b.send(new StartInstancesCommand({ InstanceIds: [mine] }))), 'InvalidInstanceID.NotFound', new RegExp(mine));
    expectEc2Error(await failure(b.send(new DescribeInstanceAttributeCommand({ InstanceId: mine, Attribute: 'instanceType' }))), 'InvalidInstanceID.NotFound', new RegExp(mine));
  });
});

describe('stop, start, reboot, terminate', () => {
  let id = '';
  let eniId = '';

  beforeAll(async () => {
    const [i] = await run(a, { SubnetId: subnetId, InstanceType: 't2.micro' });
    id = i?.InstanceId ?? '';
    eniId = i?.NetworkInterfaces?.[0]?.NetworkInterfaceId ?? '';
  });

  it('stop answers stopping then reads stopped; start answers pending then reads running; waiters pass', async () => {
    const stop = await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
    expect(stop.StoppingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }]);
    expect((await waitUntilInstanceStopped({ client: a, maxWaitTime: 30 }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    const stopped = await describeOne(a, id);
    expect(stopped.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(stopped.StateReason?.Code).toBe('Client.UserInitiatedShutdown');
    expect(stopped.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
    const again = await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
    expect(again.StoppingInstances?.[0]?.CurrentState?.Name).toBe('stopped');
    const status = await a.send(new DescribeInstanceStatusCommand({ InstanceIds: [id] }));
    expect(status.InstanceStatuses).toEqual([]);
    const all = await a.send(new DescribeInstanceStatusCommand({ InstanceIds: [id], IncludeAllInstances: true }));
    expect(all.InstanceStatuses?.[0]).toMatchObject({ InstanceId: id, InstanceState: { Name: 'stopped' }, InstanceStatus: { Status: 'not-applicable' } });
    // Only a stopped instance changes type or user data.
    await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: 't3.small' } }));
    await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, UserData: { Value: new TextEncoder().encode('echo new') } }));
    const ud = await a.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'userData' }));
    expect(Buffer.from(ud.UserData?.Value ?? '', 'base64').toString()).toBe('echo new');
    const start = await a.send(new StartInstancesCommand({ InstanceIds: [id] }));
    expect(start.StartingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 0, Name: 'pending' }, PreviousState: { Code: 80, Name: 'stopped' } }]);
    expect((await waitUntilInstanceRunning({ client: a, maxWaitTime: 30 }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    const running = await describeOne(a, id);
    expect(running.InstanceType).toBe('t3.small');
    expect(running.StateTransitionReason).toBe('');
    const st = await a.send(new DescribeInstanceStatusCommand({ InstanceIds: [id] }));
    expect(st.InstanceStatuses?.[0]).toMatchObject({ InstanceState: { Code: 16, Name: 'running' }, InstanceStatus: { Status: 'ok' }, SystemStatus: { Status: 'ok' } });
    expectEc2Error(await failure(a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, InstanceType: { Value: 't3.large' } }))), 'IncorrectInstanceState', `The instance '${id}' is not in the 'stopped' state.`);
    await a.send(new RebootInstancesCommand({ InstanceIds: [id] }));
    expectEc2Error(await failure(a.send(new StopInstancesCommand({ InstanceIds: [id], DryRun: true }))), 'DryRunOperation', /DryRun/, 412);
    expect((await describeOne(a, id)).State?.Name).toBe('running');
  });

  it('attributes: read each, change protection, source/dest check and groups on the primary interface, metadata options', async () => {
    const attr = async (Attribute: string) => a.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: Attribute as never }));
    expect((await attr('instanceType')).InstanceType).toEqual({ Value: 't3.small' });
    expect((await attr('disableApiTermination')).DisableApiTermination).toEqual({ Value: false });
    expect((await attr('disableApiStop')).DisableApiStop).toEqual({ Value: false });
    expect((await attr('instanceInitiatedShutdownBehavior')).InstanceInitiatedShutdownBehavior).toEqual({ Value: 'stop' });
    expect((await attr('rootDeviceName')).RootDeviceName).toEqual({ Value: '/dev/xvda' });
    expect((await attr('sourceDestCheck')).SourceDestCheck).toEqual({ Value: true });
    await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, SourceDestCheck: { Value: false } }));
    await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, Groups: [sg] }));
    expect((await attr('sourceDestCheck')).SourceDestCheck).toEqual({ Value: false });
    expect((await attr('groupSet')).Groups).toEqual([{ GroupId: sg, GroupName: 'app' }]);
    const eni = (await a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }))).NetworkInterfaces?.[0];
    expect(eni?.SourceDestCheck).toBe(false);
    expect(eni?.Groups?.map((g) => g.GroupId)).toEqual([sg]);
    const meta = await a.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: id, HttpTokens: 'required', HttpPutResponseHopLimit: 2 }));
    expect(meta.InstanceMetadataOptions).toMatchObject({ State: 'pending', HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    expect((await describeOne(a, id)).MetadataOptions).toMatchObject({ State: 'applied', HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    const credits = await a.send(new DescribeInstanceCreditSpecificationsCommand({ InstanceIds: [id] }));
    expect(credits.InstanceCreditSpecifications).toEqual([{ InstanceId: id, CpuCredits: 'standard' }]);
    await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, DisableApiTermination: { Value: true } }));
    expectEc2Error(
      await failure(a.send(new TerminateInstancesCommand({ InstanceIds: [id] }))),
      'OperationNotPermitted',
      `The instance '${id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    );
    await a.send(new ModifyInstanceAttributeCommand({ InstanceId: id, DisableApiTermination: { Value: false } }));
    expectEc2Error(await failure(attr('nonsense')), 'InvalidParameterValue', /nonsense/);
  });

  it('an instance blocks its subnet; terminate answers shutting-down, reads terminated, its interface and Elastic IP let go', async () => {
    expectEc2Error(await failure(a.send(new DeleteSubnetCommand({ SubnetId: subnetId }))), 'DependencyViolation', `The subnet '${subnetId}' has dependencies and cannot be deleted.`);
    const igw = (await a.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? '';
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpcId }));
    const eip = await allocate(a);
    const assoc = await a.send(new AssociateAddressCommand({ AllocationId: eip.id, InstanceId: id }));
    expect(assoc.AssociationId).toBeDefined();
    const withEip = await describeOne(a, id);
    expect(withEip.PublicIpAddress).toBe(eip.ip);
    expect(withEip.NetworkInterfaces?.[0]?.Association?.PublicIp).toBe(eip.ip);
    const addr = (await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0];
    expect(addr).toMatchObject({ InstanceId: id, NetworkInterfaceId: eniId, PrivateIpAddress: withEip.PrivateIpAddress });

    const t = await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(t.TerminatingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 16, Name: 'running' } }]);
    expect((await waitUntilInstanceTerminated({ client: a, maxWaitTime: 30 }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    const gone = await describeOne(a, id);
    expect(gone.State).toEqual({ Code: 48, Name: 'terminated' });
    expect(gone.NetworkInterfaces).toEqual([]);
    expect(gone.PrivateIpAddress).toBeUndefined();
    expectEc2Error(await failure(a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eniId] }))), 'InvalidNetworkInterfaceID.NotFound', new RegExp(eniId));
    expect((await a.send(new DescribeAddressesCommand({ AllocationIds: [eip.id] }))).Addresses?.[0]?.AssociationId).toBeUndefined();
    const again = await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(again.TerminatingInstances?.[0]?.CurrentState?.Name).toBe('terminated');
    expectEc2Error(await failure(a.send(new StartInstancesCommand({ InstanceIds: [id] }))), 'IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be started.`);
    expectEc2Error(await failure(a.send(new StopInstancesCommand({ InstanceIds: [id] }))), 'IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be stopped.`);
  });
});

describe('more interfaces on an instance', () => {
  it('attaches an interface at a free device index, shows it on the instance, detaches it; the primary stays', async () => {
    const [i] = await run(a, { SubnetId: subnetId });
    const id = i?.InstanceId ?? '';
    const primaryAttachment = i?.NetworkInterfaces?.[0]?.Attachment?.AttachmentId ?? '';
    const eni = (await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId }))).NetworkInterface?.NetworkInterfaceId ?? '';
    const r = await a.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: id, DeviceIndex: 1 }));
    expect(r.AttachmentId).toMatch(/^eni-attach-[0-9a-f]{17}$/);
    const read = await describeOne(a, id);
    expect(read.NetworkInterfaces?.map((n) => [n.NetworkInterfaceId, n.Attachment?.DeviceIndex])).toEqual([
      [i?.NetworkInterfaces?.[0]?.NetworkInterfaceId, 0],
      [eni, 1],
    ]);
    const other = (await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId }))).NetworkInterface?.NetworkInterfaceId ?? '';
    expectEc2Error(await failure(a.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: other, InstanceId: id, DeviceIndex: 1 }))), 'InvalidParameterValue', `Instance '${id}' already has an interface attached at device index '1'.`);
    expectEc2Error(await failure(a.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: id, DeviceIndex: 2 }))), 'InvalidNetworkInterface.InUse', `Interface: [${eni}] in use.`);
    const zoneC = (await a.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.50.9.0/24', AvailabilityZone: 'us-east-1c' }))).Subnet?.SubnetId ?? '';
    const far = (await a.send(new CreateNetworkInterfaceCommand({ SubnetId: zoneC }))).NetworkInterface?.NetworkInterfaceId ?? '';
    expectEc2Error(await failure(a.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: far, InstanceId: id, DeviceIndex: 2 }))), 'InvalidParameterCombination', /same availability zone/);
    expectEc2Error(await failure(a.send(new DetachNetworkInterfaceCommand({ AttachmentId: primaryAttachment }))), 'OperationNotPermitted', 'The network interface at device index 0 cannot be detached.');
    expectEc2Error(await failure(a.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: eni }))), 'InvalidParameterValue', `Network interface '${eni}' is currently in use.`);
    await a.send(new DetachNetworkInterfaceCommand({ AttachmentId: r.AttachmentId }));
    expect((await describeOne(a, id)).NetworkInterfaces).toHaveLength(1);
    expectEc2Error(await failure(a.send(new DetachNetworkInterfaceCommand({ AttachmentId: r.AttachmentId }))), 'InvalidAttachmentID.NotFound', new RegExp(r.AttachmentId ?? ''));
    // Attached again, it outlives the instance (DeleteOnTermination is off for such attachments).
    await a.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni, InstanceId: id, DeviceIndex: 1 }));
    await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    const left = (await a.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: [eni] }))).NetworkInterfaces?.[0];
    expect(left?.Status).toBe('available');
  });
});

describe('what Terraform reads besides', () => {
  it('instance types by name, no volumes, no key pairs', async () => {
    const t = await a.send(new DescribeInstanceTypesCommand({ InstanceTypes: ['t3.micro', 'm5.2xlarge'] }));
    expect(t.InstanceTypes?.map((x) => [x.InstanceType, x.VCpuInfo?.DefaultVCpus, x.BurstablePerformanceSupported])).toEqual([
      ['t3.micro', 2, true],
      ['m5.2xlarge', 8, false],
    ]);
    expectEc2Error(await failure(a.send(new DescribeInstanceTypesCommand({ InstanceTypes: ['nope' as never] }))), 'InvalidParameterValue', /^Value \(nope\) for parameter InstanceType/);
    expect((await a.send(new DescribeVolumesCommand({}))).Volumes).toEqual([]);
    expectEc2Error(await failure(a.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0123456789abcdef0'] }))), 'InvalidVolume.NotFound', "The volume 'vol-0123456789abcdef0' does not exist.");
    expect((await a.send(new DescribeKeyPairsCommand({}))).KeyPairs).toEqual([]);
    expectEc2Error(await failure(a.send(new DescribeKeyPairsCommand({ KeyNames: ['k'] }))), 'InvalidKeyPair.NotFound', "The key pair 'k' does not exist");
  });
});

describe('the audit trail', () => {
  it('names the interface and the instance each create made, and the instances each state call moved', async () => {
    const eni = (await a.send(new CreateNetworkInterfaceCommand({ SubnetId: subnetId }))).NetworkInterface?.NetworkInterfaceId ?? '';
    const [i] = await run(a, { SubnetId: subnetId });
    const id = i?.InstanceId ?? '';
    await a.send(new StopInstancesCommand({ InstanceIds: [id] }));
    await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    const r = await send(server.url, await signRequest(server.url, { accessKeyId: A, secretAccessKey: 'x' }, { method: 'GET', path: '/_vpcpeer/events', query: { limit: '1000' } }));
    expect(r.status).toBe(200);
    const events = (JSON.parse(r.text) as { events: { action: string; resourceIds: string[]; code: string }[] }).events;
    const find = (action: string, rid: string) => events.find((e) => e.action === action && e.resourceIds.includes(rid));
    expect(find('CreateNetworkInterface', eni)?.code).toBe('OK');
    expect(find('RunInstances', id)?.code).toBe('OK');
    expect(find('StopInstances', id)?.code).toBe('OK');
    expect(find('TerminateInstances', id)?.code).toBe('OK');
  });
});

describe('an hour on', () => {
  it('a terminated instance is gone: Describe by its id answers NotFound', async () => {
    const [i] = await run(a, { SubnetId: subnetId });
    const id = i?.InstanceId ?? '';
    await a.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect((await describeOne(a, id)).State?.Name).toBe('terminated');
    await advanceClock(server, 61 * 60 * 1000);
    expectEc2Error(await failure(a.send(new DescribeInstancesCommand({ InstanceIds: [id] }))), 'InvalidInstanceID.NotFound', new RegExp(id));
    expect(await ids(a, [{ Name: 'instance-state-name', Values: ['terminated'] }])).toEqual([]);
  });
});
