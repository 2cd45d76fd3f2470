import { requireSubnet, requireVpc } from './checks.js';
import type { DescribeRequest, Tagged } from './describe-scoped.js';
import { describeScoped } from './describe-scoped.js';
import { errors } from './errors.js';
import type { FilterSpec } from './filters/filter-spec.js';
import { Cidr } from './net/index.js';
import { parseBlock, parseCidrParam } from './parse-cidr.js';
import { findRegion, zoneId } from './regions.js';
import type { RequestContext } from './request-context.js';
import type { Subnet } from './subnet.js';
import { taggedTags } from './tag-filter.js';
import type { TagSpecificationInput } from './tags.js';
import { addTags, tagsFromSpecifications } from './tags.js';
import { liveIpv4Cidrs, liveIpv6Cidrs } from './vpc.js';

/** AWS reserves five addresses of every subnet (network, router, DNS, future use, broadcast). */
export function availableIpAddressCount(subnet: Subnet): number {
  return Number((Cidr.parse(subnet.cidrBlock) as Cidr).addressCount()) - 5;
}

export function subnetArn(s: Subnet): string {
  return `arn:aws:ec2:${s.region}:${s.accountId}:subnet/${s.id}`;
}

// The model's filter list; the camel-case names are the older spellings AWS still accepts.
export const SUBNET_FILTERS: FilterSpec<Tagged<Subnet>> = {
  tags: taggedTags,
  fields: {
    'availability-zone': ({ resource: s }) => s.availabilityZone,
    'availabilityZone': ({ resource: s }) => s.availabilityZone,
    'availability-zone-id': ({ resource: s }) => s.availabilityZoneId,
    'available-ip-address-count': ({ resource: s }) => String(availableIpAddressCount(s)),
    'cidr-block': ({ resource: s }) => s.cidrBlock,
    cidr: ({ resource: s }) => s.cidrBlock,
    cidrBlock: ({ resource: s }) => s.cidrBlock,
    'default-for-az': ({ resource: s }) => s.defaultForAz,
    defaultForAz: ({ resource: s }) => s.defaultForAz,
    'ipv6-cidr-block-association.ipv6-cidr-block': ({ resource: s }) => s.ipv6Associations.map((a) => a.cidr),
    'ipv6-cidr-block-association.association-id': ({ resource: s }) => s.ipv6Associations.map((a) => a.associationId),
    'ipv6-cidr-block-association.state': ({ resource: s }) => s.ipv6Associations.map(() => 'associated'),
    'map-public-ip-on-launch': ({ resource: s }) => s.mapPublicIpOnLaunch,
    'owner-id': ({ resource: s }) => s.accountId,
    state: () => 'available',
    'subnet-id': ({ resource: s }) => s.id,
    'subnet-arn': ({ resource: s }) => subnetArn(s),
    'customer-owned-ipv4-pool': () => undefined,
    'enable-dns64': () => false,
    'enable-lni-at-device-index': () => undefined,
    'ipv6-native': () => false,
    'map-customer-owned-ip-on-launch': () => false,
    'outpost-arn': () => undefined,
    'private-dns-name-options-on-launch.hostname-type': () => 'ip-name',
    'private-dns-name-options-on-launch.enable-resource-name-dns-a-record': () => false,
    'private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record': () => false,
    'vpc-id': ({ resource: s }) => s.vpcId,
  },
};

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
  const ipv6Associations = [];
  if (input.ipv6CidrBlock !== undefined) {
    const v6 = parseCidrParam('ipv6CidrBlock', input.ipv6CidrBlock, 6);
    // A subnet's IPv6 block is a /64 from one of its VPC's blocks.
    if (v6.prefixLength !== 64 || v6.hasHostBits() || !liveIpv6Cidrs(vpc).some((t) => (Cidr.parse(t) as Cidr).contains(v6))) {
      throw errors.invalidSubnetRange(v6.toString());
    }
    if (siblings.some((s) => s.ipv6Associations.some((a) => (Cidr.parse(a.cidr) as Cidr).overlaps(v6)))) throw errors.subnetConflict(v6.toString());
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
    createdAt: ctx.now,
  };
  await ctx.repo.subnets.put(subnet);
  await addTags(ctx, ctx.caller, subnet.id, 'subnet', tags);
  return { id: subnet.id, resource: subnet, tags };
}

export async function describeSubnets(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<Subnet>[]; nextToken?: string }> {
  return describeScoped(ctx, 'subnet', ctx.repo.subnets, SUBNET_FILTERS, req, { min: 5, max: 1000 });
}

/** Deleting a subnet also ends its explicit route table association. */
export async function deleteSubnet(ctx: RequestContext, subnetId: string | undefined): Promise<void> {
  const subnet = await requireSubnet(ctx, subnetId);
  for (const t of await ctx.repo.routeTables.list(ctx.caller, { vpcId: subnet.vpcId })) {
    if (t.associations.some((a) => a.subnetId === subnet.id)) {
      await ctx.repo.routeTables.put({ ...t, associations: t.associations.filter((a) => a.subnetId !== subnet.id) });
    }
  }
  await ctx.repo.subnets.remove(subnet.id);
  await ctx.repo.tags.removeResource(subnet.id);
}
