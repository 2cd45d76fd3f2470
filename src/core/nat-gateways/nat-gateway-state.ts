import type { NatGateway, NatGatewayState } from './nat-gateway.js';

// The VPC user guide: a deleted NAT gateway "remains visible ... for about an hour" and a failed
// one is likewise deleted automatically after a short period, usually about an hour. After that
// the gateway is gone: DescribeNatGateways by its id answers NatGatewayNotFound.
export const NAT_GATEWAY_LINGER_MS = 60 * 60 * 1000;

/**
 * The state a read shows. Stored states are never transitional (docs/architecture.md): creation
 * answers `pending` and is `available` (or `failed`) from the next read on; deletion is `deleted`
 * from the next read on, so waiters (botocore's NatGatewayAvailable/NatGatewayDeleted, the
 * Terraform provider's) succeed on their first poll.
 */
export function natGatewayState(g: NatGateway): NatGatewayState {
  if (g.deletedAt !== undefined) return 'deleted';
  return g.failure ? 'failed' : 'available';
}

/** When a deleted or failed gateway stops being shown; undefined while it lives. */
function goneAt(g: NatGateway): number | undefined {
  if (g.deletedAt !== undefined) return g.deletedAt + NAT_GATEWAY_LINGER_MS;
  if (g.failure) return g.createdAt + NAT_GATEWAY_LINGER_MS;
  return undefined;
}

export function isNatGatewayVisible(g: NatGateway, now: number): boolean {
  const end = goneAt(g);
  return end === undefined || now < end;
}

/** A gateway that holds its addresses: neither deleted nor failed. */
export function isNatGatewayLive(g: NatGateway): boolean {
  return g.deletedAt === undefined && !g.failure;
}
