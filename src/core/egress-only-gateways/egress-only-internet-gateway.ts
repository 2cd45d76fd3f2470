import type { Scope } from '../scope.js';

/** An IPv6-only way out of one VPC (VPC user guide, "Enable outbound IPv6 traffic using an egress-only internet gateway"). */
export interface EgressOnlyInternetGateway extends Scope {
  readonly id: string;
  /** The VPC it was created for; it stays attached to that VPC for its whole life. */
  readonly attachedVpcId?: string;
  /** The ClientToken it was created with: a retry with the same token gets this gateway back. */
  readonly clientToken?: string;
  readonly createdAt: number;
}
