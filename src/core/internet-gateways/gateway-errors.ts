import { Ec2Error } from '../ec2-error.js';

/**
 * Errors of internet gateways, egress-only internet gateways and routes that target them, with
 * AWS's codes and, where it has been seen, AWS's wording. [O] observed from AWS in public
 * reports; [I] our own wording where no AWS text was found.
 */
export const gatewayErrors = {
  /** [O] `Resource.AlreadyAssociated: resource igw-e748039f is already attached to network vpc-3c7d7347` (berlioz-the/berlioz#1, aws-sdk output). */
  alreadyAttached(igwId: string, vpcId: string): Ec2Error {
    return new Ec2Error('Resource.AlreadyAssociated', `resource ${igwId} is already attached to network ${vpcId}`);
  },
  /** [O] `InvalidParameterValue: Network vpc-9f7ca1e2 already has an internet gateway attached` (binlab/terraform-aws-vault-ha-raft#54). */
  vpcHasGateway(vpcId: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Network ${vpcId} already has an internet gateway attached`);
  },
  /**
   * `Gateway.NotAttached` is the code Terraform's provider matches on detach (errCodeGatewayNotAttached);
   * the wording mirrors the AlreadyAssociated text and is what an EC2-compatible API (Outscale's
   * FCU QA suite, test_T3927) answers, also for a VPC that does not exist.
   */
  notAttached(igwId: string, vpcId: string): Ec2Error {
    return new Ec2Error('Gateway.NotAttached', `resource ${igwId} is not attached to network ${vpcId}`);
  },
  /** [O] hashicorp/terraform#497 and jenkins-x/terraform-aws-eks-jx#373, word for word. */
  mappedPublicAddresses(vpcId: string): Ec2Error {
    return new Ec2Error('DependencyViolation', `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`);
  },
  /** [O] `DependencyViolation: The internetGateway 'igw-…' has dependencies and cannot be deleted.` (landing-zone-accelerator-on-aws#765, saltstack/salt#60140). */
  gatewayHasDependencies(igwId: string): Ec2Error {
    return new Ec2Error('DependencyViolation', `The internetGateway '${igwId}' has dependencies and cannot be deleted.`);
  },
  /** [O] `InvalidGatewayID.NotFound: The gateway ID 'nat-0b08ff466280436f1' does not exist` from CreateRoute --gateway-id (devopsacademyau/academy#906). */
  gatewayNotFound(id: string): Ec2Error {
    return new Ec2Error('InvalidGatewayID.NotFound', `The gateway ID '${id}' does not exist`);
  },
  /** [O] `InvalidNatGatewayID.NotFound: The natGateway ID 'nat-…' does not exist` from CreateRoute (boto/boto3#779). */
  natGatewayNotFound(id: string): Ec2Error {
    return new Ec2Error('InvalidNatGatewayID.NotFound', `The natGateway ID '${id}' does not exist`);
  },
  /** [O] `route table rtb-0532436e and network gateway igw-5b54de33 belong to different networks` (giantswarm/aws-operator#634). */
  differentNetworks(routeTableId: string, targetId: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `route table ${routeTableId} and network gateway ${targetId} belong to different networks`);
  },
  /** [I] an egress-only internet gateway carries IPv6 only (CreateRoute: "[IPv6 traffic only]"). */
  ipv6Only(eigwId: string): Ec2Error {
    return new Ec2Error('InvalidParameterValue', `Egress-only internet gateway ${eigwId} can only be the target of an IPv6 route (DestinationIpv6CidrBlock).`);
  },
} as const;
