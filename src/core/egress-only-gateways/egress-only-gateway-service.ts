import { checkId, requireVpc } from '../checks.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { describeScoped, withTags } from '../describe-scoped.js';
import { errors } from '../errors.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import { gatewayErrors } from '../internet-gateways/gateway-errors.js';
import type { RequestContext } from '../request-context.js';
import { taggedTags } from '../tag-filter.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import type { EgressOnlyInternetGateway } from './egress-only-internet-gateway.js';

/** The EC2 model lists only the tag filters for DescribeEgressOnlyInternetGateways. */
const EGRESS_ONLY_FILTERS: FilterSpec<Tagged<EgressOnlyInternetGateway>> = { tags: taggedTags, fields: {} };

export async function requireEgressOnlyGateway(ctx: RequestContext, id: string | undefined, parameter = 'egressOnlyInternetGatewayId'): Promise<EgressOnlyInternetGateway> {
  const eigwId = checkId('eigw', id, parameter);
  const eigw = await ctx.repo.egressOnlyInternetGateways.get(ctx.caller, eigwId);
  if (!eigw) throw errors.notFound('eigw', eigwId);
  return eigw;
}

export interface CreateEgressOnlyInput {
  readonly vpcId?: string;
  readonly clientToken?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

/** Created attached to its VPC, where it stays until deleted (there is no attach or detach call). */
export async function createEgressOnlyGateway(ctx: RequestContext, input: CreateEgressOnlyInput): Promise<Tagged<EgressOnlyInternetGateway>> {
  const vpc = await requireVpc(ctx, input.vpcId);
  const tags = tagsFromSpecifications('egress-only-internet-gateway', input.tagSpecifications);
  if (input.clientToken !== undefined) {
    // Idempotency (EC2 "Ensuring idempotency"): the same token with the same VPC returns the
    // gateway the first call made; the same token with another VPC is refused.
    const earlier = (await ctx.repo.egressOnlyInternetGateways.list(ctx.caller)).find((g) => g.clientToken === input.clientToken);
    if (earlier) {
      if (earlier.attachedVpcId !== vpc.id) throw errors.idempotentMismatch(input.clientToken);
      return (await withTags(ctx, [earlier]))[0] as Tagged<EgressOnlyInternetGateway>;
    }
  }
  const eigw: EgressOnlyInternetGateway = {
    id: ctx.ids.next('eigw'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    attachedVpcId: vpc.id,
    ...(input.clientToken !== undefined ? { clientToken: input.clientToken } : {}),
    createdAt: ctx.now,
  };
  await ctx.repo.egressOnlyInternetGateways.put(eigw);
  await addTags(ctx, ctx.caller, eigw.id, 'egress-only-internet-gateway', tags);
  return { id: eigw.id, resource: eigw, tags };
}

export function describeEgressOnlyGateways(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<EgressOnlyInternetGateway>[]; nextToken?: string }> {
  return describeScoped(ctx, 'eigw', ctx.repo.egressOnlyInternetGateways, EGRESS_ONLY_FILTERS, req, { min: 5, max: 255 });
}

export async function deleteEgressOnlyGateway(ctx: RequestContext, id: string | undefined): Promise<void> {
  const eigw = await requireEgressOnlyGateway(ctx, id);
  // Routes that target it stay, as blackholes (derived when route tables are read).
  await ctx.repo.egressOnlyInternetGateways.remove(eigw.id);
  await ctx.repo.tags.removeResource(eigw.id);
}
