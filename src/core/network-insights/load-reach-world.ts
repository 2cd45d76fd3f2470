import type { Instance } from '../instances/instance.js';
import type { InternetGateway } from '../internet-gateways/internet-gateway.js';
import type { NetworkAcl } from '../network-acls/network-acl.js';
import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { PeeringConnection } from '../peering/peering-connection.js';
import type { PublicAddress, ReachWorld } from '../reachability/reach-world.js';
import type { RequestContext } from '../request-context.js';
import type { RouteTable } from '../route-table.js';
import type { Scope } from '../scope.js';
import type { SecurityGroup } from '../security-groups/security-group.js';
import type { Subnet } from '../subnet.js';
import type { Tag } from '../tag.js';
import type { Vpc } from '../vpc.js';
import type { NetworkInsightsPath } from './network-insights-path.js';
import { scopeOfArn } from './path-endpoint.js';

/** What the world of an analysis is read from: a path's two ends. */
export type PathEnds = Pick<NetworkInsightsPath, 'source' | 'sourceArn' | 'destination' | 'destinationArn'>;

/** A VPC named by where it lives. */
interface VpcRef extends Scope {
  readonly vpcId: string;
}

/** The scope an endpoint's ARN names (the caller's own for a plain id). */
function scopeOf(arn: string | undefined, fallback: Scope): Scope {
  return (arn === undefined ? undefined : scopeOfArn(arn)) ?? fallback;
}

/** The VPC(s) an endpoint sits in: an interface's or instance's VPC, or both VPCs of a peering connection. */
async function vpcsOfEndpoint(ctx: RequestContext, id: string | undefined, arn: string | undefined): Promise<VpcRef[]> {
  if (id === undefined) return [];
  const scope = scopeOf(arn, ctx.caller);
  if (id.startsWith('eni-')) {
    const eni = await ctx.repo.networkInterfaces.get(scope, id);
    return eni ? [{ accountId: eni.accountId, region: eni.region, vpcId: eni.vpcId }] : [];
  }
  if (id.startsWith('i-')) {
    const instance = await ctx.repo.instances.get(scope, id);
    return instance ? [{ accountId: instance.accountId, region: instance.region, vpcId: instance.vpcId }] : [];
  }
  if (id.startsWith('pcx-')) {
    const c = await ctx.repo.peerings.get(id);
    return c ? [c.requester, c.accepter] : [];
  }
  if (id.startsWith('igw-')) {
    const igw = await ctx.repo.internetGateways.get(scope, id);
    return igw?.attachedVpcId ? [{ accountId: igw.accountId, region: igw.region, vpcId: igw.attachedVpcId }] : [];
  }
  return [];
}

/**
 * What a path that starts or ends at an internet gateway also needs (none of it is read otherwise):
 * the gateway, and the public addresses of the interfaces it may translate to and from, Elastic IPs
 * (by their association) and instances' launch-time addresses (on the primary interface's primary
 * private address, as DescribeInstances shows them), in the gateway's account and Region.
 */
async function internetOf(ctx: RequestContext, path: PathEnds, instances: readonly Instance[], interfaces: readonly NetworkInterface[]): Promise<Pick<ReachWorld, 'internetGateways' | 'publicAddresses'>> {
  const ends = [[path.source, path.sourceArn], [path.destination, path.destinationArn]] as const;
  const gateways: InternetGateway[] = [];
  for (const [id, arn] of ends) {
    const scope = scopeOf(arn, ctx.caller);
    // Only the caller's own gateways: another account's, named by ARN, reveals nothing (as its interfaces).
    if (!id?.startsWith('igw-') || scope.accountId !== ctx.caller.accountId) continue;
    const igw = await ctx.repo.internetGateways.get(scope, id);
    if (igw) gateways.push(igw);
  }
  if (gateways.length === 0) return {};
  const publicAddresses: PublicAddress[] = [];
  for (const g of gateways) {
    for (const a of await ctx.repo.addresses.list(g)) {
      const on = a.association;
      if (on?.networkInterfaceId && on.privateIpAddress) publicAddresses.push({ publicIp: a.publicIp, networkInterfaceId: on.networkInterfaceId, privateIp: on.privateIpAddress });
    }
  }
  for (const i of instances) {
    const primary = interfaces.find((e) => e.id === i.primaryNetworkInterfaceId);
    const privateIp = primary?.privateIps[0];
    if (i.publicIp && primary && privateIp) publicAddresses.push({ publicIp: i.publicIp, networkInterfaceId: primary.id, privateIp });
  }
  return { internetGateways: gateways, publicAddresses };
}

const keyOf = (v: VpcRef): string => `${v.accountId}/${v.region}/${v.vpcId}`;

/**
 * Everything an analysis of `path` may look at, read once (REACHABILITY.md §3): the VPCs of the
 * source and destination, every VPC joined to either by a peering connection in any state (peer
 * VPCs may be in other accounts and Regions: each is read in its own scope, as the peering and
 * security-group code read the other side), and their subnets, route tables, ACLs, groups,
 * interfaces and instances, one list per collection per VPC. Names are the Name tags the caller
 * sees (a peering has one tag set per side). Accounts the walk may enter (vpcpeer's stand-in for an
 * Organization's trusted access, docs/architecture.md): the caller's, the analysis'
 * AdditionalAccounts, and the account of a destination the path names by ARN ("if the resource is
 * in another account, you must specify an ARN", EC2 model: naming it is the caller's claim of
 * trust, as Terraform never sends AdditionalAccounts).
 */
export async function loadReachWorld(ctx: RequestContext, path: PathEnds, additionalAccounts: readonly string[]): Promise<ReachWorld> {
  // Another account's destination (named by ARN) is no starting point: only what is peered with
  // the caller's side enters the world, so naming an ARN reveals nothing of an unrelated account.
  const destinationOwner = path.destinationArn === undefined ? undefined : scopeOf(path.destinationArn, ctx.caller).accountId;
  const seeds = [
    ...(await vpcsOfEndpoint(ctx, path.source, path.sourceArn)),
    ...(destinationOwner === ctx.caller.accountId || path.destination?.startsWith('pcx-') ? await vpcsOfEndpoint(ctx, path.destination, path.destinationArn) : []),
  ];
  // One listing per distinct VPC id (a same-VPC path has two seeds in one VPC), read together.
  const seedVpcIds = [...new Set(seeds.map((s) => s.vpcId))];
  const listed = await Promise.all(seedVpcIds.map((vpcId) => ctx.repo.peerings.listForVpc(vpcId)));
  const peeringsOfSeed = new Map(seedVpcIds.map((vpcId, i) => [vpcId, listed[i] ?? []]));
  const vpcRefs = new Map<string, VpcRef>();
  const peerings = new Map<string, PeeringConnection>();
  for (const seed of seeds) {
    vpcRefs.set(keyOf(seed), seed);
    for (const c of peeringsOfSeed.get(seed.vpcId) ?? []) {
      peerings.set(c.id, c);
      for (const side of [c.requester, c.accepter]) vpcRefs.set(keyOf(side), side);
    }
  }

  const vpcs: Vpc[] = [];
  const subnets: Subnet[] = [];
  const routeTables: RouteTable[] = [];
  const networkAcls: NetworkAcl[] = [];
  const securityGroups: SecurityGroup[] = [];
  const networkInterfaces: NetworkInterface[] = [];
  const instances: Instance[] = [];
  await Promise.all(
    [...vpcRefs.values()].map(async (ref) => {
      const vpc = await ctx.repo.vpcs.get(ref, ref.vpcId);
      // A peer VPC deleted since its connection was made has nothing left to read.
      if (!vpc) return;
      const q = { vpcId: vpc.id };
      const [s, r, a, g, n, i] = await Promise.all([
        ctx.repo.subnets.list(ref, q),
        ctx.repo.routeTables.list(ref, q),
        ctx.repo.networkAcls.list(ref, q),
        ctx.repo.securityGroups.list(ref, q),
        ctx.repo.networkInterfaces.list(ref, q),
        ctx.repo.instances.list(ref, q),
      ]);
      vpcs.push(vpc);
      subnets.push(...s);
      routeTables.push(...r);
      networkAcls.push(...a);
      securityGroups.push(...g);
      networkInterfaces.push(...n);
      instances.push(...i);
    }),
  );
  const byId = <T extends { readonly id: string }>(items: T[]): T[] => items.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

  const ids = [
    ...vpcs, ...subnets, ...routeTables, ...networkAcls, ...securityGroups, ...networkInterfaces, ...instances, ...peerings.values(),
  ].map((r) => r.id);
  const tags = ids.length === 0 ? new Map<string, Tag[]>() : await ctx.repo.tags.forResources(ctx.caller, ids);
  const names = new Map<string, string>();
  for (const [id, set] of tags) {
    const name = set.find((t) => t.key === 'Name');
    if (name) names.set(id, name.value);
  }
  return {
    now: ctx.now,
    vpcs: byId(vpcs),
    subnets: byId(subnets),
    routeTables: byId(routeTables),
    peerings: byId([...peerings.values()]),
    securityGroups: byId(securityGroups),
    networkAcls: byId(networkAcls),
    networkInterfaces: byId(networkInterfaces),
    instances: byId(instances),
    names,
    visibleAccounts: new Set([ctx.caller.accountId, ...additionalAccounts, ...(destinationOwner ? [destinationOwner] : [])]),
    ...(await internetOf(ctx, path, instances, networkInterfaces)),
  };
}

