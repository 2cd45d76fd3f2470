import type { Vpc } from '../vpc.js';
import { liveIpv4Cidrs, liveIpv6Cidrs } from '../vpc.js';
import type { PeeringConnection, PeeringSide } from './peering-connection.js';
import { isLive } from './effective-status.js';

/** The blocks of a VPC as a peering side records them. */
export function blocksOf(vpc: Vpc): Pick<PeeringSide, 'cidrBlock' | 'cidrBlocks' | 'ipv6CidrBlocks'> {
  return { cidrBlock: vpc.cidrBlock, cidrBlocks: liveIpv4Cidrs(vpc), ipv6CidrBlocks: liveIpv6Cidrs(vpc) };
}

/** Connections keep their sides' blocks current while they are live, so Describe needs no joins. */
export function refreshSides(c: PeeringConnection, vpc: Vpc): PeeringConnection {
  if (!isLive(c.status)) return c;
  let next = c;
  if (c.requester.vpcId === vpc.id && c.requester.accountId === vpc.accountId && c.requester.region === vpc.region) {
    next = { ...next, requester: { ...next.requester, ...blocksOf(vpc) } };
  }
  if (c.accepter.vpcId === vpc.id && c.accepter.accountId === vpc.accountId && c.accepter.region === vpc.region) {
    next = { ...next, accepter: { ...next.accepter, ...blocksOf(vpc) } };
  }
  return next;
}
