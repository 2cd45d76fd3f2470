import type { Scope } from './scope.js';

export interface SubnetIpv6Association {
  readonly associationId: string;
  /** Canonical text of the /64, e.g. `2600:1f18:aa00:1201::/64`. */
  readonly cidr: string;
}

export type HostnameType = 'ip-name' | 'resource-name';

/**
 * A subnet. The attributes ModifySubnetAttribute sets are optional because subnets stored before
 * they existed lack them: absent reads as AWS's default (false, `ip-name`). The Outposts
 * attributes (customer-owned IPs, local network interfaces) have no field: no subnet here is on an
 * Outpost.
 */
export interface Subnet extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  /** The subnet's live IPv6 block: at most one (AssociateSubnetCidrBlock reference). */
  readonly ipv6Associations: readonly SubnetIpv6Association[];
  /**
   * Blocks disassociated lately: AWS keeps showing them with state `disassociated` (Ansible's
   * ec2_vpc_subnet waits for that state), newest last, a few at most.
   */
  readonly disassociatedIpv6?: readonly SubnetIpv6Association[];
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly defaultForAz: boolean;
  readonly mapPublicIpOnLaunch: boolean;
  readonly assignIpv6AddressOnCreation: boolean;
  readonly enableDns64?: boolean;
  readonly privateDnsHostnameType?: HostnameType;
  readonly enableResourceNameDnsARecord?: boolean;
  readonly enableResourceNameDnsAAAARecord?: boolean;
  readonly createdAt: number;
}

export interface SubnetLaunchOptions {
  readonly enableDns64: boolean;
  readonly hostnameType: HostnameType;
  readonly enableResourceNameDnsARecord: boolean;
  readonly enableResourceNameDnsAAAARecord: boolean;
}

/** The launch-time DNS attributes, with AWS's defaults for what a subnet stored earlier lacks. */
export function launchOptions(s: Subnet): SubnetLaunchOptions {
  return {
    enableDns64: s.enableDns64 ?? false,
    hostnameType: s.privateDnsHostnameType ?? 'ip-name',
    enableResourceNameDnsARecord: s.enableResourceNameDnsARecord ?? false,
    enableResourceNameDnsAAAARecord: s.enableResourceNameDnsAAAARecord ?? false,
  };
}

/** Every IPv6 association a Describe shows, with its state: the live one, then those let go. */
export function ipv6AssociationsWithState(s: Subnet): { association: SubnetIpv6Association; state: 'associated' | 'disassociated' }[] {
  return [
    ...s.ipv6Associations.map((association) => ({ association, state: 'associated' as const })),
    ...(s.disassociatedIpv6 ?? []).map((association) => ({ association, state: 'disassociated' as const })),
  ];
}
