import type { Scope } from '../scope.js';

/** AWS's `VpcPeeringConnectionStateReasonCode`, in model order. */
export const PEERING_STATUSES = ['initiating-request', 'pending-acceptance', 'active', 'deleted', 'rejected', 'failed', 'expired', 'provisioning', 'deleting'] as const;
export type PeeringStatus = (typeof PEERING_STATUSES)[number];

export interface PeeringOptions {
  readonly allowDnsResolutionFromRemoteVpc: boolean;
  readonly allowEgressFromLocalClassicLinkToRemoteVpc: boolean;
  readonly allowEgressFromLocalVpcToRemoteClassicLink: boolean;
}

export const DEFAULT_PEERING_OPTIONS: PeeringOptions = {
  allowDnsResolutionFromRemoteVpc: false,
  allowEgressFromLocalClassicLinkToRemoteVpc: false,
  allowEgressFromLocalVpcToRemoteClassicLink: false,
};

/** One end of a connection: who owns the VPC, where it lives, and what we last knew of its blocks. */
export interface PeeringSide extends Scope {
  readonly vpcId: string;
  /** Snapshot of the VPC's blocks, refreshed while the VPC exists; kept after it is gone. */
  readonly cidrBlock?: string;
  readonly cidrBlocks: readonly string[];
  readonly ipv6CidrBlocks: readonly string[];
  readonly options: PeeringOptions;
}

export type SideName = 'requester' | 'accepter';

/**
 * One row per connection, holding both sides: each account sees it where its account and region
 * match a side. Time-driven states (expiry, visibility windows) are derived from the timestamps at
 * read time (see effective-status.ts), so a read is right whatever the server was doing.
 */
export interface PeeringConnection {
  readonly id: string;
  readonly requester: PeeringSide;
  readonly accepter: PeeringSide;
  /** Stored status: never a transitional one; those are only ever shown in responses. */
  readonly status: PeeringStatus;
  readonly createdAt: number;
  readonly statusChangedAt: number;
  readonly expiresAt: number;
  /** Set once accepted: the accepter's blocks and both options are exposed from then on. */
  readonly acceptedAt?: number;
  /** The account that moved it to its current terminal state (deleted, rejected). */
  readonly changedBy?: string;
}
