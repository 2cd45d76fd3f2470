import type { Scope } from '../scope.js';

export type NatGatewayState = 'pending' | 'failed' | 'available' | 'deleting' | 'deleted';

/**
 * The gateway's one (primary) address: its interface and private address in the subnet, and for
 * a public gateway its Elastic IP. A failed gateway keeps no private address (nothing is reserved
 * in the subnet for it) and holds no association.
 */
export interface NatGatewayAddress {
  readonly allocationId?: string;
  readonly associationId?: string;
  readonly networkInterfaceId: string;
  readonly privateIp?: string;
  readonly publicIp?: string;
  readonly isPrimary: boolean;
}

export interface NatGateway extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly connectivityType: 'public' | 'private';
  readonly addresses: readonly NatGatewayAddress[];
  /** When it was created and, once deleted, when; states between are derived from these times. */
  readonly createdAt: number;
  readonly deletedAt?: number;
  /** Set when creation failed (the gateway is `failed`): AWS's FailureCode and FailureMessage. */
  readonly failure?: { readonly code: string; readonly message: string };
  /** The ClientToken of the CreateNatGateway call, and a digest of its parameters (idempotency). */
  readonly clientToken?: string;
  readonly requestDigest?: string;
}
