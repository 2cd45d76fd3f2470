import type { Scope } from '../scope.js';

/**
 * An internet gateway: made detached (CreateInternetGateway), then attached to at most one VPC;
 * a VPC has at most one attached (VPC user guide, "Internet gateways").
 */
export interface InternetGateway extends Scope {
  readonly id: string;
  /** The VPC it is attached to; absent while detached. */
  readonly attachedVpcId?: string;
  readonly createdAt: number;
}
