// Account isolation, as a matrix generated over every operation the server implements
// (src/api/operations.ts). Account A owns VPCs, a secondary block, a subnet, a route table with an
// association and a route, tags, and peering connections with account B (one active, one pending).
// An intruder - C, a party to nothing, and B where B is not a party (A's VPC-level resources) - calls
// every operation naming A's resources, directly and through Describe filters (`owner-id`, `tag:*`,
// `vpc-id`, ...). Each call must answer a NotFound-style error (or, for a Describe, nothing of
// A's), must never contain data of A the intruder did not send itself, and must change nothing
// A or B can see. Cross-account creates that name a wrong VPC go `failed`, identically whether
// that VPC exists or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/api/operations.js';
import { Cidr } from '../../src/core/net/index.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { EC2, openQuery, stable, xmlValue, xmlValues } from './trust-support.js';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const NOWHERE_VPC = 'vpc-0aaaaaaaaaaaaaaaa';

interface World {
  vpcA: string;
  defaultVpcA: string;
  cidrAssocA: string;
  subnetA: string;
  rtbA: string;
  assocA: string;
  pcxActive: string;
  pcxPending: string;
  sgA: string;
  aclA: string;
  igwA: string;
  doptA: string;
  vpcB: string;
  vpcB2: string;
  eipA: string;
  eipIpA: string;
  natA: string;
  sgA2: string;
  sgRuleA: string;
  aclA2: string;
  aclAssocA: string;
  doptA2: string;
  igwA2: string;
  eigwA: string;
  vpcV6A: string;
  subnetV6A: string;
  subnetV6AssocA: string;
  eniA: string;
  eniIpA: string;
  instanceA: string;
  eniAttachA: string;
  nipA: string;
  niaA: string;
  /** The intruder's own resources, per intruder. */
  own: Record<string, Own>;
}

type Expectation =
  /** A 4xx with exactly this code. */
  | { readonly code: string }
  /** 200, carrying nothing of A's the intruder did not send. */
  | { readonly ok: true }
  /** CreateVpcPeeringConnection that must end `failed`. */
  | { readonly failed: true };

interface Own {
  readonly vpc: string;
  readonly subnet: string;
  readonly rtb: string;
  readonly assoc: string;
  readonly sg: string;
}

interface Case {
  readonly name: string;
  readonly as: typeof B | typeof C;
  /** The request; `me` is the acting intruder's own VPC, subnet, table and association. */
  params(w: World, me: Own): Record<string, string>;
  readonly expect: Expectation;
}

const filter = (name: string, value: string): Record<string, string> => ({ 'Filter.1.Name': name, 'Filter.1.Value.1': value });
const notFound = (code: string): Expectation => ({ code });
const OK: Expectation = { ok: true };
const both = (c: Omit<Case, 'as'>): Case[] => [
  { ...c, as: C },
  { ...c, as: B },
];
const onlyC = (c: Omit<Case, 'as'>): Case[] => [{ ...c, as: C }];

/**
 * One or more intrusions per operation. The keys must be exactly the operations served: a new
 * operation without a row here fails the coverage test below.
 */
const CASES: Record<string, Case[]> = {
  CreateVpc: both({ name: 'creates only in its own account', params: () => ({ CidrBlock: '10.44.0.0/16', 'TagSpecification.1.ResourceType': 'vpc', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'intruder-vpc' }), expect: OK }),
  DescribeVpcs: [
    ...both({ name: 'by id', params: (w) => ({ 'VpcId.1': w.vpcA }), expect: notFound('InvalidVpcID.NotFound') }),
    ...both({ name: 'filter owner-id', params: () => filter('owner-id', A), expect: OK }),
    ...both({ name: 'filter tag:Name', params: () => filter('tag:Name', 'a-secret-vpc'), expect: OK }),
    ...both({ name: 'filter tag-value', params: () => filter('tag-value', 'a-secret-vpc'), expect: OK }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
    ...both({ name: 'filter cidr-block-association.cidr-block', params: () => filter('cidr-block-association.cidr-block', '10.21.0.0/16'), expect: OK }),
  ],
  DeleteVpc: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: notFound('InvalidVpcID.NotFound') }),
  AssociateVpcCidrBlock: both({ name: 'on A’s VPC', params: (w) => ({ VpcId: w.vpcA, CidrBlock: '10.22.0.0/16' }), expect: notFound('InvalidVpcID.NotFound') }),
  DisassociateVpcCidrBlock: both({ name: 'A’s block', params: (w) => ({ AssociationId: w.cidrAssocA }), expect: notFound('InvalidVpcCidrBlockAssociationID.NotFound') }),
  ModifyVpcAttribute: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA, 'EnableDnsHostnames.Value': 'false' }), expect: notFound('InvalidVpcID.NotFound') }),
  DescribeVpcAttribute: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA, Attribute: 'enableDnsSupport' }), expect: notFound('InvalidVpcID.NotFound') }),
  CreateSubnet: both({ name: 'in A’s VPC', params: (w) => ({ VpcId: w.vpcA, CidrBlock: '10.20.9.0/24' }), expect: notFound('InvalidVpcID.NotFound') }),
  DescribeSubnets: [
    ...both({ name: 'by id', params: (w) => ({ 'SubnetId.1': w.subnetA }), expect: notFound('InvalidSubnetID.NotFound') }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
    ...both({ name: 'filter owner-id', params: () => filter('owner-id', A), expect: OK }),
    ...both({ name: 'filter tag:Name', params: () => filter('tag:Name', 'a-secret-subnet'), expect: OK }),
    ...both({ name: 'filter cidr-block', params: () => filter('cidr-block', '10.20.1.0/24'), expect: OK }),
  ],
  DeleteSubnet: both({ name: 'A’s subnet', params: (w) => ({ SubnetId: w.subnetA }), expect: notFound('InvalidSubnetID.NotFound') }),
  CreateRouteTable: both({ name: 'in A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: notFound('InvalidVpcID.NotFound') }),
  DescribeRouteTables: [
    ...both({ name: 'by id', params: (w) => ({ 'RouteTableId.1': w.rtbA }), expect: notFound('InvalidRouteTableID.NotFound') }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
    ...both({ name: 'filter association.subnet-id', params: (w) => filter('association.subnet-id', w.subnetA), expect: OK }),
    ...both({ name: 'filter route.vpc-peering-connection-id', params: (w) => filter('route.vpc-peering-connection-id', w.pcxActive), expect: OK }),
    ...both({ name: 'filter owner-id', params: () => filter('owner-id', A), expect: OK }),
    ...both({ name: 'filter tag:Name', params: () => filter('tag:Name', 'a-secret-rtb'), expect: OK }),
  ],
  DeleteRouteTable: both({ name: 'A’s table', params: (w) => ({ RouteTableId: w.rtbA }), expect: notFound('InvalidRouteTableID.NotFound') }),
  AssociateRouteTable: [
    ...both({ name: 'A’s table to an own subnet', params: (w, me) => ({ RouteTableId: w.rtbA, SubnetId: me.subnet }), expect: notFound('InvalidRouteTableID.NotFound') }),
    ...both({ name: 'an own table to A’s subnet', params: (w, me) => ({ RouteTableId: me.rtb, SubnetId: w.subnetA }), expect: notFound('InvalidSubnetID.NotFound') }),
  ],
  DisassociateRouteTable: both({ name: 'A’s association', params: (w) => ({ AssociationId: w.assocA }), expect: notFound('InvalidAssociationID.NotFound') }),
  ReplaceRouteTableAssociation: [
    ...both({ name: 'A’s association', params: (w, me) => ({ AssociationId: w.assocA, RouteTableId: me.rtb }), expect: notFound('InvalidAssociationID.NotFound') }),
    ...both({ name: 'to A’s table', params: (w, me) => ({ AssociationId: me.assoc, RouteTableId: w.rtbA }), expect: notFound('InvalidRouteTableID.NotFound') }),
  ],
  CreateRoute: [
    ...both({ name: 'in A’s table', params: (w) => ({ RouteTableId: w.rtbA, DestinationCidrBlock: '10.50.0.0/16', VpcPeeringConnectionId: w.pcxActive }), expect: notFound('InvalidRouteTableID.NotFound') }),
    ...onlyC({ name: 'to a peering it is no party of', params: (w, me) => ({ RouteTableId: me.rtb, DestinationCidrBlock: '10.50.0.0/16', VpcPeeringConnectionId: w.pcxActive }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
  ],
  ReplaceRoute: both({ name: 'in A’s table', params: (w) => ({ RouteTableId: w.rtbA, DestinationCidrBlock: '10.30.0.0/16', VpcPeeringConnectionId: w.pcxActive }), expect: notFound('InvalidRouteTableID.NotFound') }),
  DeleteRoute: both({ name: 'in A’s table', params: (w) => ({ RouteTableId: w.rtbA, DestinationCidrBlock: '10.30.0.0/16' }), expect: notFound('InvalidRouteTableID.NotFound') }),
  AcceptVpcPeeringConnection: [
    ...onlyC({ name: 'a pending request between A and B', params: (w) => ({ VpcPeeringConnectionId: w.pcxPending }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
    ...onlyC({ name: 'an active connection between A and B', params: (w) => ({ VpcPeeringConnectionId: w.pcxActive }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
  ],
  RejectVpcPeeringConnection: onlyC({ name: 'a pending request between A and B', params: (w) => ({ VpcPeeringConnectionId: w.pcxPending }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
  DeleteVpcPeeringConnection: [
    ...onlyC({ name: 'the active connection', params: (w) => ({ VpcPeeringConnectionId: w.pcxActive }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
    ...onlyC({ name: 'the pending request', params: (w) => ({ VpcPeeringConnectionId: w.pcxPending }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
  ],
  DescribeVpcPeeringConnections: [
    ...onlyC({ name: 'by id', params: (w) => ({ 'VpcPeeringConnectionId.1': w.pcxActive }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
    ...onlyC({ name: 'filter requester-vpc-info.owner-id', params: () => filter('requester-vpc-info.owner-id', A), expect: OK }),
    ...onlyC({ name: 'filter accepter-vpc-info.vpc-id', params: (w) => filter('accepter-vpc-info.vpc-id', w.vpcB), expect: OK }),
    ...onlyC({ name: 'filter status-code', params: () => filter('status-code', 'active'), expect: OK }),
    ...both({ name: 'filter tag:Name (A’s tag is A’s own, even for the peer)', params: () => filter('tag:Name', 'a-secret-pcx'), expect: OK }),
  ],
  ModifyVpcPeeringConnectionOptions: [
    ...onlyC({ name: 'the active connection', params: (w) => ({ VpcPeeringConnectionId: w.pcxActive, 'RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc': 'true' }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
    { name: 'the other side’s options', as: B, params: (w) => ({ VpcPeeringConnectionId: w.pcxActive, 'RequesterPeeringConnectionOptions.AllowDnsResolutionFromRemoteVpc': 'true' }), expect: { code: 'OperationNotPermitted' } },
  ],
  CreateTags: [
    ...both({ name: 'A’s VPC', params: (w) => ({ 'ResourceId.1': w.vpcA, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'taken' }), expect: notFound('InvalidVpcID.NotFound') }),
    ...both({ name: 'A’s subnet', params: (w) => ({ 'ResourceId.1': w.subnetA, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'taken' }), expect: notFound('InvalidSubnetID.NotFound') }),
    ...both({ name: 'A’s route table', params: (w) => ({ 'ResourceId.1': w.rtbA, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'taken' }), expect: notFound('InvalidRouteTableID.NotFound') }),
    ...both({ name: 'A’s security group', params: (w) => ({ 'ResourceId.1': w.sgA, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'taken' }), expect: notFound('InvalidGroup.NotFound') }),
    ...onlyC({ name: 'the peering of A and B', params: (w) => ({ 'ResourceId.1': w.pcxActive, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'taken' }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
  ],
  DeleteTags: [
    ...both({ name: 'A’s VPC', params: (w) => ({ 'ResourceId.1': w.vpcA, 'Tag.1.Key': 'Name' }), expect: notFound('InvalidVpcID.NotFound') }),
    ...onlyC({ name: 'the peering of A and B', params: (w) => ({ 'ResourceId.1': w.pcxActive, 'Tag.1.Key': 'Name' }), expect: notFound('InvalidVpcPeeringConnectionID.NotFound') }),
  ],
  DescribeTags: [
    ...both({ name: 'everything', params: () => ({}), expect: OK }),
    ...both({ name: 'filter resource-id', params: (w) => filter('resource-id', w.vpcA), expect: OK }),
    ...both({ name: 'filter value', params: () => filter('value', 'a-secret-vpc'), expect: OK }),
    ...both({ name: 'filter resource-id of the shared peering', params: (w) => filter('resource-id', w.pcxActive), expect: OK }),
  ],
  DescribeRegions: both({ name: 'all regions', params: () => ({ AllRegions: 'true' }), expect: OK }),
  DescribeAvailabilityZones: both({ name: 'zones', params: () => ({}), expect: OK }),
  DescribeAccountAttributes: both({ name: 'attributes', params: () => ({}), expect: OK }),
  DescribeSecurityGroups: [
    ...both({ name: 'by id', params: (w) => ({ 'GroupId.1': w.sgA }), expect: notFound('InvalidGroup.NotFound') }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
    ...both({ name: 'filter owner-id', params: () => filter('owner-id', A), expect: OK }),
  ],
  DescribeNetworkAcls: [
    ...both({ name: 'by id', params: (w) => ({ 'NetworkAclId.1': w.aclA }), expect: notFound('InvalidNetworkAclID.NotFound') }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
  ],
  DescribeNetworkInterfaces: [
    ...both({ name: 'by id', params: (w) => ({ 'NetworkInterfaceId.1': w.eniA }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
    ...both({ name: 'filter private-ip-address', params: (w) => filter('private-ip-address', w.eniIpA), expect: OK }),
    ...both({ name: 'filter attachment.instance-id', params: (w) => filter('attachment.instance-id', w.instanceA), expect: OK }),
  ],
  CreateNetworkInterface: both({ name: 'in A’s subnet', params: (w) => ({ SubnetId: w.subnetA }), expect: notFound('InvalidSubnetID.NotFound') }),
  DeleteNetworkInterface: both({ name: 'A’s interface', params: (w) => ({ NetworkInterfaceId: w.eniA }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  ModifyNetworkInterfaceAttribute: both({ name: 'A’s interface', params: (w) => ({ NetworkInterfaceId: w.eniA, 'SourceDestCheck.Value': 'false' }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  DescribeNetworkInterfaceAttribute: both({ name: 'A’s interface', params: (w) => ({ NetworkInterfaceId: w.eniA, Attribute: 'description' }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  AssignPrivateIpAddresses: both({ name: 'A’s interface', params: (w) => ({ NetworkInterfaceId: w.eniA, SecondaryPrivateIpAddressCount: '1' }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  UnassignPrivateIpAddresses: both({ name: 'A’s interface', params: (w) => ({ NetworkInterfaceId: w.eniA, 'PrivateIpAddress.1': w.eniIpA }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  AssignIpv6Addresses: both({ name: 'A’s interface', params: (w) => ({ NetworkInterfaceId: w.eniA, Ipv6AddressCount: '1' }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  UnassignIpv6Addresses: both({ name: 'A’s interface', params: (w) => ({ NetworkInterfaceId: w.eniA, 'Ipv6Addresses.1': '2600:1f18::1' }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  AttachNetworkInterface: both({ name: 'A’s interface to A’s instance', params: (w) => ({ NetworkInterfaceId: w.eniA, InstanceId: w.instanceA, DeviceIndex: '1' }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  DetachNetworkInterface: both({ name: 'A’s attachment', params: (w) => ({ AttachmentId: w.eniAttachA }), expect: notFound('InvalidAttachmentID.NotFound') }),
  RunInstances: both({ name: 'in A’s subnet', params: (w) => ({ ImageId: 'ami-0123456789abcdef0', MinCount: '1', MaxCount: '1', SubnetId: w.subnetA }), expect: notFound('InvalidSubnetID.NotFound') }),
  DescribeInstances: [
    ...both({ name: 'by id', params: (w) => ({ 'InstanceId.1': w.instanceA }), expect: notFound('InvalidInstanceID.NotFound') }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
    ...both({ name: 'filter tag:Name', params: () => filter('tag:Name', 'a-secret-instance'), expect: OK }),
  ],
  StopInstances: both({ name: 'A’s instance', params: (w) => ({ 'InstanceId.1': w.instanceA }), expect: notFound('InvalidInstanceID.NotFound') }),
  StartInstances: both({ name: 'A’s instance', params: (w) => ({ 'InstanceId.1': w.instanceA }), expect: notFound('InvalidInstanceID.NotFound') }),
  RebootInstances: both({ name: 'A’s instance', params: (w) => ({ 'InstanceId.1': w.instanceA }), expect: notFound('InvalidInstanceID.NotFound') }),
  TerminateInstances: both({ name: 'A’s instance', params: (w) => ({ 'InstanceId.1': w.instanceA }), expect: notFound('InvalidInstanceID.NotFound') }),
  DescribeInstanceStatus: both({ name: 'A’s instance', params: (w) => ({ 'InstanceId.1': w.instanceA }), expect: notFound('InvalidInstanceID.NotFound') }),
  DescribeInstanceAttribute: both({ name: 'A’s instance', params: (w) => ({ InstanceId: w.instanceA, Attribute: 'instanceType' }), expect: notFound('InvalidInstanceID.NotFound') }),
  ModifyInstanceAttribute: both({ name: 'A’s instance', params: (w) => ({ InstanceId: w.instanceA, 'DisableApiTermination.Value': 'true' }), expect: notFound('InvalidInstanceID.NotFound') }),
  ModifyInstanceMetadataOptions: both({ name: 'A’s instance', params: (w) => ({ InstanceId: w.instanceA, HttpTokens: 'required' }), expect: notFound('InvalidInstanceID.NotFound') }),
  DescribeInstanceCreditSpecifications: both({ name: 'A’s instance', params: (w) => ({ 'InstanceId.1': w.instanceA }), expect: notFound('InvalidInstanceID.NotFound') }),
  DescribeVolumes: both({ name: 'everything', params: () => ({}), expect: OK }),
  DescribeKeyPairs: both({ name: 'everything', params: () => ({}), expect: OK }),
  DescribeInstanceTypes: both({ name: 'one type', params: () => ({ 'InstanceType.1': 't3.micro' }), expect: OK }),
  CreateNetworkInsightsPath: both({ name: 'from A’s interface', params: (w) => ({ Source: w.eniA, Destination: w.instanceA, Protocol: 'tcp', ClientToken: 'intruder-path' }), expect: notFound('InvalidNetworkInterfaceID.NotFound') }),
  DescribeNetworkInsightsPaths: [
    ...both({ name: 'by id', params: (w) => ({ 'NetworkInsightsPathId.1': w.nipA }), expect: notFound('InvalidNetworkInsightsPathId.NotFound') }),
    ...both({ name: 'filter source', params: (w) => filter('source', w.eniA), expect: OK }),
  ],
  DeleteNetworkInsightsPath: both({ name: 'A’s path', params: (w) => ({ NetworkInsightsPathId: w.nipA }), expect: notFound('InvalidNetworkInsightsPathId.NotFound') }),
  StartNetworkInsightsAnalysis: both({ name: 'on A’s path', params: (w) => ({ NetworkInsightsPathId: w.nipA, ClientToken: 'intruder-analysis' }), expect: notFound('InvalidNetworkInsightsPathId.NotFound') }),
  DescribeNetworkInsightsAnalyses: [
    ...both({ name: 'by id', params: (w) => ({ 'NetworkInsightsAnalysisId.1': w.niaA }), expect: notFound('InvalidNetworkInsightsAnalysisId.NotFound') }),
    ...both({ name: 'by path id', params: (w) => ({ NetworkInsightsPathId: w.nipA }), expect: OK }),
  ],
  DeleteNetworkInsightsAnalysis: both({ name: 'A’s analysis', params: (w) => ({ NetworkInsightsAnalysisId: w.niaA }), expect: notFound('InvalidNetworkInsightsAnalysisId.NotFound') }),
  DescribeInternetGateways: [
    ...both({ name: 'by id', params: (w) => ({ 'InternetGatewayId.1': w.igwA }), expect: notFound('InvalidInternetGatewayID.NotFound') }),
    ...both({ name: 'filter attachment.vpc-id', params: (w) => filter('attachment.vpc-id', w.defaultVpcA), expect: OK }),
  ],
  CreateInternetGateway: both({ name: 'creates only in its own account', params: () => ({}), expect: OK }),
  AttachInternetGateway: [
    ...both({ name: 'A’s gateway to an own VPC', params: (w, me) => ({ InternetGatewayId: w.igwA2, VpcId: me.vpc }), expect: notFound('InvalidInternetGatewayID.NotFound') }),
  ],
  DetachInternetGateway: both({ name: 'A’s gateway from A’s VPC', params: (w) => ({ InternetGatewayId: w.igwA, VpcId: w.defaultVpcA }), expect: notFound('InvalidInternetGatewayID.NotFound') }),
  DeleteInternetGateway: both({ name: 'A’s gateway', params: (w) => ({ InternetGatewayId: w.igwA2 }), expect: notFound('InvalidInternetGatewayID.NotFound') }),
  CreateEgressOnlyInternetGateway: both({ name: 'for A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: notFound('InvalidVpcID.NotFound') }),
  DeleteEgressOnlyInternetGateway: both({ name: 'A’s gateway', params: (w) => ({ EgressOnlyInternetGatewayId: w.eigwA }), expect: notFound('InvalidGatewayID.NotFound') }),
  DescribeEgressOnlyInternetGateways: [
    ...both({ name: 'by id', params: (w) => ({ 'EgressOnlyInternetGatewayId.1': w.eigwA }), expect: notFound('InvalidGatewayID.NotFound') }),
    ...both({ name: 'filter tag:Name', params: () => filter('tag:Name', 'a-secret-eigw'), expect: OK }),
  ],
  DescribeDhcpOptions: [
    ...both({ name: 'the default set by id', params: (w) => ({ 'DhcpOptionsId.1': w.doptA }), expect: notFound('InvalidDhcpOptionID.NotFound') }),
    ...both({ name: 'a created set by id', params: (w) => ({ 'DhcpOptionsId.1': w.doptA2 }), expect: notFound('InvalidDhcpOptionID.NotFound') }),
    ...both({ name: 'filter value', params: () => filter('value', 'a-secret.example'), expect: OK }),
  ],
  CreateDhcpOptions: both({ name: 'creates only in its own account', params: () => ({ 'DhcpConfiguration.1.Key': 'domain-name', 'DhcpConfiguration.1.Value.1': 'intruder.example' }), expect: OK }),
  AssociateDhcpOptions: [
    ...both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA, DhcpOptionsId: 'default' }), expect: notFound('InvalidVpcID.NotFound') }),
    ...both({ name: 'A’s set to an own VPC', params: (w, me) => ({ VpcId: me.vpc, DhcpOptionsId: w.doptA2 }), expect: notFound('InvalidDhcpOptionID.NotFound') }),
  ],
  DeleteDhcpOptions: both({ name: 'A’s set', params: (w) => ({ DhcpOptionsId: w.doptA2 }), expect: notFound('InvalidDhcpOptionID.NotFound') }),
  ModifySubnetAttribute: both({ name: 'A’s subnet', params: (w) => ({ SubnetId: w.subnetA, 'MapPublicIpOnLaunch.Value': 'true' }), expect: notFound('InvalidSubnetID.NotFound') }),
  AssociateSubnetCidrBlock: both({ name: 'A’s subnet', params: (w) => ({ SubnetId: w.subnetA, Ipv6CidrBlock: w.subnetV6A }), expect: notFound('InvalidSubnetID.NotFound') }),
  DisassociateSubnetCidrBlock: both({ name: 'A’s subnet block', params: (w) => ({ AssociationId: w.subnetV6AssocA }), expect: notFound('InvalidSubnetCidrBlockAssociationID.NotFound') }),
  DescribeImages: [
    ...both({ name: 'owned by self', params: () => ({ 'Owner.1': 'self' }), expect: OK }),
    ...both({ name: 'filter owner-id of A', params: () => filter('owner-id', A), expect: OK }),
  ],
  DescribeVpcClassicLink: both({ name: 'A’s VPC', params: (w) => ({ 'VpcId.1': w.vpcA }), expect: { code: 'UnsupportedOperation' } }),
  DescribeVpcClassicLinkDnsSupport: both({ name: 'A’s VPC', params: (w) => ({ 'VpcIds.1': w.vpcA }), expect: { code: 'UnsupportedOperation' } }),
  EnableVpcClassicLink: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: { code: 'UnsupportedOperation' } }),
  DisableVpcClassicLink: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: { code: 'UnsupportedOperation' } }),
  EnableVpcClassicLinkDnsSupport: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: { code: 'UnsupportedOperation' } }),
  DisableVpcClassicLinkDnsSupport: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: { code: 'UnsupportedOperation' } }),
  AllocateAddress: both({ name: 'allocates only in its own account', params: () => ({ Domain: 'vpc' }), expect: OK }),
  DescribeAddresses: [
    ...both({ name: 'by allocation id', params: (w) => ({ 'AllocationId.1': w.eipA }), expect: notFound('InvalidAllocationID.NotFound') }),
    ...both({ name: 'filter public-ip', params: (w) => filter('public-ip', w.eipIpA), expect: OK }),
    ...both({ name: 'filter tag:Name', params: () => filter('tag:Name', 'a-secret-eip'), expect: OK }),
  ],
  DescribeAddressesAttribute: both({ name: 'A’s address', params: (w) => ({ 'AllocationId.1': w.eipA, Attribute: 'domain-name' }), expect: notFound('InvalidAllocationID.NotFound') }),
  ReleaseAddress: both({ name: 'A’s address', params: (w) => ({ AllocationId: w.eipA }), expect: notFound('InvalidAllocationID.NotFound') }),
  AssociateAddress: both({ name: 'A’s address', params: (w) => ({ AllocationId: w.eipA, NetworkInterfaceId: 'eni-0123456789abcdef0' }), expect: notFound('InvalidAllocationID.NotFound') }),
  DisassociateAddress: both({ name: 'a made-up association', params: () => ({ AssociationId: 'eipassoc-0123456789abcdef0' }), expect: notFound('InvalidAssociationID.NotFound') }),
  CreateNatGateway: both({ name: 'in A’s subnet', params: (w) => ({ SubnetId: w.subnetA, ConnectivityType: 'private' }), expect: notFound('InvalidSubnetID.NotFound') }),
  DescribeNatGateways: [
    ...both({ name: 'by id', params: (w) => ({ 'NatGatewayId.1': w.natA }), expect: notFound('NatGatewayNotFound') }),
    ...both({ name: 'filter vpc-id', params: (w) => filter('vpc-id', w.vpcA), expect: OK }),
  ],
  DeleteNatGateway: both({ name: 'A’s gateway', params: (w) => ({ NatGatewayId: w.natA }), expect: notFound('NatGatewayNotFound') }),
  CreateSecurityGroup: both({ name: 'in A’s VPC', params: (w) => ({ VpcId: w.vpcA, GroupName: 'intruder', GroupDescription: 'intruder' }), expect: notFound('InvalidVpcID.NotFound') }),
  DeleteSecurityGroup: both({ name: 'A’s group', params: (w) => ({ GroupId: w.sgA2 }), expect: notFound('InvalidGroup.NotFound') }),
  AuthorizeSecurityGroupIngress: [
    ...both({ name: 'on A’s group', params: (w) => ({ GroupId: w.sgA2, IpProtocol: 'tcp', FromPort: '22', ToPort: '22', CidrIp: '0.0.0.0/0' }), expect: notFound('InvalidGroup.NotFound') }),
    // B is peered with A and may name A's groups in its own rules (AWS-BEHAVIOUR.md §3.13); C is not.
    ...onlyC({ name: 'an own group admitting A’s group', params: (w, me) => ({ GroupId: me.sg, 'IpPermissions.1.IpProtocol': '-1', 'IpPermissions.1.Groups.1.GroupId': w.sgA2, 'IpPermissions.1.Groups.1.UserId': A }), expect: notFound('InvalidGroup.NotFound') }),
  ],
  AuthorizeSecurityGroupEgress: both({ name: 'on A’s group', params: (w) => ({ GroupId: w.sgA2, 'IpPermissions.1.IpProtocol': '-1', 'IpPermissions.1.IpRanges.1.CidrIp': '10.9.0.0/16' }), expect: notFound('InvalidGroup.NotFound') }),
  RevokeSecurityGroupIngress: both({ name: 'on A’s group', params: (w) => ({ GroupId: w.sgA2, IpProtocol: 'tcp', FromPort: '443', ToPort: '443', CidrIp: '10.20.0.0/16' }), expect: notFound('InvalidGroup.NotFound') }),
  RevokeSecurityGroupEgress: both({ name: 'on A’s group', params: (w) => ({ GroupId: w.sgA2, 'IpPermissions.1.IpProtocol': '-1', 'IpPermissions.1.IpRanges.1.CidrIp': '0.0.0.0/0' }), expect: notFound('InvalidGroup.NotFound') }),
  DescribeSecurityGroupRules: [
    ...both({ name: 'by rule id', params: (w) => ({ 'SecurityGroupRuleId.1': w.sgRuleA }), expect: notFound('InvalidSecurityGroupRuleId.NotFound') }),
    ...both({ name: 'filter group-id', params: (w) => filter('group-id', w.sgA2), expect: OK }),
  ],
  ModifySecurityGroupRules: both({ name: 'A’s rule', params: (w) => ({ GroupId: w.sgA2, 'SecurityGroupRule.1.SecurityGroupRuleId': w.sgRuleA, 'SecurityGroupRule.1.SecurityGroupRule.IpProtocol': 'tcp', 'SecurityGroupRule.1.SecurityGroupRule.FromPort': '22', 'SecurityGroupRule.1.SecurityGroupRule.ToPort': '22', 'SecurityGroupRule.1.SecurityGroupRule.CidrIpv4': '0.0.0.0/0' }), expect: notFound('InvalidGroup.NotFound') }),
  UpdateSecurityGroupRuleDescriptionsIngress: both({ name: 'A’s rule', params: (w) => ({ GroupId: w.sgA2, 'SecurityGroupRuleDescription.1.SecurityGroupRuleId': w.sgRuleA, 'SecurityGroupRuleDescription.1.Description': 'intruder' }), expect: notFound('InvalidGroup.NotFound') }),
  UpdateSecurityGroupRuleDescriptionsEgress: both({ name: 'A’s group', params: (w) => ({ GroupId: w.sgA2, 'IpPermissions.1.IpProtocol': '-1', 'IpPermissions.1.IpRanges.1.CidrIp': '0.0.0.0/0', 'IpPermissions.1.IpRanges.1.Description': 'intruder' }), expect: notFound('InvalidGroup.NotFound') }),
  DescribeSecurityGroupReferences: both({ name: 'A’s group', params: (w) => ({ 'GroupId.1': w.sgA2 }), expect: notFound('InvalidGroup.NotFound') }),
  DescribeStaleSecurityGroups: both({ name: 'A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: notFound('InvalidVpcID.NotFound') }),
  CreateNetworkAcl: both({ name: 'in A’s VPC', params: (w) => ({ VpcId: w.vpcA }), expect: notFound('InvalidVpcID.NotFound') }),
  DeleteNetworkAcl: both({ name: 'A’s ACL', params: (w) => ({ NetworkAclId: w.aclA2 }), expect: notFound('InvalidNetworkAclID.NotFound') }),
  CreateNetworkAclEntry: both({ name: 'in A’s ACL', params: (w) => ({ NetworkAclId: w.aclA2, RuleNumber: '50', Protocol: '-1', RuleAction: 'allow', Egress: 'false', CidrBlock: '0.0.0.0/0' }), expect: notFound('InvalidNetworkAclID.NotFound') }),
  ReplaceNetworkAclEntry: both({ name: 'in A’s ACL', params: (w) => ({ NetworkAclId: w.aclA2, RuleNumber: '100', Protocol: '-1', RuleAction: 'deny', Egress: 'false', CidrBlock: '0.0.0.0/0' }), expect: notFound('InvalidNetworkAclID.NotFound') }),
  DeleteNetworkAclEntry: both({ name: 'in A’s ACL', params: (w) => ({ NetworkAclId: w.aclA2, RuleNumber: '100', Egress: 'false' }), expect: notFound('InvalidNetworkAclID.NotFound') }),
  ReplaceNetworkAclAssociation: both({ name: 'A’s subnet association onto A’s ACL', params: (w) => ({ AssociationId: w.aclAssocA, NetworkAclId: w.aclA2 }), expect: notFound('InvalidNetworkAclID.NotFound') }),
  // Last: these leave the intruder holding failed requests that name A's VPC and B's account.
  CreateVpcPeeringConnection: [
    ...both({ name: 'from A’s VPC', params: (w) => ({ VpcId: w.vpcA, PeerVpcId: w.vpcB, PeerOwnerId: B }), expect: notFound('InvalidVpcID.NotFound') }),
    ...onlyC({ name: 'to A’s VPC under the wrong owner', params: (w, me) => ({ VpcId: me.vpc, PeerVpcId: w.vpcA, PeerOwnerId: B }), expect: { failed: true } }),
    // Within one account the peer VPC is checked at once: it is not the intruder's, so NotFound.
    ...onlyC({ name: 'to A’s VPC under its own account (no owner given)', params: (w, me) => ({ VpcId: me.vpc, PeerVpcId: w.vpcA }), expect: notFound('InvalidVpcID.NotFound') }),
    ...onlyC({ name: 'to A’s VPC in the wrong region', params: (w, me) => ({ VpcId: me.vpc, PeerVpcId: w.vpcA, PeerOwnerId: A, PeerRegion: 'us-west-2' }), expect: { failed: true } }),
    ...onlyC({ name: 'to a VPC A does not have', params: (w, me) => ({ VpcId: me.vpc, PeerVpcId: NOWHERE_VPC, PeerOwnerId: A }), expect: { failed: true } }),
  ],
};

let server: RunningServer;
const w = {} as World;
/** What each account may legitimately see of A and B: everything else of theirs is secret to it. */
const secrets: Record<string, Set<string>> = {};

async function call(account: string, params: Record<string, string>): Promise<string> {
  const r = await openQuery(server.url, account, { ...EC2, ...params });
  if (r.status !== 200) throw new Error(`${account} ${params.Action}: ${r.status} ${r.text}`);
  return r.text;
}

const tag = (type: string, value: string): Record<string, string> => ({ 'TagSpecification.1.ResourceType': type, 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': value });

async function snapshot(account: string): Promise<string> {
  const parts: string[] = [];
  for (const Action of [
    'DescribeVpcs', 'DescribeSubnets', 'DescribeRouteTables', 'DescribeVpcPeeringConnections', 'DescribeTags', 'DescribeSecurityGroups', 'DescribeSecurityGroupRules', 'DescribeNetworkAcls',
    'DescribeInternetGateways', 'DescribeEgressOnlyInternetGateways', 'DescribeDhcpOptions', 'DescribeAddresses', 'DescribeNatGateways',
    'DescribeNetworkInterfaces', 'DescribeInstances', 'DescribeNetworkInsightsPaths', 'DescribeNetworkInsightsAnalyses',
  ]) {
    parts.push(stable(await call(account, { Action })));
  }
  if (account === A) {
    for (const Attribute of ['enableDnsSupport', 'enableDnsHostnames']) parts.push(stable(await call(A, { Action: 'DescribeVpcAttribute', VpcId: w.vpcA, Attribute })));
  }
  return parts.join('\n');
}

async function events(account: string): Promise<{ action: string; code: string; accountId: string }[]> {
  const r = await fetch(`${server.url}/_vpcpeer/events?limit=1000`, { headers: { authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00` } });
  return ((await r.json()) as { events: { action: string; code: string; accountId: string }[] }).events;
}

beforeAll(async () => {
  server = await startServer();
  w.vpcA = xmlValue(await call(A, { Action: 'CreateVpc', CidrBlock: '10.20.0.0/16', ...tag('vpc', 'a-secret-vpc') }), 'vpcId') as string;
  w.cidrAssocA = xmlValue(await call(A, { Action: 'AssociateVpcCidrBlock', VpcId: w.vpcA, CidrBlock: '10.21.0.0/16' }), 'associationId') as string;
  w.subnetA = xmlValue(await call(A, { Action: 'CreateSubnet', VpcId: w.vpcA, CidrBlock: '10.20.1.0/24', ...tag('subnet', 'a-secret-subnet') }), 'subnetId') as string;
  w.rtbA = xmlValue(await call(A, { Action: 'CreateRouteTable', VpcId: w.vpcA, ...tag('route-table', 'a-secret-rtb') }), 'routeTableId') as string;
  w.assocA = xmlValue(await call(A, { Action: 'AssociateRouteTable', RouteTableId: w.rtbA, SubnetId: w.subnetA }), 'associationId') as string;
  w.vpcB = xmlValue(await call(B, { Action: 'CreateVpc', CidrBlock: '10.30.0.0/16', ...tag('vpc', 'b-secret-vpc') }), 'vpcId') as string;
  w.vpcB2 = xmlValue(await call(B, { Action: 'CreateVpc', CidrBlock: '10.31.0.0/16' }), 'vpcId') as string;
  w.pcxActive = xmlValue(await call(A, { Action: 'CreateVpcPeeringConnection', VpcId: w.vpcA, PeerVpcId: w.vpcB, PeerOwnerId: B, ...tag('vpc-peering-connection', 'a-secret-pcx') }), 'vpcPeeringConnectionId') as string;
  await call(B, { Action: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: w.pcxActive });
  await call(B, { Action: 'CreateTags', 'ResourceId.1': w.pcxActive, 'Tag.1.Key': 'Name', 'Tag.1.Value': 'b-secret-pcx' });
  w.pcxPending = xmlValue(await call(A, { Action: 'CreateVpcPeeringConnection', VpcId: w.vpcA, PeerVpcId: w.vpcB2, PeerOwnerId: B }), 'vpcPeeringConnectionId') as string;
  await call(A, { Action: 'CreateRoute', RouteTableId: w.rtbA, DestinationCidrBlock: '10.30.0.0/16', VpcPeeringConnectionId: w.pcxActive });
  const defaults = await call(A, { Action: 'DescribeVpcs', ...filter('isDefault', 'true') });
  w.defaultVpcA = xmlValue(defaults, 'vpcId') as string;
  w.sgA = xmlValue(await call(A, { Action: 'DescribeSecurityGroups', ...filter('vpc-id', w.vpcA) }), 'groupId') as string;
  w.aclA = xmlValue(await call(A, { Action: 'DescribeNetworkAcls', ...filter('vpc-id', w.vpcA) }), 'networkAclId') as string;
  w.igwA = xmlValue(await call(A, { Action: 'DescribeInternetGateways' }), 'internetGatewayId') as string;
  w.doptA = xmlValue(await call(A, { Action: 'DescribeDhcpOptions' }), 'dhcpOptionsId') as string;
  const eip = await call(A, { Action: 'AllocateAddress', Domain: 'vpc', ...tag('elastic-ip', 'a-secret-eip') });
  w.eipA = xmlValue(eip, 'allocationId') as string;
  w.eipIpA = xmlValue(eip, 'publicIp') as string;
  w.natA = xmlValue(await call(A, { Action: 'CreateNatGateway', SubnetId: w.subnetA, ConnectivityType: 'private', ...tag('natgateway', 'a-secret-nat') }), 'natGatewayId') as string;
  w.sgA2 = xmlValue(await call(A, { Action: 'CreateSecurityGroup', VpcId: w.vpcA, GroupName: 'a-secret-sg', GroupDescription: 'a secret group' }), 'groupId') as string;
  w.sgRuleA = xmlValue(await call(A, { Action: 'AuthorizeSecurityGroupIngress', GroupId: w.sgA2, IpProtocol: 'tcp', FromPort: '443', ToPort: '443', CidrIp: '10.20.0.0/16' }), 'securityGroupRuleId') as string;
  w.aclA2 = xmlValue(await call(A, { Action: 'CreateNetworkAcl', VpcId: w.vpcA, ...tag('network-acl', 'a-secret-acl') }), 'networkAclId') as string;
  w.aclAssocA = xmlValue(await call(A, { Action: 'DescribeNetworkAcls', ...filter('association.subnet-id', w.subnetA) }), 'networkAclAssociationId') as string;
  w.doptA2 = xmlValue(await call(A, { Action: 'CreateDhcpOptions', 'DhcpConfiguration.1.Key': 'domain-name', 'DhcpConfiguration.1.Value.1': 'a-secret.example' }), 'dhcpOptionsId') as string;
  w.igwA2 = xmlValue(await call(A, { Action: 'CreateInternetGateway', ...tag('internet-gateway', 'a-secret-igw') }), 'internetGatewayId') as string;
  w.eigwA = xmlValue(await call(A, { Action: 'CreateEgressOnlyInternetGateway', VpcId: w.vpcA, ...tag('egress-only-internet-gateway', 'a-secret-eigw') }), 'egressOnlyInternetGatewayId') as string;
  w.vpcV6A = xmlValue(await call(A, { Action: 'AssociateVpcCidrBlock', VpcId: w.vpcA, AmazonProvidedIpv6CidrBlock: 'true' }), 'ipv6CidrBlock') as string;
  w.subnetV6A = (Cidr.parse(w.vpcV6A) as Cidr).subnet(64, 1n).toString();
  w.subnetV6AssocA = xmlValue(await call(A, { Action: 'AssociateSubnetCidrBlock', SubnetId: w.subnetA, Ipv6CidrBlock: w.subnetV6A }), 'associationId') as string;
  const eni = await call(A, { Action: 'CreateNetworkInterface', SubnetId: w.subnetA, Description: 'a secret interface', ...tag('network-interface', 'a-secret-eni') });
  w.eniA = xmlValue(eni, 'networkInterfaceId') as string;
  w.eniIpA = xmlValue(eni, 'privateIpAddress') as string;
  w.instanceA = xmlValue(await call(A, { Action: 'RunInstances', ImageId: 'ami-0123456789abcdef0', MinCount: '1', MaxCount: '1', SubnetId: w.subnetA, ...tag('instance', 'a-secret-instance') }), 'instanceId') as string;
  w.eniAttachA = xmlValue(await call(A, { Action: 'DescribeInstances', 'InstanceId.1': w.instanceA }), 'attachmentId') as string;
  w.nipA = xmlValue(await call(A, { Action: 'CreateNetworkInsightsPath', Source: w.eniA, Destination: w.instanceA, Protocol: 'tcp', ClientToken: 'a-path', ...tag('network-insights-path', 'a-secret-path') }), 'networkInsightsPathId') as string;
  w.niaA = xmlValue(await call(A, { Action: 'StartNetworkInsightsAnalysis', NetworkInsightsPathId: w.nipA, ClientToken: 'an-analysis' }), 'networkInsightsAnalysisId') as string;
  w.own = {};
  for (const [who, block] of [
    [C, '10.40'],
    [B, '10.32'],
  ] as const) {
    const vpc = who === B ? (xmlValue(await call(B, { Action: 'CreateVpc', CidrBlock: `${block}.0.0/16` }), 'vpcId') as string) : (xmlValue(await call(C, { Action: 'CreateVpc', CidrBlock: `${block}.0.0/16` }), 'vpcId') as string);
    const subnet = xmlValue(await call(who, { Action: 'CreateSubnet', VpcId: vpc, CidrBlock: `${block}.1.0/24` }), 'subnetId') as string;
    const rtb = xmlValue(await call(who, { Action: 'CreateRouteTable', VpcId: vpc }), 'routeTableId') as string;
    const assoc = xmlValue(await call(who, { Action: 'AssociateRouteTable', RouteTableId: rtb, SubnetId: subnet }), 'associationId') as string;
    const sg = xmlValue(await call(who, { Action: 'CreateSecurityGroup', VpcId: vpc, GroupName: 'own', GroupDescription: 'own' }), 'groupId') as string;
    w.own[who] = { vpc, subnet, rtb, assoc, sg };
  }
  // Everything of A and B by which an answer could leak: ids, blocks, tag values, account ids.
  const aOnly = [
    ...[w.subnetA, w.rtbA, w.assocA, w.cidrAssocA, w.defaultVpcA, w.sgA, w.aclA, w.igwA, w.doptA, '10.20.1.0/24', 'a-secret-vpc', 'a-secret-subnet', 'a-secret-rtb', 'a-secret-pcx'],
    ...[w.eipA, w.eipIpA, w.natA, w.sgA2, w.sgRuleA, w.aclA2, w.aclAssocA, 'a-secret-eip', 'a-secret-nat', 'a-secret-sg', 'a-secret-acl'],
    ...[w.doptA2, 'a-secret.example', w.subnetV6A, w.subnetV6AssocA, w.igwA2, w.eigwA, 'a-secret-igw', 'a-secret-eigw'],
    ...[w.eniA, w.eniIpA, w.instanceA, w.eniAttachA, w.nipA, w.niaA, 'a-secret-eni', 'a secret interface', 'a-secret-instance', 'a-secret-path'],
  ];
  // What the peering shows B of A (A's account, VPC and blocks) is B's to see; B's own tag on it too.
  const sharedWithB = [A, w.vpcA, '10.20.0.0/16', '10.21.0.0/16', w.vpcV6A, w.pcxActive, w.pcxPending];
  const bOwn = [B, w.vpcB, w.vpcB2, '10.30.0.0/16', '10.31.0.0/16', 'b-secret-vpc', 'b-secret-pcx'];
  secrets[C] = new Set([...aOnly, ...sharedWithB, ...bOwn]);
  secrets[B] = new Set(aOnly);
  // Every setup call must have answered what it made: an id missing here would make the cases
  // above pass for the wrong reason (a NotFound for "undefined", a leak search for nothing).
  for (const [name, value] of Object.entries(w)) if (typeof value === 'string' && !/^[\w.:/-]+$/.test(value)) throw new Error(`world.${name} is ${value}`);
  for (const [name, value] of Object.entries(w)) if (value === undefined) throw new Error(`world.${name} is undefined`);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('the matrix covers every operation the server implements', () => {
  it('one or more intrusions per operation, no more operations, no fewer', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const [op, cases] of Object.entries(CASES)) expect(cases.length, op).toBeGreaterThan(0);
  });
});

const rows = Object.entries(CASES).flatMap(([op, cases]) => cases.map((c) => [op, c.as === B ? 'B (peer, not owner)' : 'C (no party)', c.name, c] as const));

describe('an account that is not a party gets nowhere', () => {
  it.each(rows)('%s as %s: %s', async (op, _who, _name, c) => {
    const params = c.params(w, w.own[c.as] as Own);
    const mutates = OPERATIONS[op as keyof typeof OPERATIONS]?.mutates === true;
    // Everyone else's view, before and after: the intruder's own may change (it may create its own).
    const victims = c.as === C ? [A, B] : [A];
    const views = async (): Promise<string[]> => Promise.all(victims.map(snapshot));
    const before = mutates ? await views() : undefined;
    const eventsOfA = (await events(A)).length;

    const r = await openQuery(server.url, c.as, { Action: op, ...EC2, ...params });

    if ('code' in c.expect) {
      expect([r.status, r.code], r.text).toEqual([400, c.expect.code]);
    } else {
      expect(r.status, r.text).toBe(200);
    }
    // Nothing of A (or of B, for C). An error message, or the intruder's own failed request, may
    // echo what this very request named; a successful answer may not even do that.
    const echo = 'ok' in c.expect ? new Set<string>() : new Set(Object.values(params));
    const leaked = [...(secrets[c.as] ?? [])].filter((s) => !echo.has(s) && r.text.includes(s));
    expect(leaked, r.text).toEqual([]);
    if ('failed' in c.expect) {
      const id = xmlValue(r.text, 'vpcPeeringConnectionId') as string;
      const seen = await call(c.as, { Action: 'DescribeVpcPeeringConnections', 'VpcPeeringConnectionId.1': id });
      expect(xmlValue(seen, 'code')).toBe('failed');
      expect(xmlValue(seen, 'message')).toBe('Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range');
      // The accepter's blocks and options stay hidden: nothing tells the intruder what is there.
      const accepter = seen.slice(seen.indexOf('<accepterVpcInfo>'), seen.indexOf('</accepterVpcInfo>'));
      expect(accepter).toContain('<vpcId>');
      expect(xmlValues(accepter, 'cidrBlock')).toEqual([]);
    }
    if (before) expect(await views()).toEqual(before);
    // The intruder's calls go to its own trail, never to A's.
    expect((await events(A)).length).toBe(eventsOfA);
  });
});

describe('a wrong peer VPC does not tell whether it exists', () => {
  it.each([
    ['A’s VPC named under B', () => w.vpcA, B, 'us-east-1'],
    ['A’s VPC named under an unknown account', () => w.vpcA, '444444444444', 'us-east-1'],
    ['A’s VPC named in the wrong region', () => w.vpcA, A, 'us-west-2'],
    ['B’s VPC named under A', () => w.vpcB2, A, 'us-east-1'],
  ])('%s reads exactly like a VPC that does not exist', async (_name, real, owner, region) => {
    const own = w.own[C]?.vpc as string;
    const view = async (peerVpc: string): Promise<string> => {
      const created = await call(C, { Action: 'CreateVpcPeeringConnection', VpcId: own, PeerVpcId: peerVpc, PeerOwnerId: owner, PeerRegion: region });
      const id = xmlValue(created, 'vpcPeeringConnectionId') as string;
      const described = await call(C, { Action: 'DescribeVpcPeeringConnections', 'VpcPeeringConnectionId.1': id });
      const norm = (t: string) => stable(t).replaceAll(id, 'PCX').replaceAll(peerVpc, 'PEER').replace(/<expirationTime>[^<]*<\/expirationTime>/g, '');
      return `${norm(created)}\n${norm(described)}`;
    };
    const existing = await view(real());
    expect(existing).toContain('initiating-request');
    expect(existing).toContain('<code>failed</code>');
    expect(existing).toBe(await view(NOWHERE_VPC));
  });
});

describe('after the whole matrix', () => {
  it('A still has everything, exactly as it made it, and its trail holds only its own calls', async () => {
    const vpcs = await call(A, { Action: 'DescribeVpcs', 'VpcId.1': w.vpcA });
    expect(xmlValues(vpcs, 'cidrBlock')).toEqual(expect.arrayContaining(['10.20.0.0/16', '10.21.0.0/16']));
    expect(vpcs).toContain('a-secret-vpc');
    const tables = await call(A, { Action: 'DescribeRouteTables', 'RouteTableId.1': w.rtbA });
    expect(tables).toContain(w.assocA);
    expect(tables).toContain('<destinationCidrBlock>10.30.0.0/16</destinationCidrBlock>');
    expect(tables).not.toContain('10.50.0.0/16');
    const peerings = await call(A, { Action: 'DescribeVpcPeeringConnections' });
    expect(xmlValues(peerings, 'vpcPeeringConnectionId').filter((id) => id === w.pcxActive || id === w.pcxPending).length).toBeGreaterThanOrEqual(2);
    expect(peerings).not.toContain(w.own[C]?.vpc as string);
    const trail = await events(A);
    expect(trail.length).toBeGreaterThan(5);
    expect(new Set(trail.map((e) => e.accountId))).toEqual(new Set([A]));
    const intruderTrail = await events(C);
    expect(intruderTrail.filter((e) => e.code.endsWith('.NotFound')).length).toBeGreaterThan(10);
  });
});
