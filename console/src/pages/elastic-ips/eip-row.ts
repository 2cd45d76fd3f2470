import type { Address } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface EipRow {
  /** The allocation id: what identifies a VPC address in every call. */
  readonly id: string;
  readonly name: string;
  readonly publicIp: string;
  readonly associationId: string;
  readonly instanceId: string;
  readonly privateIp: string;
  readonly networkInterfaceId: string;
  readonly interfaceOwner: string;
  readonly borderGroup: string;
  readonly tags: readonly string[];
  readonly address: Address;
}

export function toEipRow(a: Address): EipRow {
  return {
    id: a.AllocationId ?? '',
    name: nameTag(a.Tags),
    publicIp: a.PublicIp ?? '',
    associationId: a.AssociationId ?? '',
    instanceId: a.InstanceId ?? '',
    privateIp: a.PrivateIpAddress ?? '',
    networkInterfaceId: a.NetworkInterfaceId ?? '',
    interfaceOwner: a.NetworkInterfaceOwnerId ?? '',
    borderGroup: a.NetworkBorderGroup ?? '',
    tags: tagStrings(a.Tags),
    address: a,
  };
}
