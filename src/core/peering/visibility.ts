import type { Scope } from '../scope.js';
import { sameScope } from '../scope.js';
import { DAY_MS, HOUR_MS, effectiveStatus } from './effective-status.js';
import type { PeeringConnection, SideName } from './peering-connection.js';

/** Which sides of the connection the scope stands on (both for a same-account, same-region pair). */
export function sidesOf(c: PeeringConnection, scope: Scope): SideName[] {
  const sides: SideName[] = [];
  if (sameScope(c.requester, scope)) sides.push('requester');
  if (sameScope(c.accepter, scope)) sides.push('accepter');
  return sides;
}

/**
 * How long a terminal connection stays visible to one side (VPC peering guide, lifecycle):
 * failed: requester only, 2 h; expired: both, 2 days; rejected: requester 2 days, accepter 2 h;
 * deleted: the deleting party 2 h, the other 2 days; same-account connections 2 h.
 * Returns undefined for states that are visible for as long as they last, and -1 for "never".
 */
function windowFor(c: PeeringConnection, status: string, side: SideName): number | undefined {
  const sameAccount = c.requester.accountId === c.accepter.accountId;
  switch (status) {
    case 'failed':
      return side === 'requester' ? 2 * HOUR_MS : -1;
    case 'expired':
      return 2 * DAY_MS;
    case 'rejected':
      if (sameAccount) return 2 * HOUR_MS;
      return side === 'requester' ? 2 * DAY_MS : 2 * HOUR_MS;
    case 'deleted': {
      if (sameAccount) return 2 * HOUR_MS;
      const sideAccount = side === 'requester' ? c.requester.accountId : c.accepter.accountId;
      return sideAccount === c.changedBy ? 2 * HOUR_MS : 2 * DAY_MS;
    }
    default:
      return undefined;
  }
}

/** Whether the scope can see the connection at `now`; false when it is no party or the window has passed. */
export function isVisibleTo(c: PeeringConnection, scope: Scope, now: number): boolean {
  const e = effectiveStatus(c, now);
  return sidesOf(c, scope).some((side) => {
    const w = windowFor(c, e.status, side);
    return w === undefined || (w >= 0 && now < e.since + w);
  });
}

/** True once no side can see it any more: the row may be purged. */
export function isPurgeable(c: PeeringConnection, now: number): boolean {
  return !isVisibleTo(c, c.requester, now) && !isVisibleTo(c, c.accepter, now);
}
