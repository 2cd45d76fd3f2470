// The retired EC2-Classic calls through the AWS SDK for JavaScript v3: each answers 400
// UnsupportedOperation with AWS's sentence (AWS-BEHAVIOUR.md §4.6), after the request has been
// decoded and DryRun answered, and changes nothing.
import {
  DescribeVpcClassicLinkCommand,
  DescribeVpcClassicLinkDnsSupportCommand,
  DescribeVpcsCommand,
  DisableVpcClassicLinkCommand,
  DisableVpcClassicLinkDnsSupportCommand,
  EnableVpcClassicLinkCommand,
  EnableVpcClassicLinkDnsSupportCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

const RETIRED = 'The functionality you requested is not available in this region.';

let server: RunningServer;
let a: EC2Client;
let vpcId = '';

beforeAll(async () => {
  server = await startServer({ inMemory: true });
  a = ec2(server.url, '111111111111');
  vpcId = await newVpc(a, '10.40.0.0/16');
});

afterAll(async () => {
  await server?.stop();
});

describe('retired ClassicLink calls', () => {
  it('every one of them: 400 UnsupportedOperation, whatever VPC it names', async () => {
    const calls = [
      () => a.send(new DescribeVpcClassicLinkCommand({})),
      () => a.send(new DescribeVpcClassicLinkCommand({ VpcIds: [vpcId], Filters: [{ Name: 'is-classic-link-enabled', Values: ['true'] }] })),
      () => a.send(new DescribeVpcClassicLinkDnsSupportCommand({})),
      () => a.send(new DescribeVpcClassicLinkDnsSupportCommand({ VpcIds: [vpcId], MaxResults: 5 })),
      () => a.send(new EnableVpcClassicLinkCommand({ VpcId: vpcId })),
      () => a.send(new DisableVpcClassicLinkCommand({ VpcId: vpcId })),
      () => a.send(new EnableVpcClassicLinkDnsSupportCommand({ VpcId: vpcId })),
      () => a.send(new DisableVpcClassicLinkDnsSupportCommand({ VpcId: vpcId })),
      // An id that exists nowhere gets the same answer: the feature is gone, not the VPC.
      () => a.send(new EnableVpcClassicLinkCommand({ VpcId: 'vpc-0123456789abcdef0' })),
      () => a.send(new DisableVpcClassicLinkDnsSupportCommand({})),
    ];
    for (const call of calls) expectEc2Error(await failure(call()), 'UnsupportedOperation', RETIRED);
  });

  it('in every Region and account alike', async () => {
    const b = ec2(server.url, '222222222222', 'eu-west-1');
    expectEc2Error(await failure(b.send(new DescribeVpcClassicLinkCommand({}))), 'UnsupportedOperation', RETIRED);
    expectEc2Error(await failure(b.send(new EnableVpcClassicLinkDnsSupportCommand({ VpcId: vpcId }))), 'UnsupportedOperation', RETIRED);
  });

  it('input is decoded first: a missing required VpcId and a MaxResults out of the model bounds are refused as such', async () => {
    expectEc2Error(await failure(a.send(new EnableVpcClassicLinkCommand({} as { VpcId: string }))), 'MissingParameter', 'The request must contain the parameter vpcId');
    expectEc2Error(await failure(a.send(new DisableVpcClassicLinkCommand({} as { VpcId: string }))), 'MissingParameter', 'The request must contain the parameter vpcId');
    expectEc2Error(
      await failure(a.send(new DescribeVpcClassicLinkDnsSupportCommand({ MaxResults: 256 }))),
      'InvalidParameterValue',
      'Value ( 256 ) for parameter maxResults is invalid. Expecting a value less than or equal to 255.',
    );
  });

  it('DryRun is answered first: 412 DryRunOperation', async () => {
    expectEc2Error(await failure(a.send(new DescribeVpcClassicLinkCommand({ DryRun: true }))), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expectEc2Error(await failure(a.send(new EnableVpcClassicLinkCommand({ VpcId: vpcId, DryRun: true }))), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  });

  it('nothing changes: the VPC reads as before', async () => {
    const before = (await a.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs;
    await failure(a.send(new EnableVpcClassicLinkCommand({ VpcId: vpcId })));
    await failure(a.send(new EnableVpcClassicLinkDnsSupportCommand({ VpcId: vpcId })));
    expect((await a.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs).toEqual(before);
  });
});
