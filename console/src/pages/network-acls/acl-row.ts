import type { NetworkAcl, NetworkAclEntry } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface AclRow {
  readonly id: string;
  readonly name: string;
  readonly subnets: readonly string[];
  readonly isDefault: boolean;
  readonly defaultLabel: string;
  readonly vpcId: string;
  readonly inbound: number;
  readonly outbound: number;
  readonly ownerId: string;
  readonly tags: readonly string[];
  readonly acl: NetworkAcl;
}

export function toAclRow(a: NetworkAcl, yes: string, no: string): AclRow {
  const entries = a.Entries ?? [];
  return {
    id: a.NetworkAclId ?? '',
    name: nameTag(a.Tags),
    subnets: (a.Associations ?? []).flatMap((x) => (x.SubnetId ? [x.SubnetId] : [])),
    isDefault: a.IsDefault === true,
    defaultLabel: a.IsDefault ? yes : no,
    vpcId: a.VpcId ?? '',
    inbound: entries.filter((e) => !e.Egress).length,
    outbound: entries.filter((e) => e.Egress).length,
    ownerId: a.OwnerId ?? '',
    tags: tagStrings(a.Tags),
    acl: a,
  };
}

/** The catch-all deny rules (32767, and 32768 for IPv6) AWS shows as `*` and nobody edits. */
export const isCatchAll = (e: NetworkAclEntry): boolean => (e.RuleNumber ?? 0) >= 32767;

/** An ACL's entries of one direction, by rule number as AWS evaluates them. */
export function entriesOf(a: NetworkAcl, egress: boolean): NetworkAclEntry[] {
  return (a.Entries ?? []).filter((e) => e.Egress === egress).sort((x, y) => (x.RuleNumber ?? 0) - (y.RuleNumber ?? 0));
}
