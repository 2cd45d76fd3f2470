import type { FilterSpec } from '../filters/filter-spec.js';
import type { ImageBlockDevice, MachineImage } from './machine-image.js';
import { COMMON_IMAGE_FACTS } from './machine-image.js';

const ebs = (i: MachineImage): NonNullable<ImageBlockDevice['ebs']>[] => i.blockDevices.flatMap((d) => (d.ebs ? [d.ebs] : []));
const none = (): undefined => undefined;

/**
 * DescribeImages filters: every name the EC2 API reference lists, plus the names AWS accepts for
 * fields it shows although the reference leaves them out (`platform-details` and
 * `usage-operation` are used against AWS in published scripts; `boot-mode`, `imds-support`,
 * `tpm-support` and `deprecation-time` match the fields of the same name [I]). Catalogue images
 * carry no tags, so `tag:<key>`, `tag-key` and `tag-value` are accepted and match nothing.
 */
export const IMAGE_FILTERS: FilterSpec<MachineImage> = {
  tags: () => [],
  fields: {
    architecture: (i) => i.architecture,
    'block-device-mapping.delete-on-termination': (i) => ebs(i).map((e) => String(e.deleteOnTermination)),
    'block-device-mapping.device-name': (i) => i.blockDevices.map((d) => d.deviceName),
    'block-device-mapping.encrypted': (i) => ebs(i).map((e) => String(e.encrypted)),
    'block-device-mapping.snapshot-id': (i) => ebs(i).map((e) => e.snapshotId),
    'block-device-mapping.volume-size': (i) => ebs(i).map((e) => String(e.volumeSize)),
    'block-device-mapping.volume-type': (i) => ebs(i).map((e) => e.volumeType),
    'boot-mode': (i) => i.bootMode,
    'creation-date': (i) => i.creationDate,
    'deprecation-time': (i) => i.deprecationTime,
    description: (i) => i.description,
    'ena-support': () => COMMON_IMAGE_FACTS.enaSupport,
    'free-tier-eligible': (i) => i.freeTierEligible,
    hypervisor: () => COMMON_IMAGE_FACTS.hypervisor,
    // Shown only when the account turns Allowed AMIs on, which no account here can.
    'image-allowed': none,
    'image-id': (i) => i.id,
    'image-type': () => COMMON_IMAGE_FACTS.imageType,
    'imds-support': (i) => i.imdsSupport,
    'is-public': () => COMMON_IMAGE_FACTS.public,
    'kernel-id': none,
    'manifest-location': (i) => i.imageLocation,
    name: (i) => i.name,
    'owner-alias': (i) => i.ownerAlias,
    'owner-id': (i) => i.ownerId,
    // "The only supported value is windows": Linux images have no platform.
    platform: none,
    'platform-details': () => COMMON_IMAGE_FACTS.platformDetails,
    'product-code': none,
    'product-code.type': none,
    'ramdisk-id': none,
    'root-device-name': (i) => i.rootDeviceName,
    'root-device-type': () => COMMON_IMAGE_FACTS.rootDeviceType,
    'source-image-id': none,
    'source-image-region': none,
    'source-instance-id': none,
    'sriov-net-support': () => COMMON_IMAGE_FACTS.sriovNetSupport,
    state: () => COMMON_IMAGE_FACTS.state,
    'state-reason-code': none,
    'state-reason-message': none,
    'tpm-support': none,
    'usage-operation': () => COMMON_IMAGE_FACTS.usageOperation,
    'virtualization-type': () => COMMON_IMAGE_FACTS.virtualizationType,
  },
};
