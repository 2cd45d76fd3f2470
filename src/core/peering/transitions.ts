import type { PeeringStatus } from './peering-connection.js';

export type PeeringEvent = 'accept' | 'reject' | 'delete';

/** Who may cause a transition: the owner of the requester VPC, of the accepter VPC, or either. */
export type Actor = 'requester-owner' | 'accepter-owner' | 'either-owner';

export interface Transition {
  readonly to: PeeringStatus;
  readonly actor: Actor;
  /** The accepter's region is the only place accept and reject may happen (inter-region rule). */
  readonly inAccepterRegion: boolean;
}

/**
 * The lifecycle as data (AWS-BEHAVIOUR.md §2.2 and §8). A missing entry is an
 * `InvalidStateTransition`. Transitional states (initiating-request, provisioning, deleting) are
 * resolved inside the request that causes them, so they never appear as a stored "from" state.
 */
export const TRANSITIONS: Readonly<Partial<Record<PeeringStatus, Readonly<Partial<Record<PeeringEvent, Transition>>>>>> = {
  'pending-acceptance': {
    accept: { to: 'active', actor: 'accepter-owner', inAccepterRegion: true },
    reject: { to: 'rejected', actor: 'accepter-owner', inAccepterRegion: true },
    // The accepter of a pending request rejects it instead (peering guide, delete page).
    delete: { to: 'deleted', actor: 'requester-owner', inAccepterRegion: false },
  },
  active: {
    delete: { to: 'deleted', actor: 'either-owner', inAccepterRegion: false },
  },
};

/** The state AWS names as the attempted target in `Invalid state transition ... to <x>`. */
export const ATTEMPTED_TARGET: Readonly<Record<PeeringEvent, PeeringStatus>> = {
  accept: 'provisioning',
  reject: 'rejected',
  delete: 'deleting',
};

export function transitionFor(from: PeeringStatus, event: PeeringEvent): Transition | undefined {
  return TRANSITIONS[from]?.[event];
}
