import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import { effectiveStatus } from '../peering/effective-status.js';
import type { NetworkSnapshot } from '../network-snapshot.js';
import { WorldIndex } from '../reachability/world-index.js';
import type { Subnet } from '../subnet.js';
import { Cidr, formatIpv4 } from '../net/index.js';
import { liveIpv4Cidrs, liveIpv6Cidrs } from '../vpc.js';
import type { DataplanePlan, PlannedHost, PlannedInterface, PlannedLink, PlannedPort, PlannedRoute, PlannedRouter, PlannedTable } from './dataplane-plan.js';
import { FIRST_ROUTE_TABLE, MTU_INTER_REGION_PEERING, MTU_IN_REGION } from './dataplane-plan.js';
import { deviceName } from './device-name.js';
import { renderRouterNft } from './render-router-nft.js';

/** Everything in the store that bears on packets, in every account and Region, at `now`. */
export interface NetworkWorld extends NetworkSnapshot {
  readonly now: number;
}

// Namespace names are file names: the whole id fits.
const routerNs = (vpcId: string): string => `vpcp-r-${vpcId}`;
const hostNs = (id: string): string => `vpcp-h-${id}`;

// Each peering is its own veth, so both ends can use the same two link-local addresses: IPv4
// routes point at the far end's (RFC 5549 next hop), and no address has to be allocated.
const REQUESTER_LL = 'fe80::1';
const ACCEPTER_LL = 'fe80::2';

/** The subnet's router address: network + 1, as AWS reserves it (VPC user guide, "Subnet CIDR blocks"). */
function gatewayOf(subnet: Subnet): { gateway: string; prefixLength: number } {
  const block = Cidr.parse(subnet.cidrBlock) as Cidr;
  return { gateway: formatIpv4(block.firstAddress + 1n), prefixLength: block.prefixLength };
}

/** Appends to the list kept under `key`. */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number => a.id.localeCompare(b.id);

/**
 * The data plane the world calls for. Only running instances and interfaces attached to nothing
 * carry traffic (a stopped instance's interfaces are silent, as REACHABILITY's walk treats them);
 * interfaces AWS manages for its own services (NAT gateways) are left out: nothing here forwards
 * to the internet. Derivations (a subnet's route table, route states, peering status at `now`)
 * are the reachability analyzer's own, so the two cannot disagree on what the store means.
 */
export function planDataplane(world: NetworkWorld): DataplanePlan {
  const accounts = new Set(world.vpcs.map((v) => v.accountId));
  // Every account is visible: the kernel does not care who owns what.
  const ix = new WorldIndex({ ...world, names: new Map(), visibleAccounts: accounts }, { accountId: '', region: '', source: '', protocol: 'tcp' });
  const subnets = new Map(world.subnets.map((s) => [s.id, s]));

  const hosts: PlannedHost[] = [];
  const portsByVpc = new Map<string, PlannedPort[]>();
  // A route table's kernel table: its place among its VPC's tables (each router has its own
  // numbering), so launching or stopping an instance never renumbers another's table.
  const tablesByVpc = new Map<string, string[]>();
  for (const t of [...world.routeTables].sort(byId)) append(tablesByVpc, t.vpcId, t.id);
  const tableNumbers = new Map<string, number>();
  for (const ids of tablesByVpc.values()) ids.forEach((id, n) => tableNumbers.set(id, FIRST_ROUTE_TABLE + n));
  const tableNumberOf = (subnet: Subnet): number => {
    const t = ix.routeTableOf(subnet);
    return t ? (tableNumbers.get(t.id) ?? 0) : 0;
  };
  const plug = (eni: NetworkInterface, dev: string): PlannedInterface | undefined => {
    const subnet = subnets.get(eni.subnetId);
    if (!subnet || eni.privateIps.length === 0) return undefined;
    const { gateway, prefixLength } = gatewayOf(subnet);
    const routerDev = deviceName('e', eni.id);
    // An address outlives its subnet's IPv6 block only in a world the API would not make; such
    // an address has no /64 to live in, so it is left out.
    const ipv6s = subnet.ipv6Associations.length > 0 ? eni.ipv6Addresses : [];
    append(portsByVpc, eni.vpcId, { eniId: eni.id, dev: routerDev, subnetId: subnet.id, ips: eni.privateIps, ipv6s, gateway, table: tableNumberOf(subnet) });
    return { eniId: eni.id, dev, routerNs: routerNs(eni.vpcId), routerDev, ips: eni.privateIps, prefixLength, gateway, ipv6s };
  };

  const enisByInstance = new Map<string, NetworkInterface[]>();
  for (const eni of [...world.networkInterfaces].sort(byId)) {
    if (eni.requesterManaged) continue;
    const owner = eni.attachment?.instanceId;
    if (owner === undefined) {
      const one = plug(eni, 'eth0');
      if (one) hosts.push({ id: eni.id, ns: hostNs(eni.id), interfaces: [one] });
      continue;
    }
    append(enisByInstance, owner, eni);
  }
  for (const instance of [...world.instances].sort(byId)) {
    if (instance.lifecycle.target !== 'running') continue;
    const enis = (enisByInstance.get(instance.id) ?? []).sort((a, b) => (a.attachment?.deviceIndex ?? 0) - (b.attachment?.deviceIndex ?? 0));
    const interfaces = enis.map((e) => plug(e, `eth${e.attachment?.deviceIndex ?? 0}`)).filter((x): x is PlannedInterface => x !== undefined);
    if (interfaces.length > 0) hosts.push({ id: instance.id, ns: hostNs(instance.id), interfaces });
  }

  // Links: active connections between two VPCs that both have a router.
  const linksByVpc = new Map<string, PlannedLink[]>();
  for (const p of [...world.peerings].sort(byId)) {
    if (effectiveStatus(p, world.now).status !== 'active') continue;
    const a = p.requester.vpcId;
    const b = p.accepter.vpcId;
    if (a === b || !portsByVpc.has(a) || !portsByVpc.has(b)) continue;
    const dev = deviceName('p', p.id);
    const mtu = p.requester.region === p.accepter.region ? MTU_IN_REGION : MTU_INTER_REGION_PEERING;
    append(linksByVpc, a, { peeringId: p.id, dev, creates: true, peerNs: routerNs(b), local: REQUESTER_LL, remote: ACCEPTER_LL, mtu });
    append(linksByVpc, b, { peeringId: p.id, dev, creates: false, peerNs: routerNs(a), local: ACCEPTER_LL, remote: REQUESTER_LL, mtu });
  }

  const routers: PlannedRouter[] = [];
  for (const vpc of [...world.vpcs].sort(byId)) {
    const ports = portsByVpc.get(vpc.id);
    if (!ports) continue;
    const links = linksByVpc.get(vpc.id) ?? [];
    const linkOf = new Map(links.map((l) => [l.peeringId, l]));
    const tables: PlannedTable[] = [];
    const used = new Set(ports.map((p) => p.table));
    for (const t of world.routeTables.filter((x) => x.vpcId === vpc.id).sort(byId)) {
      // Only tables some running interface is routed by.
      const table = tableNumbers.get(t.id) ?? 0;
      if (!used.has(table)) continue;
      const routes: PlannedRoute[] = [];
      // The analyzer's index reads IPv4 routes (its walk is IPv4, REACHABILITY.md §3.7); IPv6
      // routes come from the table itself. Either way only an active peering carries packets (a
      // link exists only for those); every other target (gateways, NAT) leads off this host,
      // and a blackhole drops silently, as AWS does.
      const destinations = [
        ...ix.routes(t).map((r) => ({ route: r.route, destination: r.cidr })),
        ...t.routes.flatMap((route) => (route.destinationIpv6CidrBlock === undefined ? [] : [{ route, destination: route.destinationIpv6CidrBlock }])),
      ];
      for (const { route, destination } of destinations) {
        if (route.target.kind === 'local') continue;
        const link = route.target.kind === 'vpc-peering-connection' ? linkOf.get(route.target.id) : undefined;
        routes.push({ destination, target: link ? { kind: 'link', dev: link.dev, via: link.remote } : { kind: 'blackhole' } });
      }
      tables.push({ routeTableId: t.id, table, routes });
    }
    const router = { vpcId: vpc.id, ns: routerNs(vpc.id), cidrs: liveIpv4Cidrs(vpc), cidrs6: liveIpv6Cidrs(vpc), ports, links, tables };
    routers.push({ ...router, nft: renderRouterNft(ix, router, world.networkInterfaces) });
  }
  return { routers, hosts };
}
