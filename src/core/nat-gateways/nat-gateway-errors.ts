import { Ec2Error } from '../ec2-error.js';

/** Errors of the NAT gateway calls and the FailureCode/FailureMessage of a `failed` gateway. */
export const natGatewayErrors = {
  /** Observed (cloud-nuke #325): `NatGatewayNotFound: NAT gateway nat-0f23ac5d3265a98ff was not found`. */
  notFound(id: string): Ec2Error {
    return new Ec2Error('NatGatewayNotFound', `NAT gateway ${id} was not found`);
  },
  /**
   * CreateNatGateway names Elastic IPs with codes of their own (the aws-cloudformation NAT gateway
   * handler maps InvalidElasticIpID.Malformed/NotFound); observed (terraform-provider-aws #27087):
   * `InvalidElasticIpID.NotFound: The elasticIp ID 'eipalloc-094ec9d0482d5b9f2' does not exist`.
   */
  elasticIpNotFound(id: string): Ec2Error {
    return new Ec2Error('InvalidElasticIpID.NotFound', `The elasticIp ID '${id}' does not exist`);
  },
  elasticIpMalformed(id: string): Ec2Error {
    return new Ec2Error('InvalidElasticIpID.Malformed', `Invalid id: "${id}"`);
  },
  /** NAT gateways per Availability Zone: 5 by default (VPC quotas); the code is in the EC2 error list. */
  limitExceeded(limit: number): Ec2Error {
    return new Ec2Error('NatGatewayLimitExceeded', `The maximum number of NAT gateways per Availability Zone (${limit}) has been reached.`);
  },
  /** CreateNatGateway docs: "You cannot specify an Elastic IP address with a private NAT gateway." */
  allocationOnPrivate(): Ec2Error {
    return new Ec2Error('InvalidParameterCombination', 'You cannot specify an Elastic IP address (AllocationId) with a private NAT gateway.');
  },
  unsupported(parameter: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `The parameter ${parameter} is not supported by this server: it creates zonal NAT gateways with one address.`);
  },
  privateIpOutsideSubnet(ip: string, subnetCidr: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Address ${ip} does not fall within the subnet's address range (${subnetCidr}).`);
  },
  privateIpReserved(ip: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Address ${ip} is in subnet's reserved address range.`);
  },
} as const;

/** FailureCode/FailureMessage pairs, worded as the EC2 API reference's NatGateway shape gives them. */
export const natGatewayFailures = {
  /** Observed with this exact wording (giantswarm/aws-operator #1234). */
  gatewayNotAttached(vpcId: string): { code: string; message: string } {
    return { code: 'Gateway.NotAttached', message: `Network ${vpcId} has no Internet gateway attached` };
  },
  /** Observed with the id in brackets (cluster-api-provider-aws #1418); the reference's template omits them. */
  alreadyAssociated(allocationId: string): { code: string; message: string } {
    return { code: 'Resource.AlreadyAssociated', message: `Elastic IP address [${allocationId}] is already associated` };
  },
  insufficientAddresses(): { code: string; message: string } {
    return { code: 'InsufficientFreeAddressesInSubnet', message: 'Subnet has insufficient free addresses to create this NAT gateway' };
  },
} as const;
