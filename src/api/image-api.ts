import { describeImages } from '../core/images/describe-images.js';
import type { MachineImage } from '../core/images/machine-image.js';
import { COMMON_IMAGE_FACTS } from '../core/images/machine-image.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads } from './operation.js';
import { wire } from './wire.js';

function imageToWire(i: MachineImage): W.Image {
  return {
    Architecture: i.architecture,
    CreationDate: i.creationDate,
    ImageId: i.id,
    ImageLocation: i.imageLocation,
    ImageType: COMMON_IMAGE_FACTS.imageType,
    Public: COMMON_IMAGE_FACTS.public,
    OwnerId: i.ownerId,
    PlatformDetails: COMMON_IMAGE_FACTS.platformDetails,
    UsageOperation: COMMON_IMAGE_FACTS.usageOperation,
    State: COMMON_IMAGE_FACTS.state,
    BlockDeviceMappings: i.blockDevices.map((d) => ({
      DeviceName: d.deviceName,
      VirtualName: d.virtualName,
      Ebs: d.ebs && {
        DeleteOnTermination: d.ebs.deleteOnTermination,
        Iops: d.ebs.iops,
        SnapshotId: d.ebs.snapshotId,
        VolumeSize: d.ebs.volumeSize,
        VolumeType: d.ebs.volumeType,
        Throughput: d.ebs.throughput,
        Encrypted: d.ebs.encrypted,
      },
    })),
    Description: i.description,
    EnaSupport: COMMON_IMAGE_FACTS.enaSupport,
    Hypervisor: COMMON_IMAGE_FACTS.hypervisor,
    ImageOwnerAlias: i.ownerAlias,
    Name: i.name,
    RootDeviceName: i.rootDeviceName,
    RootDeviceType: COMMON_IMAGE_FACTS.rootDeviceType,
    SriovNetSupport: COMMON_IMAGE_FACTS.sriovNetSupport,
    VirtualizationType: COMMON_IMAGE_FACTS.virtualizationType,
    BootMode: i.bootMode,
    DeprecationTime: i.deprecationTime,
    ImdsSupport: i.imdsSupport,
    FreeTierEligible: i.freeTierEligible,
  };
}

/** Machine images: a small built-in catalogue per Region. */
export const IMAGE_OPERATIONS: OperationTable = {
  DescribeImages: reads((ctx, input) => {
    const page = describeImages(ctx, {
      ids: input.ImageIds,
      owners: input.Owners,
      executableUsers: input.ExecutableUsers,
      includeDeprecated: input.IncludeDeprecated,
      includeDisabled: input.IncludeDisabled,
      filters: wire.filters(input.Filters),
      ...wire.page(input),
    });
    return Promise.resolve({ Images: page.items.map(imageToWire), NextToken: page.nextToken });
  }),
};
