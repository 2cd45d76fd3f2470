import type { Instance } from '../instances/instance.js';
import type { InternetGateway } from '../internet-gateways/internet-gateway.js';
import { withLocalRoutes } from '../local-routes.js';
import type { NetworkAcl } from '../network-acls/network-acl.js';
import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import { effectiveStatus } from '../peering/effective-status.js';
import type { PeeringConnection, PeeringSide, PeeringStatus } from '../peering/peering-connection.js';
import type { Route, RouteTable } from '../route-table.js';
import { routeState, type RouteState } from '../route-state.js';
import type { SecurityGroup } from '../security-groups/security-group.js';
import type { Subnet } from '../subnet.js';
import { liveIpv4Cidrs, type Vpc } from '../vpc.js';
import type { ComponentRef } from './analysis-result.js';
import { cidrSpans, formatAddress, spansUnion, type Span, type Spans } from './packet-set.js';
import type { PublicAddress, ReachQuery, ReachWorld } from './reach-world.js';

/** A route of a table with what the walk needs: its IPv4 interval, prefix length and derived state. */
export interface IndexedRoute {
  readonly route: Route;
  readonly cidr: string;
  readonly span: Span;
  readonly prefixLength: number;
  readonly state: RouteState;
}

/** The far end of a peering seen from one of its VPCs. */
export interface PeeringEnds {
  readonly near: PeeringSide;
  readonly far: PeeringSide;
}

const parsedRoutes = new WeakMap<Route, { cidr: string; span: Span; prefixLength: number } | null>();

/** A route's IPv4 block as the walk reads it, parsed once per stored route object; null for IPv6. */
function parsedRoute(route: Route): { cidr: string; span: Span; prefixLength: number } | null {
  let p = parsedRoutes.get(route);
  if (p === undefined) {
    const cidr = route.destinationCidrBlock;
    const span = cidr === undefined ? undefined : cidrSpans(cidr)?.[0];
    p = cidr === undefined || span === undefined ? null : { cidr, span, prefixLength: Number(cidr.slice(cidr.indexOf('/') + 1)) };
    parsedRoutes.set(route, p);
  }
  return p;
}

const NO_GATEWAYS: ReadonlyMap<string, string> = new Map();

const ARN_TYPES: Readonly<Record<string, string>> = {
  vpc: 'vpc', subnet: 'subnet', rtb: 'route-table', acl: 'network-acl', sg: 'security-group', eni: 'network-interface',
  i: 'instance', pcx: 'vpc-peering-connection', igw: 'internet-gateway',
};

/**
 * Everything the walk asks of the world, indexed once per analysis in O(world) (REACHABILITY.md
 * §3.9), with what AWS derives rather than stores: a subnet's route table and network ACL, route
 * states, peering status at `now`, which ENIs carry which group, who owns an address.
 */
export class WorldIndex {
  readonly world: ReachWorld;
  readonly query: ReachQuery;
  private readonly tables = new Map<string, RouteTable | undefined>();
  private readonly acls = new Map<string, NetworkAcl | undefined>();
  private readonly routesByTable = new Map<string, IndexedRoute[]>();
  private peeringMap: Map<string, PeeringConnection> | undefined;
  private readonly refs = new Map<string, { accountId: string; region: string; ref: ComponentRef }>();
  private readonly filteredOut: ReadonlySet<string>;

  constructor(world: ReachWorld, query: ReachQuery) {
    this.world = world;
    this.query = query;
    this.filteredOut = new Set(query.filterOut ?? []);
  }

  /** Whether the analysis must do without this component (FilterOutArns). */
  excluded(id: string): boolean {
    return this.filteredOut.has(id);
  }

  // A walk asks for a handful of resources by id; a scan each time costs less than indexing every
  // interface and group of the world up front (the world is one VPC and its peers; §3.9).
  vpc(id: string): Vpc | undefined { return this.world.vpcs.find((v) => v.id === id); }
  subnet(id: string): Subnet | undefined { return this.world.subnets.find((s) => s.id === id); }
  eni(id: string): NetworkInterface | undefined { return this.world.networkInterfaces.find((e) => e.id === id); }
  instance(id: string): Instance | undefined { return this.world.instances.find((i) => i.id === id); }
  group(id: string): SecurityGroup | undefined { return this.world.securityGroups.find((g) => g.id === id); }
  peering(id: string): PeeringConnection | undefined { return this.peerings().get(id); }
  internetGateway(id: string): InternetGateway | undefined { return this.world.internetGateways?.find((g) => g.id === id); }

  /** The public addresses mapped to an interface's private ones (Elastic IPs, an instance's launch-time address). */
  publicAddressesOf(eniId: string): readonly PublicAddress[] {
    return (this.world.publicAddresses ?? []).filter((a) => a.networkInterfaceId === eniId);
  }

  /** The interface address a public address maps to. */
  publicAddress(publicIp: string): PublicAddress | undefined {
    return this.world.publicAddresses?.find((a) => a.publicIp === publicIp);
  }

  private peerings(): Map<string, PeeringConnection> {
    this.peeringMap ??= new Map(this.world.peerings.map((p) => [p.id, p]));
    return this.peeringMap;
  }

  /** The caller's own account, and those the analysis was allowed to enter (§3.8). */
  visible(accountId: string): boolean {
    return accountId === this.query.accountId || this.world.visibleAccounts.has(accountId);
  }

  /** The explicit association, else the VPC's main table (VPC user guide, "Subnet route tables"). */
  routeTableOf(subnet: Subnet): RouteTable | undefined {
    if (!this.tables.has(subnet.id)) {
      const own = this.world.routeTables.filter((t) => t.vpcId === subnet.vpcId);
      const explicit = own.find((t) => t.associations.some((a) => !a.main && a.subnetId === subnet.id));
      this.tables.set(subnet.id, explicit ?? own.find((t) => t.associations.some((a) => a.main)));
    }
    return this.tables.get(subnet.id);
  }

  /** The explicit association, else the VPC's default ACL (as acl-associations.ts derives it). */
  aclOf(subnet: Subnet): NetworkAcl | undefined {
    if (!this.acls.has(subnet.id)) {
      const own = this.world.networkAcls.filter((a) => a.vpcId === subnet.vpcId);
      const explicit = own.find((a) => (a.associations ?? []).some((x) => x.subnetId === subnet.id));
      this.acls.set(subnet.id, explicit ?? own.find((a) => a.isDefault));
    }
    return this.acls.get(subnet.id);
  }

  /** A table's IPv4 routes, `local` ones included, with their derived state (route-state.ts). */
  routes(t: RouteTable): readonly IndexedRoute[] {
    const cached = this.routesByTable.get(t.id);
    if (cached) return cached;
    // Stored tables carry their local routes (vpc-service keeps them current); add them only to
    // a table that somehow lacks them.
    const vpc = t.routes.some((r) => r.target.kind === 'local') ? undefined : this.vpc(t.vpcId);
    const all = vpc ? withLocalRoutes(t.routes, vpc) : t.routes;
    const out: IndexedRoute[] = [];
    for (const route of all) {
      const p = parsedRoute(route);
      if (!p) continue;
      // The world holds no gateways: a gateway route's state is not ours to judge, and it never
      // carries traffic to a peer VPC anyway.
      const state: RouteState =
        route.target.kind === 'vpc-peering-connection'
          ? routeState(route, t.vpcId, { peerings: this.peerings(), gatewayVpcs: NO_GATEWAYS }, this.world.now)
          : 'active';
      out.push({ route, ...p, state });
    }
    this.routesByTable.set(t.id, out);
    return out;
  }

  peeringStatus(p: PeeringConnection): PeeringStatus {
    return effectiveStatus(p, this.world.now).status;
  }

  /** The two ends of a peering as seen from `vpcId`, or undefined when the VPC is neither. */
  ends(p: PeeringConnection, vpcId: string): PeeringEnds | undefined {
    if (p.requester.vpcId === vpcId) return { near: p.requester, far: p.accepter };
    if (p.accepter.vpcId === vpcId) return { near: p.accepter, far: p.requester };
    return undefined;
  }

  /** Connections (any state) between two VPCs, active ones first. */
  peeringsBetween(a: string, b: string): PeeringConnection[] {
    const found = this.world.peerings.filter((p) => {
      const e = this.ends(p, a);
      return e !== undefined && e.far.vpcId === b;
    });
    return found.sort((x, y) => Number(this.peeringStatus(y) === 'active') - Number(this.peeringStatus(x) === 'active'));
  }

  peeringsOf(vpcId: string): PeeringConnection[] {
    return this.world.peerings.filter((p) => this.ends(p, vpcId) !== undefined);
  }

  /** A VPC's live IPv4 blocks: from the VPC when we hold it, else the peering's snapshot of it. */
  vpcCidrs(vpcId: string, side?: PeeringSide): string[] {
    const v = this.vpc(vpcId);
    if (v) return liveIpv4Cidrs(v);
    return side ? [...side.cidrBlocks] : [];
  }

  vpcSpans(vpcId: string, side?: PeeringSide): Spans {
    return this.vpcCidrs(vpcId, side).reduce<Spans>((acc, c) => spansUnion(acc, cidrSpans(c) ?? []), []);
  }

  /** The VPC holding this address among those we know, other than `except`. */
  vpcHolding(address: number, except?: string): Vpc | undefined {
    for (const v of this.world.vpcs) {
      if (v.id === except) continue;
      if (this.vpcSpans(v.id).some(([lo, hi]) => address >= lo && address <= hi)) return v;
    }
    return undefined;
  }

  enisCarrying(groupId: string): readonly NetworkInterface[] {
    return this.world.networkInterfaces.filter((e) => e.groupIds.includes(groupId));
  }

  /** The ENI holding this private IPv4 in this VPC. */
  eniOwning(vpcId: string, address: number): NetworkInterface | undefined {
    const ip = formatAddress(address);
    return this.world.networkInterfaces.find((e) => e.vpcId === vpcId && e.privateIps.includes(ip));
  }

  /** An AnalysisComponent: id, ARN `arn:aws:ec2:<region>:<account>:<type>/<id>`, Name tag if any. */
  ref(id: string, scope: { readonly accountId: string; readonly region: string }): ComponentRef {
    // A peering has two scopes (one per side); everything else one.
    const known = this.refs.get(id);
    if (known && known.accountId === scope.accountId && known.region === scope.region) return known.ref;
    const ref = this.makeRef(id, scope);
    this.refs.set(id, { accountId: scope.accountId, region: scope.region, ref });
    return ref;
  }

  private makeRef(id: string, scope: { readonly accountId: string; readonly region: string }): ComponentRef {
    const prefix = id.slice(0, id.lastIndexOf('-'));
    const type = ARN_TYPES[prefix] ?? prefix;
    const name = this.world.names.get(id);
    const arn = `arn:aws:ec2:${scope.region}:${scope.accountId}:${type}/${id}`;
    return name === undefined ? { id, arn } : { id, arn, name };
  }
}
