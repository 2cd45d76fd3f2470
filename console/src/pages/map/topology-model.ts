import type { Instance, InternetGateway, NatGateway, RouteTable, Vpc, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { nameTag } from '../../shared/tags';
import { vpcCidrs } from '../../shared/vpc-option';
import { sideCidrs } from '../peering-connections/peering-row';

/** A VPC on the map: one of ours (with its details) or a peer known only from a connection. */
export interface MapVpc {
  readonly key: string;
  readonly vpcId: string;
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
  readonly cidrs: readonly string[];
  readonly own: boolean;
  readonly isDefault: boolean;
  /** Our instances in it (not terminated), drawn inside the VPC. */
  readonly instances: readonly MapInstance[];
}

export interface MapInstance {
  readonly id: string;
  readonly name: string;
  readonly privateIp: string;
  readonly state: string;
}

export interface MapGroup {
  readonly key: string;
  readonly accountId: string;
  readonly region: string;
  readonly vpcs: readonly MapVpc[];
}

export interface MapLink {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly message: string;
  readonly from: string;
  readonly to: string;
  readonly connection: VpcPeeringConnection;
}

/** An internet or NAT gateway of one of our VPCs, and the destinations routed to it there. */
export interface MapGateway {
  readonly key: string;
  readonly id: string;
  readonly kind: 'igw' | 'nat';
  readonly name: string;
  /** The VPC it hangs off (a map VPC key). */
  readonly vpc: string;
  readonly vpcId: string;
  readonly state: string;
  readonly routes: readonly string[];
}

export interface Topology {
  readonly groups: readonly MapGroup[];
  readonly links: readonly MapLink[];
  readonly gateways: readonly MapGateway[];
}

/** One of our VPCs and the region it was read in (a VPC does not name its region). */
export interface RegionalVpc {
  readonly vpc: Vpc;
  readonly region: string;
}

export const vpcKey = (accountId: string, region: string, vpcId: string): string => `${accountId}|${region}|${vpcId}`;
const groupKey = (accountId: string, region: string): string => `${accountId}|${region}`;

/**
 * VPCs grouped by (account, region) and joined by the connections this account sees here. Our own
 * VPCs come with names and CIDRs; a peer VPC of another account is what the connection says of it.
 * The caller's own group comes first.
 */
export function buildTopology(me: { accountId: string; region: string }, vpcs: readonly RegionalVpc[], peerings: readonly VpcPeeringConnection[], gateways: readonly MapGateway[] = [], instances: readonly Instance[] = []): Topology {
  const nodes = new Map<string, MapVpc>();
  const live = instances.filter((i) => i.State?.Name !== 'terminated');
  for (const { vpc: v, region } of vpcs) {
    const key = vpcKey(v.OwnerId ?? me.accountId, region, v.VpcId ?? '');
    // Instances are read in the caller's region only.
    const inside = region === me.region ? live.filter((i) => i.VpcId === v.VpcId).map((i): MapInstance => ({ id: i.InstanceId ?? '', name: nameTag(i.Tags), privateIp: i.PrivateIpAddress ?? '', state: i.State?.Name ?? '' })) : [];
    nodes.set(key, { key, vpcId: v.VpcId ?? '', accountId: v.OwnerId ?? me.accountId, region, name: nameTag(v.Tags), cidrs: vpcCidrs(v), own: true, isDefault: v.IsDefault === true, instances: inside });
  }
  const links: MapLink[] = [];
  for (const c of peerings) {
    const ends = [c.RequesterVpcInfo, c.AccepterVpcInfo].map((side) => {
      const key = vpcKey(side?.OwnerId ?? '', side?.Region ?? '', side?.VpcId ?? '');
      if (!nodes.has(key)) {
        nodes.set(key, { key, vpcId: side?.VpcId ?? '', accountId: side?.OwnerId ?? '', region: side?.Region ?? '', name: '', cidrs: sideCidrs(side), own: side?.OwnerId === me.accountId, isDefault: false, instances: [] });
      }
      return key;
    });
    links.push({
      id: c.VpcPeeringConnectionId ?? '',
      name: nameTag(c.Tags),
      status: c.Status?.Code ?? '',
      message: c.Status?.Message ?? '',
      from: ends[0] ?? '',
      to: ends[1] ?? '',
      connection: c,
    });
  }
  const groups = new Map<string, MapVpc[]>();
  for (const n of nodes.values()) {
    const k = groupKey(n.accountId, n.region);
    groups.set(k, [...(groups.get(k) ?? []), n]);
  }
  const mine = groupKey(me.accountId, me.region);
  const order = (list: MapVpc[]): MapVpc[] => chainLinked(list, links);
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === mine ? -1 : b === mine ? 1 : a.localeCompare(b)));
  return {
    groups: ordered.map(([key, list]) => {
      const [accountId = '', region = ''] = key.split('|');
      return { key, accountId, region, vpcs: order(list) };
    }),
    links,
    // Only gateways of VPCs on the map (a VPC deleted since they were read has none).
    gateways: gateways.filter((g) => nodes.has(g.vpc)),
  };
}

/**
 * Our internet gateways (attached) and NAT gateways (not deleted) in this region, each with the
 * destinations that this VPC's route tables send to it.
 */
export function mapGateways(me: { accountId: string; region: string }, igws: readonly InternetGateway[], nats: readonly NatGateway[], tables: readonly RouteTable[]): MapGateway[] {
  const routesTo = (vpcId: string, id: string): string[] =>
    tables
      .filter((t) => t.VpcId === vpcId)
      .flatMap((t) => (t.Routes ?? []).filter((r) => r.GatewayId === id || r.NatGatewayId === id).map((r) => r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? ''))
      .filter((d, i, all) => d !== '' && all.indexOf(d) === i);
  const out: MapGateway[] = [];
  for (const g of igws) {
    for (const a of g.Attachments ?? []) {
      const id = g.InternetGatewayId ?? '';
      const vpcId = a.VpcId ?? '';
      out.push({ key: `gw|${id}`, id, kind: 'igw', name: nameTag(g.Tags), vpc: vpcKey(g.OwnerId ?? me.accountId, me.region, vpcId), vpcId, state: 'attached', routes: routesTo(vpcId, id) });
    }
  }
  for (const g of nats) {
    if (g.State === 'deleted' || g.State === 'failed') continue;
    const id = g.NatGatewayId ?? '';
    const vpcId = g.VpcId ?? '';
    out.push({ key: `gw|${id}`, id, kind: 'nat', name: nameTag(g.Tags), vpc: vpcKey(me.accountId, me.region, vpcId), vpcId, state: g.State ?? '', routes: routesTo(vpcId, id) });
  }
  return out;
}

/**
 * A group's VPCs in drawing order: peered VPCs next to each other (walking the links inside the
 * group from the best-connected VPC), unlinked ones last, ties by id so the map is stable.
 */
function chainLinked(list: readonly MapVpc[], links: readonly MapLink[]): MapVpc[] {
  const byKey = new Map(list.map((v) => [v.key, v]));
  const next = new Map<string, string[]>();
  for (const l of links) {
    if (!byKey.has(l.from) || !byKey.has(l.to) || l.from === l.to) continue;
    next.set(l.from, [...(next.get(l.from) ?? []), l.to]);
    next.set(l.to, [...(next.get(l.to) ?? []), l.from]);
  }
  const degree = (v: MapVpc): number => next.get(v.key)?.length ?? 0;
  const starts = [...list].sort((a, b) => degree(b) - degree(a) || a.vpcId.localeCompare(b.vpcId));
  const seen = new Set<string>();
  const out: MapVpc[] = [];
  for (const start of starts) {
    const stack = [start.key];
    while (stack.length > 0) {
      const k = stack.pop() as string;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(byKey.get(k) as MapVpc);
      for (const n of [...(next.get(k) ?? [])].sort().reverse()) if (!seen.has(n)) stack.push(n);
    }
  }
  return out;
}
