import { errors } from './errors.js';
import type { FilterInput } from './filters/compile-filters.js';
import { compileFilters } from './filters/compile-filters.js';
import type { FilterSpec } from './filters/filter-spec.js';
import type { RegionInfo } from './regions.js';
import { findRegion, REGIONS, zoneId } from './regions.js';
import type { RequestContext } from './request-context.js';
import type { Vpc } from './vpc.js';

export interface RegionView {
  readonly name: string;
  readonly endpoint: string;
}

const REGION_FILTERS: FilterSpec<RegionView> = {
  fields: {
    endpoint: (r) => r.endpoint,
    'region-name': (r) => r.name,
    'opt-in-status': () => 'opt-in-not-required',
  },
};

export function describeRegions(names: readonly string[] | undefined, filters: readonly FilterInput[] | undefined): RegionView[] {
  const predicate = compileFilters(REGION_FILTERS, filters);
  for (const n of names ?? []) {
    if (!findRegion(n)) throw errors.invalidParameterValue(`Invalid region: ${n}`);
  }
  return REGIONS.filter((r) => !names || names.length === 0 || names.includes(r.name))
    .map((r) => ({ name: r.name, endpoint: `ec2.${r.name}.amazonaws.com` }))
    .filter(predicate);
}

export interface ZoneView {
  readonly name: string;
  readonly id: string;
  readonly region: string;
}

const ZONE_FILTERS: FilterSpec<ZoneView> = {
  fields: {
    'zone-name': (z) => z.name,
    'zone-id': (z) => z.id,
    'region-name': (z) => z.region,
    state: () => 'available',
    'zone-type': () => 'availability-zone',
    'group-name': (z) => z.region,
    'opt-in-status': () => 'opt-in-not-required',
  },
};

export function describeAvailabilityZones(ctx: Pick<RequestContext, 'caller'>, input: { names?: readonly string[]; ids?: readonly string[]; filters?: readonly FilterInput[] }): ZoneView[] {
  const predicate = compileFilters(ZONE_FILTERS, input.filters);
  const region = findRegion(ctx.caller.region) as RegionInfo;
  const zones = region.zones.map((z) => ({ name: z, id: zoneId(region, z), region: region.name }));
  for (const n of input.names ?? []) if (!zones.some((z) => z.name === n)) throw errors.invalidParameterValue(`Invalid availability zone: [${n}]`);
  for (const n of input.ids ?? []) if (!zones.some((z) => z.id === n)) throw errors.invalidParameterValue(`Invalid availability zone ID: [${n}]`);
  return zones
    .filter((z) => !input.names?.length || input.names.includes(z.name))
    .filter((z) => !input.ids?.length || input.ids.includes(z.id))
    .filter(predicate);
}

/**
 * The caller's default VPC in this region, if it has one. Kept here rather than in default-vpc.ts,
 * which would close an import cycle (default-vpc → vpc-service → security groups → default-vpc).
 */
export async function defaultVpcOf(ctx: RequestContext): Promise<Vpc | undefined> {
  return (await ctx.repo.vpcs.list(ctx.caller)).find((v) => v.isDefault);
}

export async function describeAccountAttributes(ctx: RequestContext, names: readonly string[] | undefined): Promise<{ name: string; values: string[] }[]> {
  const defaultVpc = await defaultVpcOf(ctx);
  const all = [
    { name: 'supported-platforms', values: ['VPC'] },
    { name: 'default-vpc', values: [defaultVpc ? defaultVpc.id : 'none'] },
    { name: 'max-instances', values: ['20'] },
    { name: 'vpc-max-security-groups-per-interface', values: ['5'] },
    { name: 'max-elastic-ips', values: ['5'] },
    { name: 'vpc-max-elastic-ips', values: ['5'] },
  ];
  for (const n of names ?? []) if (!all.some((a) => a.name === n)) throw errors.invalidValueFor('attributeName', n);
  return all.filter((a) => !names?.length || names.includes(a.name));
}
