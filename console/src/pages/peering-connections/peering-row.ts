import type { VpcPeeringConnection, VpcPeeringConnectionVpcInfo } from '@aws-sdk/client-ec2';
import { peeringStatusLabel } from '../../shared/peering-status';
import { nameTag, tagStrings } from '../../shared/tags';

/** A connection flattened for the table and its filter bar: one field per column or filter. */
export interface PeeringRow {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly statusMessage: string;
  readonly requesterVpcId: string;
  readonly accepterVpcId: string;
  readonly requesterCidrs: readonly string[];
  readonly accepterCidrs: readonly string[];
  readonly requesterOwner: string;
  readonly accepterOwner: string;
  readonly requesterRegion: string;
  readonly accepterRegion: string;
  readonly expiration: string;
  /** For the filters that look at both sides at once. */
  readonly vpcIds: readonly string[];
  readonly owners: readonly string[];
  readonly cidrs: readonly string[];
  readonly regions: readonly string[];
  readonly tags: readonly string[];
  /** A pending request another account sent to this one: the row carries the phishing warning. */
  readonly foreignRequest: boolean;
  readonly connection: VpcPeeringConnection;
}

export function sideCidrs(side: VpcPeeringConnectionVpcInfo | undefined): string[] {
  const v4 = side?.CidrBlockSet?.flatMap((c) => (c.CidrBlock ? [c.CidrBlock] : [])) ?? [];
  const all = v4.length > 0 ? v4 : side?.CidrBlock ? [side.CidrBlock] : [];
  const v6 = side?.Ipv6CidrBlockSet?.flatMap((c) => (c.Ipv6CidrBlock ? [c.Ipv6CidrBlock] : [])) ?? [];
  return [...all, ...v6];
}

export function toPeeringRow(c: VpcPeeringConnection, accountId: string): PeeringRow {
  const r = c.RequesterVpcInfo;
  const a = c.AccepterVpcInfo;
  const requesterCidrs = sideCidrs(r);
  const accepterCidrs = sideCidrs(a);
  const status = c.Status?.Code ?? '';
  return {
    id: c.VpcPeeringConnectionId ?? '',
    name: nameTag(c.Tags),
    status,
    statusLabel: peeringStatusLabel(status),
    statusMessage: c.Status?.Message ?? '',
    requesterVpcId: r?.VpcId ?? '',
    accepterVpcId: a?.VpcId ?? '',
    requesterCidrs,
    accepterCidrs,
    requesterOwner: r?.OwnerId ?? '',
    accepterOwner: a?.OwnerId ?? '',
    requesterRegion: r?.Region ?? '',
    accepterRegion: a?.Region ?? '',
    expiration: c.ExpirationTime ? c.ExpirationTime.toISOString() : '',
    vpcIds: [r?.VpcId ?? '', a?.VpcId ?? ''],
    owners: [r?.OwnerId ?? '', a?.OwnerId ?? ''],
    cidrs: [...requesterCidrs, ...accepterCidrs],
    regions: [r?.Region ?? '', a?.Region ?? ''],
    tags: tagStrings(c.Tags),
    foreignRequest: status === 'pending-acceptance' && a?.OwnerId === accountId && r?.OwnerId !== accountId,
    connection: c,
  };
}

/** Statuses that settle on their own: the list polls while one is shown. */
export const TRANSITIONAL = new Set(['initiating-request', 'provisioning', 'deleting']);

/** The accepter's CIDRs, or why there are none: AWS shows them only once the request is accepted. */
export function accepterCidrText(c: VpcPeeringConnection, hiddenUntilActive: string): string {
  const cidrs = sideCidrs(c.AccepterVpcInfo);
  if (cidrs.length > 0) return cidrs.join(', ');
  return c.Status?.Code === 'pending-acceptance' || c.Status?.Code === 'initiating-request' ? hiddenUntilActive : '-';
}
