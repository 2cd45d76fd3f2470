// DescribeImages over the built-in catalogue through the AWS SDK for JavaScript v3: the fields of
// each distribution's images, filters (wildcards included), Owners and ExecutableUsers, ids and
// their errors, pagination, deprecation and per-Region ids. Expectations: the comments of
// src/core/images/ (shapes of real DescribeImages answers, AWS's error texts).
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import type { DescribeImagesCommandInput, EC2Client, Image } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { adminGet, advanceClock, startServer } from '../support/start-server.js';
import { DAY_MS, UUID, ec2, expectEc2Error, failure } from './sdk-helpers.js';

const AMAZON = '137112412989';
const CANONICAL = '099720109477';
const DEBIAN = '136693071363';
const AMI = /^ami-[0-9a-f]{17}$/;
const SNAP = /^snap-[0-9a-f]{17}$/;
const ALL = 30;

let server: RunningServer;
let a: EC2Client;

beforeAll(async () => {
  server = await startServer({ inMemory: true });
  a = ec2(server.url, '111111111111');
});

afterAll(async () => {
  await server?.stop();
});

async function images(client: EC2Client, input: DescribeImagesCommandInput): Promise<Image[]> {
  const r = await client.send(new DescribeImagesCommand(input));
  expect(r.$metadata.httpStatusCode).toBe(200);
  expect(r.$metadata.requestId).toMatch(UUID);
  return r.Images ?? [];
}

const names = (list: readonly Image[]): string[] => list.map((i) => i.Name ?? '').sort();
const named = async (client: EC2Client, name: string): Promise<Image> => {
  const found = await images(client, { Filters: [{ Name: 'name', Values: [name] }], IncludeDeprecated: true });
  expect(found.map((i) => i.Name)).toEqual([name]);
  return found[0] as Image;
};

async function serverNow(s: RunningServer): Promise<number> {
  const body = (await adminGet(s, '/_vpcpeer/clock')) as { now?: unknown };
  if (typeof body.now !== 'string') throw new Error(`clock endpoint answered ${JSON.stringify(body)}`);
  return Date.parse(body.now);
}

describe('the catalogue', () => {
  it('Amazon Linux 2023 (x86_64): every field as AWS shows it', async () => {
    const i = await named(a, 'al2023-ami-2023.8.20250908.0-kernel-6.1-x86_64');
    expect(i.ImageId).toMatch(AMI);
    const snapshot = i.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId;
    expect(snapshot).toMatch(SNAP);
    expect(i).toEqual({
      Architecture: 'x86_64',
      CreationDate: '2025-09-06T00:42:47.000Z',
      ImageId: i.ImageId,
      ImageLocation: 'amazon/al2023-ami-2023.8.20250908.0-kernel-6.1-x86_64',
      ImageType: 'machine',
      Public: true,
      OwnerId: AMAZON,
      PlatformDetails: 'Linux/UNIX',
      UsageOperation: 'RunInstances',
      State: 'available',
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Iops: 3000, SnapshotId: snapshot, VolumeSize: 8, VolumeType: 'gp3', Throughput: 125, Encrypted: false } },
      ],
      Description: 'Amazon Linux 2023 AMI 2023.8.20250908.0 x86_64 HVM kernel-6.1',
      EnaSupport: true,
      Hypervisor: 'xen',
      ImageOwnerAlias: 'amazon',
      Name: 'al2023-ami-2023.8.20250908.0-kernel-6.1-x86_64',
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      SriovNetSupport: 'simple',
      VirtualizationType: 'hvm',
      BootMode: 'uefi-preferred',
      // 90 days after creation, rounded down to the minute.
      DeprecationTime: '2025-12-05T00:42:00.000Z',
      ImdsSupport: 'v2.0',
      FreeTierEligible: true,
    });
  });

  it('the minimal edition and arm64: 2 GiB root, uefi, their own names and descriptions', async () => {
    const m = await named(a, 'al2023-ami-minimal-2023.6.20250317.2-kernel-6.1-x86_64');
    expect(m.Description).toBe('Amazon Linux 2023 AMI 2023.6.20250317.2 x86_64 Minimal HVM kernel-6.1');
    expect(m.BlockDeviceMappings?.[0]?.Ebs?.VolumeSize).toBe(2);
    expect(m.DeprecationTime).toBe('2025-06-22T21:09:00.000Z');
    const arm = await named(a, 'al2023-ami-2023.8.20250908.0-kernel-6.1-arm64');
    expect(arm.Architecture).toBe('arm64');
    expect(arm.BootMode).toBe('uefi');
    expect(arm.Description).toBe('Amazon Linux 2023 AMI 2023.8.20250908.0 arm64 HVM kernel-6.1');
  });

  it('Ubuntu 24.04 (Canonical): /dev/sda1 on gp3 plus two instance-store devices, two-year deprecation', async () => {
    const name = 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250610';
    const i = await named(a, name);
    expect(i.OwnerId).toBe(CANONICAL);
    expect(i.ImageOwnerAlias).toBe('amazon');
    expect(i.ImageLocation).toBe(`amazon/${name}`);
    expect(i.Description).toBe('Canonical, Ubuntu, 24.04, amd64 noble image');
    expect(i.Architecture).toBe('x86_64');
    expect(i.RootDeviceName).toBe('/dev/sda1');
    expect(i.CreationDate).toBe('2025-06-10T12:31:58.000Z');
    expect(i.DeprecationTime).toBe('2027-06-10T12:31:58.000Z');
    expect(i.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/sda1', Ebs: { DeleteOnTermination: true, Iops: 3000, SnapshotId: expect.stringMatching(SNAP), VolumeSize: 8, VolumeType: 'gp3', Throughput: 125, Encrypted: false } },
      { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
      { DeviceName: '/dev/sdc', VirtualName: 'ephemeral1' },
    ]);
    const jammy = await named(a, 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-arm64-server-20231207');
    expect(jammy.Description).toBe('Canonical, Ubuntu, 22.04 LTS, arm64 jammy image build on 2023-12-07');
    expect(jammy.BlockDeviceMappings?.[0]?.Ebs).toEqual({ DeleteOnTermination: true, SnapshotId: expect.stringMatching(SNAP), VolumeSize: 8, VolumeType: 'gp2', Encrypted: false });
    expect(jammy.ImdsSupport).toBeUndefined();
  });

  it('Debian 12: its owner, description and gp2 root on /dev/xvda', async () => {
    const i = await named(a, 'debian-12-amd64-20250331-1966');
    expect(i.OwnerId).toBe(DEBIAN);
    expect(i.Description).toBe('Debian 12 (20250331-1966)');
    expect(i.ImageLocation).toBe('amazon/debian-12-amd64-20250331-1966');
    expect(i.RootDeviceName).toBe('/dev/xvda');
    expect(i.BlockDeviceMappings?.map((d) => [d.DeviceName, d.Ebs?.VolumeType, d.Ebs?.VolumeSize])).toEqual([['/dev/xvda', 'gp2', 8]]);
    expect(i.DeprecationTime).toBe('2027-03-31T20:13:40.000Z');
    expect((await named(a, 'debian-12-arm64-20250331-1966')).BootMode).toBe('uefi');
  });

  it('three dated releases of every line, each image with its own id and snapshot', async () => {
    const all = await images(a, { IncludeDeprecated: true });
    expect(all).toHaveLength(ALL);
    expect(new Set(all.map((i) => i.ImageId)).size).toBe(ALL);
    expect(new Set(all.map((i) => i.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId)).size).toBe(ALL);
    expect(all.filter((i) => i.OwnerId === AMAZON)).toHaveLength(12);
    expect(all.filter((i) => i.OwnerId === CANONICAL)).toHaveLength(12);
    expect(all.filter((i) => i.OwnerId === DEBIAN)).toHaveLength(6);
    expect(all.filter((i) => i.Architecture === 'arm64')).toHaveLength(15);
  });
});

describe('filters', () => {
  const find = (filters: { Name: string; Values: string[] }[], more: Partial<DescribeImagesCommandInput> = {}): Promise<Image[]> =>
    images(a, { Filters: filters, IncludeDeprecated: true, ...more });

  it('name with `*`: the standard AL2023 pattern leaves out minimal and arm64; a loose one does not', async () => {
    expect(names(await find([{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }]))).toEqual([
      'al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64',
      'al2023-ami-2023.6.20250317.2-kernel-6.1-x86_64',
      'al2023-ami-2023.8.20250908.0-kernel-6.1-x86_64',
    ]);
    const loose = await find([{ Name: 'name', Values: ['al2023-ami-*-x86_64'] }]);
    expect(loose).toHaveLength(6);
    expect(loose.filter((i) => i.Name?.startsWith('al2023-ami-minimal-'))).toHaveLength(3);
  });

  it('`?` matches one character; several values are ORed; several filters are ANDed', async () => {
    expect(names(await find([{ Name: 'name', Values: ['debian-12-amd64-2025????-????'] }]))).toEqual(['debian-12-amd64-20250331-1966']);
    expect(names(await find([{ Name: 'name', Values: ['debian-12-amd64-2025????-???'] }]))).toEqual([]);
    const noble = await find([
      { Name: 'name', Values: ['ubuntu/images/hvm-ssd*/ubuntu-noble-24.04-*-server-*', 'debian-12-*'] },
      { Name: 'architecture', Values: ['arm64'] },
    ]);
    expect(noble).toHaveLength(6);
    expect(noble.every((i) => i.Architecture === 'arm64')).toBe(true);
  });

  it('a backslash escapes a wildcard character', async () => {
    expect(await find([{ Name: 'name', Values: ['al2023-ami-2023\\*'] }])).toEqual([]);
    expect(await find([{ Name: 'description', Values: ['Debian 12 \\(20240717-1811\\)'] }])).toHaveLength(2);
  });

  it('creation-date by day, description, owner-alias, owner-id, root device and block device mapping', async () => {
    expect(names(await find([{ Name: 'creation-date', Values: ['2025-03-24T*'] }]))).toHaveLength(4);
    expect(await find([{ Name: 'description', Values: ['*Minimal*'] }])).toHaveLength(6);
    expect(await find([{ Name: 'owner-alias', Values: ['amazon'] }])).toHaveLength(ALL);
    expect(await find([{ Name: 'owner-id', Values: [DEBIAN, CANONICAL] }])).toHaveLength(18);
    expect(await find([{ Name: 'root-device-name', Values: ['/dev/sda1'] }])).toHaveLength(12);
    expect(await find([{ Name: 'block-device-mapping.volume-type', Values: ['gp2'] }])).toHaveLength(12);
    expect(await find([{ Name: 'block-device-mapping.volume-size', Values: ['2'] }])).toHaveLength(6);
    expect(await find([{ Name: 'block-device-mapping.device-name', Values: ['/dev/sdb'] }])).toHaveLength(12);
    expect(await find([{ Name: 'block-device-mapping.delete-on-termination', Values: ['true'] }, { Name: 'block-device-mapping.encrypted', Values: ['false'] }])).toHaveLength(ALL);
    const one = (await find([{ Name: 'name', Values: ['debian-12-arm64-20240717-1811'] }]))[0];
    const snapshot = one?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId ?? '';
    expect(names(await find([{ Name: 'block-device-mapping.snapshot-id', Values: [snapshot] }]))).toEqual(['debian-12-arm64-20240717-1811']);
    expect(names(await find([{ Name: 'image-id', Values: [one?.ImageId ?? ''] }]))).toEqual(['debian-12-arm64-20240717-1811']);
  });

  it('the fixed facts: hvm, ebs, xen, machine, public, available, Linux/UNIX, RunInstances', async () => {
    for (const [name, value] of [
      ['virtualization-type', 'hvm'],
      ['root-device-type', 'ebs'],
      ['hypervisor', 'xen'],
      ['image-type', 'machine'],
      ['is-public', 'true'],
      ['state', 'available'],
      ['ena-support', 'true'],
      ['sriov-net-support', 'simple'],
      ['platform-details', 'Linux/UNIX'],
      ['usage-operation', 'RunInstances'],
      ['free-tier-eligible', 'true'],
    ] as const) {
      expect(await find([{ Name: name, Values: [value] }]), name).toHaveLength(ALL);
    }
    for (const [name, value] of [
      ['virtualization-type', 'paravirtual'],
      ['root-device-type', 'instance-store'],
      ['is-public', 'false'],
      ['state', 'pending'],
      ['platform', 'windows'],
      ['image-type', 'kernel'],
    ] as const) {
      expect(await find([{ Name: name, Values: [value] }]), name).toEqual([]);
    }
  });

  it('boot mode, IMDS support, deprecation time and manifest location', async () => {
    expect(await find([{ Name: 'boot-mode', Values: ['uefi'] }])).toHaveLength(15);
    expect(await find([{ Name: 'boot-mode', Values: ['uefi-preferred'] }])).toHaveLength(9);
    expect(await find([{ Name: 'imds-support', Values: ['v2.0'] }])).toHaveLength(18);
    expect(names(await find([{ Name: 'deprecation-time', Values: ['2025-12-05T*'] }]))).toHaveLength(4);
    expect(await find([{ Name: 'manifest-location', Values: ['amazon/ubuntu/images/*'] }])).toHaveLength(12);
  });

  it('fields catalogue images do not have match nothing; tag filters are accepted', async () => {
    for (const name of ['kernel-id', 'ramdisk-id', 'product-code', 'product-code.type', 'state-reason-code', 'state-reason-message', 'source-instance-id', 'source-image-id', 'tpm-support', 'tag:Name', 'tag-key']) {
      expect(await find([{ Name: name, Values: ['*'] }]), name).toEqual([]);
    }
  });

  it('an unknown filter name: InvalidParameterValue, as for every Describe', async () => {
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ Filters: [{ Name: 'image-name', Values: ['x'] }] }))), 'InvalidParameterValue', "The filter 'image-name' is invalid");
  });
});

describe('Owners and ExecutableUsers', () => {
  const count = async (input: DescribeImagesCommandInput): Promise<number> => (await images(a, { IncludeDeprecated: true, ...input })).length;

  it('an alias, account ids, self (accounts own no images here), and their union', async () => {
    // Canonical's and Debian's images are shown with the alias `amazon` too, so `amazon` finds all.
    expect(await count({ Owners: ['amazon'] })).toBe(ALL);
    expect(await count({ Owners: [AMAZON] })).toBe(12);
    expect(await count({ Owners: [CANONICAL] })).toBe(12);
    expect(await count({ Owners: ['self'] })).toBe(0);
    expect(await count({ Owners: ['111111111111'] })).toBe(0);
    expect(await count({ Owners: ['aws-marketplace'] })).toBe(0);
    expect(await count({ Owners: ['self', DEBIAN] })).toBe(6);
    expect(await count({ Owners: [DEBIAN], Filters: [{ Name: 'owner-id', Values: [AMAZON] }] })).toBe(0);
  });

  it('ExecutableUsers: all finds the public images; self and account ids find none (nothing is shared)', async () => {
    expect(await count({ ExecutableUsers: ['all'] })).toBe(ALL);
    expect(await count({ ExecutableUsers: ['self'] })).toBe(0);
    expect(await count({ ExecutableUsers: ['222222222222'] })).toBe(0);
    expect(await count({ ExecutableUsers: ['self', 'all'] })).toBe(ALL);
  });

  it('a value that is neither an alias nor an account id: InvalidUserID.Malformed', async () => {
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ Owners: ['canonical'] }))), 'InvalidUserID.Malformed', "User ID 'canonical' is invalid");
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ Owners: ['12345'] }))), 'InvalidUserID.Malformed', "User ID '12345' is invalid");
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ ExecutableUsers: ['everyone'] }))), 'InvalidUserID.Malformed', "User ID 'everyone' is invalid");
  });
});

describe('image ids', () => {
  it('by id, in the order of the catalogue, deprecated ones included without IncludeDeprecated', async () => {
    const old = await named(a, 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20231207');
    const current = await named(a, 'debian-12-arm64-20250331-1966');
    const got = await images(a, { ImageIds: [current.ImageId ?? '', old.ImageId ?? ''] });
    expect(got.map((i) => i.ImageId).sort()).toEqual([current.ImageId, old.ImageId].sort());
    // Filters and Owners still narrow what the ids name.
    expect(await images(a, { ImageIds: [old.ImageId ?? ''], Owners: [DEBIAN] })).toEqual([]);
    expect(await images(a, { ImageIds: [old.ImageId ?? ''], Filters: [{ Name: 'architecture', Values: ['arm64'] }] })).toEqual([]);
  });

  it('an unknown id: InvalidAMIID.NotFound naming it in brackets; several unknown ids are all named', async () => {
    const known = (await named(a, 'debian-12-amd64-20240717-1811')).ImageId ?? '';
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0', known] }))), 'InvalidAMIID.NotFound', "The image id '[ami-0123456789abcdef0]' does not exist");
    expectEc2Error(
      await failure(a.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0', 'ami-12345678'] }))),
      'InvalidAMIID.NotFound',
      "The image ids '[ami-0123456789abcdef0, ami-12345678]' do not exist",
    );
  });

  it('a malformed id: InvalidAMIID.Malformed, before any lookup', async () => {
    for (const id of ['ami-xyz', 'i-0123456789abcdef0', 'ami-0123456789ABCDEF0', 'ami-']) {
      expectEc2Error(await failure(a.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0', id] }))), 'InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);
    }
  });

  it('ids with MaxResults: InvalidParameterCombination', async () => {
    const known = (await named(a, 'debian-12-amd64-20240717-1811')).ImageId ?? '';
    expectEc2Error(
      await failure(a.send(new DescribeImagesCommand({ ImageIds: [known], MaxResults: 5 }))),
      'InvalidParameterCombination',
      'The parameter imagesSet cannot be used with the parameter maxResults',
    );
  });

  it('ids differ from Region to Region and are the same for every account and every run', async () => {
    const name = 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250610';
    const east = await named(a, name);
    const west = await named(ec2(server.url, '111111111111', 'eu-west-1'), name);
    const other = await named(ec2(server.url, '222222222222'), name);
    expect(east.ImageId).not.toBe(west.ImageId);
    expect(east.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId).not.toBe(west.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId);
    expect(other.ImageId).toBe(east.ImageId);
    // Derived from the Region and the name only, and pinned here: ids users write into their
    // configurations must not change from run to run or from one version of vpcpeer to the next.
    expect(east.ImageId).toBe('ami-0d85eb4329567dd64');
    expect(west.ImageId).toBe('ami-00268594fe3c76a38');
    // An id of one Region is unknown in another.
    expectEc2Error(await failure(ec2(server.url, '111111111111', 'eu-west-1').send(new DescribeImagesCommand({ ImageIds: [east.ImageId ?? ''] }))), 'InvalidAMIID.NotFound', `The image id '[${east.ImageId ?? ''}]' does not exist`);
  });

  it('DryRun: 412 DryRunOperation', async () => {
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ DryRun: true }))), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  });
});

describe('pagination', () => {
  it('MaxResults pages through everything once, in id order, the last page without a token', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await a.send(new DescribeImagesCommand({ IncludeDeprecated: true, MaxResults: 7, NextToken: token }));
      const got = (r.Images ?? []).map((i) => i.ImageId ?? '');
      expect(got.length).toBeLessThanOrEqual(7);
      seen.push(...got);
      token = r.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(ALL);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(ALL);
  });

  it('filters apply before the page is cut', async () => {
    const r = await a.send(new DescribeImagesCommand({ IncludeDeprecated: true, MaxResults: 5, Filters: [{ Name: 'owner-id', Values: [DEBIAN] }] }));
    expect(r.Images?.every((i) => i.OwnerId === DEBIAN)).toBe(true);
    expect(r.Images).toHaveLength(5);
    const rest = await a.send(new DescribeImagesCommand({ IncludeDeprecated: true, MaxResults: 5, NextToken: r.NextToken, Filters: [{ Name: 'owner-id', Values: [DEBIAN] }] }));
    expect(rest.Images).toHaveLength(1);
    expect(rest.NextToken).toBeUndefined();
  });

  it('MaxResults out of 5..1000 and a token that is not ours are refused', async () => {
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ MaxResults: 4 }))), 'InvalidParameterValue', 'Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.');
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ MaxResults: 1001 }))), 'InvalidParameterValue', 'Value ( 1001 ) for parameter maxResults is invalid. Expecting a value less than or equal to 1000.');
    expectEc2Error(await failure(a.send(new DescribeImagesCommand({ NextToken: 'garbage' }))), 'InvalidNextToken', 'The specified NextToken is not valid');
  });
});

describe('deprecation', () => {
  it('without IncludeDeprecated, images past their deprecation time that a newer release replaced are left out', async () => {
    const now = await serverNow(server);
    const all = await images(a, { IncludeDeprecated: true });
    const shown = new Set((await images(a, {})).map((i) => i.ImageId));
    const line = (i: Image): string => `${i.OwnerId} ${(i.Name ?? '').replace(/[0-9][0-9.-]*[0-9](?=-kernel|$)/, '')} ${i.Architecture}`;
    const newest = new Map<string, string>();
    for (const i of all) if ((newest.get(line(i)) ?? '') < (i.CreationDate ?? '')) newest.set(line(i), i.CreationDate ?? '');
    expect(newest.size).toBe(10);
    for (const i of all) {
      const hidden = Date.parse(i.DeprecationTime ?? '') <= now && newest.get(line(i)) !== i.CreationDate;
      expect(shown.has(i.ImageId), `${i.Name} shown`).toBe(!hidden);
    }
    // Several releases are past their time today (December 2026 and later).
    expect(shown.size).toBeLessThan(ALL);
  });

  it('years on, the newest release of every line is still found by default', async () => {
    const later = await startServer({ inMemory: true });
    try {
      await advanceClock(later, Math.round((5 * 365 * DAY_MS) / 1000));
      const shown = await images(ec2(later.url, '111111111111'), {});
      expect(shown).toHaveLength(10);
      expect(names(shown.filter((i) => i.Architecture === 'x86_64'))).toEqual([
        'al2023-ami-2023.8.20250908.0-kernel-6.1-x86_64',
        'al2023-ami-minimal-2023.8.20250908.0-kernel-6.1-x86_64',
        'debian-12-amd64-20250331-1966',
        'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250610',
        'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250305',
      ]);
      expect(await images(ec2(later.url, '111111111111'), { IncludeDeprecated: true })).toHaveLength(ALL);
    } finally {
      await later.stop();
    }
  });
});
