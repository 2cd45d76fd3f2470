import { errors } from './errors.js';
import { Cidr } from './net/index.js';
import { findRegion, zoneId } from './regions.js';
import type { RequestContext } from './request-context.js';
import type { Subnet } from './subnet.js';
import type { Vpc } from './vpc.js';
import { ensureDefaultDhcpOptions } from './dhcp-options/default-dhcp-options.js';
import { storeNewVpc } from './vpc-service.js';

const DEFAULT_VPC_CIDR = '172.31.0.0/16';

function markerKey(ctx: RequestContext): string {
  return `default-vpc:${ctx.caller.accountId}:${ctx.caller.region}`;
}

/** Whether this account and region has been given its default VPC (done once, even if later deleted). */
export async function hasDefaultVpcBeenCreated(ctx: RequestContext): Promise<boolean> {
  return (await ctx.repo.meta.get(markerKey(ctx))) !== undefined;
}

/**
 * The default VPC as AWS makes it (VPC user guide, "Default VPCs"): 172.31.0.0/16 with DNS support
 * and hostnames on, one /20 default subnet per zone, an attached internet gateway, and a main
 * route table with the local route and 0.0.0.0/0 to the gateway. Made on an account's first use
 * of a region; once deleted it stays deleted, as in AWS.
 */
export async function createDefaultVpc(ctx: RequestContext): Promise<void> {
  const region = findRegion(ctx.caller.region);
  if (!region) throw errors.invalidParameterValue(`The region '${ctx.caller.region}' is not served here`);
  await ctx.repo.meta.set(markerKey(ctx), String(ctx.now));
  const block = Cidr.parse(DEFAULT_VPC_CIDR) as Cidr;
  const vpc: Vpc = {
    id: ctx.ids.next('vpc'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    cidrBlock: DEFAULT_VPC_CIDR,
    cidrAssociations: [{ associationId: ctx.ids.next('vpc-cidr-assoc'), cidr: DEFAULT_VPC_CIDR, state: 'associated' }],
    ipv6Associations: [],
    isDefault: true,
    instanceTenancy: 'default',
    dhcpOptionsId: await ensureDefaultDhcpOptions(ctx),
    enableDnsSupport: true,
    enableDnsHostnames: true,
    enableNetworkAddressUsageMetrics: false,
    createdAt: ctx.now,
  };
  const main = await storeNewVpc(ctx, vpc);
  const igwId = ctx.ids.next('igw');
  await ctx.repo.internetGateways.put({ id: igwId, accountId: vpc.accountId, region: vpc.region, attachedVpcId: vpc.id, createdAt: ctx.now });
  await ctx.repo.routeTables.put({
    ...main,
    routes: [...main.routes, { destinationCidrBlock: '0.0.0.0/0', target: { kind: 'gateway', id: igwId }, origin: 'CreateRoute' }],
  });
  for (const [i, zone] of region.zones.entries()) {
    const subnet: Subnet = {
      id: ctx.ids.next('subnet'),
      accountId: vpc.accountId,
      region: vpc.region,
      vpcId: vpc.id,
      cidrBlock: block.subnet(20, BigInt(i)).toString(),
      ipv6Associations: [],
      availabilityZone: zone,
      availabilityZoneId: zoneId(region, zone),
      defaultForAz: true,
      mapPublicIpOnLaunch: true,
      assignIpv6AddressOnCreation: false,
      createdAt: ctx.now,
    };
    await ctx.repo.subnets.put(subnet);
  }
}
