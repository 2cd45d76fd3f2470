import { checkId, requireAll } from '../checks.js';
import type { Tagged } from '../describe-scoped.js';
import { withTags } from '../describe-scoped.js';
import { errors } from '../errors.js';
import type { FilterInput } from '../filters/compile-filters.js';
import { compileFilters } from '../filters/compile-filters.js';
import { isWellFormedId } from '../ids.js';
import { parseIpv4Address } from '../net/index.js';
import type { PageRequest } from '../paginate.js';
import { checkPageRequest, paginate } from '../paginate.js';
import { hasAttachedInternetGateway } from '../internet-gateways/internet-gateway-service.js';
import type { RequestContext } from '../request-context.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import { ADDRESS_FILTERS } from './address-filters.js';
import { addressErrors } from './address-errors.js';
import type { ElasticIp } from './elastic-ip.js';
import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import { releasePublicIp, takeNamedPublicIp, takePublicIp } from './public-ip-pool.js';

// "EC2-VPC Elastic IPs": 5 per account and region by default (EC2 service quotas).
export const ADDRESS_LIMIT = 5;

export interface AllocateAddressInput {
  readonly domain?: string;
  readonly address?: string;
  readonly publicIpv4Pool?: string;
  readonly networkBorderGroup?: string;
  readonly customerOwnedIpv4Pool?: string;
  readonly ipamPoolId?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

function checkAllocateInput(ctx: RequestContext, input: AllocateAddressInput): void {
  if (input.domain === 'standard') throw addressErrors.classicRetired();
  if (input.publicIpv4Pool !== undefined && input.publicIpv4Pool !== 'amazon') throw addressErrors.unsupportedPool('publicIpv4Pool', input.publicIpv4Pool);
  if (input.customerOwnedIpv4Pool !== undefined) throw addressErrors.unsupportedPool('customerOwnedIpv4Pool', input.customerOwnedIpv4Pool);
  if (input.ipamPoolId !== undefined) throw addressErrors.unsupportedPool('ipamPoolId', input.ipamPoolId);
  if (input.networkBorderGroup !== undefined && input.networkBorderGroup !== ctx.caller.region) {
    throw addressErrors.invalidBorderGroup(input.networkBorderGroup, ctx.caller.region);
  }
  if (input.address !== undefined && parseIpv4Address(input.address) === undefined) throw addressErrors.addressMalformed(input.address);
}

export async function allocateAddress(ctx: RequestContext, input: AllocateAddressInput): Promise<ElasticIp> {
  checkAllocateInput(ctx, input);
  const tags = tagsFromSpecifications('elastic-ip', input.tagSpecifications);
  if ((await ctx.repo.addresses.list(ctx.caller)).length >= ADDRESS_LIMIT) throw addressErrors.limitExceeded();
  const id = ctx.ids.next('eipalloc');
  let publicIp: string | undefined;
  if (input.address !== undefined) {
    // Recovering a released address works only while no one else holds it (AllocateAddress docs).
    if (!(await takeNamedPublicIp(ctx, input.address, id))) throw addressErrors.addressNotFound(input.address);
    publicIp = input.address;
  } else {
    publicIp = await takePublicIp(ctx, id);
    if (publicIp === undefined) throw addressErrors.limitExceeded();
  }
  const address: ElasticIp = {
    id,
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    publicIp,
    networkBorderGroup: ctx.caller.region,
    createdAt: ctx.now,
  };
  await ctx.repo.addresses.put(address);
  await addTags(ctx, ctx.caller, id, 'elastic-ip', tags);
  return address;
}

/** The caller's address with this allocation id, refusing malformed and unknown ids. */
export async function requireAddress(ctx: RequestContext, allocationId: string | undefined, parameter = 'allocationId'): Promise<ElasticIp> {
  const id = checkId('eipalloc', allocationId, parameter);
  const address = await ctx.repo.addresses.get(ctx.caller, id);
  if (!address) throw errors.notFound('eipalloc', id);
  return address;
}

async function addressByPublicIp(ctx: RequestContext, ip: string): Promise<ElasticIp> {
  if (parseIpv4Address(ip) === undefined) throw addressErrors.addressMalformed(ip);
  return addressWithPublicIp(await ctx.repo.addresses.list(ctx.caller), ip);
}

function addressWithPublicIp(all: readonly ElasticIp[], ip: string): ElasticIp {
  const found = all.find((a) => a.publicIp === ip);
  if (!found) throw addressErrors.addressNotFound(ip);
  return found;
}

export async function releaseAddress(ctx: RequestContext, input: { allocationId?: string; publicIp?: string; networkBorderGroup?: string }): Promise<void> {
  if (input.allocationId === undefined) {
    if (input.publicIp === undefined) throw errors.missingParameter('allocationId');
    // Only EC2-Classic addresses were released by their address; a VPC address needs its allocation id.
    await addressByPublicIp(ctx, input.publicIp);
    throw addressErrors.releaseNeedsAllocationId();
  }
  const address = await requireAddress(ctx, input.allocationId);
  // ReleaseAddress docs: "If you provide an incorrect network border group, you receive an InvalidAddress.NotFound error."
  if (input.networkBorderGroup !== undefined && input.networkBorderGroup !== address.networkBorderGroup) throw addressErrors.addressNotFound(address.publicIp);
  if (address.association?.natGatewayId !== undefined) throw addressErrors.managedByService();
  if (address.association) throw addressErrors.inUse(address.publicIp);
  await ctx.repo.addresses.remove(address.id);
  await ctx.repo.tags.removeResource(address.id);
  await releasePublicIp(ctx, address.publicIp);
}

export interface DescribeAddressesRequest {
  readonly allocationIds?: readonly string[];
  readonly publicIps?: readonly string[];
  readonly filters?: readonly FilterInput[];
}

export async function describeAddresses(ctx: RequestContext, req: DescribeAddressesRequest): Promise<Tagged<ElasticIp>[]> {
  const predicate = compileFilters(ADDRESS_FILTERS, req.filters);
  const ids = req.allocationIds && req.allocationIds.length > 0 ? req.allocationIds : undefined;
  for (const ip of req.publicIps ?? []) if (parseIpv4Address(ip) === undefined) throw addressErrors.addressMalformed(ip);
  const all = await ctx.repo.addresses.list(ctx.caller, ids ? { ids } : undefined);
  requireAll('eipalloc', ids, all);
  let found = all;
  if (req.publicIps && req.publicIps.length > 0) {
    const have = new Set(all.map((a) => a.publicIp));
    const missing = req.publicIps.find((ip) => !have.has(ip));
    if (missing !== undefined) throw addressErrors.addressNotFound(missing);
    const wanted = new Set(req.publicIps);
    found = all.filter((a) => wanted.has(a.publicIp));
  }
  return (await withTags(ctx, found)).filter(predicate);
}

/**
 * DescribeAddressesAttribute (`domain-name`): only addresses with a reverse-DNS (PTR) record are
 * described ("you must have first associated a domain name", CLI docs), and this server sets none,
 * so after validating the ids the answer is empty. Terraform's aws_eip reads this and takes an
 * empty answer as "no ptr_record".
 */
export async function describeAddressesAttribute(ctx: RequestContext, req: { allocationIds?: readonly string[]; attribute?: string } & PageRequest): Promise<{ items: { id: string }[]; nextToken?: string }> {
  if (req.attribute !== undefined && req.attribute !== 'domain-name') throw errors.invalidValueFor('attribute', req.attribute);
  checkPageRequest(req, { min: 1, max: 1000 });
  const ids = req.allocationIds && req.allocationIds.length > 0 ? req.allocationIds : undefined;
  if (ids) {
    for (const id of ids) if (!isWellFormedId('eipalloc', id)) throw errors.malformed('eipalloc', id);
    requireAll('eipalloc', ids, await ctx.repo.addresses.list(ctx.caller, { ids }));
  }
  return paginate([], req, { min: 1, max: 1000 });
}

/** The address whose association has this id. */
async function addressByAssociation(ctx: RequestContext, associationId: string | undefined): Promise<ElasticIp> {
  const id = checkId('eipassoc', associationId, 'associationId');
  const found = (await ctx.repo.addresses.list(ctx.caller)).find((a) => a.association?.associationId === id);
  if (!found) throw errors.notFound('eipassoc', id);
  return found;
}

export interface AssociateAddressInput {
  readonly allocationId?: string;
  readonly publicIp?: string;
  readonly instanceId?: string;
  readonly networkInterfaceId?: string;
  readonly privateIpAddress?: string;
  readonly allowReassociation?: boolean;
}

/** The interface an association targets: the one named, or an instance's primary (AssociateAddress reference). */
async function associationTarget(ctx: RequestContext, input: AssociateAddressInput): Promise<NetworkInterface> {
  if (input.instanceId !== undefined) {
    const instance = await ctx.repo.instances.get(ctx.caller, input.instanceId);
    const eni = instance ? await ctx.repo.networkInterfaces.get(ctx.caller, instance.primaryNetworkInterfaceId) : undefined;
    if (!eni) throw errors.notFound('i', input.instanceId);
    return eni;
  }
  const eniId = input.networkInterfaceId as string;
  const gateways = await ctx.repo.natGateways.list(ctx.caller);
  if (gateways.some((g) => g.addresses.some((a) => a.networkInterfaceId === eniId))) throw addressErrors.managedByService();
  const eni = await ctx.repo.networkInterfaces.get(ctx.caller, eniId);
  if (!eni) throw errors.notFound('eni', eniId);
  return eni;
}

/**
 * Associates an Elastic IP with an interface's private address (the primary unless one is named).
 * AssociateAddress reference: an address already associated elsewhere is refused unless
 * AllowReassociation; an Elastic IP on the target address already is replaced. The VPC needs an
 * internet gateway (observed: `Gateway.NotAttached: Network vpc-… is not attached to any internet gateway`).
 */
export async function associateAddress(ctx: RequestContext, input: AssociateAddressInput): Promise<string> {
  if (input.allocationId === undefined && input.publicIp === undefined) throw errors.missingParameter('allocationId');
  if (input.instanceId !== undefined && input.networkInterfaceId !== undefined) throw addressErrors.bothAssociationTargets();
  if (input.instanceId === undefined && input.networkInterfaceId === undefined) throw addressErrors.noAssociationTarget();
  if (input.instanceId !== undefined && !isWellFormedId('i', input.instanceId)) throw errors.malformed('i', input.instanceId);
  if (input.networkInterfaceId !== undefined && !isWellFormedId('eni', input.networkInterfaceId)) throw errors.malformed('eni', input.networkInterfaceId);
  if (input.privateIpAddress !== undefined && parseIpv4Address(input.privateIpAddress) === undefined) {
    throw errors.invalidValueFor('privateIpAddress', input.privateIpAddress);
  }
  // One read of the caller's addresses: the one to associate, and any the target address holds.
  const allocationId = input.allocationId === undefined ? undefined : checkId('eipalloc', input.allocationId, 'allocationId');
  if (input.allocationId === undefined && parseIpv4Address(input.publicIp as string) === undefined) throw addressErrors.addressMalformed(input.publicIp as string);
  const all = await ctx.repo.addresses.list(ctx.caller);
  let address: ElasticIp;
  if (allocationId !== undefined) {
    const found = all.find((a) => a.id === allocationId);
    if (!found) throw errors.notFound('eipalloc', allocationId);
    address = found;
  } else {
    address = addressWithPublicIp(all, input.publicIp as string);
  }
  if (address.association?.natGatewayId !== undefined) throw addressErrors.managedByService();
  const eni = await associationTarget(ctx, input);
  const privateIp = input.privateIpAddress ?? eni.privateIps[0] ?? '';
  if (!eni.privateIps.includes(privateIp)) throw addressErrors.privateIpNotOnInterface(privateIp, eni.id);
  if (!(await hasAttachedInternetGateway(ctx, eni.vpcId))) throw addressErrors.gatewayNotAttached(eni.vpcId);
  const current = address.association;
  const same = current?.networkInterfaceId === eni.id && current.privateIpAddress === privateIp;
  if (current && !same && input.allowReassociation !== true) throw addressErrors.alreadyAssociated(address.id);
  // Whatever Elastic IP the target address held gives way to this one.
  for (const other of all) {
    const o = other.association;
    if (other.id !== address.id && o?.networkInterfaceId === eni.id && o.privateIpAddress === privateIp) await ctx.repo.addresses.put({ ...other, association: undefined });
  }
  const associationId = same && current ? current.associationId : ctx.ids.next('eipassoc');
  await ctx.repo.addresses.put({
    ...address,
    association: {
      associationId,
      networkInterfaceId: eni.id,
      networkInterfaceOwnerId: eni.accountId,
      privateIpAddress: privateIp,
      ...(eni.attachment ? { instanceId: eni.attachment.instanceId } : {}),
    },
  });
  return associationId;
}

export async function disassociateAddress(ctx: RequestContext, input: { associationId?: string; publicIp?: string }): Promise<void> {
  let address: ElasticIp;
  if (input.associationId === undefined && input.publicIp !== undefined) {
    address = await addressByPublicIp(ctx, input.publicIp);
    // DisassociateAddress is idempotent (EC2 docs): an address with no association is left as it is.
    if (!address.association) return;
  } else {
    address = await addressByAssociation(ctx, input.associationId);
  }
  // A NAT gateway's own association AWS does not let go.
  if (address.association?.natGatewayId !== undefined) throw addressErrors.managedByService();
  await ctx.repo.addresses.put({ ...address, association: undefined });
}
