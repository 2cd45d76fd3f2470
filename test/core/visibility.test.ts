import { describe, expect, it } from 'vitest';
import { DAY_MS, EXPIRY_MS, HOUR_MS, effectiveStatus } from '../../src/core/peering/effective-status.js';
import type { PeeringConnection, PeeringStatus } from '../../src/core/peering/peering-connection.js';
import { DEFAULT_PEERING_OPTIONS } from '../../src/core/peering/peering-connection.js';
import { isVisibleTo } from '../../src/core/peering/visibility.js';

const T0 = Date.UTC(2026, 0, 1);
const REQ = { accountId: '111111111111', region: 'us-east-1' };
const ACC = { accountId: '222222222222', region: 'us-east-1' };

function conn(status: PeeringStatus, opts: { changedBy?: string; sameAccount?: boolean } = {}): PeeringConnection {
  const side = { vpcId: 'vpc-1', cidrBlocks: [], ipv6CidrBlocks: [], options: DEFAULT_PEERING_OPTIONS };
  return {
    id: 'pcx-00000000000000001',
    requester: { ...side, ...REQ },
    accepter: { ...side, vpcId: 'vpc-2', ...(opts.sameAccount ? REQ : ACC) },
    status,
    createdAt: T0,
    statusChangedAt: T0,
    expiresAt: T0 + EXPIRY_MS,
    ...(opts.changedBy ? { changedBy: opts.changedBy } : {}),
  };
}

const justBefore = (ms: number): number => T0 + ms - 1;
const at = (ms: number): number => T0 + ms;

// VPC peering guide, lifecycle: how long each terminal state stays visible to each party.
describe('visibility windows', () => {
  it.each([
    ['failed, requester: 2 h', conn('failed'), REQ, 2 * HOUR_MS],
    ['expired, requester: 2 days', conn('expired'), REQ, 2 * DAY_MS],
    ['expired, accepter: 2 days', conn('expired'), ACC, 2 * DAY_MS],
    ['rejected, requester: 2 days', conn('rejected', { changedBy: ACC.accountId }), REQ, 2 * DAY_MS],
    ['rejected, accepter: 2 h', conn('rejected', { changedBy: ACC.accountId }), ACC, 2 * HOUR_MS],
    ['rejected, same account: 2 h', conn('rejected', { sameAccount: true, changedBy: REQ.accountId }), REQ, 2 * HOUR_MS],
    ['deleted by requester, requester: 2 h', conn('deleted', { changedBy: REQ.accountId }), REQ, 2 * HOUR_MS],
    ['deleted by requester, accepter: 2 days', conn('deleted', { changedBy: REQ.accountId }), ACC, 2 * DAY_MS],
    ['deleted by accepter, accepter: 2 h', conn('deleted', { changedBy: ACC.accountId }), ACC, 2 * HOUR_MS],
    ['deleted by accepter, requester: 2 days', conn('deleted', { changedBy: ACC.accountId }), REQ, 2 * DAY_MS],
    ['deleted, same account: 2 h', conn('deleted', { sameAccount: true, changedBy: REQ.accountId }), REQ, 2 * HOUR_MS],
  ])('%s', (_name, c, scope, window) => {
    expect(isVisibleTo(c, scope, justBefore(window))).toBe(true);
    expect(isVisibleTo(c, scope, at(window))).toBe(false);
  });

  it('a failed request is never shown to the accepter', () => {
    expect(isVisibleTo(conn('failed'), ACC, T0)).toBe(false);
  });

  it('live states are visible to both parties and no one else', () => {
    for (const s of ['pending-acceptance', 'active'] as const) {
      expect(isVisibleTo(conn(s), REQ, T0 + 3 * DAY_MS)).toBe(true);
      expect(isVisibleTo(conn(s), ACC, T0 + 3 * DAY_MS)).toBe(true);
      expect(isVisibleTo(conn(s), { accountId: '333333333333', region: 'us-east-1' }, T0)).toBe(false);
      expect(isVisibleTo(conn(s), { accountId: REQ.accountId, region: 'eu-west-1' }, T0)).toBe(false);
    }
  });
});

describe('expiry', () => {
  it('a pending request is expired from exactly 7 days after creation, and stays visible 2 more days', () => {
    const c = conn('pending-acceptance');
    expect(effectiveStatus(c, T0 + EXPIRY_MS - 1).status).toBe('pending-acceptance');
    expect(effectiveStatus(c, T0 + EXPIRY_MS)).toEqual({ status: 'expired', since: T0 + EXPIRY_MS });
    expect(isVisibleTo(c, REQ, T0 + EXPIRY_MS + 2 * DAY_MS - 1)).toBe(true);
    expect(isVisibleTo(c, ACC, T0 + EXPIRY_MS + 2 * DAY_MS)).toBe(false);
  });

  it('an accepted connection never expires', () => {
    expect(effectiveStatus(conn('active'), T0 + 30 * DAY_MS).status).toBe('active');
  });
});
