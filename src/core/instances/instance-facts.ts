import { COMMON_IMAGE_FACTS } from '../images/machine-image.js';
import type { Instance, InstanceMetadataOptions } from './instance.js';

/**
 * What every instance here shows the same way, in one place so that DescribeInstances' answer and
 * its filters cannot disagree: an EBS root at /dev/xvda on Xen HVM (the catalogue images' facts),
 * Linux, On-Demand, default tenancy, no Nitro Enclaves, hibernation or Capacity Reservation target.
 */
export const INSTANCE_FACTS = {
  rootDeviceName: '/dev/xvda',
  rootDeviceType: COMMON_IMAGE_FACTS.rootDeviceType,
  hypervisor: COMMON_IMAGE_FACTS.hypervisor,
  virtualizationType: COMMON_IMAGE_FACTS.virtualizationType,
  enaSupport: COMMON_IMAGE_FACTS.enaSupport,
  platformDetails: COMMON_IMAGE_FACTS.platformDetails,
  usageOperation: COMMON_IMAGE_FACTS.usageOperation,
  tenancy: 'default',
  bootMode: 'uefi-preferred',
  currentInstanceBootMode: 'legacy-bios',
  capacityReservationPreference: 'open',
  hostnameType: 'ip-name',
  autoRecovery: 'default',
  rebootMigration: 'default',
  bandwidthWeighting: 'default',
  enclaves: false,
  hibernation: false,
  // The instance metadata service's IPv4 endpoint: AWS's default, which nothing here changes
  // (InstanceMetadataOptionsRequest has no member for it).
  httpProtocolIpv4: 'enabled',
  /** Changes of the metadata options apply at once: reads say `applied` (the change's answer says `pending`). */
  metadataState: 'applied',
} as const;

/** AWS's instance metadata defaults where a launch gave none (RunInstances, MetadataOptions). */
export const DEFAULT_METADATA_OPTIONS: InstanceMetadataOptions = {
  httpTokens: 'optional',
  httpPutResponseHopLimit: 1,
  httpEndpoint: 'enabled',
  httpProtocolIpv6: 'disabled',
  instanceMetadataTags: 'disabled',
};

/** The metadata options an instance has: those kept, else the defaults (older rows keep none). */
export function metadataOptionsOf(i: Instance): InstanceMetadataOptions {
  return i.metadataOptions ?? DEFAULT_METADATA_OPTIONS;
}
