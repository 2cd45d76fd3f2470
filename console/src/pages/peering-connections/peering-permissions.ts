import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import type { Session } from '../../session/session';
import { peeringStatusLabel } from '../../shared/peering-status';
import { S } from '../../strings';

export type Availability = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export type SideName = 'requester' | 'accepter';

export interface PeeringPermissions {
  readonly accept: Availability;
  readonly reject: Availability;
  readonly delete: Availability;
  readonly editDns: Availability;
  /** The sides this account owns in this region: the ones whose DNS settings and routes it manages. */
  readonly ownSides: readonly SideName[];
  /** A pending request from another account: its account id, for the peer-phishing warning. */
  readonly phishingFrom?: string;
  /** A request this account must accept or reject in another region: that region. */
  readonly acceptInRegion?: string;
}

const OK: Availability = { allowed: true };
const no = (reason: string): Availability => ({ allowed: false, reason });

/**
 * What the caller may do with a connection, mirroring AWS's rules (AWS-BEHAVIOUR.md §3.7, §8):
 * only the accepter's owner accepts or rejects, and only in the accepter's region; the requester
 * deletes a pending request, either owner an active one; DNS options are per side, active only.
 * The server enforces all of this anyway; the console explains it before anyone clicks.
 */
export function peeringPermissions(c: VpcPeeringConnection, session: Session): PeeringPermissions {
  const status = c.Status?.Code ?? '';
  const label = peeringStatusLabel(status);
  const req = c.RequesterVpcInfo;
  const acc = c.AccepterVpcInfo;
  const me = session.accountId;
  const isRequester = req?.OwnerId === me;
  const isAccepter = acc?.OwnerId === me;
  const accepterRegion = acc?.Region ?? session.region;
  const pending = status === 'pending-acceptance';

  const answer = (verb: 'accept' | 'reject'): Availability => {
    if (!pending) return no(S.permissions.notPending(verb, label));
    if (!isAccepter) return no(S.permissions.notAccepter(verb, acc?.OwnerId ?? ''));
    if (accepterRegion !== session.region) return no(S.permissions.wrongRegion(verb, accepterRegion));
    return OK;
  };

  let del: Availability;
  if (status === 'active') del = OK;
  else if (pending) del = isRequester ? OK : no(S.permissions.deletePendingAsAccepter);
  else del = no(S.permissions.deleteState(label));

  const ownSides: SideName[] = [];
  if (isRequester && req?.Region === session.region) ownSides.push('requester');
  if (isAccepter && acc?.Region === session.region) ownSides.push('accepter');
  let editDns: Availability;
  if (status !== 'active') editDns = no(S.permissions.dnsNotActive(label));
  else if (ownSides.length === 0) editDns = no(S.permissions.dnsOtherRegion(isRequester ? req?.Region ?? '' : accepterRegion));
  else editDns = OK;

  return {
    accept: answer('accept'),
    reject: answer('reject'),
    delete: del,
    editDns,
    ownSides,
    phishingFrom: pending && isAccepter && req?.OwnerId !== me ? req?.OwnerId : undefined,
    acceptInRegion: pending && isAccepter && accepterRegion !== session.region ? accepterRegion : undefined,
  };
}
