import type { Vpc } from '@aws-sdk/client-ec2';
import type { SelectProps } from '@cloudscape-design/components/select';
import { nameTag } from './tags';

export function vpcCidrs(v: Vpc): string[] {
  const v4 = (v.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State === 'associated' || a.CidrBlockState?.State === 'associating').flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
  const v6 = (v.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State === 'associated' || a.Ipv6CidrBlockState?.State === 'associating').flatMap((a) => (a.Ipv6CidrBlock ? [a.Ipv6CidrBlock] : []));
  return [...(v4.length > 0 ? v4 : v.CidrBlock ? [v.CidrBlock] : []), ...v6];
}

/** A VPC in a picker: its id, its Name, and its CIDRs (what decides whether a peering can work). */
export function vpcOption(v: Vpc): SelectProps.Option {
  return { value: v.VpcId ?? '', label: v.VpcId, description: nameTag(v.Tags) || undefined, tags: vpcCidrs(v) };
}
