import type { NatGateway } from '@aws-sdk/client-ec2';
import { formatDate } from '../../shared/format-date';
import { nameTag, tagStrings } from '../../shared/tags';

export interface NatRow {
  readonly id: string;
  readonly name: string;
  readonly connectivity: string;
  readonly state: string;
  readonly stateMessage: string;
  readonly publicIp: string;
  readonly privateIp: string;
  readonly networkInterfaceId: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly created: string;
  readonly tags: readonly string[];
  readonly gateway: NatGateway;
}

export function toNatRow(g: NatGateway): NatRow {
  const primary = g.NatGatewayAddresses?.find((a) => a.IsPrimary !== false) ?? g.NatGatewayAddresses?.[0];
  return {
    id: g.NatGatewayId ?? '',
    name: nameTag(g.Tags),
    connectivity: g.ConnectivityType ?? 'public',
    state: g.State ?? '',
    stateMessage: g.FailureMessage ?? '',
    publicIp: primary?.PublicIp ?? '',
    privateIp: primary?.PrivateIp ?? '',
    networkInterfaceId: primary?.NetworkInterfaceId ?? '',
    vpcId: g.VpcId ?? '',
    subnetId: g.SubnetId ?? '',
    created: g.CreateTime ? formatDate(g.CreateTime) : '-',
    tags: tagStrings(g.Tags),
    gateway: g,
  };
}
