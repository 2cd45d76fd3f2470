import type { Scope } from '../scope.js';

/**
 * The one other end of a rule: where ingress traffic may come from, or egress traffic go to.
 * A group reference names the group's owner (a peered VPC's group may belong to another account).
 */
export type RulePeer =
  | { readonly kind: 'ipv4'; readonly cidr: string }
  | { readonly kind: 'ipv6'; readonly cidr: string }
  | {
      readonly kind: 'group';
      readonly groupId: string;
      readonly userId: string;
      readonly vpcId: string;
      /** For a peer VPC's group: the connection the rule was authorized through (it goes stale with it). */
      readonly vpcPeeringConnectionId?: string;
    }
  | { readonly kind: 'prefix-list'; readonly prefixListId: string };

/** The protocols a rule names by name; any other protocol is kept as its IANA number. */
export type NamedProtocol = '-1' | 'tcp' | 'udp' | 'icmp' | 'icmpv6';

/**
 * One security group rule as AWS's newer API presents it (DescribeSecurityGroupRules): one
 * direction, one protocol, one port range (or ICMP type and code), one peer, its own `sgr-` id.
 * This is the unit reachability and the data plane work from.
 */
export interface SecurityGroupRule {
  readonly id: string;
  readonly egress: boolean;
  /** '-1' (all), 'tcp', 'udp', 'icmp', 'icmpv6', or another protocol's number ('50'). */
  readonly protocol: string;
  /** TCP/UDP: the port range. ICMP/ICMPv6: type and code, -1 meaning any. Other protocols: -1, -1 (all). */
  readonly fromPort: number;
  readonly toPort: number;
  readonly peer: RulePeer;
  readonly description?: string;
}

export interface SecurityGroup extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly name: string;
  readonly description: string;
  /** Ingress and egress rules in the order they were authorized. */
  readonly rules: readonly SecurityGroupRule[];
  readonly createdAt: number;
}

/** Whether a protocol's rules carry ports (or ICMP type/code) at all; the others match every port. */
export function hasPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp' || protocol === 'icmp' || protocol === 'icmpv6';
}

export function securityGroupArn(g: SecurityGroup): string {
  return `arn:aws:ec2:${g.region}:${g.accountId}:security-group/${g.id}`;
}

export function securityGroupRuleArn(g: SecurityGroup, ruleId: string): string {
  return `arn:aws:ec2:${g.region}:${g.accountId}:security-group-rule/${ruleId}`;
}
