import type { Scope } from '../scope.js';

/**
 * One numbered rule of a network ACL. `protocol` is the IANA number as a string, or `-1` for all;
 * a port range is kept for TCP (6) and UDP (17) only, an ICMP type/code for ICMP (1) and for
 * ICMPv6 (58) with an IPv6 block: every other protocol matches all ports (CreateNetworkAclEntry).
 */
export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly protocol: string;
  readonly action: 'allow' | 'deny';
  readonly cidr?: string;
  readonly ipv6Cidr?: string;
  readonly portRange?: { readonly from: number; readonly to: number };
  readonly icmp?: { readonly type: number; readonly code: number };
}

/** A subnet moved onto this ACL by ReplaceNetworkAclAssociation (the id AWS answered with). */
export interface NetworkAclAssociation {
  readonly id: string;
  readonly subnetId: string;
}

export interface NetworkAcl extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly entries: readonly NetworkAclEntry[];
  /**
   * Associations made explicitly. A subnet named by none of its VPC's ACLs is associated with
   * the default ACL under an id derived from the subnet's (see acl-associations.ts).
   */
  readonly associations?: readonly NetworkAclAssociation[];
  readonly createdAt: number;
}

/** The catch-all deny rules AWS shows as `*`: 32767 for IPv4, 32768 for IPv6; nobody may change them. */
export const CATCH_ALL_IPV4 = 32767;
export const CATCH_ALL_IPV6 = 32768;

