import type { Scope } from '../scope.js';

/** An interface's attachment to an instance (device 0 is the primary interface). */
export interface NetworkInterfaceAttachment {
  /** `eni-attach-…`. */
  readonly id: string;
  readonly instanceId: string;
  readonly instanceOwnerId: string;
  readonly deviceIndex: number;
  readonly deleteOnTermination: boolean;
  readonly attachedAt: number;
}

/**
 * An elastic network interface: the thing that holds addresses and security groups, and the
 * unit reachability works from. Instances own one (their primary, device 0) or more; a bare
 * interface is a valid source and destination of a Network Insights path.
 */
export interface NetworkInterface extends Scope {
  readonly id: string;
  readonly subnetId: string;
  readonly vpcId: string;
  readonly availabilityZone: string;
  readonly description: string;
  /** Security group ids, in the order given; never empty (the VPC's default group when none is given). */
  readonly groupIds: readonly string[];
  /** Private IPv4 addresses; the first is the primary. */
  readonly privateIps: readonly string[];
  /** IPv6 addresses, canonical text. */
  readonly ipv6Addresses: readonly string[];
  readonly sourceDestCheck: boolean;
  readonly macAddress: string;
  /** `interface` for user interfaces; `nat_gateway` for those a NAT gateway owns. */
  readonly interfaceType: string;
  readonly requesterManaged: boolean;
  readonly attachment?: NetworkInterfaceAttachment;
  readonly createdAt: number;
  /** The ClientToken of the CreateNetworkInterface call and a digest of its parameters (idempotency). */
  readonly clientToken?: string;
  readonly requestDigest?: string;
}
