import type { Scope } from './scope.js';

export type CidrAssociationState = 'associating' | 'associated' | 'disassociating' | 'disassociated';

export interface VpcCidrAssociation {
  readonly associationId: string;
  /** Canonical text of the block, e.g. `10.0.0.0/16` or `2600:1f18:aa00:1200::/56`. */
  readonly cidr: string;
  readonly state: CidrAssociationState;
}

export interface Vpc extends Scope {
  readonly id: string;
  /** Primary IPv4 block: the first association, which can never be removed. */
  readonly cidrBlock: string;
  readonly cidrAssociations: readonly VpcCidrAssociation[];
  readonly ipv6Associations: readonly VpcCidrAssociation[];
  readonly isDefault: boolean;
  readonly instanceTenancy: 'default' | 'dedicated' | 'host';
  readonly dhcpOptionsId: string;
  readonly enableDnsSupport: boolean;
  readonly enableDnsHostnames: boolean;
  readonly enableNetworkAddressUsageMetrics: boolean;
  readonly createdAt: number;
}

/** The IPv4 blocks that take part in routing and overlap checks. */
export function liveIpv4Cidrs(vpc: Vpc): string[] {
  return vpc.cidrAssociations.filter((a) => a.state === 'associated' || a.state === 'associating').map((a) => a.cidr);
}

export function liveIpv6Cidrs(vpc: Vpc): string[] {
  return vpc.ipv6Associations.filter((a) => a.state === 'associated' || a.state === 'associating').map((a) => a.cidr);
}
