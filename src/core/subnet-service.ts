import { requireSubnet, requireVpc } from './checks.js';
import type { DescribeRequest, Tagged } from './describe-scoped.js';
import { describeScopedViews } from './describe-scoped.js';
import { addressCountsBySubnet } from './network-interfaces/subnet-addresses-in-use.js';
import { errors } from './errors.js';
import { Cidr } from './net/index.js';
import { parseBlock } from './parse-cidr.js';
import { findRegion, zoneId } from './regions.js';
import type { RequestContext } from './request-context.js';
import type { Subnet, SubnetIpv6Association } from './subnet.js';
import { SUBNET_FILTERS } from './subnet-filters.js';
import { checkSubnetIpv6Block } from './subnet-ipv6.js';
import type { TagSpecificationInput } from './tags.js';
import { addTags, tagsFromSpecifications } from './tags.js';
import { liveIpv4Cidrs } from './vpc.js';

export interface CreateSubnetInput {
  readonly vpcId?: string;
  readonly cidrBlock?: string;
  readonly ipv6CidrBlock?: string;
  readonly availabilityZone?: string;
  readonly availabilityZoneId?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

export async function createSubnet(ctx: RequestContext, input: CreateSubnetInput): Promise<Tagged<Subnet>> {
  const vpc = await requireVpc(ctx, input.vpcId);
  const cidr = parseBlock('cidrBlock', input.cidrBlock, errors.invalidSubnetRange);
  const tags = tagsFromSpecifications('subnet', input.tagSpecifications);
  if (!liveIpv4Cidrs(vpc).some((t) => (Cidr.parse(t) as Cidr).contains(cidr))) throw errors.invalidSubnetRange(cidr.toString());
  const siblings = await ctx.repo.subnets.list(ctx.caller, { vpcId: vpc.id });
  if (siblings.some((s) => (Cidr.parse(s.cidrBlock) as Cidr).overlaps(cidr))) throw errors.subnetConflict(cidr.toString());
  const region = findRegion(ctx.caller.region);
  if (!region) throw errors.invalidParameterValue(`The region '${ctx.caller.region}' is not served here`);
  let zone: string;
  if (input.availabilityZone !== undefined) {
    zone = input.availabilityZone;
  } else if (input.availabilityZoneId !== undefined) {
    zone = region.zones.find((z) => zoneId(region, z) === input.availabilityZoneId) ?? '';
    if (!zone) throw errors.invalidValueFor('availabilityZoneId', input.availabilityZoneId);
  } else {
    // AWS picks a zone for you; spreading by count keeps it deterministic and balanced.
    zone = region.zones[siblings.length % region.zones.length] as string;
  }
  if (!region.zones.includes(zone)) {
    throw errors.invalidValueFor('availabilityZone', zone, `Subnets can currently only be created in the following availability zones: ${region.zones.join(', ')}.`);
  }
  const ipv6Associations: SubnetIpv6Association[] = [];
  if (input.ipv6CidrBlock !== undefined) {
    const v6 = checkSubnetIpv6Block(input.ipv6CidrBlock, vpc, siblings);
    ipv6Associations.push({ associationId: ctx.ids.next('subnet-cidr-assoc'), cidr: v6.toString() });
  }
  const subnet: Subnet = {
    id: ctx.ids.next('subnet'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    vpcId: vpc.id,
    cidrBlock: cidr.toString(),
    ipv6Associations,
    availabilityZone: zone,
    availabilityZoneId: zoneId(region, zone),
    defaultForAz: false,
    mapPublicIpOnLaunch: false,
    assignIpv6AddressOnCreation: false,
    enableDns64: false,
    privateDnsHostnameType: 'ip-name',
    enableResourceNameDnsARecord: false,
    enableResourceNameDnsAAAARecord: false,
    createdAt: ctx.now,
  };
  await ctx.repo.subnets.put(subnet);
  await addTags(ctx, ctx.caller, subnet.id, 'subnet', tags);
  return { id: subnet.id, resource: subnet, tags };
}

/** A subnet as DescribeSubnets shows it: with how many of its addresses are held. */
export type SubnetView = Subnet & { readonly addressesInUse: number };

export async function describeSubnets(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<SubnetView>[]; nextToken?: string }> {
  return describeScopedViews(ctx, 'subnet', ctx.repo.subnets, SUBNET_FILTERS, req, { min: 5, max: 1000 }, async (items) => {
    const counts = items.length === 0 ? new Map<string, number>() : await addressCountsBySubnet(ctx);
    return items.map((s) => ({ ...s, addressesInUse: counts.get(s.id) ?? 0 }));
  });
}

/**
 * Deleting a subnet also ends its explicit route table association. A NAT gateway in it that is
 * not deleted, or a network interface in it, blocks it, with AWS's usual `The subnet '…' has dependencies and cannot be deleted.`
 */
export async function deleteSubnet(ctx: RequestContext, subnetId: string | undefined): Promise<void> {
  const subnet = await requireSubnet(ctx, subnetId);
  const nats = await ctx.repo.natGateways.list(ctx.caller, { vpcId: subnet.vpcId });
  if (nats.some((n) => n.subnetId === subnet.id && n.deletedAt === undefined)) throw errors.dependencyViolation('subnet', subnet.id);
  // Network interfaces (an instance's too) keep their subnet (DeleteSubnet: "You must terminate all running instances in the subnet").
  const interfaces = await ctx.repo.networkInterfaces.list(ctx.caller, { vpcId: subnet.vpcId });
  if (interfaces.some((e) => e.subnetId === subnet.id)) throw errors.dependencyViolation('subnet', subnet.id);
  for (const t of await ctx.repo.routeTables.list(ctx.caller, { vpcId: subnet.vpcId })) {
    if (t.associations.some((a) => a.subnetId === subnet.id)) {
      await ctx.repo.routeTables.put({ ...t, associations: t.associations.filter((a) => a.subnetId !== subnet.id) });
    }
  }
  await ctx.repo.subnets.remove(subnet.id);
  await ctx.repo.tags.removeResource(subnet.id);
}
