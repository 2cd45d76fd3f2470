import { errors } from './errors.js';
import type { IdPrefix } from './ids.js';
import { isWellFormedId } from './ids.js';
import type { RequestContext } from './request-context.js';
import type { RouteTable } from './route-table.js';
import type { Subnet } from './subnet.js';
import type { Vpc } from './vpc.js';

/** Refuses ids that cannot be ids of this kind before any lookup, as AWS's `.Malformed` codes do. */
export function checkId(prefix: IdPrefix, id: string | undefined, parameter: string): string {
  if (id === undefined || id === '') throw errors.missingParameter(parameter);
  if (!isWellFormedId(prefix, id)) throw errors.malformed(prefix, id);
  return id;
}

export async function requireVpc(ctx: RequestContext, id: string | undefined, parameter = 'vpcId'): Promise<Vpc> {
  const vpcId = checkId('vpc', id, parameter);
  const vpc = await ctx.repo.vpcs.get(ctx.caller, vpcId);
  if (!vpc) throw errors.notFound('vpc', vpcId);
  return vpc;
}

export async function requireSubnet(ctx: RequestContext, id: string | undefined, parameter = 'subnetId'): Promise<Subnet> {
  const subnetId = checkId('subnet', id, parameter);
  const subnet = await ctx.repo.subnets.get(ctx.caller, subnetId);
  if (!subnet) throw errors.notFound('subnet', subnetId);
  return subnet;
}

export async function requireRouteTable(ctx: RequestContext, id: string | undefined, parameter = 'routeTableId'): Promise<RouteTable> {
  const rtbId = checkId('rtb', id, parameter);
  const rtb = await ctx.repo.routeTables.get(ctx.caller, rtbId);
  if (!rtb) throw errors.notFound('rtb', rtbId);
  return rtb;
}

/** Every id in a Describe's id list must exist, or the whole call fails naming the first missing one. */
export function requireAll<T extends { readonly id: string }>(kind: IdPrefix, ids: readonly string[] | undefined, found: readonly T[]): void {
  if (!ids || ids.length === 0) return;
  if (ids.length > 1000) throw errors.invalidParameterValue('The maximum number of ids per request is 1000');
  const have = new Set(found.map((f) => f.id));
  for (const id of ids) {
    if (!isWellFormedId(kind, id)) throw errors.malformed(kind, id);
  }
  const missing = ids.find((id) => !have.has(id));
  if (missing !== undefined) throw errors.notFound(kind, missing);
}
