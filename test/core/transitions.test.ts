import { describe, expect, it } from 'vitest';
import type { PeeringStatus } from '../../src/core/peering/peering-connection.js';
import type { PeeringEvent } from '../../src/core/peering/transitions.js';
import { transitionFor } from '../../src/core/peering/transitions.js';

// AWS-BEHAVIOUR.md §8: the state/permission matrix, row by row.
const TABLE: readonly [PeeringStatus, PeeringEvent, PeeringStatus | undefined, string | undefined][] = [
  ['pending-acceptance', 'accept', 'active', 'accepter-owner'],
  ['pending-acceptance', 'reject', 'rejected', 'accepter-owner'],
  ['pending-acceptance', 'delete', 'deleted', 'requester-owner'],
  ['active', 'accept', undefined, undefined],
  ['active', 'reject', undefined, undefined],
  ['active', 'delete', 'deleted', 'either-owner'],
  ...(['deleted', 'rejected', 'failed', 'expired'] as const).flatMap((s) =>
    (['accept', 'reject', 'delete'] as const).map((e): [PeeringStatus, PeeringEvent, undefined, undefined] => [s, e, undefined, undefined]),
  ),
];

describe('peering transition table', () => {
  it.each(TABLE)('%s --%s--> %s (by %s)', (from, event, to, actor) => {
    const t = transitionFor(from, event);
    expect(t?.to).toBe(to);
    expect(t?.actor).toBe(actor);
  });

  it('accept and reject happen only in the accepter region; delete anywhere a side is', () => {
    expect(transitionFor('pending-acceptance', 'accept')?.inAccepterRegion).toBe(true);
    expect(transitionFor('pending-acceptance', 'reject')?.inAccepterRegion).toBe(true);
    expect(transitionFor('pending-acceptance', 'delete')?.inAccepterRegion).toBe(false);
    expect(transitionFor('active', 'delete')?.inAccepterRegion).toBe(false);
  });
});
