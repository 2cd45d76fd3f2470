import type { Vpc } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface VpcRow {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly cidr: string;
  readonly cidrs: readonly string[];
  readonly ipv6Cidrs: readonly string[];
  readonly isDefault: boolean;
  readonly defaultLabel: string;
  readonly ownerId: string;
  readonly tags: readonly string[];
  readonly vpc: Vpc;
}

export function ipv4Blocks(v: Vpc): string[] {
  return (v.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State !== 'disassociated').flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
}

export function ipv6Blocks(v: Vpc): string[] {
  return (v.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State !== 'disassociated').flatMap((a) => (a.Ipv6CidrBlock ? [a.Ipv6CidrBlock] : []));
}

export function toVpcRow(v: Vpc, yes: string, no: string): VpcRow {
  return {
    id: v.VpcId ?? '',
    name: nameTag(v.Tags),
    state: v.State ?? '',
    cidr: v.CidrBlock ?? '',
    cidrs: ipv4Blocks(v),
    ipv6Cidrs: ipv6Blocks(v),
    isDefault: v.IsDefault === true,
    defaultLabel: v.IsDefault ? yes : no,
    ownerId: v.OwnerId ?? '',
    tags: tagStrings(v.Tags),
    vpc: v,
  };
}
