import { requireVpc } from './checks.js';
import type { DescribeRequest, Tagged } from './describe-scoped.js';
import { describeScoped } from './describe-scoped.js';
import { ensureDefaultDhcpOptions } from './dhcp-options/default-dhcp-options.js';
import { errors } from './errors.js';
import { amazonIpv6Block } from './ipv6-pool.js';
import { localRoutes, withLocalRoutes } from './local-routes.js';
import { Cidr } from './net/index.js';
import { onlyOneAttribute } from './one-attribute.js';
import { parseBlock } from './parse-cidr.js';
import { effectiveStatus } from './peering/effective-status.js';
import type { PeeringConnection } from './peering/peering-connection.js';
import { refreshSides } from './peering/side-snapshot.js';
import type { RequestContext } from './request-context.js';
import type { ScopedCollection, ScopedResource } from './repository.js';
import type { SecurityGroup } from './security-groups/security-group.js';
import type { NetworkAcl } from './network-acls/network-acl.js';
import type { RouteTable } from './route-table.js';
import type { TagSpecificationInput } from './tags.js';
import { addTags, tagsFromSpecifications } from './tags.js';
import type { Vpc, VpcCidrAssociation } from './vpc.js';
import { liveIpv4Cidrs } from './vpc.js';
import { VPC_FILTERS } from './vpc-filters.js';
import { onVpcBlocksChanged } from './network-acls/default-network-acl.js';
import { storeVpcDefaults } from './vpc-defaults.js';

/** IPv4 blocks per VPC: the default quota is 5 (adjustable to 50). */
const MAX_IPV4_BLOCKS = 5;
const MAX_IPV6_BLOCKS = 5;

// The RFC 1918 ranges: a VPC whose primary block lies in one may not add a block from another
// (VPC user guide, "IPv4 CIDR block association restrictions").
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((t) => Cidr.parse(t) as Cidr);

/** IPAM pools and BYOIP blocks are not modelled: only explicit IPv4 blocks and Amazon's IPv6 pool. */
export function unsupportedAddressSource(): Error {
  return errors.invalidParameterValue('Only CidrBlock and AmazonProvidedIpv6CidrBlock are supported here: IPAM pools and BYOIP address pools are not.');
}

export interface CreateVpcInput {
  readonly cidrBlock?: string;
  readonly amazonProvidedIpv6CidrBlock?: boolean;
  readonly instanceTenancy?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

export async function createVpc(ctx: RequestContext, input: CreateVpcInput): Promise<Tagged<Vpc>> {
  const cidr = parseBlock('cidrBlock', input.cidrBlock, errors.invalidVpcRange);
  const tags = tagsFromSpecifications('vpc', input.tagSpecifications);
  const tenancy = input.instanceTenancy ?? 'default';
  if (tenancy !== 'default' && tenancy !== 'dedicated') throw errors.invalidValueFor('instanceTenancy', tenancy);
  const vpc: Vpc = {
    id: ctx.ids.next('vpc'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    cidrBlock: cidr.toString(),
    cidrAssociations: [{ associationId: ctx.ids.next('vpc-cidr-assoc'), cidr: cidr.toString(), state: 'associated' }],
    ipv6Associations: input.amazonProvidedIpv6CidrBlock ? [await newIpv6Association(ctx)] : [],
    isDefault: false,
    instanceTenancy: tenancy,
    dhcpOptionsId: await ensureDefaultDhcpOptions(ctx),
    enableDnsSupport: true,
    enableDnsHostnames: false,
    enableNetworkAddressUsageMetrics: false,
    createdAt: ctx.now,
  };
  await storeNewVpc(ctx, vpc);
  await addTags(ctx, ctx.caller, vpc.id, 'vpc', tags);
  return { id: vpc.id, resource: vpc, tags };
}

/** Stores a VPC with its main route table. */
export async function storeNewVpc(ctx: RequestContext, vpc: Vpc): Promise<RouteTable> {
  await ctx.repo.vpcs.put(vpc);
  const main: RouteTable = {
    id: ctx.ids.next('rtb'),
    accountId: vpc.accountId,
    region: vpc.region,
    vpcId: vpc.id,
    routes: localRoutes(vpc),
    associations: [{ id: ctx.ids.next('rtbassoc'), main: true }],
    createdAt: ctx.now,
  };
  await ctx.repo.routeTables.put(main);
  await storeVpcDefaults(ctx, vpc);
  return main;
}

async function newIpv6Association(ctx: RequestContext): Promise<VpcCidrAssociation> {
  const taken = (await ctx.repo.vpcs.list(ctx.caller)).flatMap((v) => v.ipv6Associations.map((a) => a.cidr));
  return { associationId: ctx.ids.next('vpc-cidr-assoc'), cidr: amazonIpv6Block(Math.random, taken), state: 'associated' };
}

export async function describeVpcs(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<Vpc>[]; nextToken?: string }> {
  if (req.ids && req.ids.length > 0 && req.maxResults !== undefined) {
    // Observed AWS wording for DescribeVpcs (AWS-BEHAVIOUR.md §4.11).
    throw errors.invalidParameterCombination('The parameter vpcSet cannot be used with the parameter maxResults');
  }
  return describeScoped(ctx, 'vpc', ctx.repo.vpcs, VPC_FILTERS, req, { min: 5, max: 1000 });
}

/**
 * Whether anything the caller must delete or detach first is still in the VPC. DeleteVpc (EC2
 * API reference): "You must detach or delete all gateways and resources that are associated with
 * the VPC before you can delete it ... When you delete the VPC, it deletes the default security
 * group, network ACL, and route table for the VPC." So subnets, extra route tables, an attached
 * internet gateway, an egress-only internet gateway (gruntwork-io/cloud-nuke#345 shows one
 * blocking DeleteVpc), security groups other than `default` and network ACLs other than the
 * default one all block it, and so do network interfaces (instances' too). Only the console deletes custom network ACLs for you (VPC user guide,
 * "Delete your VPC": the console list); the API names only the default ACL as deleted with the VPC.
 */
async function hasDependencies(ctx: RequestContext, vpc: Vpc, own: VpcOwnResources): Promise<boolean> {
  const inVpc = { vpcId: vpc.id };
  if (own.tables.some((t) => !t.associations.some((a) => a.main))) return true;
  if (own.groups.some((g) => g.name !== 'default') || own.acls.some((a) => !a.isDefault)) return true;
  // Network interfaces live in subnets and DeleteSubnet refuses while any is left: the subnet check covers them.
  if ((await ctx.repo.subnets.list(ctx.caller, inVpc)).length > 0) return true;
  if ((await ctx.repo.internetGateways.list(ctx.caller, inVpc)).length > 0) return true;
  return (await ctx.repo.egressOnlyInternetGateways.list(ctx.caller, inVpc)).length > 0;
}

/** The VPC's route tables, security groups and ACLs: read once, to check and then to delete. */
interface VpcOwnResources {
  readonly tables: readonly RouteTable[];
  readonly groups: readonly SecurityGroup[];
  readonly acls: readonly NetworkAcl[];
}

/**
 * DeleteVpc as AWS-BEHAVIOUR.md §3.12 recommends: dependencies block it (see hasDependencies); an
 * active connection, or a pending one this account requested, is deleted with the VPC; a pending
 * request from another account blocks it until rejected.
 */
export async function deleteVpc(ctx: RequestContext, vpcId: string | undefined): Promise<void> {
  const vpc = await requireVpc(ctx, vpcId);
  const inVpc = { vpcId: vpc.id };
  const own: VpcOwnResources = {
    tables: await ctx.repo.routeTables.list(ctx.caller, inVpc),
    groups: await ctx.repo.securityGroups.list(ctx.caller, inVpc),
    acls: await ctx.repo.networkAcls.list(ctx.caller, inVpc),
  };
  if (await hasDependencies(ctx, vpc, own)) throw errors.dependencyViolation('vpc', vpc.id);
  const peerings = await ctx.repo.peerings.listForVpc(vpc.id);
  const toDelete: PeeringConnection[] = [];
  for (const c of peerings) {
    const status = effectiveStatus(c, ctx.now).status;
    const isAccepter = c.accepter.vpcId === vpc.id;
    if (status === 'pending-acceptance' && isAccepter && c.requester.accountId !== vpc.accountId) throw errors.dependencyViolation('vpc', vpc.id);
    if (status === 'active' || status === 'pending-acceptance') toDelete.push(c);
  }
  for (const c of toDelete) {
    await ctx.repo.peerings.put({ ...c, status: 'deleted', statusChangedAt: ctx.now, changedBy: ctx.caller.accountId });
  }
  // What is left is the VPC's own: its main route table, default security group and default ACL.
  const removals: [ScopedCollection<ScopedResource>, readonly ScopedResource[]][] = [
    [ctx.repo.routeTables, own.tables],
    [ctx.repo.securityGroups, own.groups],
    [ctx.repo.networkAcls, own.acls],
  ];
  for (const [collection, items] of removals) {
    for (const item of items) {
      await collection.remove(item.id);
      await ctx.repo.tags.removeResource(item.id);
    }
  }
  await ctx.repo.vpcs.remove(vpc.id);
  await ctx.repo.tags.removeResource(vpc.id);
}

export interface AssociateCidrInput {
  readonly vpcId?: string;
  readonly cidrBlock?: string;
  readonly amazonProvidedIpv6CidrBlock?: boolean;
}

export interface CidrAssociationResult {
  readonly vpcId: string;
  readonly association: VpcCidrAssociation;
  readonly ipv6: boolean;
}

export async function associateVpcCidrBlock(ctx: RequestContext, input: AssociateCidrInput): Promise<CidrAssociationResult> {
  const vpc = await requireVpc(ctx, input.vpcId);
  if (input.cidrBlock !== undefined && input.amazonProvidedIpv6CidrBlock) {
    throw errors.invalidParameterCombination('The parameter cidrBlock cannot be used with the parameter amazonProvidedIpv6CidrBlock');
  }
  let updated: Vpc;
  let association: VpcCidrAssociation;
  const peerings = await ctx.repo.peerings.listForVpc(vpc.id);
  if (input.amazonProvidedIpv6CidrBlock) {
    if (vpc.ipv6Associations.filter((a) => a.state === 'associated').length >= MAX_IPV6_BLOCKS) throw errors.cidrLimitExceeded(vpc.id, MAX_IPV6_BLOCKS);
    association = await newIpv6Association(ctx);
    updated = { ...vpc, ipv6Associations: [...vpc.ipv6Associations, association] };
  } else {
    if (input.cidrBlock === undefined) throw errors.missingParameter('cidrBlock');
    const cidr = parseBlock('cidrBlock', input.cidrBlock, errors.invalidVpcRange);
    const current = liveIpv4Cidrs(vpc).map((t) => Cidr.parse(t) as Cidr);
    if (current.length >= MAX_IPV4_BLOCKS) throw errors.cidrLimitExceeded(vpc.id, MAX_IPV4_BLOCKS);
    if (current.some((c) => c.overlaps(cidr))) throw errors.cidrConflict(cidr.toString(), vpc.id);
    checkPrivateRange(current[0] as Cidr, cidr);
    await checkRouteDestinations(ctx, vpc, cidr);
    await checkPeeringsAllow(ctx, vpc, cidr, peerings);
    association = { associationId: ctx.ids.next('vpc-cidr-assoc'), cidr: cidr.toString(), state: 'associated' };
    updated = { ...vpc, cidrAssociations: [...vpc.cidrAssociations, association] };
  }
  await ctx.repo.vpcs.put(updated);
  await afterCidrChange(ctx, updated, peerings);
  // AWS answers `associating` and the block is `associated` by the next read: transitional
  // states resolve within the request here, as AWS-BEHAVIOUR.md §2.2 recommends.
  return { vpcId: vpc.id, association: { ...association, state: 'associating' }, ipv6: input.amazonProvidedIpv6CidrBlock === true };
}

function checkPrivateRange(primary: Cidr, added: Cidr): void {
  const home = PRIVATE_RANGES.find((r) => r.contains(primary));
  const other = PRIVATE_RANGES.find((r) => r.contains(added));
  if (home && other && home !== other) {
    throw errors.restrictedCidr(added.toString());
  }
}

async function checkRouteDestinations(ctx: RequestContext, vpc: Vpc, cidr: Cidr): Promise<void> {
  // A new block may not be the same as or larger than an existing route's destination
  // (VPC user guide, "Add or remove a CIDR block").
  for (const t of await ctx.repo.routeTables.list(ctx.caller, { vpcId: vpc.id })) {
    for (const r of t.routes) {
      if (r.target.kind === 'local' || !r.destinationCidrBlock) continue;
      const dest = Cidr.parse(r.destinationCidrBlock) as Cidr;
      if (cidr.contains(dest)) {
        throw errors.invalidParameterValue(`The CIDR '${cidr.toString()}' is the same as or larger than the destination ${r.destinationCidrBlock} of a route in ${t.id}.`);
      }
    }
  }
}

/** AWS-BEHAVIOUR.md §3.11: what a peering allows while a block is added. */
async function checkPeeringsAllow(ctx: RequestContext, vpc: Vpc, cidr: Cidr, peerings: readonly PeeringConnection[]): Promise<void> {
  for (const c of peerings) {
    const status = effectiveStatus(c, ctx.now).status;
    const isRequester = c.requester.vpcId === vpc.id && c.requester.accountId === vpc.accountId && c.requester.region === vpc.region;
    if (status === 'pending-acceptance' && isRequester) {
      throw errors.operationNotPermitted(
        `The CIDR block ${cidr.toString()} cannot be added to ${vpc.id} while its VPC peering connection request ${c.id} is pending acceptance. Wait for it to be accepted, or delete it.`,
      );
    }
    if (status === 'active') {
      const peer = isRequester ? c.accepter : c.requester;
      if (peer.cidrBlocks.some((t) => (Cidr.parse(t) as Cidr).overlaps(cidr))) {
        throw errors.operationNotPermitted(
          `The CIDR block ${cidr.toString()} overlaps a CIDR block of ${peer.vpcId}, which ${vpc.id} is peered with through ${c.id}.`,
        );
      }
    }
  }
}

/** After a VPC's blocks change: local routes in all its tables, and its peerings' records. */
async function afterCidrChange(ctx: RequestContext, vpc: Vpc, peerings: readonly PeeringConnection[]): Promise<void> {
  for (const t of await ctx.repo.routeTables.list(ctx.caller, { vpcId: vpc.id })) {
    await ctx.repo.routeTables.put({ ...t, routes: withLocalRoutes(t.routes, vpc) });
  }
  // ACLs gain (or lose) their IPv6 catch-all entries, and the default ACL its IPv6 allow rule,
  // with the VPC's IPv6 block; rules users added stay.
  await onVpcBlocksChanged(ctx, vpc);
  for (const c of peerings) {
    let next = refreshSides(c, vpc);
    // An accepter whose new block overlaps the requester while the request is pending makes the
    // request fail: it can no longer be accepted (VPC user guide, peering and CIDR blocks).
    if (effectiveStatus(c, ctx.now).status === 'pending-acceptance' && c.accepter.vpcId === vpc.id) {
      const req = c.requester.cidrBlocks.map((t) => Cidr.parse(t) as Cidr);
      if (liveIpv4Cidrs(vpc).some((t) => req.some((r) => r.overlaps(Cidr.parse(t) as Cidr)))) {
        next = { ...next, status: 'failed', statusChangedAt: ctx.now };
      }
    }
    if (next !== c) await ctx.repo.peerings.put(next);
  }
}

export async function disassociateVpcCidrBlock(ctx: RequestContext, associationId: string | undefined): Promise<CidrAssociationResult> {
  if (!associationId) throw errors.missingParameter('associationId');
  const vpcs = await ctx.repo.vpcs.list(ctx.caller);
  const vpc = vpcs.find((v) => [...v.cidrAssociations, ...v.ipv6Associations].some((a) => a.associationId === associationId));
  if (!vpc) throw errors.notFound('vpc-cidr-assoc', associationId);
  const ipv6 = vpc.ipv6Associations.some((a) => a.associationId === associationId);
  const association = [...vpc.cidrAssociations, ...vpc.ipv6Associations].find((a) => a.associationId === associationId) as VpcCidrAssociation;
  if (!ipv6 && vpc.cidrAssociations[0]?.associationId === associationId) {
    throw errors.operationNotPermitted(`The vpc CIDR block with association ID ${associationId} may not be disassociated. It is the primary IPv4 CIDR block of the VPC`);
  }
  const block = Cidr.parse(association.cidr) as Cidr;
  const subnets = await ctx.repo.subnets.list(ctx.caller, { vpcId: vpc.id });
  const inUse = subnets.some((s) => (ipv6 ? s.ipv6Associations.some((a) => block.overlaps(Cidr.parse(a.cidr) as Cidr)) : block.overlaps(Cidr.parse(s.cidrBlock) as Cidr)));
  if (inUse) {
    throw errors.invalidParameterValue(`The vpc CIDR block ${association.cidr} cannot be disassociated: subnets of ${vpc.id} use it.`);
  }
  const updated: Vpc = ipv6
    ? { ...vpc, ipv6Associations: vpc.ipv6Associations.filter((a) => a.associationId !== associationId) }
    : { ...vpc, cidrAssociations: vpc.cidrAssociations.filter((a) => a.associationId !== associationId) };
  await ctx.repo.vpcs.put(updated);
  await afterCidrChange(ctx, updated, await ctx.repo.peerings.listForVpc(vpc.id));
  return { vpcId: vpc.id, association: { ...association, state: 'disassociating' }, ipv6 };
}

export type VpcAttributeName = 'enableDnsSupport' | 'enableDnsHostnames' | 'enableNetworkAddressUsageMetrics';

export async function describeVpcAttribute(ctx: RequestContext, vpcId: string | undefined, attribute: string | undefined): Promise<{ vpcId: string; attribute: VpcAttributeName; value: boolean }> {
  const vpc = await requireVpc(ctx, vpcId);
  if (attribute === undefined) throw errors.missingParameter('attribute');
  if (attribute !== 'enableDnsSupport' && attribute !== 'enableDnsHostnames' && attribute !== 'enableNetworkAddressUsageMetrics') {
    throw errors.invalidValueFor('attribute', attribute);
  }
  return { vpcId: vpc.id, attribute, value: vpc[attribute] };
}

export async function modifyVpcAttribute(ctx: RequestContext, vpcId: string | undefined, changes: Partial<Record<VpcAttributeName, boolean>>): Promise<void> {
  const vpc = await requireVpc(ctx, vpcId);
  const names = (Object.keys(changes) as VpcAttributeName[]).filter((k) => changes[k] !== undefined);
  const name = onlyOneAttribute(names, () => errors.missingParameter('enableDnsSupport, enableDnsHostnames or enableNetworkAddressUsageMetrics'));
  await ctx.repo.vpcs.put({ ...vpc, [name]: changes[name] });
}
