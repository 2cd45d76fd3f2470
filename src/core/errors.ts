import { Ec2Error } from './ec2-error.js';

/**
 * The error catalogue: every error the domain raises, by name, with AWS's code and wording.
 * Evidence for each is in AWS-BEHAVIOUR.md (§3, §4.12); where AWS's text is unknown the message
 * follows AWS's house style and says what is wrong. docs/errors.md lists them for users.
 */
const e = (code: string, message: string, status = 400): Ec2Error => new Ec2Error(code, message, status);

/** NotFound codes by resource kind; the spelling of `ID` vs `Id` is AWS's and clients match it. */
const NOT_FOUND: Readonly<Record<string, readonly [code: string, noun: string]>> = {
  vpc: ['InvalidVpcID.NotFound', 'vpc'],
  subnet: ['InvalidSubnetID.NotFound', 'subnet'],
  rtb: ['InvalidRouteTableID.NotFound', 'route table'],
  pcx: ['InvalidVpcPeeringConnectionID.NotFound', 'vpcPeeringConnection'],
  igw: ['InvalidInternetGatewayID.NotFound', 'internetGateway'],
  rtbassoc: ['InvalidAssociationID.NotFound', 'association'],
  'vpc-cidr-assoc': ['InvalidVpcCidrBlockAssociationID.NotFound', 'vpc cidr block association'],
  dopt: ['InvalidDhcpOptionID.NotFound', 'dhcpOptions'],
  // [O] `The networkAcl ID 'acl-0d709bc679c758a63' does not exist` (terraform-provider-aws PR #9710).
  acl: ['InvalidNetworkAclID.NotFound', 'networkAcl'],
  aclassoc: ['InvalidAssociationID.NotFound', 'association'],
  sg: ['InvalidGroup.NotFound', 'security group'],
  // [moto] `The security group rule ID 'sgr-…' does not exist`.
  sgr: ['InvalidSecurityGroupRuleId.NotFound', 'security group rule'],
  eipalloc: ['InvalidAllocationID.NotFound', 'allocation'],
  eipassoc: ['InvalidAssociationID.NotFound', 'association'],
  eigw: ['InvalidGatewayID.NotFound', 'eigw'], // Terraform's provider matches this code on DeleteEgressOnlyInternetGateway; the noun is moto's.
  nat: ['NatGatewayNotFound', 'nat gateway'],
  eni: ['InvalidNetworkInterfaceID.NotFound', 'networkInterface'],
  i: ['InvalidInstanceID.NotFound', 'instance'],
  nip: ['InvalidNetworkInsightsPathId.NotFound', 'networkInsightsPath'],
  nia: ['InvalidNetworkInsightsAnalysisId.NotFound', 'networkInsightsAnalysis'],
};

const MALFORMED: Readonly<Record<string, string>> = {
  vpc: 'InvalidVpcID.Malformed',
  subnet: 'InvalidSubnetID.Malformed',
  rtb: 'InvalidRouteTableId.Malformed',
  pcx: 'InvalidVpcPeeringConnectionId.Malformed',
  igw: 'InvalidInternetGatewayId.Malformed',
  rtbassoc: 'InvalidAssociationID.Malformed',
  'vpc-cidr-assoc': 'InvalidVpcCidrBlockAssociationId.Malformed',
  dopt: 'InvalidDhcpOptionsId.Malformed',
  acl: 'InvalidNetworkAclId.Malformed',
  sg: 'InvalidGroupId.Malformed',
  sgr: 'InvalidSecurityGroupRuleId.Malformed',
  aclassoc: 'InvalidAssociationID.Malformed',
  eipalloc: 'InvalidAllocationID.Malformed',
  eipassoc: 'InvalidAssociationID.Malformed',
  eigw: 'InvalidEgressOnlyInternetGatewayId.Malformed',
  // EC2 error-code list and the aws-cloudformation NAT gateway handler: NatGatewayMalformed.
  nat: 'NatGatewayMalformed',
  eni: 'InvalidNetworkInterfaceID.Malformed',
  i: 'InvalidInstanceID.Malformed',
  nip: 'InvalidNetworkInsightsPathId.Malformed',
  nia: 'InvalidNetworkInsightsAnalysisId.Malformed',
};

/**
 * AWS names a missing parameter by its wire name in lower camel case: "The request must contain
 * the parameter routeTableId" (AWS-BEHAVIOUR.md, MissingParameter row and CreateRoute; issue 14).
 * Compound names (`Tag.N.Key`, "a or b") are already written as the message wants them; the
 * protocol's own `Version` keeps its capital, as the Query protocol spells it.
 */
function lowerCamel(name: string): string {
  return /^[A-Z][A-Za-z0-9]*$/.test(name) && name !== 'Version' ? name[0]?.toLowerCase() + name.slice(1) : name;
}

export const errors = {
  notFound(kind: string, id: string): Ec2Error {
    const [code, noun] = NOT_FOUND[kind] ?? ['InvalidID', 'resource'];
    if (code === 'InvalidID') return e(code, `The ID '${id}' is not valid`);
    return e(code, `The ${noun} ID '${id}' does not exist`);
  },
  malformed(kind: string, id: string): Ec2Error {
    return e(MALFORMED[kind] ?? 'InvalidID', `Invalid id: "${id}"`);
  },
  invalidId(id: string): Ec2Error {
    return e('InvalidID', `The ID '${id}' is not valid`);
  },
  missingParameter(name: string): Ec2Error {
    return e('MissingParameter', `The request must contain the parameter ${lowerCamel(name)}`);
  },
  invalidParameterValue(message: string): Ec2Error {
    return e('InvalidParameterValue', message);
  },
  invalidValueFor(parameter: string, value: string, why = ''): Ec2Error {
    return e('InvalidParameterValue', `Value (${value}) for parameter ${parameter} is invalid.${why ? ' ' + why : ''}`);
  },
  invalidCidr(parameter: string, value: string): Ec2Error {
    return e('InvalidParameterValue', `Value (${value}) for parameter ${parameter} is invalid. This is not a valid CIDR block.`);
  },
  invalidParameterCombination(message: string): Ec2Error {
    return e('InvalidParameterCombination', message);
  },
  invalidVpcRange(cidr: string): Ec2Error {
    // Observed: `InvalidVpc.Range: The CIDR '10.0.0.0/8' is invalid.` (Terraform issue #19452).
    return e('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`);
  },
  restrictedCidr(cidr: string): Ec2Error {
    return e('InvalidVpc.Range', `The CIDR '${cidr}' is restricted. Use a CIDR from the same private address range as the current VPC CIDR, or use a publicly-routable CIDR.`);
  },
  invalidSubnetRange(cidr: string): Ec2Error {
    return e('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`);
  },
  subnetConflict(cidr: string): Ec2Error {
    return e('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`);
  },
  cidrConflict(cidr: string, vpcId: string): Ec2Error {
    return e('CidrConflict', `The CIDR '${cidr}' conflicts with another CIDR block of ${vpcId}.`);
  },
  cidrLimitExceeded(vpcId: string, limit: number): Ec2Error {
    return e('CidrLimitExceeded', `This network '${vpcId}' has met its maximum number of allowed CIDRs: ${limit}`);
  },
  dependencyViolation(kind: 'vpc' | 'subnet' | 'routeTable' | 'association', id: string): Ec2Error {
    return e('DependencyViolation', `The ${kind} '${id}' has dependencies and cannot be deleted.`);
  },
  operationNotPermitted(message: string): Ec2Error {
    return e('OperationNotPermitted', message);
  },
  invalidStateTransition(id: string, from: string, to: string): Ec2Error {
    // Observed: `Invalid state transition for pcx-0d75908e5522487cc, attempted to transition from rejected to deleting`.
    return e('InvalidStateTransition', `Invalid state transition for ${id}, attempted to transition from ${from} to ${to}`);
  },
  peeringAlreadyExists(id: string): Ec2Error {
    return e('VpcPeeringConnectionAlreadyExists', `The vpc peering connection identified by ${id} already exists.`);
  },
  activePeeringLimit(vpcId: string, limit: number): Ec2Error {
    return e('ActiveVpcPeeringConnectionPerVpcLimitExceeded', `The maximum number of active VPC peering connections you can have for the specified VPC (${vpcId}) is ${limit}.`);
  },
  outstandingPeeringLimit(accountId: string, limit: number): Ec2Error {
    return e('OutstandingVpcPeeringConnectionLimitExceeded', `Account ${accountId} has reached the maximum number of outstanding VPC peering connection requests (${limit}).`);
  },
  dnsHostnamesDisabled(vpcId: string): Ec2Error {
    return e('InvalidVpcPeeringConnectionState.DnsHostnamesDisabled', `DNS hostname support must be enabled for the VPCs (${vpcId} has it disabled).`);
  },
  routeAlreadyExists(destination: string): Ec2Error {
    return e('RouteAlreadyExists', `The route identified by ${destination} already exists.`);
  },
  routeNotFound(destination: string, routeTableId: string): Ec2Error {
    return e('InvalidRoute.NotFound', `no route with destination-cidr-block ${destination} in route table ${routeTableId}`);
  },
  noRouteToReplace(destination: string): Ec2Error {
    return e('InvalidParameterValue', `There is no route defined for '${destination}' in the route table. Use CreateRoute instead.`);
  },
  routeInsideVpc(destination: string): Ec2Error {
    return e('InvalidParameterValue', `The destination CIDR block ${destination} is equal to or more specific than one of this VPC's CIDR blocks. This route can target only an interface or an instance.`);
  },
  notFoundPrefixList(id: string): Ec2Error {
    return e('InvalidPrefixListID.NotFound', `The prefix list ID '${id}' does not exist`);
  },
  /** A NotFound for a kind of resource this server holds none of (NAT gateways, instances, ...). */
  notFoundOther(code: string, id: string, noun = 'resource'): Ec2Error {
    return e(code, `The ${noun} ID '${id}' does not exist`);
  },
  groupNotInDefaultVpc(name: string, vpcId: string | undefined): Ec2Error {
    return e('InvalidGroup.NotFound', vpcId ? `The security group '${name}' does not exist in default VPC '${vpcId}'` : `The security group '${name}' does not exist`);
  },
  routeLimitExceeded(routeTableId: string, limit: number): Ec2Error {
    return e('RouteLimitExceeded', `The maximum number of routes (${limit}) has been reached for route table ${routeTableId}.`);
  },
  alreadyAssociated(routeTableId: string, subnetId: string): Ec2Error {
    return e('Resource.AlreadyAssociated', `the specified association for route table ${routeTableId} conflicts with an existing association (subnet ${subnetId})`);
  },
  tagLimitExceeded(resourceId: string): Ec2Error {
    return e('TagLimitExceeded', `The maximum number of Tags for a resource (${resourceId}) has been reached: 50.`);
  },
  invalidFilter(name: string): Ec2Error {
    return e('InvalidParameterValue', `The filter '${name}' is invalid`);
  },
  filterLimitExceeded(): Ec2Error {
    return e('FilterLimitExceeded', 'The maximum length for a filter value is 255 characters');
  },
  invalidNextToken(): Ec2Error {
    return e('InvalidNextToken', 'The specified NextToken is not valid');
  },
  maxResults(value: number, min: number, max: number): Ec2Error {
    return value < min
      ? e('InvalidParameterValue', `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value greater than ${min}.`)
      : e('InvalidParameterValue', `Value ( ${value} ) for parameter maxResults is invalid. Expecting a value less than or equal to ${max}.`);
  },
  dryRun(): Ec2Error {
    return e('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  },
  /** [I] a client token reused with other parameters: AWS's code for it (EC2 "Ensuring idempotency"), our words. */
  idempotentMismatch(token: string): Ec2Error {
    return e('IdempotentParameterMismatch', `The client token '${token}' was already used for a request with different parameters.`);
  },
  cannotDelete(message: string): Ec2Error {
    return e('CannotDelete', message);
  },
} as const;
