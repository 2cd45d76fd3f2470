// Terraform's `data "aws_ami"` and `data "aws_ami_ids"` against the built-in image catalogue,
// with the lookups people write for Amazon Linux 2023, Ubuntu 24.04 and 22.04, and Debian 12 on
// both architectures: each must choose the newest image the API offers, apply, and plan clean.
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import type { Filter } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, ec2Client, providerBlock, recordTimings, serverMs, terraformAvailable, useTerraformServer, workspace } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '444444444444';
const REGION = 'eu-west-1';

interface Lookup {
  readonly owners: readonly string[];
  readonly filters: Readonly<Record<string, string>>;
  /** The newest matching image, by name: what `most_recent` must pick. */
  readonly newest: string;
}

const LOOKUPS: Readonly<Record<string, Lookup>> = {
  al2023_x86: { owners: ['amazon'], filters: { name: 'al2023-ami-2023.*-x86_64' }, newest: 'al2023-ami-2023.8.20250908.0-kernel-6.1-x86_64' },
  al2023_arm: {
    owners: ['amazon'],
    filters: { name: 'al2023-ami-2023.*-kernel-6.1-arm64', architecture: 'arm64', 'virtualization-type': 'hvm', 'root-device-type': 'ebs' },
    newest: 'al2023-ami-2023.8.20250908.0-kernel-6.1-arm64',
  },
  al2023_minimal: { owners: ['137112412989'], filters: { name: 'al2023-ami-minimal-*-x86_64' }, newest: 'al2023-ami-minimal-2023.8.20250908.0-kernel-6.1-x86_64' },
  noble_amd64: {
    owners: ['099720109477'],
    filters: { name: 'ubuntu/images/hvm-ssd*/ubuntu-noble-24.04-amd64-server-*', 'virtualization-type': 'hvm' },
    newest: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250610',
  },
  noble_arm64: {
    owners: ['099720109477'],
    filters: { name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-*', architecture: 'arm64' },
    newest: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250610',
  },
  jammy_amd64: { owners: ['099720109477'], filters: { name: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*' }, newest: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250305' },
  debian_amd64: { owners: ['136693071363'], filters: { name: 'debian-12-amd64-*' }, newest: 'debian-12-amd64-20250331-1966' },
  debian_arm64: { owners: ['136693071363'], filters: { name: 'debian-12-arm64-*', architecture: 'arm64' }, newest: 'debian-12-arm64-20250331-1966' },
};

function dataBlock(key: string, l: Lookup, provider = ''): string {
  const filters = Object.entries(l.filters)
    .map(([name, value]) => `  filter {\n    name   = "${name}"\n    values = ["${value}"]\n  }`)
    .join('\n');
  return `data "aws_ami" "${key}" {\n${provider}  most_recent = true\n  owners      = ${JSON.stringify(l.owners)}\n${filters}\n}\n`;
}

const asFilters = (l: Lookup): Filter[] => Object.entries(l.filters).map(([Name, value]) => ({ Name, Values: [value] }));

describe.skipIf(!ok)('Terraform: aws_ami finds the newest image of each distribution', () => {
  const started = useTerraformServer();

  it('aws_ami (most_recent, owners, name/architecture filters) and aws_ami_ids, in two Regions', async () => {
    const url = started.current.url;
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(url, { region: REGION, accessKey: ACCOUNT })}${providerBlock(url, { alias: 'east', region: 'us-east-1', accessKey: ACCOUNT })}
${Object.entries(LOOKUPS)
  .map(([k, l]) => dataBlock(k, l))
  .join('\n')}
${dataBlock('noble_amd64_east', LOOKUPS.noble_amd64 as Lookup, '  provider    = aws.east\n')}
data "aws_ami" "exact" {
  owners = ["136693071363"]
  filter {
    name   = "name"
    values = ["debian-12-amd64-20250331-1966"]
  }
}
data "aws_ami" "pinned_old" {
  owners             = ["136693071363"]
  include_deprecated = true
  filter {
    name   = "name"
    values = ["debian-12-amd64-20231013-1532"]
  }
}
data "aws_ami_ids" "al2023_all" {
  owners             = ["amazon"]
  include_deprecated = true
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}
output "chosen" {
  value = {
${Object.keys(LOOKUPS)
  .map((k) => `    ${k} = { id = data.aws_ami.${k}.id, name = data.aws_ami.${k}.name, owner = data.aws_ami.${k}.owner_id, arch = data.aws_ami.${k}.architecture, created = data.aws_ami.${k}.creation_date }`)
  .join('\n')}
  }
}
output "noble_east" {
  value = { id = data.aws_ami.noble_amd64_east.id, name = data.aws_ami.noble_amd64_east.name }
}
output "detail" {
  value = {
    root_snapshot_id = data.aws_ami.al2023_x86.root_snapshot_id
    root_device_name = data.aws_ami.al2023_x86.root_device_name
    image_location   = data.aws_ami.al2023_x86.image_location
    owner_alias      = data.aws_ami.al2023_x86.image_owner_alias
    deprecation_time = data.aws_ami.al2023_x86.deprecation_time
    boot_mode        = data.aws_ami.al2023_x86.boot_mode
    imds_support     = data.aws_ami.al2023_x86.imds_support
    platform_details = data.aws_ami.al2023_x86.platform_details
    usage_operation  = data.aws_ami.al2023_x86.usage_operation
    public           = data.aws_ami.al2023_x86.public
    state            = data.aws_ami.al2023_x86.state
    ena_support      = data.aws_ami.al2023_x86.ena_support
    hypervisor       = data.aws_ami.al2023_x86.hypervisor
    arn              = data.aws_ami.al2023_x86.arn
    devices          = [for d in data.aws_ami.noble_amd64.block_device_mappings : d.device_name]
  }
}
output "exact" {
  value = [data.aws_ami.exact.name, data.aws_ami.pinned_old.name]
}
output "al2023_all" {
  value = data.aws_ami_ids.al2023_all.ids
}
`);
    try {
      await ws.must(0, 'init', '-input=false');
      const apply = await ws.must(0, 'apply', '-auto-approve', '-input=false');
      const out = JSON.parse((await ws.must(0, 'output', '-json')).output) as Record<string, { value: unknown }>;
      const chosen = out.chosen?.value as Record<string, { id: string; name: string; owner: string; arch: string; created: string }>;

      // What the API offers for each lookup (deprecated releases left out, as Terraform asks).
      const client = ec2Client(url, ACCOUNT, REGION);
      for (const [key, l] of Object.entries(LOOKUPS)) {
        const offered = (await client.send(new DescribeImagesCommand({ Owners: [...l.owners], Filters: asFilters(l), IncludeDeprecated: false }))).Images ?? [];
        const newest = offered.reduce((best, i) => ((i.CreationDate ?? '') > (best.CreationDate ?? '') ? i : best));
        expect(chosen[key]?.name, key).toBe(l.newest);
        expect(chosen[key]?.id, key).toBe(newest.ImageId);
        expect(chosen[key]?.created, key).toBe(newest.CreationDate);
        expect(chosen[key]?.arch, key).toBe(key.includes('arm') ? 'arm64' : 'x86_64');
      }
      expect(chosen.al2023_x86?.owner).toBe('137112412989');
      expect(chosen.noble_arm64?.owner).toBe('099720109477');
      expect(chosen.debian_amd64?.owner).toBe('136693071363');

      // The same image has another id in another Region.
      const east = out.noble_east?.value as { id: string; name: string };
      expect(east.name).toBe(LOOKUPS.noble_amd64?.newest);
      expect(east.id).toMatch(/^ami-[0-9a-f]{17}$/);
      expect(east.id).not.toBe(chosen.noble_amd64?.id);

      const all = (await client.send(new DescribeImagesCommand({ ImageIds: [chosen.al2023_x86?.id ?? ''] }))).Images?.[0];
      expect(out.detail?.value).toEqual({
        root_snapshot_id: all?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId,
        root_device_name: '/dev/xvda',
        image_location: 'amazon/al2023-ami-2023.8.20250908.0-kernel-6.1-x86_64',
        owner_alias: 'amazon',
        deprecation_time: '2025-12-05T00:42:00.000Z',
        boot_mode: 'uefi-preferred',
        imds_support: 'v2.0',
        platform_details: 'Linux/UNIX',
        usage_operation: 'RunInstances',
        public: true,
        state: 'available',
        ena_support: true,
        hypervisor: 'xen',
        arn: `arn:aws:ec2:${REGION}::image/${chosen.al2023_x86?.id ?? ''}`,
        devices: ['/dev/sda1', '/dev/sdb', '/dev/sdc'],
      });
      // Without most_recent a lookup must match one image; a release replaced and past its
      // deprecation time is found only with include_deprecated.
      expect(out.exact?.value).toEqual(['debian-12-amd64-20250331-1966', 'debian-12-amd64-20231013-1532']);

      // aws_ami_ids lists newest first; with deprecated releases included there are three.
      const ids = out.al2023_all?.value as string[];
      expect(ids).toHaveLength(3);
      expect(ids[0]).toBe(chosen.al2023_x86?.id);
      const dated = (await client.send(new DescribeImagesCommand({ ImageIds: ids }))).Images ?? [];
      const created = ids.map((id) => dated.find((i) => i.ImageId === id)?.CreationDate ?? '');
      expect(created).toEqual([...created].sort().reverse());

      const plan = await ws.run('plan', '-detailed-exitcode', '-input=false');
      expect(plan.code, plan.output).toBe(0);
      const destroy = await ws.must(0, 'destroy', '-auto-approve', '-input=false');
      recordTimings('images', { apply: apply.ms, plan: plan.ms, destroy: destroy.ms, server: serverMs(started.current) });
    } finally {
      ws.remove();
    }
  }, 300_000);

  it('a lookup that matches nothing fails as against AWS', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: REGION, accessKey: ACCOUNT })}
data "aws_ami" "none" {
  most_recent = true
  owners      = ["self"]
  filter {
    name   = "name"
    values = ["al2023-ami-*"]
  }
}
`);
    try {
      await ws.must(0, 'init', '-input=false');
      const plan = await ws.run('plan', '-input=false');
      expect(plan.code).toBe(1);
      expect(plan.output).toContain('Your query returned no results');
    } finally {
      ws.remove();
    }
  }, 300_000);
});
