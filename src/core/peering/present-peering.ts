import type { Tag } from '../tag.js';
import { effectiveStatus } from './effective-status.js';
import type { PeeringConnection, PeeringSide, PeeringStatus } from './peering-connection.js';
import type { PeeringSideView, PeeringView } from './peering-view.js';
import { STATUS_MESSAGES } from './status-messages.js';

function sideView(side: PeeringSide, exposed: boolean): PeeringSideView {
  // Plain literals rather than a spread of a shared base: on this hot path (every connection of
  // every Describe) the spread was the costliest line of a describe in the CPU profiles.
  if (!exposed) return { accountId: side.accountId, region: side.region, vpcId: side.vpcId };
  return {
    accountId: side.accountId,
    region: side.region,
    vpcId: side.vpcId,
    cidrBlock: side.cidrBlock,
    cidrBlocks: side.cidrBlocks,
    ipv6CidrBlocks: side.ipv6CidrBlocks,
    options: side.options,
  };
}

/**
 * What a caller is shown (AWS-BEHAVIOUR.md §4.1): the requester side in full always; the
 * accepter's blocks and options only once accepted (they are hidden while pending); neither
 * side's once deleted; and ExpirationTime only while the request is unaccepted.
 * `shownStatus` lets Create and Accept answer with the transitional state AWS returns.
 */
export function presentPeering(c: PeeringConnection, now: number, tags: readonly Tag[], shownStatus?: PeeringStatus): PeeringView {
  const status = shownStatus ?? effectiveStatus(c, now).status;
  const accepted = c.acceptedAt !== undefined;
  const pending = status === 'initiating-request' || status === 'pending-acceptance';
  // A deleted connection shows both sides reduced to OwnerId, Region and VpcId: no blocks, no
  // options (AWS-BEHAVIOUR.md §4.1, from the Ansible collections' peering tests run against AWS).
  const deleted = status === 'deleted';
  return {
    id: c.id,
    connection: c,
    status,
    message: STATUS_MESSAGES[status](c),
    ...(pending ? { expirationTime: c.expiresAt } : {}),
    requester: sideView(c.requester, !deleted),
    accepter: sideView(c.accepter, accepted && !deleted),
    tags,
  };
}
