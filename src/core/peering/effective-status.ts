import type { PeeringConnection, PeeringStatus } from './peering-connection.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Unaccepted requests expire after 7 days; not adjustable (VPC peering quotas page). */
export const EXPIRY_MS = 7 * DAY_MS;

export interface EffectiveStatus {
  readonly status: PeeringStatus;
  readonly since: number;
}

/**
 * The status as of `now`: a pending request past its expiration time is expired, whether or not
 * anything has written that down yet. Everything that reads a connection goes through here.
 */
export function effectiveStatus(c: PeeringConnection, now: number): EffectiveStatus {
  if ((c.status === 'pending-acceptance' || c.status === 'initiating-request') && now >= c.expiresAt) {
    return { status: 'expired', since: c.expiresAt };
  }
  return { status: c.status, since: c.statusChangedAt };
}

/** The connection as of `now`, with derived transitions applied (what a sweeper would persist). */
export function settle(c: PeeringConnection, now: number): PeeringConnection {
  const e = effectiveStatus(c, now);
  return e.status === c.status ? c : { ...c, status: e.status, statusChangedAt: e.since };
}

/** Connections that still hold the VPC pair: "at the same time" in the one-per-pair rule. */
export function isLive(status: PeeringStatus): boolean {
  return status === 'initiating-request' || status === 'pending-acceptance' || status === 'provisioning' || status === 'active' || status === 'deleting';
}
