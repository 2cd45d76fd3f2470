import type { Scope } from '../scope.js';

export type NatGatewayState = 'pending' | 'failed' | 'available' | 'deleting' | 'deleted';

/** One address of a NAT gateway: its private address in the subnet, and for a public one its Elastic IP. */
export interface NatGatewayAddress {
  readonly allocationId?: string;
  readonly associationId?: string;
  readonly networkInterfaceId: string;
  readonly privateIp: string;
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
  readonly failure?: { readonly code: string; readonly message: string };
}
