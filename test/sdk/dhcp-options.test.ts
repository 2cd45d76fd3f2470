// DHCP options sets: the default set every account and region has (a stored resource), and
// CreateDhcpOptions / AssociateDhcpOptions / DeleteDhcpOptions / DescribeDhcpOptions with AWS's
// validation, errors and filters. Expectations: the EC2 API reference and the errors cited in
// src/core/dhcp-options/dhcp-options-errors.ts.
import {
  AssociateDhcpOptionsCommand,
  CreateDhcpOptionsCommand,
  CreateTagsCommand,
  DeleteDhcpOptionsCommand,
  DescribeDhcpOptionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client, Filter, NewDhcpConfiguration } from '@aws-sdk/client-ec2';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { ec2, expectEc2Error, failure, newVpc, UUID } from './sdk-helpers.js';

const DOPT = /^dopt-[0-9a-f]{17}$/;
const MISSING = 'dopt-0123456789abcdef0';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ inMemory: true });
});
afterAll(async () => {
  await server?.stop();
});

async function vpcOf(c: EC2Client, vpcId: string): Promise<string | undefined> {
  return (await c.send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0]?.DhcpOptionsId;
}

async function defaultVpcId(c: EC2Client): Promise<string> {
  const id = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId;
  if (!id) throw new Error('no default VPC');
  return id;
}

async function allIds(c: EC2Client, filters?: Filter[]): Promise<string[]> {
  return ((await c.send(new DescribeDhcpOptionsCommand({ Filters: filters }))).DhcpOptions ?? []).map((d) => d.DhcpOptionsId ?? '').sort();
}

async function create(c: EC2Client, configurations: NewDhcpConfiguration[], tags?: Record<string, string>): Promise<string> {
  const r = await c.send(
    new CreateDhcpOptionsCommand({
      DhcpConfigurations: configurations,
      TagSpecifications: tags ? [{ ResourceType: 'dhcp-options', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }] : undefined,
    }),
  );
  const id = r.DhcpOptions?.DhcpOptionsId;
  if (!id) throw new Error('CreateDhcpOptions returned no id');
  return id;
}

describe('the default DHCP options set', () => {
  it('is a stored resource per account and region, with AWS domain name for the region, given to new VPCs', async () => {
    const east = ec2(server.url, '310000000001');
    const west = ec2(server.url, '310000000001', 'eu-west-1');
    const eastSets = (await east.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions ?? [];
    expect(eastSets).toHaveLength(1);
    expect(eastSets[0]).toEqual({
      DhcpOptionsId: expect.stringMatching(DOPT),
      OwnerId: '310000000001',
      DhcpConfigurations: [
        { Key: 'domain-name', Values: [{ Value: 'ec2.internal' }] },
        { Key: 'domain-name-servers', Values: [{ Value: 'AmazonProvidedDNS' }] },
      ],
      Tags: [],
    });
    const westSets = (await west.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions ?? [];
    expect(westSets.map((d) => d.DhcpConfigurations?.[0]?.Values?.[0]?.Value)).toEqual(['eu-west-1.compute.internal']);
    expect(westSets[0]?.DhcpOptionsId).not.toBe(eastSets[0]?.DhcpOptionsId);
    // The default VPC and every new VPC use it.
    const vpc = await newVpc(east, '10.0.0.0/16');
    expect(await vpcOf(east, vpc)).toBe(eastSets[0]?.DhcpOptionsId);
    expect(await vpcOf(east, await defaultVpcId(east))).toBe(eastSets[0]?.DhcpOptionsId);
  });

  it('is tagged through CreateTags like any resource and found by tag filters', async () => {
    const c = ec2(server.url, '310000000002');
    const [id] = await allIds(c);
    await c.send(new CreateTagsCommand({ Resources: [id as string], Tags: [{ Key: 'Name', Value: 'aws-default' }] }));
    const r = await c.send(new DescribeDhcpOptionsCommand({ Filters: [{ Name: 'tag:Name', Values: ['aws-*'] }] }));
    expect(r.DhcpOptions?.map((d) => [d.DhcpOptionsId, d.Tags])).toEqual([[id, [{ Key: 'Name', Value: 'aws-default' }]]]);
    expect(await allIds(c, [{ Name: 'tag-key', Values: ['Name'] }])).toEqual([id]);
    expect(await allIds(c, [{ Name: 'tag:Name', Values: ['other'] }])).toEqual([]);
  });

  it('may be deleted once no VPC uses it; new VPCs then get no options (`default`)', async () => {
    const c = ec2(server.url, '310000000003', 'us-west-2');
    const [id] = await allIds(c);
    const def = await defaultVpcId(c);
    expectEc2Error(await failure(c.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: id }))), 'DependencyViolation', `The dhcpOptions '${id}' has dependencies and cannot be deleted.`);
    await c.send(new AssociateDhcpOptionsCommand({ VpcId: def, DhcpOptionsId: 'default' }));
    await c.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: id }));
    expect(await allIds(c)).toEqual([]);
    expect(await vpcOf(c, await newVpc(c, '10.9.0.0/16'))).toBe('default');
  });
});

describe('a store from before the default set was stored', () => {
  it('keeps the id it remembered and stores the set at the next start, taggable like any other', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vpcpeer-dopt-'));
    const account = '350000000001';
    let first = await startServer({ dataDir });
    let c = ec2(first.url, account);
    const [id] = await allIds(c);
    const vpc = await defaultVpcId(c);
    await first.stop();
    // What such a store held: the id in the meta table, no stored set.
    const store = await openSqliteStore({ dataDir });
    await store.write(async (repo) => {
      await repo.dhcpOptions.remove(id as string);
      expect(await repo.meta.get(`dhcp-options:${account}:us-east-1`)).toBe(id);
    });
    await store.close();
    first = await startServer({ dataDir });
    try {
      c = ec2(first.url, account);
      await c.send(new CreateTagsCommand({ Resources: [id as string], Tags: [{ Key: 'k', Value: 'v' }] }));
      const sets = (await c.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions ?? [];
      expect(sets.map((d) => [d.DhcpOptionsId, d.DhcpConfigurations?.length, d.Tags])).toEqual([[id, 2, [{ Key: 'k', Value: 'v' }]]]);
      expect(await vpcOf(c, vpc)).toBe(id);
    } finally {
      await first.stop();
    }
  }, 60_000);
});

describe('CreateDhcpOptions', () => {
  it('answers the new set field by field, with its tags, and Describe shows the same', async () => {
    const c = ec2(server.url, '320000000001');
    const r = await c.send(
      new CreateDhcpOptionsCommand({
        DhcpConfigurations: [
          { Key: 'domain-name', Values: ['corp.example.com'] },
          { Key: 'domain-name-servers', Values: ['10.0.0.2', '10.0.0.3'] },
          { Key: 'ntp-servers', Values: ['10.0.0.4,fd00::4'] },
          { Key: 'netbios-name-servers', Values: ['10.0.0.5'] },
          { Key: 'netbios-node-type', Values: ['2'] },
          { Key: 'ipv6-address-preferred-lease-time', Values: ['3600'] },
        ],
        TagSpecifications: [{ ResourceType: 'dhcp-options', Tags: [{ Key: 'Name', Value: 'corp' }] }],
      }),
    );
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.$metadata.requestId).toMatch(UUID);
    const expected = {
      DhcpOptionsId: expect.stringMatching(DOPT),
      OwnerId: '320000000001',
      DhcpConfigurations: [
        { Key: 'domain-name', Values: [{ Value: 'corp.example.com' }] },
        { Key: 'domain-name-servers', Values: [{ Value: '10.0.0.2' }, { Value: '10.0.0.3' }] },
        // One comma-separated value is a list, as the API reference allows.
        { Key: 'ntp-servers', Values: [{ Value: '10.0.0.4' }, { Value: 'fd00::4' }] },
        { Key: 'netbios-name-servers', Values: [{ Value: '10.0.0.5' }] },
        { Key: 'netbios-node-type', Values: [{ Value: '2' }] },
        { Key: 'ipv6-address-preferred-lease-time', Values: [{ Value: '3600' }] },
      ],
      Tags: [{ Key: 'Name', Value: 'corp' }],
    };
    expect(r.DhcpOptions).toEqual(expected);
    const d = await c.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [r.DhcpOptions?.DhcpOptionsId as string] }));
    expect(d.DhcpOptions).toEqual([expected]);
  });

  it.each([
    [[{ Key: 'domain-search', Values: ['x'] }], 'Value (domain-search) for parameter key is invalid. Valid keys are: domain-name, domain-name-servers, ntp-servers, netbios-name-servers, netbios-node-type, ipv6-address-preferred-lease-time.'],
    [
      [{ Key: 'domain-name-servers', Values: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'] }],
      'Value (10.0.0.1,10.0.0.2,10.0.0.3,10.0.0.4,10.0.0.5) for parameter domain-name-servers is invalid. The maximum number of values is 4.',
    ],
    [[{ Key: 'domain-name-servers', Values: ['10.0.0.300'] }], 'Value (10.0.0.300) for parameter domain-name-servers is invalid. Each value must be an IP address or AmazonProvidedDNS.'],
    [[{ Key: 'netbios-node-type', Values: ['3'] }], 'Value (3) for parameter netbios-node-type is invalid. Valid values are 1, 2, 4 and 8.'],
    [[{ Key: 'netbios-name-servers', Values: ['fd00::1'] }], 'Value (fd00::1) for parameter netbios-name-servers is invalid. Each value must be an IPv4 address.'],
    [
      [{ Key: 'ntp-servers', Values: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'] }],
      'Value (10.0.0.1,10.0.0.2,10.0.0.3,10.0.0.4,10.0.0.5) for parameter ntp-servers is invalid. At most four IPv4 addresses and four IPv6 addresses are allowed.',
    ],
    [[{ Key: 'ipv6-address-preferred-lease-time', Values: ['139'] }], 'Value (139) for parameter ipv6-address-preferred-lease-time is invalid. It must be a number of seconds from 140 to 2147483647.'],
    [[{ Key: 'domain-name', Values: ['a.example', 'b.example'] }], 'Value (a.example,b.example) for parameter domain-name is invalid. The maximum number of values is 1.'],
    [[{ Key: 'domain-name', Values: ['bad domain!'] }], 'Value (bad domain!) for parameter domain-name is invalid. It must be one domain name, or several separated by spaces.'],
    [[{ Key: 'domain-name-servers', Values: [] }], 'Value () for parameter domain-name-servers is invalid. At least one value is required.'],
    [
      [
        { Key: 'domain-name', Values: ['a.example'] },
        { Key: 'domain-name', Values: ['b.example'] },
      ],
      'Value (domain-name) for parameter key is invalid. Duplicate key specified.',
    ],
  ])('refuses %j with InvalidParameterValue and creates nothing', async (configurations, message) => {
    const c = ec2(server.url, '320000000002');
    const before = await allIds(c);
    expectEc2Error(await failure(c.send(new CreateDhcpOptionsCommand({ DhcpConfigurations: configurations }))), 'InvalidParameterValue', message);
    expect(await allIds(c)).toEqual(before);
  });

  it('requires DhcpConfiguration and each Key', async () => {
    const c = ec2(server.url, '320000000002');
    expectEc2Error(await failure(c.send(new CreateDhcpOptionsCommand({ DhcpConfigurations: [] }))), 'MissingParameter', 'The request must contain the parameter dhcpConfiguration');
    expectEc2Error(await failure(c.send(new CreateDhcpOptionsCommand({ DhcpConfigurations: [{ Values: ['x'] }] }))), 'MissingParameter', 'The request must contain the parameter DhcpConfiguration.1.Key');
  });

  it('DryRun answers 412 DryRunOperation and creates nothing', async () => {
    const c = ec2(server.url, '320000000003');
    const before = await allIds(c);
    const e = await failure(c.send(new CreateDhcpOptionsCommand({ DryRun: true, DhcpConfigurations: [{ Key: 'domain-name', Values: ['x.example'] }] })));
    expectEc2Error(e, 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    expect(await allIds(c)).toEqual(before);
  });
});

describe('AssociateDhcpOptions and DeleteDhcpOptions', () => {
  const ACCOUNT = '330000000001';
  let c: EC2Client;
  let vpc = '';
  let set = '';
  let defaultSet = '';

  beforeAll(async () => {
    c = ec2(server.url, ACCOUNT);
    vpc = await newVpc(c, '10.10.0.0/16');
    defaultSet = (await vpcOf(c, vpc)) as string;
    set = await create(c, [{ Key: 'domain-name', Values: ['assoc.example'] }]);
  });

  it('associates a set, and `default` for no options; DescribeVpcs dhcp-options-id follows', async () => {
    await c.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: set }));
    expect(await vpcOf(c, vpc)).toBe(set);
    const byFilter = async (id: string) => ((await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'dhcp-options-id', Values: [id] }] }))).Vpcs ?? []).map((v) => v.VpcId);
    expect(await byFilter(set)).toEqual([vpc]);
    await c.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: 'default' }));
    expect(await vpcOf(c, vpc)).toBe('default');
    expect(await byFilter('default')).toEqual([vpc]);
    expect(await byFilter(set)).toEqual([]);
    await c.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: defaultSet }));
    expect(await vpcOf(c, vpc)).toBe(defaultSet);
  });

  it('refuses unknown, malformed and missing ids with their codes and changes nothing', async () => {
    expectEc2Error(await failure(c.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: MISSING }))), 'InvalidDhcpOptionID.NotFound', `The dhcpOptions ID '${MISSING}' does not exist`);
    expectEc2Error(await failure(c.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: 'dopt-xyz' }))), 'InvalidDhcpOptionsId.Malformed', 'Invalid id: "dopt-xyz"');
    expectEc2Error(
      await failure(c.send(new AssociateDhcpOptionsCommand({ VpcId: 'vpc-0123456789abcdef0', DhcpOptionsId: set }))),
      'InvalidVpcID.NotFound',
      "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    );
    expect(await vpcOf(c, vpc)).toBe(defaultSet);
    expectEc2Error(await failure(c.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: MISSING }))), 'InvalidDhcpOptionID.NotFound', `The dhcpOptions ID '${MISSING}' does not exist`);
    expectEc2Error(await failure(c.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: 'nope' }))), 'InvalidDhcpOptionsId.Malformed', 'Invalid id: "nope"');
    expectEc2Error(await failure(c.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [set, MISSING] }))), 'InvalidDhcpOptionID.NotFound', `The dhcpOptions ID '${MISSING}' does not exist`);
  });

  it('DryRun of Associate and Delete answers 412 and changes nothing', async () => {
    for (const call of [
      c.send(new AssociateDhcpOptionsCommand({ DryRun: true, VpcId: vpc, DhcpOptionsId: set })),
      c.send(new DeleteDhcpOptionsCommand({ DryRun: true, DhcpOptionsId: set })),
    ]) {
      expectEc2Error(await failure(call), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    }
    expect(await vpcOf(c, vpc)).toBe(defaultSet);
    expect(await allIds(c, [{ Name: 'dhcp-options-id', Values: [set] }])).toEqual([set]);
  });

  it('refuses to delete a set while a VPC uses it (DependencyViolation), then deletes it with its tags', async () => {
    const other = await create(c, [{ Key: 'domain-name', Values: ['gone.example'] }], { Team: 'net' });
    await c.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: other }));
    expectEc2Error(await failure(c.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: other }))), 'DependencyViolation', `The dhcpOptions '${other}' has dependencies and cannot be deleted.`);
    expect(await allIds(c, [{ Name: 'dhcp-options-id', Values: [other] }])).toEqual([other]);
    await c.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: set }));
    const r = await c.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: other }));
    expect(r.$metadata.httpStatusCode).toBe(200);
    expectEc2Error(await failure(c.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [other] }))), 'InvalidDhcpOptionID.NotFound', `The dhcpOptions ID '${other}' does not exist`);
    expect(await allIds(c, [{ Name: 'tag:Team', Values: ['net'] }])).toEqual([]);
    expectEc2Error(await failure(c.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: other }))), 'InvalidDhcpOptionID.NotFound', `The dhcpOptions ID '${other}' does not exist`);
  });

  it("another account's set is NotFound to every call, and its VPC's options are untouched", async () => {
    const b = ec2(server.url, '330000000002');
    const bVpc = await newVpc(b, '10.20.0.0/16');
    const notFound = `The dhcpOptions ID '${set}' does not exist`;
    expectEc2Error(await failure(b.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [set] }))), 'InvalidDhcpOptionID.NotFound', notFound);
    expectEc2Error(await failure(b.send(new AssociateDhcpOptionsCommand({ VpcId: bVpc, DhcpOptionsId: set }))), 'InvalidDhcpOptionID.NotFound', notFound);
    expectEc2Error(await failure(b.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: set }))), 'InvalidDhcpOptionID.NotFound', notFound);
    expectEc2Error(await failure(b.send(new CreateTagsCommand({ Resources: [set], Tags: [{ Key: 'x', Value: 'y' }] }))), 'InvalidDhcpOptionID.NotFound', notFound);
    expectEc2Error(await failure(b.send(new AssociateDhcpOptionsCommand({ VpcId: vpc, DhcpOptionsId: 'default' }))), 'InvalidVpcID.NotFound', `The vpc ID '${vpc}' does not exist`);
    expect(await vpcOf(c, vpc)).toBe(set);
    expect(await allIds(b)).not.toContain(set);
  });
});

describe('DescribeDhcpOptions filters and pages', () => {
  const ACCOUNT = '340000000001';
  let c: EC2Client;
  const sets: string[] = [];
  let defaultSet = '';

  beforeAll(async () => {
    c = ec2(server.url, ACCOUNT);
    [defaultSet] = (await allIds(c)) as [string];
    for (let i = 0; i < 6; i++) {
      sets.push(await create(c, [{ Key: 'domain-name', Values: [`d${i}.example`] }, ...(i % 2 === 0 ? [{ Key: 'ntp-servers', Values: [`10.0.0.${i + 1}`] }] : [])], { Index: String(i) }));
    }
  });

  it('filters by key, value, owner-id, dhcp-options-id and tags, ANDed across filters', async () => {
    expect(await allIds(c, [{ Name: 'key', Values: ['ntp-servers'] }])).toEqual([sets[0], sets[2], sets[4]].sort());
    expect(await allIds(c, [{ Name: 'value', Values: ['d1.example', 'd3.*'] }])).toEqual([sets[1], sets[3]].sort());
    expect(await allIds(c, [{ Name: 'value', Values: ['AmazonProvidedDNS'] }])).toEqual([defaultSet]);
    // Terraform's aws_default_vpc_dhcp_options finds the default set this way.
    const terraformWay = [
      { Name: 'key', Values: ['domain-name'] },
      { Name: 'value', Values: ['ec2.internal'] },
      { Name: 'key', Values: ['domain-name-servers'] },
      { Name: 'value', Values: ['AmazonProvidedDNS'] },
      { Name: 'owner-id', Values: [ACCOUNT] },
    ];
    expect(await allIds(c, terraformWay)).toEqual([defaultSet]);
    expect(await allIds(c, [{ Name: 'owner-id', Values: ['999999999999'] }])).toEqual([]);
    expect(await allIds(c, [{ Name: 'dhcp-options-id', Values: [sets[5] as string] }])).toEqual([sets[5]]);
    expect(await allIds(c, [{ Name: 'tag:Index', Values: ['1', '2'] }, { Name: 'key', Values: ['ntp-servers'] }])).toEqual([sets[2]]);
    expect(await allIds(c, [{ Name: 'tag-key', Values: ['Index'] }])).toEqual([...sets].sort());
    expectEc2Error(await failure(c.send(new DescribeDhcpOptionsCommand({ Filters: [{ Name: 'domain', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'domain' is invalid");
  });

  it('pages with MaxResults and NextToken in id order, and refuses MaxResults out of 5-1000', async () => {
    const first = await c.send(new DescribeDhcpOptionsCommand({ MaxResults: 5 }));
    expect(first.DhcpOptions).toHaveLength(5);
    expect(first.NextToken).toBeTruthy();
    const second = await c.send(new DescribeDhcpOptionsCommand({ MaxResults: 5, NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    const all = [...(first.DhcpOptions ?? []), ...(second.DhcpOptions ?? [])].map((d) => d.DhcpOptionsId);
    expect(all).toEqual([defaultSet, ...sets].sort());
    expectEc2Error(await failure(c.send(new DescribeDhcpOptionsCommand({ MaxResults: 4 }))), 'InvalidParameterValue', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.');
  });
});
