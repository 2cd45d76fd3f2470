import { describe, expect, it } from 'vitest';
import { peeringPrefilter } from '../../src/core/peering/peering-prefilter.js';

describe('what the store may narrow by before the exact filters run', () => {
  it.each([
    ['no filters', [], {}],
    ['status', [{ name: 'status-code', values: ['active', 'rejected'] }], { statuses: ['active', 'rejected'] }],
    // Expired is derived at read time from a stored pending-acceptance row.
    ['expired', [{ name: 'status-code', values: ['expired'] }], { statuses: ['expired', 'pending-acceptance'] }],
    ['a status pattern narrows nothing', [{ name: 'status-code', values: ['pend*'] }], {}],
    ['vpc ids', [{ name: 'requester-vpc-info.vpc-id', values: ['vpc-1'] }, { name: 'accepter-vpc-info.vpc-id', values: ['vpc-2'] }], { requesterVpcIds: ['vpc-1'], accepterVpcIds: ['vpc-2'] }],
    ['connection ids', [{ name: 'vpc-peering-connection-id', values: ['pcx-1'] }], { ids: ['pcx-1'] }],
    ['tag with values', [{ name: 'tag:Name', values: ['web'] }], { tag: { key: 'Name', values: ['web'] } }],
    ['tag with a pattern keeps the key only', [{ name: 'tag:Name', values: ['web-*'] }], { tag: { key: 'Name' } }],
    ['filters the store has no column for', [{ name: 'status-message', values: ['Active'] }, { name: 'expiration-time', values: ['x'] }], {}],
  ])('%s', (_name, filters, expected) => {
    expect(peeringPrefilter(filters)).toEqual(expected);
  });
});
