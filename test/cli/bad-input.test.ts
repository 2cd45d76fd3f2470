import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import { ACCOUNT_A, createVpc, useServer, type Tag, type Vpc } from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

/** Scenario 10: bad input through the CLI, and XML-special characters in tags (AWS-BEHAVIOUR.md §4.10, §4.12, §5). */
describe.skipIf(!available)('AWS CLI: bad input', () => {
  const suite = useServer();

  it.concurrent('create-vpc with an invalid or out-of-range CIDR is refused and creates nothing', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [slash33, octet300, slash8] = await Promise.all([
      a.fail('ec2', 'create-vpc', '--cidr-block', '10.0.0.0/33'),
      a.fail('ec2', 'create-vpc', '--cidr-block', '300.1.1.1/16'),
      a.fail('ec2', 'create-vpc', '--cidr-block', '10.0.0.0/8'),
    ]);
    expect(slash33.code).toBe('InvalidParameterValue');
    expect(slash33.message).toContain('10.0.0.0/33');
    expect(octet300.code).toBe('InvalidParameterValue');
    expect(octet300.message).toContain('300.1.1.1/16');
    // A VPC block must be between /16 and /28.
    expect(slash8.code).toBe('InvalidVpc.Range');
    expect(slash8.message).toContain('10.0.0.0/8');
    const vpcs = await a.ok<{ Vpcs: Vpc[] }>('ec2', 'describe-vpcs');
    expect(vpcs.Vpcs.map((v) => v.CidrBlock)).not.toContain('10.0.0.0/8');
  });

  it.concurrent('describe-vpcs with a malformed id', async ({ expect }) => {
    const err = await suite.as(ACCOUNT_A).fail('ec2', 'describe-vpcs', '--vpc-ids', 'vpc-xyz');
    expect(err.code).toBe('InvalidVpcID.Malformed');
    expect(err.message).toContain('vpc-xyz');
  });

  it.concurrent('tag keys and values with <>&"\' round-trip exactly through create-tags, describe-tags and a tag filter', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const vpc = await createVpc(a, '10.95.0.0/16');
    const key = `k<>&"'`;
    const value = `a <b> & "c" 'd' &amp; </value>`;
    // JSON form: the CLI's shorthand syntax cannot carry quotes.
    await a.ok('ec2', 'create-tags', '--resources', vpc.VpcId, '--tags', JSON.stringify([{ Key: key, Value: value }]));
    const [tags, filtered] = await Promise.all([
      a.ok<{ Tags: (Tag & { ResourceId: string; ResourceType: string })[] }>('ec2', 'describe-tags', '--filters', `Name=resource-id,Values=${vpc.VpcId}`),
      a.ok<{ Vpcs: (Vpc & { Tags?: Tag[] })[] }>('ec2', 'describe-vpcs', '--filters', JSON.stringify([{ Name: `tag:${key}`, Values: [value] }])),
    ]);
    expect(tags.Tags).toEqual([{ Key: key, Value: value, ResourceId: vpc.VpcId, ResourceType: 'vpc' }]);
    expect(filtered.Vpcs.map((v) => v.VpcId)).toEqual([vpc.VpcId]);
    expect(filtered.Vpcs[0]?.Tags).toEqual([{ Key: key, Value: value }]);
  });
});
