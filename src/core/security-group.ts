import type { Scope } from './scope.js';

export interface SecurityGroupRule {
  /** `-1` for all protocols, else a protocol name or number. */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrs: readonly string[];
  readonly ipv6Cidrs: readonly string[];
  readonly groups: readonly { readonly groupId: string; readonly userId: string }[];
}

export interface SecurityGroup extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly name: string;
  readonly description: string;
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
  readonly createdAt: number;
}
