import { describe, it, expect } from 'vitest';
import { decodeQuery } from '../../src/protocol/decode-query.js';
import { ProtocolError } from '../../src/protocol/protocol-error.js';
import type { Ec2OperationName } from '../../src/protocol/model/ec2-types.js';

type Params = Array<[string, string]>;

/** Parses `a=1&b=2` the way the server hands parameters over (decoded, in order). */
function q(query: string): Params {
  return [...new URLSearchParams(query)];
}

/** The ProtocolError `decodeQuery` throws (fails the test if it throws nothing or something else). */
function errorOf(operation: Ec2OperationName, params: Params): ProtocolError {
  try {
    decodeQuery(operation, params);
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return error as ProtocolError;
  }
  throw new Error('expected decodeQuery to throw');
}

function expectError(operation: Ec2OperationName, params: Params, code: string, message: string | RegExp): void {
  const error = errorOf(operation, params);
  expect(error.code).toBe(code);
  expect(error.httpStatus).toBe(400);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

describe('decodeQuery: scalars and structures', () => {
  it('decodes strings and booleans by wire name', () => {
    expect(decodeQuery('DeleteVpc', q('VpcId=vpc-1&DryRun=true'))).toEqual({ VpcId: 'vpc-1', DryRun: true });
  });

  it('reads booleans case-insensitively', () => {
    expect(decodeQuery('DeleteVpc', q('VpcId=v&DryRun=TRUE')).DryRun).toBe(true);
    expect(decodeQuery('DeleteVpc', q('VpcId=v&DryRun=False')).DryRun).toBe(false);
  });

  it('keeps empty strings', () => {
    expect(decodeQuery('DeleteVpc', q('VpcId='))).toEqual({ VpcId: '' });
  });

  it('decodes integers and strings side by side', () => {
    expect(decodeQuery('DescribeVpcs', q('MaxResults=10&NextToken=abc%3D%3D'))).toEqual({ MaxResults: 10, NextToken: 'abc==' });
  });

  it('decodes nested structures with dots', () => {
    expect(
      decodeQuery(
        'ModifyVpcPeeringConnectionOptions',
        q(
          'VpcPeeringConnectionId=pcx-1' +
            '&RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc=true' +
            '&AccepterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc=false' +
            '&AccepterPeeringConnectionOptions.AllowEgressFromLocalVpcToRemoteClassicLink=true',
        ),
      ),
    ).toEqual({
      VpcPeeringConnectionId: 'pcx-1',
      RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
      AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: true },
    });
    expect(decodeQuery('ModifyVpcAttribute', q('VpcId=vpc-1&EnableDnsHostnames.Value=true'))).toEqual({
      VpcId: 'vpc-1',
      EnableDnsHostnames: { Value: true },
    });
  });

  it('uses the capitalised locationName, not the member name', () => {
    // CreateTags: Resources has locationName ResourceId, Tags has Tag; DeleteTags spells them resourceId/tag.
    const expected = { Resources: ['vpc-1', 'subnet-2'], Tags: [{ Key: 'Name', Value: 'a' }] };
    expect(decodeQuery('CreateTags', q('ResourceId.1=vpc-1&ResourceId.2=subnet-2&Tag.1.Key=Name&Tag.1.Value=a'))).toEqual(expected);
    expect(decodeQuery('DeleteTags', q('ResourceId.1=vpc-1&ResourceId.2=subnet-2&Tag.1.Key=Name&Tag.1.Value=a'))).toEqual(expected);
    expectError('CreateTags', q('Resources.1=vpc-1&Tag.1.Key=k'), 'UnknownParameter', 'The parameter Resources.1 is not recognized');
  });
});

describe('decodeQuery: lists', () => {
  it('decodes flattened lists of scalars', () => {
    expect(decodeQuery('DescribeVpcPeeringConnections', q('VpcPeeringConnectionId.1=pcx-1&VpcPeeringConnectionId.2=pcx-2'))).toEqual({
      VpcPeeringConnectionIds: ['pcx-1', 'pcx-2'],
    });
  });

  it('decodes lists of structures holding lists (Filter.N.Value.M)', () => {
    const params = q('Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1&Filter.1.Value.2=vpc-2&Filter.2.Name=state&Filter.2.Value.1=available&MaxResults=5');
    expect(decodeQuery('DescribeSubnets', params)).toEqual({
      Filters: [
        { Name: 'vpc-id', Values: ['vpc-1', 'vpc-2'] },
        { Name: 'state', Values: ['available'] },
      ],
      MaxResults: 5,
    });
  });

  it('decodes TagSpecification.N.Tag.M.Key', () => {
    const params = q(
      'VpcId=vpc-1&PeerVpcId=vpc-2&TagSpecification.1.ResourceType=vpc-peering-connection' +
        '&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=peer&TagSpecification.1.Tag.2.Key=env&TagSpecification.1.Tag.2.Value=',
    );
    expect(decodeQuery('CreateVpcPeeringConnection', params)).toEqual({
      VpcId: 'vpc-1',
      PeerVpcId: 'vpc-2',
      TagSpecifications: [
        {
          ResourceType: 'vpc-peering-connection',
          Tags: [
            { Key: 'Name', Value: 'peer' },
            { Key: 'env', Value: '' },
          ],
        },
      ],
    });
  });

  it('orders items by index, whatever the parameter order, and closes gaps', () => {
    expect(decodeQuery('DescribeVpcs', q('VpcId.1000=c&VpcId.7=b&VpcId.2=a'))).toEqual({ VpcIds: ['a', 'b', 'c'] });
    expect(decodeQuery('DescribeVpcs', q('Filter.3.Value.9=z&Filter.3.Name=n&Filter.3.Value.4=y'))).toEqual({
      Filters: [{ Name: 'n', Values: ['y', 'z'] }],
    });
  });

  it('accepts an empty value as an empty list (generic query-protocol spelling)', () => {
    expect(decodeQuery('DescribeVpcs', q('Filter='))).toEqual({ Filters: [] });
  });

  it.each([
    ['Filter.999999.Value.1=x', /index 999999 .*out of range/],
    ['Filter.1001.Name=x', /index 1001 .*out of range/],
    ['Filter.1.Value.123456789012345678901234567890=x', /out of range/],
    ['Filter.0.Name=x', /Invalid list index '0'/],
    ['Filter.01.Name=x', /Invalid list index '01'/],
    ['Filter.-1.Name=x', /Invalid list index '-1'/],
    ['Filter.1e2.Name=x', /Invalid list index '1e2'/],
    ['Filter..Name=x', /Invalid list index ''/],
    ['VpcId.abc=x', /Invalid list index 'abc' in parameter VpcId\.abc/],
  ])('rejects the bad list index in %s', (query, message) => {
    expectError('DescribeVpcs', q(query), 'InvalidParameterValue', message);
  });

  it('accepts index 1000', () => {
    expect(decodeQuery('DescribeVpcs', q('VpcId.1000=x'))).toEqual({ VpcIds: ['x'] });
  });
});

describe('decodeQuery: lower-camel aliases', () => {
  it('accepts a lower-case first letter in every segment', () => {
    expect(decodeQuery('DescribeVpcPeeringConnections', q('vpcPeeringConnectionId.1=pcx-1&filter.1.name=status-code&filter.1.value.1=active&maxResults=5&dryRun=false'))).toEqual({
      VpcPeeringConnectionIds: ['pcx-1'],
      Filters: [{ Name: 'status-code', Values: ['active'] }],
      MaxResults: 5,
      DryRun: false,
    });
    expect(decodeQuery('CreateVpc', q('cidrBlock=10.0.0.0/16&tagSpecification.1.resourceType=vpc&tagSpecification.1.tag.1.key=k'))).toEqual({
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'k' }] }],
    });
  });

  it('lets the last of two spellings of one key win', () => {
    expect(decodeQuery('DeleteVpc', q('VpcId=vpc-a&vpcId=vpc-b'))).toEqual({ VpcId: 'vpc-b' });
    expect(decodeQuery('DeleteVpc', q('VpcId=vpc-a&VpcId=vpc-c'))).toEqual({ VpcId: 'vpc-c' });
  });

  it('does not fold the rest of a segment', () => {
    expectError('DeleteVpc', q('VPCID=vpc-1'), 'UnknownParameter', 'The parameter VPCID is not recognized');
  });
});

describe('decodeQuery: errors', () => {
  it('reports unknown parameters', () => {
    expectError('DeleteVpc', q('VpcId=v&Bogus=1'), 'UnknownParameter', 'The parameter Bogus is not recognized');
    expectError('DescribeVpcs', q('VpcIds.1=vpc-1'), 'UnknownParameter', 'The parameter VpcIds.1 is not recognized');
    expectError('DescribeVpcs', q('Filter.1.Bogus=1'), 'UnknownParameter', 'The parameter Filter.1.Bogus is not recognized');
    expectError('DescribeVpcs', q('Action=DescribeVpcs'), 'UnknownParameter', 'The parameter Action is not recognized');
    expectError('DescribeVpcs', [['', 'x']], 'UnknownParameter', 'The parameter  is not recognized');
  });

  it('reports a scalar given with sub-keys as unknown', () => {
    expectError('DeleteVpc', q('VpcId.1=vpc-1'), 'UnknownParameter', 'The parameter VpcId.1 is not recognized');
    expectError('DeleteVpc', q('VpcId=v&DryRun.Value=true'), 'UnknownParameter', 'The parameter DryRun.Value is not recognized');
  });

  it('rejects a structure or list given as a value', () => {
    expectError('DescribeVpcs', q('Filter.1=vpc-id'), 'InvalidParameterValue', /Invalid value 'vpc-id' for parameter Filter\.1: expected a structure/);
    expectError('DescribeVpcs', q('Filter=x'), 'InvalidParameterValue', /parameter Filter: expected a list/);
    expectError(
      'ModifyVpcPeeringConnectionOptions',
      q('VpcPeeringConnectionId=pcx-1&RequesterPeeringConnectionOptions=true'),
      'InvalidParameterValue',
      /Invalid value 'true' for parameter RequesterPeeringConnectionOptions/,
    );
  });

  it('reports missing required members by wire name', () => {
    expectError('DeleteVpc', [], 'MissingParameter', 'The request must contain the parameter vpcId');
    expectError('DeleteVpc', q('DryRun=true'), 'MissingParameter', 'The request must contain the parameter vpcId');
    expectError('CreateTags', q('ResourceId.1=vpc-1'), 'MissingParameter', 'The request must contain the parameter tag');
    expectError('DescribeVpcAttribute', q('VpcId=vpc-1'), 'MissingParameter', 'The request must contain the parameter attribute');
  });

  it('checks required members of nested structures only when the structure is present', () => {
    expect(decodeQuery('CreateVpc', q('CidrBlock=10.0.0.0/16'))).toEqual({ CidrBlock: '10.0.0.0/16' });
    expectError('CreateVpc', q('VpcEncryptionControl.VpcPeeringExclusion=enable'), 'MissingParameter', 'The request must contain the parameter VpcEncryptionControl.Mode');
    expect(decodeQuery('CreateVpc', q('VpcEncryptionControl.Mode=monitor'))).toEqual({ VpcEncryptionControl: { Mode: 'monitor' } });
  });

  it.each([
    ['DryRun=yes', /^Invalid value 'yes' for parameter DryRun/],
    ['DryRun=', /^Invalid value '' for parameter DryRun/],
    ['dryRun=1', /^Invalid value '1' for parameter dryRun/],
    ['MaxResults=abc', /^Invalid value 'abc' for parameter MaxResults/],
    ['MaxResults=1.5', /^Invalid value '1.5' for parameter MaxResults/],
    ['MaxResults=1e3', /^Invalid value '1e3' for parameter MaxResults/],
    ['MaxResults=0x10', /^Invalid value '0x10' for parameter MaxResults/],
    ['MaxResults=', /^Invalid value '' for parameter MaxResults/],
    ['MaxResults=99999999999999999999', /^Invalid value '99999999999999999999' for parameter MaxResults/],
    ['MaxResults=4', /^Value \( 4 \) for parameter maxResults is invalid\. Expecting a value greater than 5\.$/],
    ['MaxResults=1001', /^Value \( 1001 \) for parameter maxResults is invalid\. Expecting a value less than or equal to 1000\.$/],
  ])('rejects the bad scalar %s', (query, message) => {
    expectError('DescribeVpcs', q(query), 'InvalidParameterValue', message);
  });

  it('bounds integers without model limits to 32 bits', () => {
    expect(decodeQuery('CreateVpc', q('Ipv4NetmaskLength=2147483647')).Ipv4NetmaskLength).toBe(2147483647);
    expectError('CreateVpc', q('Ipv4NetmaskLength=2147483648'), 'InvalidParameterValue', /ipv4NetmaskLength/);
  });

  it('rejects values outside an enum', () => {
    expectError('CreateVpc', q('InstanceTenancy=shared'), 'InvalidParameterValue', 'Value (shared) for parameter InstanceTenancy is invalid. Valid values are: default, dedicated, host.');
    expectError('CreateVpc', q('TagSpecification.1.ResourceType=nope'), 'InvalidParameterValue', /^Value \(nope\) for parameter TagSpecification\.1\.ResourceType is invalid\./);
    expectError('DescribeVpcAttribute', q('VpcId=v&Attribute=EnableDnsSupport'), 'InvalidParameterValue', /Valid values are: enableDnsSupport, enableDnsHostnames/);
    expect(decodeQuery('DescribeVpcAttribute', q('VpcId=v&Attribute=enableDnsSupport'))).toEqual({ VpcId: 'v', Attribute: 'enableDnsSupport' });
  });

  it('caps the number of parameters at 10,000', () => {
    const filters: Params = [];
    for (let f = 1; f <= 1000; f++) {
      filters.push([`Filter.${f}.Name`, `n${f}`]);
      for (let v = 1; v <= 9; v++) filters.push([`Filter.${f}.Value.${v}`, `v${v}`]);
    }
    expect(filters).toHaveLength(10_000);
    expect(decodeQuery('DescribeVpcs', filters).Filters).toHaveLength(1000);
    expectError('DescribeVpcs', [...filters, ['DryRun', 'true']], 'InvalidParameterValue', /10001 parameters; at most 10000/);
  });

  it('fails fast on keys with a huge number of segments', () => {
    expect(errorOf('DescribeVpcs', [[`VpcId${'.1'.repeat(500_000)}`, 'x']]).code).toBe('UnknownParameter');
    expect(errorOf('DescribeVpcs', [['.'.repeat(1_000_000), 'x']]).code).toBe('UnknownParameter');
  });

  it('shortens huge values quoted in messages', () => {
    const error = errorOf('DescribeVpcs', [['MaxResults', '9'.repeat(100_000)]]);
    expect(error.message.length).toBeLessThan(500);
  });

  it('rejects an operation the model does not have', () => {
    expectError('NoSuchThing' as Ec2OperationName, [], 'InvalidAction', /NoSuchThing/);
    expectError('__proto__' as Ec2OperationName, [], 'InvalidAction', /__proto__/);
  });

  it('does not let keys reach the prototype', () => {
    expectError('DescribeVpcs', q('__proto__.x=1'), 'UnknownParameter', 'The parameter __proto__.x is not recognized');
    expectError('DescribeVpcs', q('constructor=1'), 'UnknownParameter', 'The parameter constructor is not recognized');
    expectError('DescribeVpcs', q('Filter.1.toString=1'), 'UnknownParameter', 'The parameter Filter.1.toString is not recognized');
  });
});
