import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { withTags } from '../describe-scoped.js';
import { checkId, requireAll } from '../checks.js';
import { checkClientToken, earlierByToken, rememberToken } from '../client-token.js';
import { errors } from '../errors.js';
import { compileFilters } from '../filters/compile-filters.js';
import { isWellFormedId } from '../ids.js';
import { checkPageRequest, paginate } from '../paginate.js';
import { analyzeReachability } from '../reachability/analyze-reachability.js';
import type { AnalysisResult } from '../reachability/analysis-result.js';
import type { RequestContext } from '../request-context.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import { loadReachWorld } from './load-reach-world.js';
import type { NetworkInsightsAnalysis } from './network-insights-analysis.js';
import type { NetworkInsightsPath } from './network-insights-path.js';
import { NETWORK_INSIGHTS_PAGE } from './network-insights-checks.js';
import { NETWORK_INSIGHTS_ANALYSIS_FILTERS } from './network-insights-filters.js';
import { requirePath } from './network-insights-path-service.js';
import { ec2Arn } from './path-endpoint.js';
import { reachQueryOf } from './reach-query-of.js';

export interface StartAnalysisInput {
  readonly pathId?: string;
  readonly additionalAccounts?: readonly string[];
  readonly filterInArns?: readonly string[];
  readonly filterOutArns?: readonly string[];
  readonly clientToken?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

export interface StartedAnalysis extends Tagged<NetworkInsightsAnalysis> {
  /** True when the ClientToken named an analysis started before: the answer describes that one. */
  readonly repeated: boolean;
}

export function analysisArn(a: NetworkInsightsAnalysis): string {
  return ec2Arn(a, 'network-insights-analysis', a.id);
}

// "The member accounts that contain resources that the path can traverse" (EC2 model): account ids.
const ACCOUNT_ID = /^\d{12}$/;
const ARN_TEXT = /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/;

function checkArns(parameter: string, arns: readonly string[] | undefined): void {
  for (const arn of arns ?? []) if (!ARN_TEXT.test(arn)) throw errors.invalidValueFor(parameter, arn, 'It must be an ARN.');
}

/**
 * The components a path can be made to traverse: Reachability Analyzer's intermediate components
 * ("How Reachability Analyzer works": load balancers, NAT gateways, AWS Network Firewall, transit
 * gateways, transit gateway attachments, VPC peering connections), by their ARNs' service and
 * resource type. Only the type is checked: Terraform's acceptance test, run against AWS, requires
 * `vpc-peering-connection/pcx-fakearn1`. Route tables, groups, ACLs, subnets, VPCs and interfaces
 * appear in paths but cannot be required; AWS's wording for the refusal is unpublished [I].
 */
const INTERMEDIATE_ARN =
  /^arn:[^:]+:(?:ec2:[^:]*:[^:]*:(?:vpc-peering-connection|natgateway|transit-gateway|transit-gateway-attachment)|elasticloadbalancing:[^:]*:[^:]*:loadbalancer|network-firewall:[^:]*:[^:]*:firewall)\//;

function checkIntermediate(arns: readonly string[] | undefined): void {
  for (const arn of arns ?? []) {
    if (!INTERMEDIATE_ARN.test(arn)) {
      throw errors.invalidValueFor(
        'FilterInArn',
        arn,
        'A path can only be required to traverse an intermediate component: a load balancer, NAT gateway, AWS Network Firewall firewall, transit gateway, transit gateway attachment or VPC peering connection.',
      );
    }
  }
}

function checkStartInput(input: StartAnalysisInput): void {
  checkClientToken(input.clientToken);
  for (const account of input.additionalAccounts ?? []) {
    if (!ACCOUNT_ID.test(account)) throw errors.invalidValueFor('AdditionalAccount', account, 'It must be a 12-digit account id.');
  }
  checkArns('FilterInArn', input.filterInArns);
  checkIntermediate(input.filterInArns);
  checkArns('FilterOutArn', input.filterOutArns);
}

/**
 * The walk, against one snapshot of the store (this transaction). A failure of the machinery (a
 * bug, never a topology verdict) is stored as AWS's `failed` with a StatusMessage instead of
 * failing the call (REACHABILITY.md §1.4).
 */
async function analyse(ctx: RequestContext, analysis: NetworkInsightsAnalysis, path: NetworkInsightsPath): Promise<Pick<NetworkInsightsAnalysis, 'status' | 'statusMessage' | 'result'>> {
  try {
    const world = await loadReachWorld(ctx, path, analysis.additionalAccounts);
    const result: AnalysisResult = analyzeReachability(world, reachQueryOf(ctx.caller, path, {
      filterInArns: analysis.filterInArns,
      ...(analysis.filterOutArns ? { filterOutArns: analysis.filterOutArns } : {}),
      // AWS analyses one Region (§3.8); `serve --reach-inter-region` follows peerings across Regions.
      ...(ctx.reachInterRegion ? { interRegion: true } : {}),
    }));
    return { status: 'succeeded', result };
  } catch (err) {
    return { status: 'failed', statusMessage: `The analysis could not be completed: ${(err as Error).message ?? String(err)}` };
  }
}

/**
 * StartNetworkInsightsAnalysis computes the analysis at once, against one store snapshot, and
 * stores it finished; the caller is answered AWS's `running` record (the api layer shapes it),
 * and every Describe afterwards reads `succeeded` (REACHABILITY.md §1.4, Terraform's poll §6.2).
 */
export async function startNetworkInsightsAnalysis(ctx: RequestContext, input: StartAnalysisInput): Promise<StartedAnalysis> {
  checkStartInput(input);
  const tags = tagsFromSpecifications('network-insights-analysis', input.tagSpecifications);
  const path = await requirePath(ctx, input.pathId);
  const echo = {
    pathId: path.id,
    filterInArns: [...(input.filterInArns ?? [])],
    additionalAccounts: [...(input.additionalAccounts ?? [])],
    ...(input.filterOutArns && input.filterOutArns.length > 0 ? { filterOutArns: [...input.filterOutArns] } : {}),
  };
  if (input.clientToken !== undefined) {
    const earlier = await earlierByToken(ctx, 'nia', input.clientToken, ctx.repo.networkInsightsAnalyses);
    if (earlier) {
      const [tagged] = await withTags(ctx, [earlier]);
      const found = tagged as Tagged<NetworkInsightsAnalysis>;
      const digest = (a: Pick<NetworkInsightsAnalysis, 'pathId' | 'filterInArns' | 'additionalAccounts' | 'filterOutArns'>, t: unknown): string => JSON.stringify([a.pathId, a.filterInArns, a.additionalAccounts, a.filterOutArns ?? [], t]);
      if (digest(earlier, found.tags) !== digest(echo, tags)) throw errors.idempotentMismatch(input.clientToken);
      return { ...found, repeated: true };
    }
  }
  const base: NetworkInsightsAnalysis = {
    id: ctx.ids.next('nia'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    startedAt: ctx.now,
    ...echo,
    ...(input.clientToken !== undefined ? { clientToken: input.clientToken } : {}),
    status: 'succeeded',
  };
  const analysis: NetworkInsightsAnalysis = { ...base, ...(await analyse(ctx, base, path)) };
  await ctx.repo.networkInsightsAnalyses.put(analysis);
  await rememberToken(ctx, 'nia', input.clientToken, analysis.id);
  await addTags(ctx, ctx.caller, analysis.id, 'network-insights-analysis', tags);
  return { id: analysis.id, resource: analysis, tags, repeated: false };
}

export interface DescribeAnalysesRequest extends DescribeRequest {
  readonly pathId?: string;
  readonly startTime?: number;
  readonly endTime?: number;
}

/**
 * The model's doc says ids or a path id are required, yet Terraform's data source sends filters
 * only: every combination is accepted [I, REACHABILITY.md §1.3]. A path id that names no path of
 * the caller's matches nothing.
 */
export async function describeNetworkInsightsAnalyses(ctx: RequestContext, req: DescribeAnalysesRequest): Promise<{ items: Tagged<NetworkInsightsAnalysis>[]; nextToken?: string }> {
  const predicate = compileFilters(NETWORK_INSIGHTS_ANALYSIS_FILTERS, req.filters);
  checkPageRequest(req, NETWORK_INSIGHTS_PAGE);
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  // The errors' precedence: the ids' count and form, then the path id's form, then the ids' existence.
  // The first requireAll treats every id as found, so it checks count and form only, before any lookup.
  requireAll('nia', ids, ids?.map((id) => ({ id })) ?? []);
  if (req.pathId !== undefined && !isWellFormedId('nip', req.pathId)) throw errors.malformed('nip', req.pathId);
  const found = await ctx.repo.networkInsightsAnalyses.list(ctx.caller, ids ? { ids } : undefined);
  requireAll('nia', ids, found);
  const inWindow = found.filter(
    (a) =>
      (req.pathId === undefined || a.pathId === req.pathId) &&
      (req.startTime === undefined || a.startedAt >= req.startTime) &&
      (req.endTime === undefined || a.startedAt <= req.endTime),
  );
  return paginate((await withTags(ctx, inWindow)).filter(predicate), req, NETWORK_INSIGHTS_PAGE);
}

/** The caller's analysis, or InvalidNetworkInsightsAnalysisId.NotFound. */
export async function requireAnalysis(ctx: RequestContext, id: string | undefined): Promise<NetworkInsightsAnalysis> {
  const analysisId = checkId('nia', id, 'NetworkInsightsAnalysisId');
  const analysis = await ctx.repo.networkInsightsAnalyses.get(ctx.caller, analysisId);
  if (!analysis) throw errors.notFound('nia', analysisId);
  return analysis;
}

export async function deleteNetworkInsightsAnalysis(ctx: RequestContext, id: string | undefined): Promise<string> {
  const analysis = await requireAnalysis(ctx, id);
  await ctx.repo.networkInsightsAnalyses.remove(analysis.id);
  await ctx.repo.tags.removeResource(analysis.id);
  return analysis.id;
}
