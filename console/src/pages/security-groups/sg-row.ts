import type { IpPermission, SecurityGroup, SecurityGroupRule } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface SgRow {
  readonly id: string;
  readonly name: string;
  readonly groupName: string;
  readonly vpcId: string;
  readonly description: string;
  readonly ownerId: string;
  readonly inbound: number;
  readonly outbound: number;
  readonly isDefault: boolean;
  readonly tags: readonly string[];
  readonly group: SecurityGroup;
}

/** Permission entries: one per source or destination of each permission, as AWS counts them. */
function entries(perms: readonly IpPermission[] | undefined): number {
  return (perms ?? []).reduce((n, p) => n + (p.IpRanges?.length ?? 0) + (p.Ipv6Ranges?.length ?? 0) + (p.UserIdGroupPairs?.length ?? 0) + (p.PrefixListIds?.length ?? 0), 0);
}

export function toSgRow(g: SecurityGroup): SgRow {
  return {
    id: g.GroupId ?? '',
    name: nameTag(g.Tags),
    groupName: g.GroupName ?? '',
    vpcId: g.VpcId ?? '',
    description: g.Description ?? '',
    ownerId: g.OwnerId ?? '',
    inbound: entries(g.IpPermissions),
    outbound: entries(g.IpPermissionsEgress),
    isDefault: g.GroupName === 'default',
    tags: tagStrings(g.Tags),
    group: g,
  };
}

/**
 * Where a rule's traffic comes from (inbound) or goes to (outbound). A group of another account,
 * or of a peer VPC across a peering connection, reads `<account>/sg-…` as AWS's console prints it
 * (VPC peering guide, "Update your security groups to reference peer security groups").
 */
export function rulePeer(r: SecurityGroupRule): string {
  const g = r.ReferencedGroupInfo;
  if (g?.GroupId) return (g.UserId && g.UserId !== r.GroupOwnerId) || g.VpcPeeringConnectionId ? `${g.UserId ?? r.GroupOwnerId ?? ''}/${g.GroupId}` : g.GroupId;
  return r.CidrIpv4 ?? r.CidrIpv6 ?? r.PrefixListId ?? '-';
}

/** `123456789012/sg-…`: a group named with its owner (another account's, or a peer VPC's). */
export const PEER_GROUP = /^(\d{12})\/(sg-[0-9a-f]+)$/;
