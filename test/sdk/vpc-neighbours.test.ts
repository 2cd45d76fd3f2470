import {
  AssociateVpcCidrBlockCommand,
  DeleteVpcCommand,
  DescribeDhcpOptionsCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { ec2, expectEc2Error, failure, newVpc, sts } from './sdk-helpers.js';

// What Terraform's provider reads around every VPC (AWS-BEHAVIOUR.md §5.5): the default security
// group and network ACL, the default VPC's gateway, the DHCP options, and (empty) interfaces.
const ACCOUNT = '666666666666';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe('the neighbours of a VPC', () => {
  it('every VPC has exactly one default security group, as AWS creates it', async () => {
    const c = ec2(server.url, ACCOUNT);
    const vpc = await newVpc(c, '10.40.0.0/16');
    const r = await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'group-name', Values: ['default'] }] }));
    expect(r.SecurityGroups).toHaveLength(1);
    const sg = r.SecurityGroups?.[0];
    expect(sg).toMatchObject({ GroupName: 'default', Description: 'default VPC security group', VpcId: vpc, OwnerId: ACCOUNT });
    expect(sg?.GroupId).toMatch(/^sg-[0-9a-f]{17}$/);
    expect(sg?.IpPermissions).toEqual([{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: sg?.GroupId, UserId: ACCOUNT }] }]);
    expect(sg?.IpPermissionsEgress?.[0]?.IpRanges).toEqual([{ CidrIp: '0.0.0.0/0' }]);
    const byName = await c.send(new DescribeSecurityGroupsCommand({ GroupNames: ['default'] }));
    const defaultVpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId;
    expect(byName.SecurityGroups?.map((g) => g.VpcId)).toEqual([defaultVpc]);
    expectEc2Error(await failure(c.send(new DescribeSecurityGroupsCommand({ GroupNames: ['nope'] }))), 'InvalidGroup.NotFound', `The security group 'nope' does not exist in default VPC '${defaultVpc}'`);
  });

  it('every VPC has one default network ACL allowing all, with IPv6 rules once it has IPv6', async () => {
    const c = ec2(server.url, ACCOUNT);
    const vpc = await newVpc(c, '10.41.0.0/16');
    const find = async () => (await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'default', Values: ['true'] }] }))).NetworkAcls;
    const acls = await find();
    expect(acls).toHaveLength(1);
    expect(acls?.[0]?.IsDefault).toBe(true);
    // AWS lists egress entries first, each direction by rule number (EC2 CLI describe-network-acls example).
    expect(acls?.[0]?.Entries?.map((e) => [e.RuleNumber, e.Egress, e.RuleAction, e.CidrBlock])).toEqual([
      [100, true, 'allow', '0.0.0.0/0'],
      [32767, true, 'deny', '0.0.0.0/0'],
      [100, false, 'allow', '0.0.0.0/0'],
      [32767, false, 'deny', '0.0.0.0/0'],
    ]);
    await c.send(new AssociateVpcCidrBlockCommand({ VpcId: vpc, AmazonProvidedIpv6CidrBlock: true }));
    expect((await find())?.[0]?.Entries?.filter((e) => e.Ipv6CidrBlock === '::/0')).toHaveLength(4);
  });

  it('the default VPC has an attached internet gateway and a dopt- DHCP options set', async () => {
    const c = ec2(server.url, ACCOUNT);
    const vpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
    const igws = await c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpc?.VpcId ?? ''] }] }));
    expect(igws.InternetGateways?.[0]?.Attachments).toEqual([{ State: 'available', VpcId: vpc?.VpcId }]);
    expect(vpc?.DhcpOptionsId).toMatch(/^dopt-[0-9a-f]{17}$/);
    const dopt = await c.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [vpc?.DhcpOptionsId ?? ''] }));
    expect(dopt.DhcpOptions?.[0]?.DhcpConfigurations).toEqual([
      { Key: 'domain-name', Values: [{ Value: 'ec2.internal' }] },
      { Key: 'domain-name-servers', Values: [{ Value: 'AmazonProvidedDNS' }] },
    ]);
  });

  it('no network interfaces exist; an unknown filter is still refused', async () => {
    const c = ec2(server.url, ACCOUNT);
    const r = await c.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'subnet-id', Values: ['subnet-0123456789abcdef0'] }] }));
    expect(r.NetworkInterfaces).toEqual([]);
    expectEc2Error(await failure(c.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'colour' is invalid");
  });

  it('deleting a VPC removes its default security group and network ACL', async () => {
    const c = ec2(server.url, ACCOUNT);
    const vpc = await newVpc(c, '10.42.0.0/16');
    await c.send(new DeleteVpcCommand({ VpcId: vpc }));
    expect((await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).SecurityGroups).toEqual([]);
    expect((await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).NetworkAcls).toEqual([]);
  });
});

describe('STS', () => {
  it('AssumeRole hands out credentials of the role account that work in any region', async () => {
    const base = sts(server.url, '111111111111');
    expect((await base.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::111111111111:root');
    const assumed = await base.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::222222222222:role/network/peering', RoleSessionName: 'ci-run', DurationSeconds: 900 }));
    const creds = assumed.Credentials;
    expect(creds?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds?.SessionToken?.length).toBeGreaterThan(20);
    expect(creds?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 800_000);
    expect(assumed.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/peering/ci-run');
    const credentials = { accessKeyId: creds?.AccessKeyId ?? '', secretAccessKey: creds?.SecretAccessKey ?? '', sessionToken: creds?.SessionToken ?? '' };
    const who = await new STSClient({ endpoint: server.url, region: 'eu-west-1', credentials, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/peering/ci-run' });
    expect(who.UserId).toMatch(/^AROA[0-9A-F]{17}:ci-run$/);
    const vpcs = await ec2(server.url, 'x', 'us-west-2').send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs?.[0]?.OwnerId).toBe('000000000000');
    const { EC2Client } = await import('@aws-sdk/client-ec2');
    const asRole = new EC2Client({ endpoint: server.url, region: 'us-west-2', credentials, maxAttempts: 1 });
    expect((await asRole.send(new DescribeVpcsCommand({}))).Vpcs?.[0]?.OwnerId).toBe('222222222222');
  });

  it('AssumeRole refuses a malformed role ARN or session name', async () => {
    const base = sts(server.url, '111111111111');
    await expect(base.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::12:role/x', RoleSessionName: 'ok-name' }))).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(base.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::222222222222:role/x', RoleSessionName: 'bad name!' }))).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
