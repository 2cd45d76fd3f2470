import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { ec2, expectEc2Error, failure, newVpc } from './sdk-helpers.js';

// DescribeVpcs filter names as real clients send them, older spellings included
// (AWS-BEHAVIOUR.md §4.6: AWS accepts `cidr-block` and `isDefault` besides the documented names).
const ACCOUNT = '777777777701';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe('DescribeVpcs filters', () => {
  it('cidr-block is the older name of cidr: both match the primary block exactly', async () => {
    const c = ec2(server.url, ACCOUNT);
    const vpc = await newVpc(c, '10.77.0.0/16');
    await newVpc(c, '10.78.0.0/16');
    for (const name of ['cidr', 'cidr-block']) {
      const r = await c.send(new DescribeVpcsCommand({ Filters: [{ Name: name, Values: ['10.77.0.0/16'] }] }));
      expect(r.Vpcs?.map((v) => v.VpcId), name).toEqual([vpc]);
      const none = await c.send(new DescribeVpcsCommand({ Filters: [{ Name: name, Values: ['10.77.0.0/24'] }] }));
      expect(none.Vpcs, name).toEqual([]);
    }
  });

  it('isDefault and is-default find the default VPC alone', async () => {
    const c = ec2(server.url, ACCOUNT);
    for (const name of ['isDefault', 'is-default']) {
      const r = await c.send(new DescribeVpcsCommand({ Filters: [{ Name: name, Values: ['true'] }] }));
      expect(r.Vpcs?.map((v) => v.CidrBlock), name).toEqual(['172.31.0.0/16']);
    }
  });

  it('a name AWS does not know is still refused', async () => {
    const c = ec2(server.url, ACCOUNT);
    expectEc2Error(await failure(c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr-blocks', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'cidr-blocks' is invalid");
  });
});
