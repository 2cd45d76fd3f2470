// The codecs against the real AWS SDK for JavaScript: what the SDK serialises must decode to
// the command's input, and what we encode must parse (in the SDK) to the output we meant.
import { describe, it, expect } from 'vitest';
import {
  AcceptVpcPeeringConnectionCommand,
  AssociateVpcCidrBlockCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateTagsCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteVpcCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeTagsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  ModifyVpcAttributeCommand,
  ModifyVpcPeeringConnectionOptionsCommand,
} from '@aws-sdk/client-ec2';
import { decodeQuery, encodeError, encodeResponse } from '../../src/protocol/index.js';
import type { Ec2OperationName, Ec2Operations, Tag, VpcPeeringConnection } from '../../src/protocol/index.js';
import { sdkHarness, withoutEnvelope } from './sdk-harness.js';

const h = sdkHarness();

/** Sends a command and returns what decodeQuery makes of the request the SDK wrote. */
async function decodedRequest<Op extends Ec2OperationName>(operation: Op, send: () => Promise<unknown>): Promise<Ec2Operations[Op]['input']> {
  h.respondWith({ statusCode: 200, body: encodeResponse(operation, {}, 'req') });
  await send();
  return decodeQuery(operation, withoutEnvelope(h.lastParams()));
}

/** Answers the next request with `output` and returns what the SDK parsed, minus $metadata. */
async function parsedResponse<Op extends Ec2OperationName>(
  operation: Op,
  output: Ec2Operations[Op]['output'],
  send: () => Promise<{ $metadata: unknown }>,
): Promise<unknown> {
  h.respondWith({ statusCode: 200, body: encodeResponse(operation, output, 'req-ok') });
  const { $metadata, ...parsed } = await send();
  expect($metadata).toMatchObject({ httpStatusCode: 200 });
  return parsed;
}

describe('SDK request -> decodeQuery', () => {
  it('CreateVpcPeeringConnection with TagSpecifications', async () => {
    const input = {
      VpcId: 'vpc-1',
      PeerVpcId: 'vpc-2',
      PeerOwnerId: '123456789012',
      PeerRegion: 'eu-west-1',
      DryRun: false,
      TagSpecifications: [
        {
          ResourceType: 'vpc-peering-connection' as const,
          Tags: [
            { Key: 'Name', Value: 'a to b' },
            { Key: 'cost=center', Value: 'x&y+z%' },
          ],
        },
      ],
    };
    expect(await decodedRequest('CreateVpcPeeringConnection', () => h.client.send(new CreateVpcPeeringConnectionCommand(input)))).toEqual(input);
  });

  it('DescribeVpcPeeringConnections with filters, ids and paging', async () => {
    const input = {
      Filters: [
        { Name: 'status-code', Values: ['active', 'pending-acceptance', 'provisioning'] },
        { Name: 'requester-vpc-info.vpc-id', Values: ['vpc-1'] },
        { Name: 'tag:Name', Values: ['*'] },
      ],
      VpcPeeringConnectionIds: ['pcx-1', 'pcx-2'],
      MaxResults: 50,
      NextToken: 'eyJvZmZzZXQiOjUwfQ==',
    };
    expect(await decodedRequest('DescribeVpcPeeringConnections', () => h.client.send(new DescribeVpcPeeringConnectionsCommand(input)))).toEqual(input);
  });

  it('ModifyVpcPeeringConnectionOptions, both sides', async () => {
    const input = {
      VpcPeeringConnectionId: 'pcx-1',
      AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
      RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: false, AllowEgressFromLocalClassicLinkToRemoteVpc: false },
    };
    expect(await decodedRequest('ModifyVpcPeeringConnectionOptions', () => h.client.send(new ModifyVpcPeeringConnectionOptionsCommand(input)))).toEqual(input);
  });

  it('CreateRoute', async () => {
    const input = { RouteTableId: 'rtb-1', DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: 'pcx-1' };
    expect(await decodedRequest('CreateRoute', () => h.client.send(new CreateRouteCommand(input)))).toEqual(input);
  });

  it('DescribeRouteTables', async () => {
    const input = {
      RouteTableIds: ['rtb-1', 'rtb-2'],
      Filters: [{ Name: 'route.vpc-peering-connection-id', Values: ['pcx-1'] }],
      MaxResults: 100,
      DryRun: true,
    };
    expect(await decodedRequest('DescribeRouteTables', () => h.client.send(new DescribeRouteTablesCommand(input)))).toEqual(input);
  });

  it('CreateTags', async () => {
    const input = { Resources: ['vpc-1', 'pcx-2'], Tags: [{ Key: 'Name', Value: 'ünïcödé 😀' }, { Key: 'empty', Value: '' }] };
    expect(await decodedRequest('CreateTags', () => h.client.send(new CreateTagsCommand(input)))).toEqual(input);
  });

  it('AssociateVpcCidrBlock with AmazonProvidedIpv6CidrBlock', async () => {
    const input = { VpcId: 'vpc-1', AmazonProvidedIpv6CidrBlock: true, CidrBlock: '10.2.0.0/16' };
    expect(await decodedRequest('AssociateVpcCidrBlock', () => h.client.send(new AssociateVpcCidrBlockCommand(input)))).toEqual(input);
  });

  it('ModifyVpcAttribute with EnableDnsHostnames', async () => {
    const input = { VpcId: 'vpc-1', EnableDnsHostnames: { Value: true } };
    expect(await decodedRequest('ModifyVpcAttribute', () => h.client.send(new ModifyVpcAttributeCommand(input)))).toEqual(input);
  });

  it('DescribeVpcs with VpcIds', async () => {
    const input = { VpcIds: ['vpc-1', 'vpc-2', 'vpc-3'] };
    expect(await decodedRequest('DescribeVpcs', () => h.client.send(new DescribeVpcsCommand(input)))).toEqual(input);
  });

  it('DescribeVpcs with an empty list sends nothing for it', async () => {
    expect(await decodedRequest('DescribeVpcs', () => h.client.send(new DescribeVpcsCommand({ VpcIds: [] })))).toEqual({});
  });

  it('CreateRouteTable gets an SDK-generated ClientToken', async () => {
    const decoded = await decodedRequest('CreateRouteTable', () => h.client.send(new CreateRouteTableCommand({ VpcId: 'vpc-1' })));
    expect(decoded).toEqual({ VpcId: 'vpc-1', ClientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

const tags: Tag[] = [
  { Key: 'Name', Value: 'peer' },
  { Key: 'team', Value: 'net' },
];

const peering: VpcPeeringConnection = {
  VpcPeeringConnectionId: 'pcx-0123456789abcdef0',
  ExpirationTime: new Date('2026-12-04T16:46:43.000Z'),
  Status: { Code: 'pending-acceptance', Message: 'Pending Acceptance by 210987654321' },
  Tags: tags,
  RequesterVpcInfo: {
    CidrBlock: '10.0.0.0/16',
    CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }, { CidrBlock: '10.1.0.0/16' }],
    Ipv6CidrBlockSet: [{ Ipv6CidrBlock: '2600:1f18:1234:5600::/56' }],
    OwnerId: '123456789012',
    PeeringOptions: { AllowDnsResolutionFromRemoteVpc: true, AllowEgressFromLocalClassicLinkToRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: false },
    VpcId: 'vpc-1',
    Region: 'us-east-1',
  },
  AccepterVpcInfo: {
    CidrBlock: '172.16.0.0/16',
    CidrBlockSet: [{ CidrBlock: '172.16.0.0/16' }],
    Ipv6CidrBlockSet: [],
    OwnerId: '210987654321',
    PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false },
    VpcId: 'vpc-2',
    Region: 'eu-west-1',
  },
};

describe('encodeResponse -> SDK parser', () => {
  it('a full VpcPeeringConnection', async () => {
    const output = { VpcPeeringConnection: peering };
    expect(await parsedResponse('CreateVpcPeeringConnection', output, () => h.client.send(new CreateVpcPeeringConnectionCommand({ VpcId: 'vpc-1' })))).toEqual(output);
  });

  it('DescribeVpcPeeringConnections with a NextToken, and with an empty list', async () => {
    const send = () => h.client.send(new DescribeVpcPeeringConnectionsCommand({}));
    const page = { VpcPeeringConnections: [peering, { ...peering, VpcPeeringConnectionId: 'pcx-2', Tags: [] }], NextToken: 'next-page' };
    expect(await parsedResponse('DescribeVpcPeeringConnections', page, send)).toEqual(page);
    expect(await parsedResponse('DescribeVpcPeeringConnections', { VpcPeeringConnections: [] }, send)).toEqual({ VpcPeeringConnections: [] });
  });

  it('DescribeRouteTables with routes and associations', async () => {
    const output = {
      RouteTables: [
        {
          RouteTableId: 'rtb-1',
          VpcId: 'vpc-1',
          OwnerId: '123456789012',
          PropagatingVgws: [],
          Tags: [],
          Routes: [
            { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable' as const, State: 'active' as const },
            { DestinationCidrBlock: '172.16.0.0/16', VpcPeeringConnectionId: 'pcx-1', Origin: 'CreateRoute' as const, State: 'blackhole' as const },
          ],
          Associations: [
            { Main: true, RouteTableAssociationId: 'rtbassoc-1', RouteTableId: 'rtb-1', AssociationState: { State: 'associated' as const } },
            { Main: false, RouteTableAssociationId: 'rtbassoc-2', RouteTableId: 'rtb-1', SubnetId: 'subnet-1', AssociationState: { State: 'associated' as const } },
          ],
        },
      ],
      NextToken: 'tok',
    };
    expect(await parsedResponse('DescribeRouteTables', output, () => h.client.send(new DescribeRouteTablesCommand({})))).toEqual(output);
  });

  it('DescribeVpcs', async () => {
    const output = {
      Vpcs: [
        {
          VpcId: 'vpc-1',
          OwnerId: '123456789012',
          State: 'available' as const,
          CidrBlock: '10.0.0.0/16',
          DhcpOptionsId: 'dopt-1',
          InstanceTenancy: 'default' as const,
          IsDefault: false,
          CidrBlockAssociationSet: [{ AssociationId: 'vpc-cidr-assoc-1', CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' as const } }],
          Ipv6CidrBlockAssociationSet: [
            {
              AssociationId: 'vpc-cidr-assoc-2',
              Ipv6CidrBlock: '2600:1f18::/56',
              Ipv6CidrBlockState: { State: 'associated' as const },
              NetworkBorderGroup: 'us-east-1',
              Ipv6Pool: 'Amazon',
            },
          ],
          Tags: tags,
        },
      ],
    };
    expect(await parsedResponse('DescribeVpcs', output, () => h.client.send(new DescribeVpcsCommand({})))).toEqual(output);
  });

  it('DescribeVpcAttribute', async () => {
    const output = { VpcId: 'vpc-1', EnableDnsHostnames: { Value: true } };
    const send = () => h.client.send(new DescribeVpcAttributeCommand({ VpcId: 'vpc-1', Attribute: 'enableDnsHostnames' }));
    expect(await parsedResponse('DescribeVpcAttribute', output, send)).toEqual(output);
  });

  it('a Return boolean, and an operation without output', async () => {
    const accept = () => h.client.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: 'pcx-1' }));
    expect(await parsedResponse('DeleteVpcPeeringConnection', { Return: true }, accept)).toEqual({ Return: true });
    expect(await parsedResponse('DeleteVpcPeeringConnection', { Return: false }, accept)).toEqual({ Return: false });
    expect(await parsedResponse('DeleteVpc', {}, () => h.client.send(new DeleteVpcCommand({ VpcId: 'vpc-1' })))).toEqual({});
  });

  it('AcceptVpcPeeringConnection', async () => {
    const output = { VpcPeeringConnection: { ...peering, Status: { Code: 'active' as const, Message: 'Active' } } };
    const send = () => h.client.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: 'pcx-1' }));
    expect(await parsedResponse('AcceptVpcPeeringConnection', output, send)).toEqual(output);
  });
});

describe('XML escaping through the SDK parser', () => {
  const describeTags = () => h.client.send(new DescribeTagsCommand({}));
  const tagged = (Key: string, Value: string) => ({ Tags: [{ Key, Value, ResourceId: 'vpc-1', ResourceType: 'vpc' as const }] });

  it('round-trips markup characters, CR, tabs, newlines and astral characters', async () => {
    for (const value of [`<>&"'`, '<![CDATA[x]]>', '&amp;', 'a\r\nb\rc\td\ne', '😀 é \u2028', ']]>']) {
      expect(await parsedResponse('DescribeTags', tagged('k', value), describeTags)).toEqual(tagged('k', value));
    }
  });

  it('replaces what XML 1.0 cannot carry with U+FFFD instead of breaking the document', async () => {
    expect(await parsedResponse('DescribeTags', tagged('a\u0000b', 'c\u0001d\u001F\uFFFE\uD800'), describeTags)).toEqual(tagged('a\uFFFDb', 'c\uFFFDd\uFFFD\uFFFD\uFFFD'));
  });
});

describe('encodeError -> SDK', () => {
  it('surfaces the code, message and request id', async () => {
    const message = "The vpcPeeringConnection ID 'pcx-1' does not exist";
    // The SDK takes $metadata.requestId from the x-amzn-requestid header, not from <RequestID>, so a server must send both.
    h.respondWith({ statusCode: 400, body: encodeError('InvalidVpcPeeringConnectionID.NotFound', message, 'req-1'), headers: { 'x-amzn-requestid': 'req-1' } });
    const error: unknown = await h.client.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: ['pcx-1'] })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'InvalidVpcPeeringConnectionID.NotFound', message, $metadata: { requestId: 'req-1', httpStatusCode: 400 } });
  });
});
