/** One EBS or instance-store entry of an image's block device mapping. */
export interface ImageBlockDevice {
  readonly deviceName: string;
  /** Instance-store volumes (`ephemeral0`, ...) carry a virtual name and no EBS settings. */
  readonly virtualName?: string;
  readonly ebs?: {
    readonly snapshotId: string;
    readonly volumeSize: number;
    readonly volumeType: 'gp2' | 'gp3';
    readonly iops?: number;
    readonly throughput?: number;
    readonly deleteOnTermination: boolean;
    readonly encrypted: boolean;
  };
}

/**
 * A public machine image as one Region shows it. The catalogue holds only public Linux images
 * owned by other accounts, so the fields a caller's own images would add (launch permissions,
 * source instance, last launch) have no place here.
 */
export interface MachineImage {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly ownerId: string;
  readonly ownerAlias?: string;
  readonly imageLocation: string;
  readonly architecture: 'x86_64' | 'arm64';
  /** ISO 8601 with milliseconds, as AWS writes it: `2025-03-24T21:09:23.000Z`. */
  readonly creationDate: string;
  readonly deprecationTime?: string;
  readonly rootDeviceName: string;
  readonly blockDevices: readonly ImageBlockDevice[];
  readonly bootMode?: 'uefi' | 'uefi-preferred';
  readonly imdsSupport?: 'v2.0';
  readonly freeTierEligible: boolean;
  /** Names the line of releases this image belongs to; a newer release of the same line supersedes it. */
  readonly line: string;
}

/** Facts every catalogue image shares (Linux, HVM, EBS-backed, public, available). */
export const COMMON_IMAGE_FACTS = {
  state: 'available',
  imageType: 'machine',
  hypervisor: 'xen',
  virtualizationType: 'hvm',
  rootDeviceType: 'ebs',
  public: true,
  enaSupport: true,
  sriovNetSupport: 'simple',
  platformDetails: 'Linux/UNIX',
  usageOperation: 'RunInstances',
} as const;
