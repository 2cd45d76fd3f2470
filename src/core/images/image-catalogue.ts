import type { ImageBlockDevice, MachineImage } from './machine-image.js';

/*
 * The built-in catalogue: a few dated releases of the images people look up by name, in every
 * Region. Names, descriptions, owners, locations and device layouts follow what DescribeImages
 * shows for the real images (examples quoted in describe-images output and Terraform state in
 * public repositories):
 *  - Amazon Linux 2023: owner 137112412989, alias `amazon`, location `amazon/<name>`, root
 *    /dev/xvda on gp3 (8 GiB, 3000 IOPS, 125 MiB/s; the minimal edition 2 GiB), boot mode
 *    uefi-preferred (x86_64) or uefi (arm64), IMDSv2 only, deprecated 90 days after creation
 *    rounded down to the minute (2025-03-24T21:09:23Z -> 2025-06-22T21:09:00Z).
 *  - Ubuntu (Canonical, 099720109477): shown today with alias `amazon` and location
 *    `amazon/<name>`; root /dev/sda1 plus ephemeral0/1 on /dev/sdb and /dev/sdc; deprecated two
 *    years after creation, AWS's default for public images (EC2 user guide, "Deprecate an AMI").
 *  - Debian 12 (136693071363): alias `amazon`, location `amazon/<name>`, description
 *    `Debian 12 (<build>)`, root /dev/xvda on gp2 [I: volume type and the absent x86_64 boot
 *    mode]; the two-year default deprecation.
 */

interface Release {
  /** What distinguishes this release in the image name (an AL2023 version, a build stamp). */
  readonly tag: string;
  /** When the first image of the release (x86_64) was registered. */
  readonly created: string;
}

interface Variant {
  readonly line: string;
  readonly arch: 'x86_64' | 'arm64';
  /** Seconds after the release's first registration that this image was registered. */
  readonly lagSeconds: number;
  readonly name: (tag: string) => string;
  readonly description: (tag: string, created: string) => string;
}

interface Family {
  readonly ownerId: string;
  readonly ownerAlias: string;
  readonly releases: readonly Release[];
  readonly variants: readonly Variant[];
  readonly rootDeviceName: string;
  readonly volume: { readonly size: (v: Variant) => number; readonly type: 'gp2' | 'gp3' };
  /** Ubuntu's images also map two instance-store volumes. */
  readonly ephemeral: boolean;
  readonly bootMode: (arch: Variant['arch']) => MachineImage['bootMode'];
  readonly imdsV2Only: boolean;
  readonly deprecation: (created: string) => string;
}

export const AMAZON_OWNER_ID = '137112412989';
export const CANONICAL_OWNER_ID = '099720109477';
export const DEBIAN_OWNER_ID = '136693071363';

const DAY_MS = 24 * 3600 * 1000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Amazon Linux 2023's own schedule: 90 days, rounded down to the minute. */
function ninetyDaysToTheMinute(created: string): string {
  const at = Date.parse(created) + 90 * DAY_MS;
  return iso(at - (at % 60_000));
}

/** AWS's default for public images: two years after creation, to the second. */
function twoYears(created: string): string {
  const d = new Date(created);
  d.setUTCFullYear(d.getUTCFullYear() + 2);
  return d.toISOString();
}

const debArch = (arch: Variant['arch']): string => (arch === 'x86_64' ? 'amd64' : 'arm64');
const day = (created: string): string => created.slice(0, 10);

const al2023 = (edition: 'standard' | 'minimal', arch: Variant['arch'], lagSeconds: number): Variant => ({
  line: `al2023-${edition}-${arch}`,
  arch,
  lagSeconds,
  name: (v) => `al2023-ami-${edition === 'minimal' ? 'minimal-' : ''}${v}-kernel-6.1-${arch}`,
  description: (v) => `Amazon Linux 2023 AMI ${v} ${arch}${edition === 'minimal' ? ' Minimal' : ''} HVM kernel-6.1`,
});

/**
 * Canonical's two LTS lines differ in store and age: 24.04 on gp3 (`hvm-ssd-gp3`) with IMDSv2 only
 * and uefi-preferred on x86_64, 22.04 on gp2 (`hvm-ssd`) with neither [I: the last two]. 24.04's
 * description is `Canonical, Ubuntu, 24.04, amd64 noble image`; 22.04 keeps the older
 * `..., 22.04 LTS, amd64 jammy image build on 2023-12-07`.
 */
function ubuntuFamily(release: 'noble' | 'jammy', releases: readonly Release[], armLagSeconds: number): Family {
  const noble = release === 'noble';
  const version = noble ? '24.04' : '22.04';
  const variant = (arch: Variant['arch'], lagSeconds: number): Variant => ({
    line: `ubuntu-${release}-${arch}`,
    arch,
    lagSeconds,
    name: (stamp) => `ubuntu/images/${noble ? 'hvm-ssd-gp3' : 'hvm-ssd'}/ubuntu-${release}-${version}-${debArch(arch)}-server-${stamp}`,
    description: (_stamp, created) =>
      noble ? `Canonical, Ubuntu, ${version}, ${debArch(arch)} ${release} image` : `Canonical, Ubuntu, ${version} LTS, ${debArch(arch)} ${release} image build on ${day(created)}`,
  });
  return {
    ownerId: CANONICAL_OWNER_ID,
    ownerAlias: 'amazon',
    releases,
    variants: [variant('x86_64', 0), variant('arm64', armLagSeconds)],
    rootDeviceName: '/dev/sda1',
    volume: { size: () => 8, type: noble ? 'gp3' : 'gp2' },
    ephemeral: true,
    bootMode: (arch) => (arch === 'arm64' ? 'uefi' : noble ? 'uefi-preferred' : undefined),
    imdsV2Only: noble,
    deprecation: twoYears,
  };
}

const debian = (arch: Variant['arch'], lagSeconds: number): Variant => ({
  line: `debian-12-${arch}`,
  arch,
  lagSeconds,
  name: (build) => `debian-12-${debArch(arch)}-${build}`,
  description: (build) => `Debian 12 (${build})`,
});

const FAMILIES: readonly Family[] = [
  {
    ownerId: AMAZON_OWNER_ID,
    ownerAlias: 'amazon',
    releases: [
      { tag: '2023.6.20241212.0', created: '2024-12-13T18:42:15.000Z' },
      { tag: '2023.6.20250317.2', created: '2025-03-24T21:04:51.000Z' },
      { tag: '2023.8.20250908.0', created: '2025-09-06T00:42:47.000Z' },
    ],
    variants: [al2023('standard', 'x86_64', 0), al2023('standard', 'arm64', 83), al2023('minimal', 'x86_64', 272), al2023('minimal', 'arm64', 331)],
    rootDeviceName: '/dev/xvda',
    volume: { size: (v) => (v.line.includes('minimal') ? 2 : 8), type: 'gp3' },
    ephemeral: false,
    bootMode: (arch) => (arch === 'x86_64' ? 'uefi-preferred' : 'uefi'),
    imdsV2Only: true,
    deprecation: ninetyDaysToTheMinute,
  },
  ubuntuFamily(
    'noble',
    [
      { tag: '20240927', created: '2024-09-27T11:05:36.000Z' },
      { tag: '20250305', created: '2025-03-05T10:47:12.000Z' },
      { tag: '20250610', created: '2025-06-10T12:31:58.000Z' },
    ],
    41,
  ),
  ubuntuFamily(
    'jammy',
    [
      { tag: '20231207', created: '2023-12-07T09:18:44.000Z' },
      { tag: '20240207.1', created: '2024-02-07T16:02:19.000Z' },
      { tag: '20250305', created: '2025-03-05T09:51:27.000Z' },
    ],
    57,
  ),
  {
    ownerId: DEBIAN_OWNER_ID,
    ownerAlias: 'amazon',
    releases: [
      { tag: '20231013-1532', created: '2023-10-13T15:41:17.000Z' },
      { tag: '20240717-1811', created: '2024-07-17T18:20:05.000Z' },
      { tag: '20250331-1966', created: '2025-03-31T20:13:40.000Z' },
    ],
    variants: [debian('x86_64', 0), debian('arm64', 118)],
    rootDeviceName: '/dev/xvda',
    volume: { size: () => 8, type: 'gp2' },
    ephemeral: false,
    bootMode: (arch) => (arch === 'arm64' ? 'uefi' : undefined),
    imdsV2Only: false,
    deprecation: twoYears,
  },
];

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/**
 * 17 hex digits (a leading 0, as new AWS ids mostly have, then 64 bits of FNV-1a over the UTF-16
 * code units) that depend only on what is named, so an id is the same on every run and differs
 * from Region to Region. The domain layer takes no crypto module, and needs none for this.
 */
function stableHex(...parts: string[]): string {
  let h = FNV_OFFSET;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * FNV_PRIME) & MASK_64;
  return '0' + h.toString(16).padStart(16, '0');
}

function devices(f: Family, v: Variant, region: string, name: string): ImageBlockDevice[] {
  const root: ImageBlockDevice = {
    deviceName: f.rootDeviceName,
    ebs: {
      snapshotId: `snap-${stableHex('snapshot', region, name)}`,
      volumeSize: f.volume.size(v),
      volumeType: f.volume.type,
      ...(f.volume.type === 'gp3' ? { iops: 3000, throughput: 125 } : {}),
      deleteOnTermination: true,
      encrypted: false,
    },
  };
  if (!f.ephemeral) return [root];
  return [root, { deviceName: '/dev/sdb', virtualName: 'ephemeral0' }, { deviceName: '/dev/sdc', virtualName: 'ephemeral1' }];
}

function build(region: string): MachineImage[] {
  const images: MachineImage[] = [];
  for (const f of FAMILIES) {
    for (const r of f.releases) {
      for (const v of f.variants) {
        const created = iso(Date.parse(r.created) + v.lagSeconds * 1000);
        const name = v.name(r.tag);
        const bootMode = f.bootMode(v.arch);
        images.push({
          id: `ami-${stableHex('image', region, name)}`,
          name,
          description: v.description(r.tag, created),
          ownerId: f.ownerId,
          ownerAlias: f.ownerAlias,
          imageLocation: `${f.ownerAlias}/${name}`,
          architecture: v.arch,
          creationDate: created,
          deprecationTime: f.deprecation(created),
          rootDeviceName: f.rootDeviceName,
          blockDevices: devices(f, v, region, name),
          ...(bootMode ? { bootMode } : {}),
          ...(f.imdsV2Only ? { imdsSupport: 'v2.0' as const } : {}),
          freeTierEligible: true,
          line: v.line,
        });
      }
    }
  }
  return images.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const byRegion = new Map<string, readonly MachineImage[]>();

/** Every catalogue image as `region` shows it, sorted by id. Built once per Region. */
export function imageCatalogue(region: string): readonly MachineImage[] {
  let images = byRegion.get(region);
  if (!images) {
    images = Object.freeze(build(region));
    byRegion.set(region, images);
  }
  return images;
}
