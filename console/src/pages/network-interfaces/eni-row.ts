import type { NetworkInterface } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface EniRow {
  readonly id: string;
  readonly name: string;
  readonly subnetId: string;
  readonly vpcId: string;
  readonly zone: string;
  readonly description: string;
  readonly instanceId: string;
  readonly status: string;
  readonly privateIp: string;
  readonly privateIps: readonly string[];
  readonly ipv6: readonly string[];
  readonly groups: readonly string[];
  readonly groupNames: string;
  readonly interfaceType: string;
  readonly tags: readonly string[];
  readonly eni: NetworkInterface;
}

export function toEniRow(n: NetworkInterface): EniRow {
  return {
    id: n.NetworkInterfaceId ?? '',
    name: nameTag(n.TagSet),
    subnetId: n.SubnetId ?? '',
    vpcId: n.VpcId ?? '',
    zone: n.AvailabilityZone ?? '',
    description: n.Description ?? '',
    instanceId: n.Attachment?.InstanceId ?? '',
    status: n.Status ?? '',
    privateIp: n.PrivateIpAddress ?? '',
    privateIps: (n.PrivateIpAddresses ?? []).flatMap((a) => (a.PrivateIpAddress ? [a.PrivateIpAddress] : [])),
    ipv6: (n.Ipv6Addresses ?? []).flatMap((a) => (a.Ipv6Address ? [a.Ipv6Address] : [])),
    groups: (n.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    groupNames: (n.Groups ?? []).map((g) => g.GroupName ?? g.GroupId ?? '').join(', '),
    interfaceType: n.InterfaceType ?? 'interface',
    tags: tagStrings(n.TagSet),
    eni: n,
  };
}

/** An interface in a picker (Reachability, launch): id, Name or description, and its address. */
export function eniOption(n: NetworkInterface): { value: string; label: string; description?: string; tags: string[] } {
  const label = nameTag(n.TagSet) || n.Description || undefined;
  return { value: n.NetworkInterfaceId ?? '', label: n.NetworkInterfaceId ?? '', ...(label ? { description: label } : {}), tags: [n.PrivateIpAddress ?? '', n.VpcId ?? ''] };
}
