import type { Scope } from './scope.js';

export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  /** `-1` for all protocols. */
  readonly protocol: string;
  readonly action: 'allow' | 'deny';
  readonly cidr?: string;
  readonly ipv6Cidr?: string;
}

export interface NetworkAcl extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly entries: readonly NetworkAclEntry[];
  readonly createdAt: number;
}
