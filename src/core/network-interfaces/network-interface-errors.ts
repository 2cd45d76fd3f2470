import { Ec2Error } from '../ec2-error.js';

/** Errors of the network interface calls, with AWS's codes; the evidence for each is next to it. */
export const eniErrors = {
  /**
   * Observed (gruntwork-io/cloud-nuke #431 and PR #1132, against AWS): DeleteNetworkInterface on an
   * attached interface answers `InvalidParameterValue: Network interface 'eni-…' is currently in use.`
   */
  inUse(id: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Network interface '${id}' is currently in use.`);
  },
  /** Observed (terraform-provider-aws #27513): `InvalidNetworkInterface.InUse: Interface: [eni-…] in use.` when launching on an attached interface. */
  attachedElsewhere(id: string): Ec2Error {
    return new Ec2Error('InvalidNetworkInterface.InUse', `Interface: [${id}] in use.`);
  },
  /** Observed (terraform-provider-aws #23114): `InvalidParameterValue: invalid value for parameter address: …`. */
  badAddress(text: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `invalid value for parameter address: ${text}`);
  },
  /** AWS's house style for an interface's own checks; [I] wording. */
  groupOfOtherVpc(groupId: string, vpcId: string): Ec2Error {
    return new Ec2Error('InvalidGroup.NotFound', `The security group '${groupId}' does not exist in VPC '${vpcId}'`);
  },
  /** Security groups per network interface: 5 by default (VPC quotas page). */
  tooManyGroups(limit: number): Ec2Error {
    return new Ec2Error('SecurityGroupsPerInterfaceLimitExceeded', `The maximum number of security groups per interface (${limit}) has been reached.`);
  },
  /** The EC2 error-code list: InsufficientFreeAddressesInSubnet; AWS's own words, as quoted in aws/amazon-vpc-cni-k8s#1773 (no subnet id in them). */
  subnetFull(): Ec2Error {
    return new Ec2Error('InsufficientFreeAddressesInSubnet', 'The specified subnet does not have enough free addresses to satisfy the request.');
  },
  /**
   * Ipv6AddressCount/Ipv6Addresses need a subnet with an IPv6 block (CreateNetworkInterface,
   * RunInstances, AssignIpv6Addresses). [I] No answer of AWS's to this was found; the code is the
   * one AWS gives the same precondition elsewhere (ModifySubnetAttribute's "Cannot set
   * assign-ipv6-address-on-creation to true unless the subnet … has an IPv6 CIDR block associated
   * with it", subnetErrors.needsIpv6), the words ours. Not InsufficientFreeAddressesInSubnet: the
   * subnet is not full, it has no IPv6 addresses at all.
   */
  noIpv6Block(subnetId: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `The subnet ${subnetId} has no IPv6 CIDR block: IPv6 addresses cannot be assigned.`);
  },
  ipv6OutsideSubnet(text: string, subnetId: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Address ${text} is not within the IPv6 CIDR block of subnet ${subnetId}.`);
  },
  /** Observed for IPv6 as for IPv4: `InvalidIPAddress.InUse` "The specified address is already in use." (REACHABILITY.md §4.1). */
  addressInUse(): Ec2Error {
    return new Ec2Error('InvalidIPAddress.InUse', 'The specified address is already in use.');
  },
  /** UnassignPrivateIpAddresses of an address the interface does not hold; [I] wording. */
  addressNotAssigned(ip: string, id: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Some of the specified addresses are not assigned to interface ${id}: ${ip}`);
  },
  /** [I] The primary private address stays with its interface (UnassignPrivateIpAddresses docs: secondary addresses only). */
  cannotUnassignPrimary(ip: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `The primary private IP address ${ip} cannot be unassigned.`);
  },
  attachmentMismatch(attachmentId: string, id: string): Ec2Error {
    return new Ec2Error('InvalidAttachmentID.NotFound', `The attachment ID '${attachmentId}' does not exist for interface ${id}`);
  },
  unsupported(parameter: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `The parameter ${parameter} is not supported by this server.`);
  },
} as const;
