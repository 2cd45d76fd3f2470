import type { Instance } from '@aws-sdk/client-ec2';
import { formatDate } from '../../shared/format-date';
import { nameTag, tagStrings } from '../../shared/tags';

export interface InstanceRow {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly instanceType: string;
  readonly imageId: string;
  readonly zone: string;
  readonly privateIp: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly groupNames: string;
  readonly primaryEni: string;
  readonly launched: string;
  readonly tags: readonly string[];
  readonly instance: Instance;
}

export function toInstanceRow(i: Instance): InstanceRow {
  const primary = i.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0) ?? i.NetworkInterfaces?.[0];
  return {
    id: i.InstanceId ?? '',
    name: nameTag(i.Tags),
    state: i.State?.Name ?? '',
    instanceType: i.InstanceType ?? '',
    imageId: i.ImageId ?? '',
    zone: i.Placement?.AvailabilityZone ?? '',
    privateIp: i.PrivateIpAddress ?? '',
    vpcId: i.VpcId ?? '',
    subnetId: i.SubnetId ?? '',
    groupNames: (i.SecurityGroups ?? []).map((g) => g.GroupName ?? g.GroupId ?? '').join(', '),
    primaryEni: primary?.NetworkInterfaceId ?? '',
    launched: i.LaunchTime ? formatDate(i.LaunchTime) : '-',
    tags: tagStrings(i.Tags),
    instance: i,
  };
}

/** An instance in a picker (Reachability): id, Name, private address and VPC. */
export function instanceOption(i: Instance): { value: string; label: string; description?: string; tags: string[] } {
  const name = nameTag(i.Tags);
  return { value: i.InstanceId ?? '', label: i.InstanceId ?? '', ...(name ? { description: name } : {}), tags: [i.PrivateIpAddress ?? '', i.VpcId ?? '', i.State?.Name ?? ''] };
}
