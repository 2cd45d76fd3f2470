import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { adminGet, startServer } from '../support/start-server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const AUTH = 'AWS4-HMAC-SHA256 Credential=111111111111/20261127/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00';

async function call(body: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; text: string; code?: string; message?: string }> {
  const res = await fetch(server.url + '/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: AUTH, ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1] };
}


function form(action: string, params: Record<string, string> = {}): string {
  return new URLSearchParams({ Action: action, Version: '2016-11-15', ...params }).toString();
}

async function createVpc(cidr: string): Promise<string> {
  const r = await call(form('CreateVpc', { CidrBlock: cidr }));
  const id = /<vpcId>([^<]+)<\/vpcId>/.exec(r.text)?.[1];
  if (!id) throw new Error(r.text);
  return id;
}

describe('bad input gets an AWS-style 4xx and changes nothing', () => {
  it.each([
    ['no Action', 'Version=2016-11-15', 400, 'MissingAction'],
    ['unknown Action', form('LaunchRockets'), 400, 'InvalidAction'],
    ['wrong Version', 'Action=DescribeVpcs&Version=2014-01-01', 400, 'NoSuchVersion'],
    ['no Version', 'Action=DescribeVpcs', 400, 'MissingParameter'],
    ['unknown parameter', form('DescribeVpcs', { Colour: 'blue' }), 400, 'UnknownParameter'],
    ['missing required parameter', form('CreateVpcPeeringConnection'), 400, 'MissingParameter'],
    ['malformed vpc id', form('DescribeVpcs', { 'VpcId.1': 'vpc-xyz' }), 400, 'InvalidVpcID.Malformed'],
    ['malformed pcx id', form('AcceptVpcPeeringConnection', { VpcPeeringConnectionId: 'pcx-' }), 400, 'InvalidVpcPeeringConnectionId.Malformed'],
    ['unknown pcx id', form('DescribeVpcPeeringConnections', { 'VpcPeeringConnectionId.1': 'pcx-0123456789abcdef0' }), 400, 'InvalidVpcPeeringConnectionID.NotFound'],
    ['CIDR /33', form('CreateVpc', { CidrBlock: '10.0.0.0/33' }), 400, 'InvalidParameterValue'],
    ['CIDR octet 300', form('CreateVpc', { CidrBlock: '300.1.1.1/16' }), 400, 'InvalidParameterValue'],
    ['VPC larger than /16', form('CreateVpc', { CidrBlock: '10.0.0.0/8' }), 400, 'InvalidVpc.Range'],
    ['VPC smaller than /28', form('CreateVpc', { CidrBlock: '10.0.0.0/29' }), 400, 'InvalidVpc.Range'],
    ['VPC block with host bits', form('CreateVpc', { CidrBlock: '10.0.0.1/16' }), 400, 'InvalidVpc.Range'],
    ['MaxResults too small', form('DescribeVpcPeeringConnections', { MaxResults: '4' }), 400, 'InvalidParameterValue'],
    ['MaxResults too large', form('DescribeRouteTables', { MaxResults: '101' }), 400, 'InvalidParameterValue'],
    ['MaxResults not a number', form('DescribeVpcs', { MaxResults: 'ten' }), 400, 'InvalidParameterValue'],
    ['bad NextToken', form('DescribeVpcPeeringConnections', { NextToken: 'not-a-token' }), 400, 'InvalidNextToken'],
    ['unknown filter', form('DescribeVpcPeeringConnections', { 'Filter.1.Name': 'colour', 'Filter.1.Value.1': 'x' }), 400, 'InvalidParameterValue'],
    ['filter value over 255 chars', form('DescribeVpcs', { 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': 'x'.repeat(256) }), 400, 'FilterLimitExceeded'],
    ['huge list index', form('DescribeVpcs', { 'Filter.999999.Name': 'vpc-id', 'Filter.999999.Value.1': 'x' }), 400, 'InvalidParameterValue'],
    ['bad boolean', form('DescribeVpcs', { DryRun: 'maybe' }), 400, 'InvalidParameterValue'],
    ['tag key too long', form('CreateTags', { 'ResourceId.1': 'vpc-0123456789abcdef0', 'Tag.1.Key': 'k'.repeat(129), 'Tag.1.Value': 'v' }), 400, 'InvalidParameterValue'],
    ['tag value too long', form('CreateTags', { 'ResourceId.1': 'vpc-0123456789abcdef0', 'Tag.1.Key': 'k', 'Tag.1.Value': 'v'.repeat(257) }), 400, 'InvalidParameterValue'],
    ['reserved tag key', form('CreateTags', { 'ResourceId.1': 'vpc-0123456789abcdef0', 'Tag.1.Key': 'aws:x', 'Tag.1.Value': 'v' }), 400, 'InvalidParameterValue'],
    ['invalid percent-encoding', 'Action=DescribeVpcs&Version=2016-11-15&VpcId.1=%E0%A4%A', 400, 'MalformedQueryString'],
  ])('%s', async (_name, body, status, code) => {
    const r = await call(body);
    expect(r.status).toBe(status);
    expect(r.code).toBe(code);
    expect(r.message?.length).toBeGreaterThan(0);
    expect(r.text).toMatch(/<Response><Errors><Error><Code>[^<]+<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/);
  });

  it('invalid UTF-8 in the body is refused', async () => {
    const bytes = new Uint8Array([...Buffer.from('Action=DescribeVpcs&Version=2016-11-15&x='), 0xff, 0xfe]);
    const r = await call(bytes);
    expect([r.status, r.code]).toEqual([400, 'MalformedQueryString']);
  });

  it('an oversized body is refused with 413', async () => {
    const r = await call(form('DescribeVpcs') + '&pad=' + 'x'.repeat(2 * 1024 * 1024));
    expect(r.status).toBe(413);
    expect(r.code).toBe('RequestEntityTooLarge');
  });

  it('DryRun answers 412 and creates nothing', async () => {
    const before = (await call(form('DescribeVpcs'))).text.match(/<vpcId>/g)?.length;
    const r = await call(form('CreateVpc', { CidrBlock: '10.9.0.0/16', DryRun: 'true' }));
    expect([r.status, r.code, r.message]).toEqual([412, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.']);
    expect((await call(form('DescribeVpcs'))).text.match(/<vpcId>/g)?.length).toBe(before);
  });

  it('a refused create leaves no trace (the transaction rolls back)', async () => {
    const vpc = await createVpc('10.20.0.0/16');
    const before = await call(form('DescribeTags'));
    const r = await call(form('CreateRouteTable', { VpcId: vpc, 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'x' }));
    expect(r.code).toBe('InvalidParameterValue');
    const tables = await call(form('DescribeRouteTables', { 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpc }));
    expect(new Set(tables.text.match(/rtb-[0-9a-f]{17}/g)).size).toBe(1);
    const after = await call(form('DescribeTags'));
    expect(after.text.replace(/<requestId>[^<]*/, '')).toBe(before.text.replace(/<requestId>[^<]*/, ''));
  });

  it('XML special characters in tag values round-trip escaped', async () => {
    const vpc = await createVpc('10.21.0.0/16');
    const value = `<a href="x">&'</a> ]]> é ✓`;
    const r = await call(form('CreateTags', { 'ResourceId.1': vpc, 'Tag.1.Key': 'Name', 'Tag.1.Value': value }));
    expect(r.status).toBe(200);
    const described = await call(form('DescribeTags', { 'Filter.1.Name': 'resource-id', 'Filter.1.Value.1': vpc }));
    expect(described.text).toContain('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; ]]&gt; é ✓');
  });

  it('GET with the query string works like POST', async () => {
    const res = await fetch(`${server.url}/?${form('DescribeRegions')}`, { headers: { authorization: AUTH } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<regionName>us-west-2</regionName>');
  });

  it('the server is still healthy after all of the above', async () => {
    expect(await adminGet(server, '/_vpcpeer/health')).toMatchObject({ status: 'ok' });
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toContain('"level":50');
  });
});

