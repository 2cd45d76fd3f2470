import type { Tag } from '../tag.js';
import type { PeeringConnection, PeeringOptions, PeeringStatus } from './peering-connection.js';

/** One side of a connection as the caller is shown it. */
export interface PeeringSideView {
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  /** Absent for the accepter until the request is accepted. */
  readonly cidrBlock?: string;
  readonly cidrBlocks?: readonly string[];
  readonly ipv6CidrBlocks?: readonly string[];
  readonly options?: PeeringOptions;
}

/** A connection as one caller sees it at one instant: effective status, its own tags. */
export interface PeeringView {
  readonly id: string;
  readonly connection: PeeringConnection;
  readonly status: PeeringStatus;
  readonly message: string;
  readonly expirationTime?: number;
  readonly requester: PeeringSideView;
  readonly accepter: PeeringSideView;
  readonly tags: readonly Tag[];
}
