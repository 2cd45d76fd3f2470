import { Ec2Error } from '../ec2-error.js';
import { errors } from '../errors.js';
import { isWellFormedId } from '../ids.js';
import { isVisibleTo } from '../peering/visibility.js';
import type { RequestContext } from '../request-context.js';
import type { Scope } from '../scope.js';
import { networkInsightsErrors } from './network-insights-errors.js';

/**
 * The resource kinds vpcpeer takes as a path's source or destination (REACHABILITY.md §1.6):
 * interfaces, instances, peering connections and internet gateways (AWS's getting-started CLI
 * flow is `--source igw-… --destination i-…`). Each with its ARN resource type and the codes a
 * bad or unknown id gets.
 */
const KINDS = {
  igw: { arnType: 'internet-gateway', notFound: 'InvalidInternetGatewayID.NotFound', noun: 'internetGateway', malformed: 'InvalidInternetGatewayId.Malformed' },
  eni: { arnType: 'network-interface', notFound: 'InvalidNetworkInterfaceID.NotFound', noun: 'networkInterface', malformed: 'InvalidNetworkInterfaceID.Malformed' },
  i: { arnType: 'instance', notFound: 'InvalidInstanceID.NotFound', noun: 'instance', malformed: 'InvalidInstanceID.Malformed' },
  pcx: { arnType: 'vpc-peering-connection', notFound: 'InvalidVpcPeeringConnectionID.NotFound', noun: 'vpcPeeringConnection', malformed: 'InvalidVpcPeeringConnectionId.Malformed' },
} as const;

export type EndpointKind = keyof typeof KINDS;

/** A source or destination as stored: the plain id, its full ARN, and where it lives. */
export interface PathEndpoint {
  readonly id: string;
  readonly arn: string;
  readonly kind: EndpointKind;
  readonly owner: Scope;
  /** The Regions it lives in: its owner's, or both sides' for a peering connection. */
  readonly regions: readonly string[];
}

// arn:<partition>:ec2:<region>:<account>:<type>/<id> (EC2's resource ARN format).
const ARN = /^arn:(aws[a-z-]*):ec2:([a-z0-9-]{1,50}):(\d{12}):([a-z-]{1,40})\/(.{1,200})$/;

/** The scope (account and Region) an EC2 ARN names, or undefined when the text is no such ARN. */
export function scopeOfArn(value: string): Scope | undefined {
  const m = ARN.exec(value);
  return m ? { accountId: m[3] as string, region: m[2] as string } : undefined;
}

/** The ARN of an EC2 resource. */
export function ec2Arn(scope: Scope, resourceType: string, id: string): string {
  return `arn:aws:ec2:${scope.region}:${scope.accountId}:${resourceType}/${id}`;
}

/** The id an ARN ends with (the text after the last `/`), or the text itself when it is no ARN. */
export function idOfArn(value: string): string {
  return value.startsWith('arn:') ? value.slice(value.lastIndexOf('/') + 1) : value;
}

function kindOf(id: string): EndpointKind | undefined {
  return (Object.keys(KINDS) as EndpointKind[]).find((k) => id.startsWith(`${k}-`));
}

function notFound(kind: EndpointKind, id: string): Ec2Error {
  return errors.notFoundOther(KINDS[kind].notFound, id, KINDS[kind].noun);
}

type Located = Pick<PathEndpoint, 'owner' | 'regions'>;

/**
 * The resource's owner and Regions when it exists where `named` says, as `ctx.caller` may see it;
 * undefined otherwise. An interface or instance is owned where it is named; a peering connection's
 * ARN names its requester's account and Region (the connection's owner), and it lives in both
 * sides' Regions.
 */
async function locateIfExists(ctx: RequestContext, kind: EndpointKind, id: string, named: Scope): Promise<Located | undefined> {
  const there: Located = { owner: named, regions: [named.region] };
  switch (kind) {
    case 'igw':
      return (await ctx.repo.internetGateways.get(named, id)) !== undefined ? there : undefined;
    case 'eni':
      return (await ctx.repo.networkInterfaces.get(named, id)) !== undefined ? there : undefined;
    case 'i':
      return (await ctx.repo.instances.get(named, id)) !== undefined ? there : undefined;
    case 'pcx': {
      const c = await ctx.repo.peerings.get(id);
      if (c === undefined || !isVisibleTo(c, ctx.caller, ctx.now)) return undefined;
      return { owner: { accountId: c.requester.accountId, region: c.requester.region }, regions: [...new Set([c.requester.region, c.accepter.region])] };
    }
  }
}

/**
 * Resolves CreateNetworkInsightsPath's Source or Destination: an id of the caller's, or an ARN
 * ("if the resource is in another account, you must specify an ARN", EC2 model). An unknown
 * resource gets its own NotFound code [I, REACHABILITY.md §1.2]. Another account's interface or
 * instance is taken on trust as a destination (its existence is not revealed to the caller; the
 * analysis decides what it may see), never as a source: the world of an analysis starts from the
 * caller's own VPC (docs/architecture.md, Network Insights).
 */
export async function resolvePathEndpoint(ctx: RequestContext, parameter: 'source' | 'destination', value: string): Promise<PathEndpoint> {
  const m = ARN.exec(value);
  const id = m ? (m[5] as string) : value;
  const kind = kindOf(id);
  if (!kind || (m && m[4] !== KINDS[kind].arnType)) throw networkInsightsErrors.unsupportedEndpoint(parameter, value);
  if (!isWellFormedId(kind, id)) throw new Ec2Error(KINDS[kind].malformed, `Invalid id: "${id}"`);
  const named: Scope = m ? { accountId: m[3] as string, region: m[2] as string } : ctx.caller;
  if (named.accountId !== ctx.caller.accountId && kind !== 'pcx') {
    if (parameter === 'source') throw notFound(kind, id);
    return { id, kind, owner: named, regions: [named.region], arn: ec2Arn(named, KINDS[kind].arnType, id) };
  }
  const found = await locateIfExists(ctx, kind, id, named);
  if (!found) throw notFound(kind, id);
  return { id, kind, ...found, arn: ec2Arn(found.owner, KINDS[kind].arnType, id) };
}

/**
 * "The source and destination resources must be in the same Region" (Reachability Analyzer guide,
 * "How Reachability Analyzer works"): ends that share no Region are refused, unless the server
 * analyses across Regions (`serve --reach-inter-region`). A peering connection lives in both its
 * sides' Regions. AWS's error for it is unpublished; the code is EC2's usual one [I].
 */
export function checkOneRegion(source: PathEndpoint, destination: PathEndpoint | undefined, interRegion: boolean): void {
  if (interRegion || !destination || source.regions.some((r) => destination.regions.includes(r))) return;
  throw networkInsightsErrors.regionsDiffer(source, destination);
}
