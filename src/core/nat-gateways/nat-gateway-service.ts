import { checkClientToken } from '../client-token.js';
import { requireSubnet } from '../checks.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { withTags } from '../describe-scoped.js';
import { errors } from '../errors.js';
import { compileFilters } from '../filters/compile-filters.js';
import { isWellFormedId } from '../ids.js';
import { checkPageRequest, paginate } from '../paginate.js';
import { hasAttachedInternetGateway } from '../internet-gateways/internet-gateway-service.js';
import type { RequestContext } from '../request-context.js';
import type { Subnet } from '../subnet.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import type { ElasticIp } from '../addresses/elastic-ip.js';
import type { NatGateway, NatGatewayAddress } from './nat-gateway.js';
import { natGatewayErrors, natGatewayFailures } from './nat-gateway-errors.js';
import { NAT_GATEWAY_FILTERS } from './nat-gateway-filters.js';
import { isNatGatewayLive, isNatGatewayVisible } from './nat-gateway-state.js';
import { checkRequestedAddress, firstFreeAddress } from './subnet-addresses.js';
import { addressesInUse } from '../network-interfaces/subnet-addresses-in-use.js';

// NAT gateways per Availability Zone: 5 by default (Amazon VPC quotas).
export const NAT_GATEWAYS_PER_AZ = 5;

export interface CreateNatGatewayInput {
  readonly subnetId?: string;
  readonly connectivityType?: string;
  readonly allocationId?: string;
  readonly privateIpAddress?: string;
  readonly clientToken?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
  /** Members naming features this server does not model (secondary addresses, regional gateways). */
  readonly unsupported?: readonly string[];
}

export interface CreatedNatGateway extends Tagged<NatGateway> {
  /** True when the ClientToken named a gateway made before: the answer describes that one. */
  readonly repeated: boolean;
}

/** The caller's Elastic IP for a public gateway, with CreateNatGateway's own codes for bad ids. */
async function elasticIpFor(ctx: RequestContext, allocationId: string): Promise<ElasticIp> {
  if (!isWellFormedId('eipalloc', allocationId)) throw natGatewayErrors.elasticIpMalformed(allocationId);
  const address = await ctx.repo.addresses.get(ctx.caller, allocationId);
  if (!address) throw natGatewayErrors.elasticIpNotFound(allocationId);
  return address;
}

/** Deleted and failed gateways past their hour are gone for good: their rows and tags are dropped. */
async function pruneGone(ctx: RequestContext, gateways: readonly NatGateway[]): Promise<NatGateway[]> {
  const kept: NatGateway[] = [];
  for (const g of gateways) {
    if (isNatGatewayVisible(g, ctx.now)) {
      kept.push(g);
    } else {
      await ctx.repo.natGateways.remove(g.id);
      await ctx.repo.tags.removeResource(g.id);
    }
  }
  return kept;
}

async function checkZoneLimit(ctx: RequestContext, live: readonly NatGateway[], subnet: Subnet): Promise<void> {
  let inZone = 0;
  for (const g of live) {
    const s = g.subnetId === subnet.id ? subnet : await ctx.repo.subnets.get(ctx.caller, g.subnetId);
    if (s?.availabilityZone === subnet.availabilityZone) inZone++;
  }
  if (inZone >= NAT_GATEWAYS_PER_AZ) throw natGatewayErrors.limitExceeded(NAT_GATEWAYS_PER_AZ);
}

/** Why a public gateway cannot come up, as AWS reports it on a `failed` gateway rather than refusing the call. */
async function publicFailure(ctx: RequestContext, subnet: Subnet, address: ElasticIp): Promise<NatGateway['failure']> {
  if (!(await hasAttachedInternetGateway(ctx, subnet.vpcId))) return natGatewayFailures.gatewayNotAttached(subnet.vpcId);
  if (address.association) return natGatewayFailures.alreadyAssociated(address.id);
  return undefined;
}

export async function createNatGateway(ctx: RequestContext, input: CreateNatGatewayInput): Promise<CreatedNatGateway> {
  const unsupported = input.unsupported?.[0];
  if (unsupported !== undefined) throw natGatewayErrors.unsupported(unsupported);
  checkClientToken(input.clientToken);
  const connectivityType = input.connectivityType === 'private' ? 'private' : 'public';
  const tags = tagsFromSpecifications('natgateway', input.tagSpecifications);
  const subnet = await requireSubnet(ctx, input.subnetId);
  if (connectivityType === 'private' && input.allocationId !== undefined) throw natGatewayErrors.allocationOnPrivate();
  if (connectivityType === 'public' && input.allocationId === undefined) throw errors.missingParameter('allocationId');
  const address = input.allocationId === undefined ? undefined : await elasticIpFor(ctx, input.allocationId);

  const scope = await pruneGone(ctx, await ctx.repo.natGateways.list(ctx.caller));
  const digest = JSON.stringify([subnet.id, connectivityType, input.allocationId ?? null, input.privateIpAddress ?? null, tags]);
  const earlier = input.clientToken === undefined ? undefined : scope.find((g) => g.clientToken === input.clientToken);
  if (earlier) {
    if (earlier.requestDigest !== digest) throw errors.idempotentMismatch(input.clientToken as string);
    const [tagged] = await withTags(ctx, [earlier]);
    return { ...(tagged as Tagged<NatGateway>), repeated: true };
  }

  const live = scope.filter(isNatGatewayLive);
  await checkZoneLimit(ctx, live, subnet);
  // Interfaces and NAT gateways draw on one pool of the subnet's addresses.
  const taken = await addressesInUse(ctx, subnet, live);
  const requested = input.privateIpAddress === undefined ? undefined : checkRequestedAddress(subnet, input.privateIpAddress, taken);
  const privateIp = requested ?? firstFreeAddress(subnet, taken);
  let failure = privateIp === undefined ? natGatewayFailures.insufficientAddresses() : undefined;
  if (!failure && address) failure = await publicFailure(ctx, subnet, address);

  const id = ctx.ids.next('nat');
  const networkInterfaceId = ctx.ids.next('eni');
  let primary: NatGatewayAddress = { networkInterfaceId, isPrimary: true, ...(address ? { allocationId: address.id } : {}) };
  if (!failure) {
    primary = { ...primary, privateIp };
    if (address) {
      const associationId = ctx.ids.next('eipassoc');
      primary = { ...primary, associationId, publicIp: address.publicIp };
      await ctx.repo.addresses.put({
        ...address,
        association: { associationId, networkInterfaceId, networkInterfaceOwnerId: ctx.caller.accountId, privateIpAddress: privateIp, natGatewayId: id },
      });
    }
  }
  const gateway: NatGateway = {
    id,
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    vpcId: subnet.vpcId,
    subnetId: subnet.id,
    connectivityType,
    addresses: [primary],
    createdAt: ctx.now,
    ...(failure ? { failure } : {}),
    ...(input.clientToken !== undefined ? { clientToken: input.clientToken, requestDigest: digest } : {}),
  };
  await ctx.repo.natGateways.put(gateway);
  await addTags(ctx, ctx.caller, id, 'natgateway', tags);
  return { id, resource: gateway, tags, repeated: false };
}

/** The caller's gateway, while it can still be seen. */
async function visibleGateway(ctx: RequestContext, id: string): Promise<NatGateway | undefined> {
  const g = await ctx.repo.natGateways.get(ctx.caller, id);
  return g && isNatGatewayVisible(g, ctx.now) ? g : undefined;
}

export async function describeNatGateways(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<NatGateway>[]; nextToken?: string }> {
  const predicate = compileFilters(NAT_GATEWAY_FILTERS, req.filters);
  const bounds = { min: 5, max: 1000 };
  checkPageRequest(req, bounds);
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  if (ids && ids.length > 1000) throw errors.invalidParameterValue('The maximum number of ids per request is 1000');
  for (const id of ids ?? []) if (!isWellFormedId('nat', id)) throw errors.malformed('nat', id);
  const found = (await ctx.repo.natGateways.list(ctx.caller, ids ? { ids } : undefined)).filter((g) => isNatGatewayVisible(g, ctx.now));
  const have = new Set(found.map((g) => g.id));
  const missing = ids?.find((id) => !have.has(id));
  if (missing !== undefined) throw natGatewayErrors.notFound(missing);
  return paginate((await withTags(ctx, found)).filter(predicate), req, bounds);
}

/** Frees the Elastic IP a live public gateway holds (DeleteNatGateway "disassociates its Elastic IP address"). */
async function releaseElasticIp(ctx: RequestContext, g: NatGateway): Promise<void> {
  for (const a of g.addresses) {
    if (a.allocationId === undefined || a.associationId === undefined) continue;
    const address = await ctx.repo.addresses.get(ctx.caller, a.allocationId);
    if (address?.association?.associationId === a.associationId) await ctx.repo.addresses.put({ ...address, association: undefined });
  }
}

export async function deleteNatGateway(ctx: RequestContext, natGatewayId: string | undefined): Promise<string> {
  if (natGatewayId === undefined || natGatewayId === '') throw errors.missingParameter('natGatewayId');
  if (!isWellFormedId('nat', natGatewayId)) throw errors.malformed('nat', natGatewayId);
  const g = await visibleGateway(ctx, natGatewayId);
  // [I] A gateway already deleted cannot be deleted again; it is answered as not found.
  if (!g || g.deletedAt !== undefined) throw natGatewayErrors.notFound(natGatewayId);
  if (isNatGatewayLive(g)) await releaseElasticIp(ctx, g);
  await ctx.repo.natGateways.put({
    ...g,
    deletedAt: ctx.now,
    addresses: g.addresses.map(({ associationId: _gone, ...rest }) => rest),
  });
  return g.id;
}
