import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { describeScoped, withTags } from '../describe-scoped.js';
import { checkId } from '../checks.js';
import { checkClientToken, earlierByToken, rememberToken } from '../client-token.js';
import { errors } from '../errors.js';
import type { PortRange } from '../reachability/reach-world.js';
import type { RequestContext } from '../request-context.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import type { NetworkInsightsPath, PathFilter } from './network-insights-path.js';
import { networkInsightsErrors } from './network-insights-errors.js';
import { NETWORK_INSIGHTS_PATH_FILTERS } from './network-insights-filters.js';
import { checkIpAddress, NETWORK_INSIGHTS_PAGE } from './network-insights-checks.js';
import { checkOneRegion, ec2Arn, resolvePathEndpoint } from './path-endpoint.js';

export interface CreatePathInput {
  readonly source?: string;
  readonly destination?: string;
  readonly sourceIp?: string;
  readonly destinationIp?: string;
  readonly protocol?: string;
  readonly destinationPort?: number;
  readonly filterAtSource?: PathFilter;
  readonly filterAtDestination?: PathFilter;
  readonly clientToken?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

export function pathArn(p: NetworkInsightsPath): string {
  return ec2Arn(p, 'network-insights-path', p.id);
}

function checkPortRange(parameter: string, range: Partial<PortRange> | undefined): void {
  if (range?.from !== undefined && range.to !== undefined && range.from > range.to) {
    throw errors.invalidParameterValue(`${parameter}: FromPort (${range.from}) must not be greater than ToPort (${range.to}).`);
  }
}

/** A filter's members checked and kept exactly as sent (Terraform compares them with its configuration). */
function checkFilter(name: string, filter: PathFilter | undefined): PathFilter | undefined {
  if (!filter) return undefined;
  if (filter.sourceAddress !== undefined) checkIpAddress(`${name}.SourceAddress`, filter.sourceAddress);
  if (filter.destinationAddress !== undefined) checkIpAddress(`${name}.DestinationAddress`, filter.destinationAddress);
  checkPortRange(`${name}.SourcePortRange`, filter.sourcePortRange);
  checkPortRange(`${name}.DestinationPortRange`, filter.destinationPortRange);
  const empty = filter.sourceAddress === undefined && filter.destinationAddress === undefined && !filter.sourcePortRange && !filter.destinationPortRange;
  return empty ? undefined : filter;
}

/** What identifies a request for ClientToken idempotency: everything but the id and the time. */
function requestDigest(p: Omit<NetworkInsightsPath, 'id' | 'createdAt' | 'clientToken'>, tags: unknown): string {
  return JSON.stringify([p.source, p.destination, p.sourceIp, p.destinationIp, p.protocol, p.destinationPort, p.filterAtSource, p.filterAtDestination, tags]);
}

export async function createNetworkInsightsPath(ctx: RequestContext, input: CreatePathInput): Promise<Tagged<NetworkInsightsPath>> {
  if (input.source === undefined || input.source === '') throw errors.missingParameter('Source');
  if (input.protocol === undefined) throw errors.missingParameter('Protocol');
  checkClientToken(input.clientToken);
  const protocol = input.protocol.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') throw errors.invalidValueFor('protocol', input.protocol, 'Valid values are: tcp, udp.');
  if (input.sourceIp !== undefined) checkIpAddress('SourceIp', input.sourceIp);
  if (input.destinationIp !== undefined) checkIpAddress('DestinationIp', input.destinationIp);
  const filterAtSource = checkFilter('FilterAtSource', input.filterAtSource);
  const filterAtDestination = checkFilter('FilterAtDestination', input.filterAtDestination);
  // EC2 model: "If you specify this parameter, you can't specify the parameters for the source IP
  // address or the destination port" (FilterAtSource); "... for the destination IP address"
  // (FilterAtDestination).
  if (filterAtSource && input.sourceIp !== undefined) throw networkInsightsErrors.filterConflict('FilterAtSource', 'SourceIp');
  if (filterAtSource && input.destinationPort !== undefined) throw networkInsightsErrors.filterConflict('FilterAtSource', 'DestinationPort');
  if (filterAtDestination && input.destinationIp !== undefined) throw networkInsightsErrors.filterConflict('FilterAtDestination', 'DestinationIp');
  const destinationGiven = input.destination !== undefined && input.destination !== '';
  if (!destinationGiven && filterAtSource?.destinationAddress === undefined) throw networkInsightsErrors.missingDestination();
  const tags = tagsFromSpecifications('network-insights-path', input.tagSpecifications);

  const source = await resolvePathEndpoint(ctx, 'source', input.source);
  const destination = destinationGiven ? await resolvePathEndpoint(ctx, 'destination', input.destination as string) : undefined;
  checkOneRegion(source, destination, ctx.reachInterRegion === true);
  const fields = {
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    source: source.id,
    sourceArn: source.arn,
    ...(destination ? { destination: destination.id, destinationArn: destination.arn } : {}),
    ...(input.sourceIp !== undefined ? { sourceIp: input.sourceIp } : {}),
    ...(input.destinationIp !== undefined ? { destinationIp: input.destinationIp } : {}),
    protocol: protocol as NetworkInsightsPath['protocol'],
    ...(input.destinationPort !== undefined ? { destinationPort: input.destinationPort } : {}),
    ...(filterAtSource ? { filterAtSource } : {}),
    ...(filterAtDestination ? { filterAtDestination } : {}),
  };
  if (input.clientToken !== undefined) {
    const earlier = await earlierByToken(ctx, 'nip', input.clientToken, ctx.repo.networkInsightsPaths);
    if (earlier) {
      const [tagged] = await withTags(ctx, [earlier]);
      const found = tagged as Tagged<NetworkInsightsPath>;
      if (requestDigest(earlier, found.tags) !== requestDigest(fields, tags)) throw errors.idempotentMismatch(input.clientToken);
      return found;
    }
  }
  const path: NetworkInsightsPath = {
    id: ctx.ids.next('nip'),
    ...fields,
    createdAt: ctx.now,
    ...(input.clientToken !== undefined ? { clientToken: input.clientToken } : {}),
  };
  await ctx.repo.networkInsightsPaths.put(path);
  await rememberToken(ctx, 'nip', input.clientToken, path.id);
  await addTags(ctx, ctx.caller, path.id, 'network-insights-path', tags);
  return { id: path.id, resource: path, tags };
}

/** The caller's path, or InvalidNetworkInsightsPathId.NotFound. */
export async function requirePath(ctx: RequestContext, id: string | undefined): Promise<NetworkInsightsPath> {
  const pathId = checkId('nip', id, 'NetworkInsightsPathId');
  const path = await ctx.repo.networkInsightsPaths.get(ctx.caller, pathId);
  if (!path) throw errors.notFound('nip', pathId);
  return path;
}

export function describeNetworkInsightsPaths(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<NetworkInsightsPath>[]; nextToken?: string }> {
  return describeScoped(ctx, 'nip', ctx.repo.networkInsightsPaths, NETWORK_INSIGHTS_PATH_FILTERS, req, NETWORK_INSIGHTS_PAGE);
}

export async function deleteNetworkInsightsPath(ctx: RequestContext, id: string | undefined): Promise<string> {
  const path = await requirePath(ctx, id);
  const analyses = await ctx.repo.networkInsightsAnalyses.list(ctx.caller);
  if (analyses.some((a) => a.pathId === path.id)) throw networkInsightsErrors.analysisExists(path.id);
  await ctx.repo.networkInsightsPaths.remove(path.id);
  await ctx.repo.tags.removeResource(path.id);
  return path.id;
}
