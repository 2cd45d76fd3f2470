import { Ec2Error } from '../ec2-error.js';

/** Errors of the Elastic IP calls, with AWS's codes; the evidence for each is next to it. */
export const addressErrors = {
  /** Observed (many Terraform/boto reports): `AddressLimitExceeded: The maximum number of addresses has been reached.` */
  limitExceeded(): Ec2Error {
    return new Ec2Error('AddressLimitExceeded', 'The maximum number of addresses has been reached.');
  },
  /**
   * An address a NAT gateway holds: AWS refuses ReleaseAddress, DisassociateAddress and
   * AssociateAddress on it with HTTP 400 AuthFailure (kops #1604 and sno-for-100 #5 for
   * ReleaseAddress; terraform #14698/#3572 and the aws_eip docs for the association calls).
   */
  managedByService(): Ec2Error {
    return new Ec2Error('AuthFailure', 'You do not have permission to access the specified resource.');
  },
  /** ReleaseAddress docs: an address still associated (in a non-default VPC) is refused with InvalidIPAddress.InUse. */
  inUse(ip: string): Ec2Error {
    return new Ec2Error('InvalidIPAddress.InUse', `Address ${ip} is in use.`);
  },
  /** `InvalidAddress.NotFound: Address '203.0.113.5' not found.` (as moto and client code match it). */
  addressNotFound(ip: string): Ec2Error {
    return new Ec2Error('InvalidAddress.NotFound', `Address '${ip}' not found.`);
  },
  /** Ansible's ec2_vpc_nat_gateway matches InvalidAddress.Malformed for a bad PublicIp; the text is ours. */
  addressMalformed(ip: string): Ec2Error {
    return new Ec2Error('InvalidAddress.Malformed', `Invalid address: "${ip}"`);
  },
  /** ReleaseAddress by PublicIp alone: a VPC address is released by its allocation id. */
  releaseNeedsAllocationId(): Ec2Error {
    return new Ec2Error('InvalidParameterValue', 'You must specify an allocation id when releasing a VPC elastic IP address');
  },
  /** Observed (CloudFormation and client test logs): `Gateway.NotAttached: Network vpc-… is not attached to any internet gateway`. */
  gatewayNotAttached(vpcId: string): Ec2Error {
    return new Ec2Error('Gateway.NotAttached', `Network ${vpcId} is not attached to any internet gateway`);
  },
  /** AssociateAddress reference: an address associated elsewhere needs AllowReassociation; wording as observed for NAT gateways (cluster-api-provider-aws #1418). */
  alreadyAssociated(allocationId: string): Ec2Error {
    return new Ec2Error('Resource.AlreadyAssociated', `Elastic IP address [${allocationId}] is already associated`);
  },
  /** [I] wording: the private address named must be one of the interface's. */
  privateIpNotOnInterface(ip: string, eniId: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `The private IP address ${ip} is not assigned to network interface ${eniId}.`);
  },
  /** [I] AssociateAddress names what to associate with: an instance or a network interface. */
  noAssociationTarget(): Ec2Error {
    return new Ec2Error('MissingParameter', 'Either an instance ID or a network interface ID must be specified');
  },
  bothAssociationTargets(): Ec2Error {
    return new Ec2Error('InvalidParameterCombination', 'You can specify either an instance ID or a network interface ID, but not both');
  },
  /** Allocation options this server has no pool for (BYOIP, customer-owned, IPAM pools). */
  unsupportedPool(parameter: string, value: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Value (${value}) for parameter ${parameter} is invalid. Only Amazon's pool ('amazon') is available here.`);
  },
  /** The EC2 model: a network border group limits where the address is advertised; here only the region itself. */
  invalidBorderGroup(value: string, region: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Value (${value}) for parameter networkBorderGroup is invalid. The only network border group of ${region} is ${region}.`);
  },
  classicRetired(): Ec2Error {
    return new Ec2Error('InvalidParameterValue', 'Value (standard) for parameter domain is invalid. EC2-Classic has been retired; use vpc.');
  },
} as const;
