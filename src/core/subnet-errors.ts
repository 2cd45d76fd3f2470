import { Ec2Error } from './ec2-error.js';

/**
 * Errors of subnet attributes and IPv6 blocks, with AWS's wording where it has been seen (the
 * issue cited beside each); `[I]` marks wording of ours.
 */
export const subnetErrors = {
  /**
   * Observed for assign-ipv6-address-on-creation (terraform-aws-modules/terraform-aws-vpc#735),
   * enable-dns64 (#930) and enable-resource-name-dns-aaaa-record-on-launch
   * (hashicorp/terraform-provider-aws#32410).
   */
  needsIpv6(attribute: string, subnetId: string): Ec2Error {
    return new Ec2Error(
      'InvalidParameterValue',
      `Invalid value 'true' for ${attribute}. Cannot set ${attribute} to true unless the subnet (${subnetId}) has an IPv6 CIDR block associated with it.`,
    );
  },
  /** [I] The model's attributes for Outpost racks and servers, on a server that models no Outposts. */
  notOnOutpost(parameter: string, subnetId: string): Ec2Error {
    return new Ec2Error(
      'InvalidParameterValue',
      `The parameter ${parameter} applies only to subnets on an AWS Outpost, and ${subnetId} is not on one: this server models no Outposts.`,
    );
  },
  /** [I] AssociateSubnetCidrBlock on a subnet that has its one IPv6 block already. */
  ipv6AlreadyAssociated(subnetId: string, cidr: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `The subnet ${subnetId} already has the IPv6 CIDR block ${cidr} associated with it. A subnet can have only one IPv6 CIDR block.`);
  },
  /** [I] IPAM pools are not modelled. */
  ipamUnsupported(): Ec2Error {
    return new Ec2Error('InvalidParameterValue', 'Only Ipv6CidrBlock is supported here: IPAM pools (Ipv6IpamPoolId, Ipv6NetmaskLength) are not.');
  },
  /** Observed (hashicorp/terraform#14530): `The subnet CIDR block with association ID  is malformed`. */
  associationMalformed(id: string): Ec2Error {
    return new Ec2Error('InvalidSubnetCidrBlockAssociationId.Malformed', `The subnet CIDR block with association ID ${id} is malformed`);
  },
  /** Code as the EC2 error-code list spells it; message as moto answers it. */
  associationNotFound(id: string): Ec2Error {
    return new Ec2Error('InvalidSubnetCidrBlockAssociationID.NotFound', `The subnet CIDR block with association ID '${id}' does not exist`);
  },
  /** Observed (hashicorp/terraform-provider-aws#1519, #46017); the dns64 variant is ours [I]. */
  ipv6InUse(associationId: string, attribute: string): Ec2Error {
    return new Ec2Error(
      'InvalidCidrBlock.InUse',
      `The subnet IPv6 CIDR block with association ID ${associationId} may not be disassociated, because its subnet has ${attribute} set to true.`,
    );
  },
};
