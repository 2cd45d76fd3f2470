import type { PeeringConnection, PeeringStatus } from './peering-connection.js';

/**
 * `Status.Message` texts. Observed AWS output (AWS-BEHAVIOUR.md §2.3) fixes initiating-request,
 * pending-acceptance, provisioning, active and failed; the rest have no public sample, so they
 * are our reasoned choice, kept here as data so they can be corrected in one place.
 */
export const STATUS_MESSAGES: Readonly<Record<PeeringStatus, (c: PeeringConnection) => string>> = {
  'initiating-request': (c) => `Initiating Request to ${c.accepter.accountId}`,
  'pending-acceptance': (c) => `Pending Acceptance by ${c.accepter.accountId}`,
  provisioning: () => 'Provisioning',
  active: () => 'Active',
  failed: () => 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range',
  // [I] moto says "Inactive"; AWS's own wording is unknown. Naming the actor helps "who did this?".
  rejected: (c) => `Rejected by ${c.changedBy ?? c.accepter.accountId}`,
  deleted: (c) => `Deleted by ${c.changedBy ?? c.requester.accountId}`,
  expired: () => 'Expired',
  deleting: (c) => `Deleting by ${c.changedBy ?? c.requester.accountId}`,
};
