import type { PortRange } from './reach-world.js';

/**
 * What an analysis finds, in Reachability Analyzer's terms (EC2 model: NetworkInsightsAnalysis,
 * PathComponent, Explanation), as domain values: the api layer maps them to the wire one to one.
 * Members are optional exactly where AWS leaves them out.
 */

/** A resource as a path names it (AnalysisComponent). */
export interface ComponentRef {
  readonly id: string;
  readonly arn: string;
  /** The resource's Name tag as the caller sees it. */
  readonly name?: string;
}

/** A set of packets at one hop (AnalysisPacketHeader): addresses as CIDRs, protocol as its IANA number ("6"). */
export interface PacketHeader {
  readonly protocol: string;
  readonly sourceAddresses: readonly string[];
  readonly destinationAddresses: readonly string[];
  readonly sourcePortRanges: readonly PortRange[];
  readonly destinationPortRanges: readonly PortRange[];
}

/** The network ACL rule that decided (AnalysisAclRule); protocol "all" for -1, else the number. */
export interface AclRuleHit {
  readonly cidr: string;
  readonly egress: boolean;
  readonly portRange?: PortRange;
  readonly protocol: string;
  readonly ruleAction: 'allow' | 'deny';
  readonly ruleNumber: number;
}

/** The security group rule that admitted the packet (AnalysisSecurityGroupRule); protocol by name ("tcp", "all"). */
export interface SecurityGroupRuleHit {
  readonly direction: 'ingress' | 'egress';
  readonly securityGroupId: string;
  readonly protocol: string;
  readonly cidr?: string;
  readonly portRange?: PortRange;
  readonly prefixListId?: string;
}

/** The route that matched (AnalysisRouteTableRoute); origin lower case as AWS prints it here ("createroute"). */
export interface RouteHit {
  readonly destinationCidr: string;
  readonly origin: string;
  readonly state: 'active' | 'blackhole';
  readonly gatewayId?: string;
  readonly natGatewayId?: string;
  readonly egressOnlyInternetGatewayId?: string;
  readonly networkInterfaceId?: string;
  readonly vpcPeeringConnectionId?: string;
}

/**
 * Why a path is blocked at a hop (Explanation). `code` is one of AWS's documented explanation
 * codes only. `sentence` is vpcpeer's own: one line naming the resource and the fix; it never
 * goes on the EC2 wire.
 */
export interface Explanation {
  readonly code: string;
  readonly sentence: string;
  readonly direction?: 'ingress' | 'egress';
  readonly acl?: ComponentRef;
  readonly aclRule?: AclRuleHit;
  readonly address?: string;
  readonly addresses?: readonly string[];
  readonly cidrs?: readonly string[];
  readonly component?: ComponentRef;
  readonly attachedTo?: ComponentRef;
  readonly destination?: ComponentRef;
  readonly sourceVpc?: ComponentRef;
  readonly destinationVpc?: ComponentRef;
  readonly vpc?: ComponentRef;
  readonly subnet?: ComponentRef;
  readonly subnetRouteTable?: ComponentRef;
  readonly routeTable?: ComponentRef;
  readonly routeTableRoute?: RouteHit;
  readonly networkInterface?: ComponentRef;
  readonly securityGroup?: ComponentRef;
  readonly securityGroups?: readonly ComponentRef[];
  readonly vpcPeeringConnection?: ComponentRef;
  readonly state?: string;
  readonly missingComponent?: string;
  readonly componentAccount?: string;
  readonly componentRegion?: string;
}

/** AdditionalDetail: e.g. UNIDIRECTIONAL_PATH_ANALYSIS_ONLY on the last hop of a blocked path. */
export interface AdditionalDetail {
  readonly type: string;
  readonly component?: ComponentRef;
}

/** One hop (PathComponent), numbered from 1 in walk order. */
export interface PathHop {
  readonly sequenceNumber: number;
  readonly component: ComponentRef;
  readonly attachedTo?: ComponentRef;
  readonly subnet?: ComponentRef;
  readonly vpc?: ComponentRef;
  readonly sourceVpc?: ComponentRef;
  readonly destinationVpc?: ComponentRef;
  readonly inboundHeader?: PacketHeader;
  readonly outboundHeader?: PacketHeader;
  readonly aclRule?: AclRuleHit;
  readonly securityGroupRule?: SecurityGroupRuleHit;
  readonly routeTableRoute?: RouteHit;
  readonly explanations: readonly Explanation[];
  readonly additionalDetails: readonly AdditionalDetail[];
}

export interface AnalysisResult {
  readonly pathFound: boolean;
  /** The forward path, as far as it goes when blocked (AWS keeps walking past a block where it can). */
  readonly forward: readonly PathHop[];
  /** The reply's path; empty when the forward path is blocked. */
  readonly return: readonly PathHop[];
  /** Every explanation of every hop, in hop order (the analysis' ExplanationSet). */
  readonly explanations: readonly Explanation[];
  /** Accounts the path entered that the analysis was not allowed to see (SuggestedAccounts). */
  readonly suggestedAccounts: readonly string[];
}

/** An analysis that found no path and walked none: only explanations. */
export function noPath(explanations: Explanation[], suggestedAccounts: string[] = []): AnalysisResult {
  return { pathFound: false, forward: [], return: [], explanations, suggestedAccounts };
}
