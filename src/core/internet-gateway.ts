import type { Scope } from './scope.js';

/** Only the default VPC's gateway exists here: it is the target of the default VPC's 0.0.0.0/0 route. */
export interface InternetGateway extends Scope {
  readonly id: string;
  readonly attachedVpcId?: string;
  readonly createdAt: number;
}
