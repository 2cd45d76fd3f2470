import { checkId, requireVpc } from '../checks.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { describeScoped } from '../describe-scoped.js';
import { errors } from '../errors.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import type { NatGateway } from '../nat-gateways/nat-gateway.js';
import { isNatGatewayLive } from '../nat-gateways/nat-gateway-state.js';
import type { RequestContext } from '../request-context.js';
import { taggedTags } from '../tag-filter.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import { gatewayErrors } from './gateway-errors.js';
import type { InternetGateway } from './internet-gateway.js';

export const INTERNET_GATEWAY_FILTERS: FilterSpec<Tagged<InternetGateway>> = {
  tags: taggedTags,
  fields: {
    // "The current state of the attachment ... (available). Present only if a VPC is attached." (EC2 model)
    'attachment.state': ({ resource: g }) => (g.attachedVpcId ? 'available' : undefined),
    'attachment.vpc-id': ({ resource: g }) => g.attachedVpcId,
    'internet-gateway-id': ({ resource: g }) => g.id,
    'owner-id': ({ resource: g }) => g.accountId,
  },
};

export async function requireInternetGateway(ctx: RequestContext, id: string | undefined): Promise<InternetGateway> {
  const igwId = checkId('igw', id, 'internetGatewayId');
  const igw = await ctx.repo.internetGateways.get(ctx.caller, igwId);
  if (!igw) throw errors.notFound('igw', igwId);
  return igw;
}

/** Whether an internet gateway is attached to the VPC (AssociateAddress and public NAT gateways need one). */
export async function hasAttachedInternetGateway(ctx: RequestContext, vpcId: string): Promise<boolean> {
  const gateways = await ctx.repo.internetGateways.list(ctx.caller, { vpcId });
  return gateways.some((g) => g.attachedVpcId === vpcId);
}

export async function createInternetGateway(ctx: RequestContext, tagSpecifications: readonly TagSpecificationInput[] | undefined): Promise<Tagged<InternetGateway>> {
  const tags = tagsFromSpecifications('internet-gateway', tagSpecifications);
  const igw: InternetGateway = { id: ctx.ids.next('igw'), accountId: ctx.caller.accountId, region: ctx.caller.region, createdAt: ctx.now };
  await ctx.repo.internetGateways.put(igw);
  await addTags(ctx, ctx.caller, igw.id, 'internet-gateway', tags);
  return { id: igw.id, resource: igw, tags };
}

export function describeInternetGateways(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<InternetGateway>[]; nextToken?: string }> {
  return describeScoped(ctx, 'igw', ctx.repo.internetGateways, INTERNET_GATEWAY_FILTERS, req, { min: 5, max: 1000 });
}

/** A gateway has one VPC and a VPC one gateway; attaching completes within the request. */
export async function attachInternetGateway(ctx: RequestContext, input: { internetGatewayId?: string; vpcId?: string }): Promise<void> {
  const igw = await requireInternetGateway(ctx, input.internetGatewayId);
  const vpc = await requireVpc(ctx, input.vpcId);
  if (igw.attachedVpcId) throw gatewayErrors.alreadyAttached(igw.id, igw.attachedVpcId);
  // The VPC index holds a gateway under the VPC it is attached to.
  if ((await ctx.repo.internetGateways.list(ctx.caller, { vpcId: vpc.id })).length > 0) throw gatewayErrors.vpcHasGateway(vpc.id);
  await ctx.repo.internetGateways.put({ ...igw, attachedVpcId: vpc.id });
}

/**
 * A public address mapped in the VPC blocks the detach (DetachInternetGateway: "The VPC must not
 * contain any running instances with Elastic IP addresses or public IPv4 addresses"). A public NAT gateway holds an Elastic IP until it is deleted, and one that
 * failed never got (or gave back) its address.
 */
function holdsPublicAddress(n: NatGateway): boolean {
  return n.connectivityType === 'public' && isNatGatewayLive(n);
}

export async function detachInternetGateway(ctx: RequestContext, input: { internetGatewayId?: string; vpcId?: string }): Promise<void> {
  const igw = await requireInternetGateway(ctx, input.internetGatewayId);
  const vpcId = checkId('vpc', input.vpcId, 'vpcId');
  // Whether the VPC exists matters not: the gateway is not attached to it either way.
  if (igw.attachedVpcId !== vpcId) throw gatewayErrors.notAttached(igw.id, vpcId);
  if ((await ctx.repo.natGateways.list(ctx.caller, { vpcId })).some(holdsPublicAddress)) throw gatewayErrors.mappedPublicAddresses(vpcId);
  // An Elastic IP on an interface of the VPC (an instance's too) is a mapped public address as well.
  const inVpc = new Set((await ctx.repo.networkInterfaces.list(ctx.caller, { vpcId })).map((e) => e.id));
  if ((await ctx.repo.addresses.list(ctx.caller)).some((a) => inVpc.has(a.association?.networkInterfaceId ?? ''))) throw gatewayErrors.mappedPublicAddresses(vpcId);
  const { attachedVpcId: _detached, ...detached } = igw;
  await ctx.repo.internetGateways.put(detached);
}

export async function deleteInternetGateway(ctx: RequestContext, internetGatewayId: string | undefined): Promise<void> {
  const igw = await requireInternetGateway(ctx, internetGatewayId);
  // "You must detach the internet gateway from the VPC before you can delete it." (EC2 API reference)
  if (igw.attachedVpcId) throw gatewayErrors.gatewayHasDependencies(igw.id);
  // Routes that target it stay, as blackholes (derived when route tables are read).
  await ctx.repo.internetGateways.remove(igw.id);
  await ctx.repo.tags.removeResource(igw.id);
}
