import type { Instance } from '../instances/instance.js';
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
import type { ReachQuery, ReachWorld } from './reach-world.js';

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

const ARN_TYPES: Readonly<Record<string, string>> = {
  vpc: 'vpc', subnet: 'subnet', rtb: 'route-table', acl: 'network-acl', sg: 'security-group', eni: 'network-interface',
  i: 'instance', pcx: 'vpc-peering-connection',
};

/**
 * Everything the walk asks of the world, indexed once per analysis in O(world) (REACHABILITY.md
 * §3.9), with what AWS derives rather than stores: a subnet's route table and network ACL, route
 * states, peering status at `now`, which ENIs carry which group, who owns an address.
 */
export class WorldIndex {
  readonly world: ReachWorld;
  readonly query: ReachQuery;
  private readonly vpcs = new Map<string, Vpc>();
  private readonly subnets = new Map<string, Subnet>();
  private readonly enis = new Map<string, NetworkInterface>();
  private readonly instances = new Map<string, Instance>();
  private readonly groups = new Map<string, SecurityGroup>();
  private readonly peerings = new Map<string, PeeringConnection>();
  private readonly tableBySubnet = new Map<string, RouteTable>();
  private readonly mainTable = new Map<string, RouteTable>();
  private readonly aclBySubnet = new Map<string, NetworkAcl>();
  private readonly defaultAcl = new Map<string, NetworkAcl>();
  private readonly enisByGroup = new Map<string, NetworkInterface[]>();
  private readonly eniByAddress = new Map<string, NetworkInterface>();
  private readonly routesByTable = new Map<string, IndexedRoute[]>();

  constructor(world: ReachWorld, query: ReachQuery) {
    this.world = world;
    this.query = query;
    for (const v of world.vpcs) this.vpcs.set(v.id, v);
    for (const s of world.subnets) this.subnets.set(s.id, s);
    for (const i of world.instances) this.instances.set(i.id, i);
    for (const g of world.securityGroups) this.groups.set(g.id, g);
    for (const p of world.peerings) this.peerings.set(p.id, p);
    for (const t of world.routeTables) {
      for (const a of t.associations) {
        if (a.main) this.mainTable.set(t.vpcId, t);
        else if (a.subnetId) this.tableBySubnet.set(a.subnetId, t);
      }
    }
    for (const acl of world.networkAcls) {
      if (acl.isDefault) this.defaultAcl.set(acl.vpcId, acl);
      for (const a of acl.associations ?? []) this.aclBySubnet.set(a.subnetId, acl);
    }
    for (const e of world.networkInterfaces) {
      this.enis.set(e.id, e);
      for (const g of e.groupIds) this.enisByGroup.set(g, [...(this.enisByGroup.get(g) ?? []), e]);
      for (const ip of e.privateIps) this.eniByAddress.set(`${e.vpcId} ${ip}`, e);
    }
  }

  vpc(id: string): Vpc | undefined { return this.vpcs.get(id); }
  subnet(id: string): Subnet | undefined { return this.subnets.get(id); }
  eni(id: string): NetworkInterface | undefined { return this.enis.get(id); }
  instance(id: string): Instance | undefined { return this.instances.get(id); }
  group(id: string): SecurityGroup | undefined { return this.groups.get(id); }
  peering(id: string): PeeringConnection | undefined { return this.peerings.get(id); }

  /** The caller's own account, and those the analysis was allowed to enter (§3.8). */
  visible(accountId: string): boolean {
    return accountId === this.query.accountId || this.world.visibleAccounts.has(accountId);
  }

  /** The explicit association, else the VPC's main table (VPC user guide, "Subnet route tables"). */
  routeTableOf(subnet: Subnet): RouteTable | undefined {
    const t = this.tableBySubnet.get(subnet.id);
    return t && t.vpcId === subnet.vpcId ? t : this.mainTable.get(subnet.vpcId);
  }

  /** The explicit association, else the VPC's default ACL (as acl-associations.ts derives it). */
  aclOf(subnet: Subnet): NetworkAcl | undefined {
    const a = this.aclBySubnet.get(subnet.id);
    return a && a.vpcId === subnet.vpcId ? a : this.defaultAcl.get(subnet.vpcId);
  }

  isMainTable(t: RouteTable): boolean {
    return t.associations.some((a) => a.main);
  }

  /** A table's IPv4 routes, `local` ones included, with their derived state (route-state.ts). */
  routes(t: RouteTable): readonly IndexedRoute[] {
    const cached = this.routesByTable.get(t.id);
    if (cached) return cached;
    const vpc = this.vpcs.get(t.vpcId);
    const all = vpc ? withLocalRoutes(t.routes, vpc) : t.routes;
    const out: IndexedRoute[] = [];
    for (const route of all) {
      const cidr = route.destinationCidrBlock;
      const spans = cidr === undefined ? undefined : cidrSpans(cidr);
      const span = spans?.[0];
      if (cidr === undefined || span === undefined) continue;
      // The world holds no gateways: a gateway route's state is not ours to judge, and it never
      // carries traffic to a peer VPC anyway.
      const kind = route.target.kind;
      const state: RouteState =
        kind === 'local' || kind === 'vpc-peering-connection'
          ? routeState(route, t.vpcId, { peerings: this.peerings, gatewayVpcs: new Map() }, this.world.now)
          : 'active';
      out.push({ route, cidr, span, prefixLength: Number(cidr.split('/')[1]), state });
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
    const v = this.vpcs.get(vpcId);
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
    return this.enisByGroup.get(groupId) ?? [];
  }

  /** The ENI holding this private IPv4 in this VPC. */
  eniOwning(vpcId: string, address: number): NetworkInterface | undefined {
    return this.eniByAddress.get(`${vpcId} ${formatAddress(address)}`);
  }

  /** An AnalysisComponent: id, ARN `arn:aws:ec2:<region>:<account>:<type>/<id>`, Name tag if any. */
  ref(id: string, scope: { readonly accountId: string; readonly region: string }): ComponentRef {
    const prefix = id.slice(0, id.lastIndexOf('-'));
    const type = ARN_TYPES[prefix] ?? prefix;
    const name = this.world.names.get(id);
    const arn = `arn:aws:ec2:${scope.region}:${scope.accountId}:${type}/${id}`;
    return name === undefined ? { id, arn } : { id, arn, name };
  }
}
