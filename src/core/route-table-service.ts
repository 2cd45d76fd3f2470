import { checkId, requireRouteTable, requireSubnet, requireVpc } from './checks.js';
import type { DescribeRequest, Tagged } from './describe-scoped.js';
import { describeScopedViews } from './describe-scoped.js';
import { requireEgressOnlyGateway } from './egress-only-gateways/egress-only-gateway-service.js';
import { errors } from './errors.js';
import { gatewayErrors } from './internet-gateways/gateway-errors.js';
import { localRoutes } from './local-routes.js';
import { isNatGatewayLive } from './nat-gateways/nat-gateway-state.js';
import type { Cidr } from './net/index.js';
import { Cidr as CidrClass } from './net/index.js';
import { parseCidrParam } from './parse-cidr.js';
import { isVisibleTo } from './peering/visibility.js';
import type { PeeringConnection } from './peering/peering-connection.js';
import type { RequestContext } from './request-context.js';
import type { Route, RouteTable, RouteTarget } from './route-table.js';
import { routeDestination } from './route-table.js';
import type { RouteTableView } from './route-table-filters.js';
import { ROUTE_TABLE_FILTERS } from './route-table-filters.js';
import type { RouteTargets } from './route-state.js';
import { routeState } from './route-state.js';
import type { TagSpecificationInput } from './tags.js';
import { addTags, tagsFromSpecifications } from './tags.js';
import type { Vpc } from './vpc.js';
import { liveIpv4Cidrs, liveIpv6Cidrs } from './vpc.js';

// Routes per route table: default quota 50 (VPC quotas page), adjustable to 1,000.
const MAX_ROUTES = 50;

export async function createRouteTable(ctx: RequestContext, input: { vpcId?: string; tagSpecifications?: readonly TagSpecificationInput[] }): Promise<Tagged<RouteTableView>> {
  const vpc = await requireVpc(ctx, input.vpcId);
  const tags = tagsFromSpecifications('route-table', input.tagSpecifications);
  const table: RouteTable = {
    id: ctx.ids.next('rtb'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    vpcId: vpc.id,
    routes: localRoutes(vpc),
    associations: [],
    createdAt: ctx.now,
  };
  await ctx.repo.routeTables.put(table);
  await addTags(ctx, ctx.caller, table.id, 'route-table', tags);
  return { id: table.id, resource: { table, routeStates: table.routes.map(() => 'active') }, tags };
}


/** Loads, once each, what the routes of these tables point at. */
async function targetsOf(ctx: RequestContext, tables: readonly RouteTable[]): Promise<RouteTargets> {
  const named = new Map<string, RouteTarget>();
  for (const t of tables) for (const r of t.routes) if (r.target.kind !== 'local') named.set(r.target.id, r.target);
  const peerings = new Map<string, PeeringConnection>();
  const gatewayVpcs = new Map<string, string>();
  const idsOf = (kind: RouteTarget['kind']): string[] => [...named].filter(([, t]) => t.kind === kind).map(([id]) => id);
  for (const id of idsOf('vpc-peering-connection')) {
    const c = await ctx.repo.peerings.get(id);
    // A connection the caller can no longer see is as good as gone: the route is a blackhole.
    if (c && isVisibleTo(c, ctx.caller, ctx.now)) peerings.set(id, c);
  }
  // One query per kind of gateway, however many routes name them.
  const gateways = idsOf('gateway');
  const egressOnly = idsOf('egress-only-internet-gateway');
  const nats = idsOf('nat-gateway');
  for (const g of gateways.length > 0 ? await ctx.repo.internetGateways.list(ctx.caller, { ids: gateways }) : []) if (g.attachedVpcId) gatewayVpcs.set(g.id, g.attachedVpcId);
  for (const g of egressOnly.length > 0 ? await ctx.repo.egressOnlyInternetGateways.list(ctx.caller, { ids: egressOnly }) : []) if (g.attachedVpcId) gatewayVpcs.set(g.id, g.attachedVpcId);
  for (const n of nats.length > 0 ? await ctx.repo.natGateways.list(ctx.caller, { ids: nats }) : []) if (isNatGatewayLive(n)) gatewayVpcs.set(n.id, n.vpcId);
  return { peerings, gatewayVpcs };
}

/** Route tables with each route's derived state, loading every resource their routes name once. */
export async function viewsOf(ctx: RequestContext, tables: readonly RouteTable[]): Promise<RouteTableView[]> {
  const targets = await targetsOf(ctx, tables);
  return tables.map((table) => ({ table, routeStates: table.routes.map((r) => routeState(r, table.vpcId, targets, ctx.now)) }));
}

export function describeRouteTables(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<RouteTableView>[]; nextToken?: string }> {
  return describeScopedViews(ctx, 'rtb', ctx.repo.routeTables, ROUTE_TABLE_FILTERS, req, { min: 5, max: 100 }, (tables) => viewsOf(ctx, tables));
}

export async function deleteRouteTable(ctx: RequestContext, routeTableId: string | undefined): Promise<void> {
  const table = await requireRouteTable(ctx, routeTableId);
  // The main table goes only with its VPC; an associated table must be disassociated first.
  if (table.associations.length > 0) throw errors.dependencyViolation('routeTable', table.id);
  await ctx.repo.routeTables.remove(table.id);
  await ctx.repo.tags.removeResource(table.id);
}

async function findAssociation(ctx: RequestContext, associationId: string | undefined): Promise<{ table: RouteTable; index: number }> {
  const id = checkId('rtbassoc', associationId, 'associationId');
  for (const table of await ctx.repo.routeTables.list(ctx.caller)) {
    const index = table.associations.findIndex((a) => a.id === id);
    if (index >= 0) return { table, index };
  }
  throw errors.notFound('rtbassoc', id);
}

export async function associateRouteTable(ctx: RequestContext, input: { routeTableId?: string; subnetId?: string; gatewayId?: string }): Promise<{ associationId: string }> {
  const table = await requireRouteTable(ctx, input.routeTableId);
  if (input.gatewayId !== undefined) {
    throw errors.invalidParameterValue('Gateway route table associations are not supported by this server; associate a subnet instead.');
  }
  const subnet = await requireSubnet(ctx, input.subnetId);
  if (subnet.vpcId !== table.vpcId) {
    throw errors.invalidParameterValue(`Route table ${table.id} and subnet ${subnet.id} belong to different networks`);
  }
  for (const t of await ctx.repo.routeTables.list(ctx.caller, { vpcId: table.vpcId })) {
    if (t.associations.some((a) => a.subnetId === subnet.id)) throw errors.alreadyAssociated(t.id, subnet.id);
  }
  const associationId = ctx.ids.next('rtbassoc');
  await ctx.repo.routeTables.put({ ...table, associations: [...table.associations, { id: associationId, main: false, subnetId: subnet.id }] });
  return { associationId };
}

export async function disassociateRouteTable(ctx: RequestContext, associationId: string | undefined): Promise<void> {
  const { table, index } = await findAssociation(ctx, associationId);
  const association = table.associations[index];
  if (association?.main) {
    throw errors.invalidParameterValue(`Cannot disassociate the main route table association ${association.id}`);
  }
  await ctx.repo.routeTables.put({ ...table, associations: table.associations.filter((_, i) => i !== index) });
}

/** Moves an association (a subnet's, or the VPC's main one) to another table of the same VPC. */
export async function replaceRouteTableAssociation(ctx: RequestContext, input: { associationId?: string; routeTableId?: string }): Promise<{ associationId: string }> {
  const { table: from, index } = await findAssociation(ctx, input.associationId);
  const to = await requireRouteTable(ctx, input.routeTableId);
  if (to.vpcId !== from.vpcId) throw errors.invalidParameterValue(`Route table ${to.id} and association ${input.associationId ?? ''} belong to different networks`);
  const old = from.associations[index];
  if (!old) throw errors.notFound('rtbassoc', input.associationId ?? '');
  const associationId = ctx.ids.next('rtbassoc');
  const moved = { ...old, id: associationId };
  if (from.id === to.id) {
    await ctx.repo.routeTables.put({ ...from, associations: from.associations.map((a, i) => (i === index ? moved : a)) });
  } else {
    await ctx.repo.routeTables.put({ ...from, associations: from.associations.filter((_, i) => i !== index) });
    await ctx.repo.routeTables.put({ ...to, associations: [...to.associations, moved] });
  }
  return { associationId };
}

export interface RouteInput {
  readonly routeTableId?: string;
  readonly destinationCidrBlock?: string;
  readonly destinationIpv6CidrBlock?: string;
  readonly destinationPrefixListId?: string;
  readonly gatewayId?: string;
  readonly egressOnlyInternetGatewayId?: string;
  readonly natGatewayId?: string;
  readonly vpcPeeringConnectionId?: string;
  readonly localTarget?: boolean;
  /** Targets naming resource kinds this server does not hold (instances, transit gateways, ...). */
  readonly otherTargets?: readonly { readonly parameter: string; readonly code: string; readonly id: string }[];
}

interface Destination {
  readonly cidr: Cidr;
  readonly ipv6: boolean;
}

function destinationOf(input: RouteInput): Destination {
  const given = [input.destinationCidrBlock, input.destinationIpv6CidrBlock, input.destinationPrefixListId].filter((d) => d !== undefined);
  if (given.length === 0) throw errors.missingParameter('destinationCidrBlock');
  if (given.length > 1) throw errors.invalidParameterCombination('Only one of destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId may be specified');
  if (input.destinationPrefixListId !== undefined) {
    throw errors.notFoundPrefixList(input.destinationPrefixListId);
  }
  const ipv6 = input.destinationIpv6CidrBlock !== undefined;
  const cidr = ipv6
    ? parseCidrParam('destinationIpv6CidrBlock', input.destinationIpv6CidrBlock, 6)
    : parseCidrParam('destinationCidrBlock', input.destinationCidrBlock, 4);
  // Destinations are canonicalised: 100.68.0.18/18 becomes 100.68.0.0/18 (EC2 model, CreateRoute).
  return { cidr: cidr.canonical(), ipv6 };
}

function destinationText(d: Destination): string {
  return d.cidr.toString();
}

async function resolveTarget(ctx: RequestContext, table: RouteTable, vpc: Vpc, dest: Destination, input: RouteInput): Promise<RouteTarget> {
  const targets = [
    input.gatewayId !== undefined ? 'gatewayId' : undefined,
    input.egressOnlyInternetGatewayId !== undefined ? 'egressOnlyInternetGatewayId' : undefined,
    input.natGatewayId !== undefined ? 'natGatewayId' : undefined,
    input.vpcPeeringConnectionId !== undefined ? 'vpcPeeringConnectionId' : undefined,
    input.localTarget ? 'localTarget' : undefined,
    ...(input.otherTargets ?? []).map((t) => t.parameter),
  ].filter((t) => t !== undefined);
  if (targets.length === 0) throw errors.missingParameter('gatewayId, vpcPeeringConnectionId or another route target');
  if (targets.length > 1) throw errors.invalidParameterCombination(`The parameters ${targets.join(' and ')} cannot be used together: a route has exactly one target`);
  const other = input.otherTargets?.[0];
  if (other) throw errors.notFoundOther(other.code, other.id);
  if (input.localTarget || input.gatewayId === 'local') return { kind: 'local' };
  if (input.gatewayId !== undefined) return internetGatewayTarget(ctx, table, vpc, input.gatewayId);
  if (input.egressOnlyInternetGatewayId !== undefined) {
    const eigw = await requireEgressOnlyGateway(ctx, input.egressOnlyInternetGatewayId, 'egressOnlyInternetGatewayId');
    if (eigw.attachedVpcId !== vpc.id) throw gatewayErrors.differentNetworks(table.id, eigw.id);
    if (!dest.ipv6) throw gatewayErrors.ipv6Only(eigw.id);
    return { kind: 'egress-only-internet-gateway', id: eigw.id };
  }
  if (input.natGatewayId !== undefined) {
    const natId = checkId('nat', input.natGatewayId, 'natGatewayId');
    const nat = await ctx.repo.natGateways.get(ctx.caller, natId);
    // A deleted or failed NAT gateway can take no new route.
    if (!nat || !isNatGatewayLive(nat)) throw gatewayErrors.natGatewayNotFound(natId);
    if (nat.vpcId !== vpc.id) throw gatewayErrors.differentNetworks(table.id, natId);
    return { kind: 'nat-gateway', id: natId };
  }
  const pcxId = checkId('pcx', input.vpcPeeringConnectionId, 'vpcPeeringConnectionId');
  const c = await ctx.repo.peerings.get(pcxId);
  if (!c || !isVisibleTo(c, ctx.caller, ctx.now)) throw errors.notFound('pcx', pcxId);
  const onRequester = c.requester.vpcId === vpc.id && c.requester.accountId === vpc.accountId && c.requester.region === vpc.region;
  const onAccepter = c.accepter.vpcId === vpc.id && c.accepter.accountId === vpc.accountId && c.accepter.region === vpc.region;
  if (!onRequester && !onAccepter) {
    throw errors.invalidParameterValue(`route table ${table.id} and network gateway ${pcxId} belong to different networks`);
  }
  if (dest.ipv6 && c.requester.region !== c.accepter.region) {
    // The product guide: "Communication over IPv6 is not supported for an inter-region VPC
    // peering connection" — it wins over AWS's later lifting of the limit (AWS-BEHAVIOUR.md §3.5).
    throw errors.invalidParameterValue(
      `IPv6 routes cannot target ${pcxId}: communication over IPv6 is not supported for an inter-region VPC peering connection.`,
    );
  }
  return { kind: 'vpc-peering-connection', id: pcxId };
}

/**
 * GatewayId takes an internet gateway attached to the table's VPC. Any id this server holds no
 * gateway for (a NAT gateway's or an egress-only one's included) is InvalidGatewayID.NotFound, as
 * AWS answers `--gateway-id nat-…`.
 */
async function internetGatewayTarget(ctx: RequestContext, table: RouteTable, vpc: Vpc, gatewayId: string): Promise<RouteTarget> {
  const igw = gatewayId.startsWith('igw-') ? await ctx.repo.internetGateways.get(ctx.caller, gatewayId) : undefined;
  if (!igw) throw gatewayErrors.gatewayNotFound(gatewayId);
  if (igw.attachedVpcId !== vpc.id) throw gatewayErrors.differentNetworks(table.id, igw.id);
  return { kind: 'gateway', id: igw.id };
}

function checkOutsideVpc(vpc: Vpc, dest: Destination, target: RouteTarget): void {
  if (target.kind === 'local') return;
  const own = (dest.ipv6 ? liveIpv6Cidrs(vpc) : liveIpv4Cidrs(vpc)).map((t) => CidrClass.parse(t) as Cidr);
  if (own.some((c) => c.contains(dest.cidr))) throw errors.routeInsideVpc(destinationText(dest));
}

function routeFor(dest: Destination, target: RouteTarget): Route {
  return dest.ipv6
    ? { destinationIpv6CidrBlock: destinationText(dest), target, origin: 'CreateRoute' }
    : { destinationCidrBlock: destinationText(dest), target, origin: 'CreateRoute' };
}

async function prepareRoute(ctx: RequestContext, input: RouteInput): Promise<{ table: RouteTable; dest: Destination; index: number; target: RouteTarget }> {
  const table = await requireRouteTable(ctx, input.routeTableId);
  const dest = destinationOf(input);
  const vpc = await requireVpc(ctx, table.vpcId);
  const target = await resolveTarget(ctx, table, vpc, dest, input);
  const index = table.routes.findIndex((r) => routeDestination(r) === destinationText(dest));
  if (target.kind === 'local') {
    // Only an existing local route may be pointed back at `local` (ReplaceRoute LocalTarget).
    if (index < 0 || table.routes[index]?.origin !== 'CreateRouteTable') throw errors.invalidParameterValue(`The destination ${destinationText(dest)} is not a local route of ${table.id}`);
  } else {
    checkOutsideVpc(vpc, dest, target);
  }
  return { table, dest, index, target };
}

export async function createRoute(ctx: RequestContext, input: RouteInput): Promise<void> {
  const { table, dest, index, target } = await prepareRoute(ctx, input);
  if (index >= 0) throw errors.routeAlreadyExists(destinationText(dest));
  if (table.routes.filter((r) => r.target.kind !== 'local').length >= MAX_ROUTES) {
    throw errors.routeLimitExceeded(table.id, MAX_ROUTES);
  }
  await ctx.repo.routeTables.put({ ...table, routes: [...table.routes, routeFor(dest, target)] });
}

export async function replaceRoute(ctx: RequestContext, input: RouteInput): Promise<void> {
  const { table, dest, index, target } = await prepareRoute(ctx, input);
  if (index < 0) throw errors.noRouteToReplace(destinationText(dest));
  const current = table.routes[index] as Route;
  const next: Route = { ...routeFor(dest, target), origin: current.origin };
  await ctx.repo.routeTables.put({ ...table, routes: table.routes.map((r, i) => (i === index ? next : r)) });
}

export async function deleteRoute(ctx: RequestContext, input: RouteInput): Promise<void> {
  const table = await requireRouteTable(ctx, input.routeTableId);
  const dest = destinationOf(input);
  const index = table.routes.findIndex((r) => routeDestination(r) === destinationText(dest));
  if (index < 0) throw errors.routeNotFound(destinationText(dest), table.id);
  if (table.routes[index]?.target.kind === 'local' && table.routes[index]?.origin === 'CreateRouteTable') {
    throw errors.invalidParameterValue(`cannot remove local route ${destinationText(dest)} in route table ${table.id}`);
  }
  await ctx.repo.routeTables.put({ ...table, routes: table.routes.filter((_, i) => i !== index) });
}
