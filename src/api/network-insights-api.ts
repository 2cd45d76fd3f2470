import type { Tagged } from '../core/describe-scoped.js';
import type { NetworkInsightsAnalysis } from '../core/network-insights/network-insights-analysis.js';
import * as analyses from '../core/network-insights/network-insights-analysis-service.js';
import { analysisArn } from '../core/network-insights/network-insights-analysis-service.js';
import type { NetworkInsightsPath, PathFilter } from '../core/network-insights/network-insights-path.js';
import * as paths from '../core/network-insights/network-insights-path-service.js';
import { pathArn } from '../core/network-insights/network-insights-path-service.js';
import { askReachability, type ReachQuestion } from '../core/network-insights/ask-reachability.js';
import type {
  AclRuleHit,
  AdditionalDetail,
  AnalysisResult,
  ComponentRef,
  Explanation,
  PacketHeader,
  PathHop,
  RouteHit,
  SecurityGroupRuleHit,
} from '../core/reachability/analysis-result.js';
import type { PortRange } from '../core/reachability/reach-world.js';
import type { RequestContext } from '../core/request-context.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

/** Domain values of an analysis -> the EC2 wire shapes, one to one; no TGW, load balancer or firewall members are ever written. */
const to = {
  component(c: ComponentRef | undefined): W.AnalysisComponent | undefined {
    return c ? { Id: c.id, Arn: c.arn, Name: c.name } : undefined;
  },
  components(cs: readonly ComponentRef[] | undefined): W.AnalysisComponent[] | undefined {
    return cs?.map((c) => to.component(c) as W.AnalysisComponent);
  },
  range(r: PortRange | undefined): W.PortRange | undefined {
    return r ? { From: r.from, To: r.to } : undefined;
  },
  header(h: PacketHeader | undefined): W.AnalysisPacketHeader | undefined {
    if (!h) return undefined;
    return {
      DestinationAddresses: [...h.destinationAddresses],
      DestinationPortRanges: h.destinationPortRanges.map((r) => to.range(r) as W.PortRange),
      Protocol: h.protocol,
      SourceAddresses: [...h.sourceAddresses],
      SourcePortRanges: h.sourcePortRanges.map((r) => to.range(r) as W.PortRange),
    };
  },
  aclRule(r: AclRuleHit | undefined): W.AnalysisAclRule | undefined {
    return r ? { Cidr: r.cidr, Egress: r.egress, PortRange: to.range(r.portRange), Protocol: r.protocol, RuleAction: r.ruleAction, RuleNumber: r.ruleNumber } : undefined;
  },
  sgRule(r: SecurityGroupRuleHit | undefined): W.AnalysisSecurityGroupRule | undefined {
    return r
      ? { Cidr: r.cidr, Direction: r.direction, SecurityGroupId: r.securityGroupId, PortRange: to.range(r.portRange), PrefixListId: r.prefixListId, Protocol: r.protocol }
      : undefined;
  },
  route(r: RouteHit | undefined): W.AnalysisRouteTableRoute | undefined {
    if (!r) return undefined;
    return {
      DestinationCidr: r.destinationCidr,
      EgressOnlyInternetGatewayId: r.egressOnlyInternetGatewayId,
      GatewayId: r.gatewayId,
      NatGatewayId: r.natGatewayId,
      NetworkInterfaceId: r.networkInterfaceId,
      Origin: r.origin,
      VpcPeeringConnectionId: r.vpcPeeringConnectionId,
      State: r.state,
    };
  },
  explanation(e: Explanation): W.Explanation {
    return {
      Acl: to.component(e.acl),
      AclRule: to.aclRule(e.aclRule),
      Address: e.address,
      Addresses: e.addresses ? [...e.addresses] : undefined,
      AttachedTo: to.component(e.attachedTo),
      Cidrs: e.cidrs ? [...e.cidrs] : undefined,
      Component: to.component(e.component),
      Destination: to.component(e.destination),
      DestinationVpc: to.component(e.destinationVpc),
      Direction: e.direction,
      ExplanationCode: e.code,
      MissingComponent: e.missingComponent,
      NetworkInterface: to.component(e.networkInterface),
      VpcPeeringConnection: to.component(e.vpcPeeringConnection),
      RouteTableRoute: to.route(e.routeTableRoute),
      RouteTable: to.component(e.routeTable),
      SecurityGroup: to.component(e.securityGroup),
      SecurityGroups: to.components(e.securityGroups),
      SourceVpc: to.component(e.sourceVpc),
      State: e.state,
      Subnet: to.component(e.subnet),
      SubnetRouteTable: to.component(e.subnetRouteTable),
      Vpc: to.component(e.vpc),
      ComponentAccount: e.componentAccount,
      ComponentRegion: e.componentRegion,
    };
  },
  detail(d: AdditionalDetail): W.AdditionalDetail {
    return { AdditionalDetailType: d.type, Component: to.component(d.component) };
  },
  hop(h: PathHop, explain: (e: Explanation) => W.Explanation): W.PathComponent {
    return {
      SequenceNumber: h.sequenceNumber,
      AclRule: to.aclRule(h.aclRule),
      AttachedTo: to.component(h.attachedTo),
      Component: to.component(h.component),
      DestinationVpc: to.component(h.destinationVpc),
      OutboundHeader: to.header(h.outboundHeader),
      InboundHeader: to.header(h.inboundHeader),
      RouteTableRoute: to.route(h.routeTableRoute),
      SecurityGroupRule: to.sgRule(h.securityGroupRule),
      SourceVpc: to.component(h.sourceVpc),
      Subnet: to.component(h.subnet),
      Vpc: to.component(h.vpc),
      // AWS leaves both lists out of a hop that has none (REACHABILITY.md §2.5a).
      AdditionalDetails: listed(h.additionalDetails, to.detail),
      Explanations: listed(h.explanations, explain),
    };
  },
};

function filterToWire(f: PathFilter | undefined): W.PathFilter | undefined {
  if (!f) return undefined;
  const range = (r: Partial<PortRange> | undefined): W.FilterPortRange | undefined => (r ? { FromPort: r.from, ToPort: r.to } : undefined);
  return { SourceAddress: f.sourceAddress, SourcePortRange: range(f.sourcePortRange), DestinationAddress: f.destinationAddress, DestinationPortRange: range(f.destinationPortRange) };
}

function filterFromWire(f: W.PathRequestFilter | undefined): PathFilter | undefined {
  if (!f) return undefined;
  const range = (r: W.RequestFilterPortRange | undefined): Partial<PortRange> | undefined =>
    r && (r.FromPort !== undefined || r.ToPort !== undefined) ? { ...(r.FromPort !== undefined ? { from: r.FromPort } : {}), ...(r.ToPort !== undefined ? { to: r.ToPort } : {}) } : undefined;
  const out: PathFilter = {
    ...(f.SourceAddress !== undefined ? { sourceAddress: f.SourceAddress } : {}),
    ...(f.DestinationAddress !== undefined ? { destinationAddress: f.DestinationAddress } : {}),
    ...(range(f.SourcePortRange) ? { sourcePortRange: range(f.SourcePortRange) } : {}),
    ...(range(f.DestinationPortRange) ? { destinationPortRange: range(f.DestinationPortRange) } : {}),
  };
  return out;
}

/** Unset members stay absent (Terraform's no-drift list, REACHABILITY.md §6.3). */
export function pathToWire({ resource: p, tags }: Tagged<NetworkInsightsPath>): W.NetworkInsightsPath {
  return {
    NetworkInsightsPathId: p.id,
    NetworkInsightsPathArn: pathArn(p),
    CreatedDate: new Date(p.createdAt),
    Source: p.source,
    Destination: p.destination,
    SourceArn: p.sourceArn,
    DestinationArn: p.destinationArn,
    SourceIp: p.sourceIp,
    DestinationIp: p.destinationIp,
    Protocol: p.protocol,
    DestinationPort: p.destinationPort,
    Tags: wire.tags(tags),
    FilterAtSource: filterToWire(p.filterAtSource),
    FilterAtDestination: filterToWire(p.filterAtDestination),
  };
}

/**
 * A list as AWS writes it in an analysis: absent when empty. The CLI reference's Start example
 * has no FilterInArns; the Reachability Analyzer guide's CLI walk-through shows a reachable path
 * without Explanations or AlternatePathHints and a blocked one without ReturnPathComponents.
 */
function listed<T, U>(items: readonly T[] | undefined, map: (item: T) => U): U[] | undefined {
  return items && items.length > 0 ? items.map(map) : undefined;
}
const same = <T>(x: T): T => x;

/** What identifies an analysis and echoes its Start input, as every answer about it shows. */
function identity(a: NetworkInsightsAnalysis) {
  return {
    NetworkInsightsAnalysisId: a.id,
    NetworkInsightsAnalysisArn: analysisArn(a),
    NetworkInsightsPathId: a.pathId,
    AdditionalAccounts: listed(a.additionalAccounts, same),
    FilterInArns: listed(a.filterInArns, same),
    FilterOutArns: listed(a.filterOutArns, same),
    StartDate: new Date(a.startedAt),
  };
}

/**
 * An analysis' findings as DescribeNetworkInsightsAnalyses shows them; `explain` maps each
 * explanation. vpcpeer models no alternative intermediates (load balancers, firewalls), so
 * AlternatePathHints, always empty, is never written.
 */
function resultWith<E extends W.Explanation>(r: AnalysisResult | undefined, explain: (e: Explanation) => E) {
  const hop = (h: PathHop) => to.hop(h, explain) as Omit<W.PathComponent, 'Explanations'> & { Explanations?: E[] };
  return {
    NetworkPathFound: r?.pathFound,
    ForwardPathComponents: listed(r?.forward, hop),
    ReturnPathComponents: listed(r?.return, hop),
    Explanations: listed(r?.explanations, explain),
    SuggestedAccounts: listed(r?.suggestedAccounts, same),
  };
}

/** A finished analysis as DescribeNetworkInsightsAnalyses shows it; `explain` maps each explanation. */
function analysisWith<E extends W.Explanation>({ resource: a, tags }: Tagged<NetworkInsightsAnalysis>, explain: (e: Explanation) => E) {
  return { ...identity(a), Status: a.status, StatusMessage: a.statusMessage, ...resultWith(a.result, explain), Tags: wire.tags(tags) };
}

const withSentence = (e: Explanation): NativeExplanation => ({ ...to.explanation(e), Sentence: e.sentence });

export function analysisToWire(a: Tagged<NetworkInsightsAnalysis>): W.NetworkInsightsAnalysis {
  return analysisWith(a, to.explanation);
}

/** An explanation as vpcpeer's native endpoint gives it: the wire members plus the plain sentence. */
export type NativeExplanation = W.Explanation & { readonly Sentence: string };

/**
 * GET /_vpcpeer/analyses/<nia-id>: the analysis as DescribeNetworkInsightsAnalyses shows it, with
 * every explanation's `Sentence` (vpcpeer's own; never on the EC2 wire, REACHABILITY.md §7), and
 * the path it analysed.
 */
export async function nativeAnalysis(ctx: RequestContext, id: string): Promise<{ NetworkInsightsAnalysis: ReturnType<typeof analysisWith<NativeExplanation>>; NetworkInsightsPath?: W.NetworkInsightsPath }> {
  const analysis = await analyses.requireAnalysis(ctx, id);
  const path = await ctx.repo.networkInsightsPaths.get(ctx.caller, analysis.pathId);
  // One tags read for both.
  const tags = await ctx.repo.tags.forResources(ctx.caller, path ? [analysis.id, path.id] : [analysis.id]);
  const tagged: Tagged<NetworkInsightsAnalysis> = { id: analysis.id, resource: analysis, tags: tags.get(analysis.id) ?? [] };
  const pathTagged: Tagged<NetworkInsightsPath> | undefined = path ? { id: path.id, resource: path, tags: tags.get(path.id) ?? [] } : undefined;
  return {
    NetworkInsightsAnalysis: analysisWith(tagged, withSentence),
    ...(pathTagged ? { NetworkInsightsPath: pathToWire(pathTagged) } : {}),
  };
}

/**
 * GET /_vpcpeer/reach: a question answered at once and stored nowhere, in the shape of
 * `nativeAnalysis` (so `vpcpeer reach` prints both alike), for what Reachability Analyzer cannot
 * ask: ICMP echo, besides TCP and UDP.
 */
export async function nativeReach(ctx: RequestContext, q: ReachQuestion): Promise<{ NetworkInsightsAnalysis: { Status: 'succeeded' } & ReturnType<typeof resultWith<NativeExplanation>> }> {
  const result = await askReachability(ctx, q);
  return { NetworkInsightsAnalysis: { Status: 'succeeded', ...resultWith(result, withSentence) } };
}

/**
 * StartNetworkInsightsAnalysis answers as AWS does while it works (the CLI reference's example):
 * id, ARN, path id, start date, `running`, and the echoed FilterInArns and tags. The analysis is
 * already finished; any Describe shows it `succeeded` (REACHABILITY.md §1.4).
 */
function startedToWire(started: analyses.StartedAnalysis): W.NetworkInsightsAnalysis {
  if (started.repeated) return analysisToWire(started);
  return {
    ...identity(started.resource),
    Status: 'running',
    Tags: started.tags.length > 0 ? wire.tags(started.tags) : undefined,
  };
}

/** Reachability Analyzer's path and analysis calls. */
export const NETWORK_INSIGHTS_OPERATIONS: OperationTable = {
  CreateNetworkInsightsPath: writes(async (ctx, input) => {
    const created = await paths.createNetworkInsightsPath(ctx, {
      source: input.Source,
      destination: input.Destination,
      sourceIp: input.SourceIp,
      destinationIp: input.DestinationIp,
      protocol: input.Protocol,
      destinationPort: input.DestinationPort,
      filterAtSource: filterFromWire(input.FilterAtSource),
      filterAtDestination: filterFromWire(input.FilterAtDestination),
      clientToken: input.ClientToken,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return { NetworkInsightsPath: pathToWire(created) };
  }),
  DescribeNetworkInsightsPaths: reads(async (ctx, input) => {
    const page = await paths.describeNetworkInsightsPaths(ctx, { ids: input.NetworkInsightsPathIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { NetworkInsightsPaths: page.items.map(pathToWire), NextToken: page.nextToken };
  }),
  DeleteNetworkInsightsPath: writes(async (ctx, input) => ({ NetworkInsightsPathId: await paths.deleteNetworkInsightsPath(ctx, input.NetworkInsightsPathId) })),
  StartNetworkInsightsAnalysis: writes(async (ctx, input) => {
    const started = await analyses.startNetworkInsightsAnalysis(ctx, {
      pathId: input.NetworkInsightsPathId,
      additionalAccounts: input.AdditionalAccounts,
      filterInArns: input.FilterInArns,
      filterOutArns: input.FilterOutArns,
      clientToken: input.ClientToken,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return { NetworkInsightsAnalysis: startedToWire(started) };
  }),
  DescribeNetworkInsightsAnalyses: reads(async (ctx, input) => {
    const page = await analyses.describeNetworkInsightsAnalyses(ctx, {
      ids: input.NetworkInsightsAnalysisIds,
      pathId: input.NetworkInsightsPathId,
      startTime: input.AnalysisStartTime?.getTime(),
      endTime: input.AnalysisEndTime?.getTime(),
      filters: wire.filters(input.Filters),
      ...wire.page(input),
    });
    return { NetworkInsightsAnalyses: page.items.map(analysisToWire), NextToken: page.nextToken };
  }),
  DeleteNetworkInsightsAnalysis: writes(async (ctx, input) => ({
    NetworkInsightsAnalysisId: await analyses.deleteNetworkInsightsAnalysis(ctx, input.NetworkInsightsAnalysisId),
  })),
};
