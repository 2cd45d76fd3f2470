import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { PeeringConnection } from '../peering/peering-connection.js';
import type { SecurityGroup } from '../security-groups/security-group.js';
import type { ComponentRef, Explanation } from './analysis-result.js';
import type { Endpoint, Target } from './endpoints.js';
import { sentence } from './explanation-sentence.js';
import { aclHop, blackholeExplanation, eniHopFields, groupsExplanations, ownAddressCheck, refOf, vpcLabel, vpcRef } from './hop-checks.js';
import { cidrSpans, firstAddress, header, isEmptySet, project, restrict, type PacketSet } from './packet-set.js';
import { PathBuilder, type OpenHop } from './path-builder.js';
import { lookupRoute, pcxOf, routeHit, routesCovering, type RouteChoice } from './route-lookup.js';
import { evaluateGroups } from './security-group-evaluate.js';
import type { IndexedRoute, WorldIndex } from './world-index.js';

export interface ForwardOutcome {
  readonly path: PathBuilder;
  /** The packets that arrived (or would have, past the blocks). */
  readonly set: PacketSet;
  /** Where they arrived: the destination ENI (absent for a peering destination or a dead end). */
  readonly arrivedAt?: NetworkInterface;
  /** The peering crossed, if any. */
  readonly pcx?: PeeringConnection;
  readonly sourceGroup?: SecurityGroup;
  readonly destinationGroup?: SecurityGroup;
  readonly suggestedAccounts: readonly string[];
}


/** The pcx, if any, that would carry `address` from `vpcId`: one whose far VPC holds it (active first). */
function carrierFor(ix: WorldIndex, vpcId: string, address: number): { pcx: PeeringConnection; cidr: string } | undefined {
  const found = ix.peeringsOf(vpcId).flatMap((p) => {
    const ends = ix.ends(p, vpcId);
    if (!ends) return [];
    const cidr = ix.vpcCidrs(ends.far.vpcId, ends.far).find((c) => isIn(c, address));
    return cidr ? [{ pcx: p, cidr }] : [];
  });
  found.sort((a, b) => Number(ix.peeringStatus(b.pcx) === 'active') - Number(ix.peeringStatus(a.pcx) === 'active'));
  return found[0];
}

function isIn(cidr: string, address: number): boolean {
  const span = cidrSpans(cidr)?.[0];
  return span !== undefined && address >= span[0] && address <= span[1];
}


/**
 * The forward walk (REACHABILITY.md §3.2): source ENI and its source check, source groups
 * egress, source subnet ACL egress, the subnet's route table (longest prefix), the peering and
 * its far-CIDR rule, destination subnet ACL ingress, destination groups ingress, the
 * destination ENI. Filters that block are explained and walked past (§2.5c); a missing or wrong
 * route, a non-transitive peering or an invisible far side end the walk.
 */
export function forwardWalk(ix: WorldIndex, source: Endpoint, target: Target, start: PacketSet): ForwardOutcome {
  const path = new PathBuilder();
  const suggested: string[] = [];
  const src = source.eni;
  const srcSubnet = ix.subnet(src.subnetId);
  let set = start;

  if (source.instance) path.add({ component: refOf(ix, source.instance), outboundHeader: header(set) });
  const eniHop = path.add(eniHopFields(ix, src));
  // Source/destination check (EC2 user guide): the ENI sends only from its own addresses.
  if (src.sourceDestCheck) set = ownAddressCheck(ix, path, eniHop, src, set, 'src');
  path.set(eniHop, { outboundHeader: header(set) });

  const wantedVpc = target.kind === 'eni' ? target.eni.vpcId : target.kind === 'pcx' ? ix.ends(target.pcx, src.vpcId)?.far.vpcId : undefined;
  const peerLabel = vpcLabel(ix, wantedVpc, firstAddress(set, 'dst'));

  const egressGroups = evaluateGroups(ix, src, true, set, wantedVpc);
  if (isEmptySet(egressGroups.allowed)) {
    for (const e of groupsExplanations(ix, src, true, egressGroups, set, peerLabel)) path.explain(eniHop, e);
    for (const u of egressGroups.unknown) if (!suggested.includes(u.accountId)) suggested.push(u.accountId);
  } else {
    if (egressGroups.group) path.add({ component: refOf(ix, egressGroups.group), ...(egressGroups.rule ? { securityGroupRule: egressGroups.rule } : {}) });
    set = egressGroups.allowed;
  }

  const done = (arrivedAt?: NetworkInterface, pcx?: PeeringConnection, destinationGroup?: SecurityGroup): ForwardOutcome => ({
    path,
    set,
    ...(arrivedAt ? { arrivedAt } : {}),
    ...(pcx ? { pcx } : {}),
    ...(egressGroups.group ? { sourceGroup: egressGroups.group } : {}),
    ...(destinationGroup ? { destinationGroup } : {}),
    suggestedAccounts: suggested,
  });
  if (!srcSubnet) return done();
  const table = ix.routeTableOf(srcSubnet);
  const routes = table ? ix.routes(table) : [];

  // Which route would lead where the path is going: the walk follows it when some packet takes it.
  const leadsToTarget = (r: IndexedRoute): boolean => {
    const kind = r.route.target.kind;
    if (target.kind === 'pcx') return pcxOf(r) === target.pcx.id;
    if (target.kind === 'eni' && wantedVpc === src.vpcId) return kind === 'local';
    if (target.kind === 'eni') {
      const p = pcxOf(r) === undefined ? undefined : ix.peering(pcxOf(r) as string);
      return p !== undefined && ix.ends(p, src.vpcId)?.far.vpcId === wantedVpc;
    }
    return kind === 'local' || kind === 'vpc-peering-connection';
  };
  const choice = lookupRoute(routes, set, leadsToTarget);
  const decision = decideRoute(ix, src.vpcId, target, wantedVpc, choice, leadsToTarget);
  if (choice) set = choice.set;

  // Traffic that stays inside one subnet never crosses its ACL (VPC user guide, network ACLs).
  const localEni = decision.kind === 'local' ? (target.kind === 'eni' ? target.eni : ix.eniOwning(src.vpcId, project(set, 'dst')[0]?.[0] ?? -1)) : undefined;
  const intraSubnet = localEni !== undefined && localEni.subnetId === src.subnetId;
  if (!intraSubnet) set = aclHop(ix, path, srcSubnet, true, set, false, peerLabel);

  const rtbRef = table ? refOf(ix, table) : undefined;
  const rtbHop = rtbRef ? path.add({ component: rtbRef, ...(choice ? { routeTableRoute: routeHit(choice.route) } : {}) }) : eniHop;
  const address = firstAddress(set, 'dst');
  const routeFields = (): Partial<Explanation> => ({
    ...(rtbRef ? { routeTable: rtbRef } : {}),
    subnet: refOf(ix, srcSubnet),
    vpc: vpcRef(ix, src.vpcId, src),
  });
  const usedByText = sentence.usedBy(table, srcSubnet);

  if (decision.kind === 'no-route' || decision.kind === 'wrong-route') {
    path.explain(rtbHop, routeFailure(ix, src.vpcId, target, wantedVpc, table?.id ?? '(none)', usedByText, address, set, routes, choice, routeFields(), decision.kind));
    return done();
  }
  if (decision.kind === 'gone' && choice) {
    path.explain(rtbHop, {
      code: 'BAD_STATE_ROUTE',
      sentence: sentence.routeToNothing(decision.pcxId),
      ...routeFields(),
      routeTableRoute: routeHit(choice.route),
    });
    return done();
  }
  if (decision.kind !== 'local' && decision.kind !== 'pcx') return done();
  if (decision.kind === 'local') {
    return deliver(ix, path, src, src.vpcId, target, set, rtbHop, intraSubnet, suggested, done, undefined);
  }

  // A peering route (§3.2 steps 5-6).
  const pcx = decision.pcx;
  const ends = ix.ends(pcx, src.vpcId);
  if (choice && choice.route.state === 'blackhole') {
    path.explain(rtbHop, blackholeExplanation(ix, pcx, ix.ref(pcx.id, ends?.near ?? pcx.requester), choice.route, routeFields()));
  }
  if (!ends) return done();
  const pcxRef = ix.ref(pcx.id, ends.near);
  const nearVpc = vpcRef(ix, ends.near.vpcId, ends.near);
  const farVpc = vpcRef(ix, ends.far.vpcId, ends.far);
  const pcxHop = path.add({ component: pcxRef, sourceVpc: nearVpc, destinationVpc: farVpc, inboundHeader: header(set) });
  const farSpans = ix.vpcSpans(ends.far.vpcId, ends.far);
  const inFar = restrict(set, { dst: farSpans });
  if (isEmptySet(inFar)) {
    const farCidrs = ix.vpcCidrs(ends.far.vpcId, ends.far);
    const holder = ix.vpcHolding(project(set, 'dst')[0]?.[0] ?? 0, src.vpcId);
    path.explain(pcxHop, {
      code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
      sentence: sentence.notTransitive(pcx.id, ends.far.vpcId, farCidrs, address, holder?.id, src.vpcId),
      vpcPeeringConnection: pcxRef,
      sourceVpc: nearVpc,
      destinationVpc: farVpc,
      cidrs: farCidrs,
      address,
    });
    return done(undefined, pcx);
  }
  set = inFar;
  path.set(pcxHop, { outboundHeader: header(set) });
  // A path that ends at the peering never enters the far VPC: its Region and account do not matter
  // (the connection lives in both sides' Regions and accounts).
  if (target.kind === 'pcx') return done(undefined, pcx);
  // AWS analyses one Region (§3.8); vpcpeer follows inter-Region peerings only when asked.
  if (ends.far.region !== ends.near.region && ix.query.interRegion !== true) {
    path.explain(pcxHop, {
      code: 'NO_POSSIBLE_DESTINATION',
      sentence: sentence.otherRegion(pcx.id, ends.far.region),
      component: farVpc,
      vpcPeeringConnection: pcxRef,
      componentRegion: ends.far.region,
    });
    return done(undefined, pcx);
  }
  if (!ix.visible(ends.far.accountId)) {
    if (!suggested.includes(ends.far.accountId)) suggested.push(ends.far.accountId);
    path.explain(pcxHop, {
      code: 'NO_POSSIBLE_DESTINATION',
      sentence: sentence.otherAccount(ends.far.vpcId, ends.far.accountId),
      component: farVpc,
      vpcPeeringConnection: pcxRef,
      componentAccount: ends.far.accountId,
      componentRegion: ends.far.region,
    });
    return done(undefined, pcx);
  }
  return deliver(ix, path, src, ends.far.vpcId, target, set, pcxHop, false, suggested, done, pcx);
}

type RouteDecision = { kind: 'no-route' } | { kind: 'wrong-route' } | { kind: 'gone'; pcxId: string } | { kind: 'local' } | { kind: 'pcx'; pcx: PeeringConnection };

/** Whether the chosen route can carry the packets towards the target at all. */
function decideRoute(
  ix: WorldIndex,
  vpcId: string,
  target: Target,
  wantedVpc: string | undefined,
  choice: RouteChoice | undefined,
  leadsToTarget: (r: IndexedRoute) => boolean,
): RouteDecision {
  if (!choice) return { kind: 'no-route' };
  const r = choice.route;
  const kind = r.route.target.kind;
  if (kind === 'local') return wantedVpc !== undefined && wantedVpc !== vpcId ? { kind: 'wrong-route' } : { kind: 'local' };
  const pcxId = pcxOf(r);
  if (pcxId === undefined) return { kind: 'wrong-route' };
  const pcx = ix.peering(pcxId);
  // A connection purged after its deletion leaves its routes behind, blackholed (AWS-BEHAVIOUR.md §3.10).
  if (!pcx) return { kind: 'gone', pcxId };
  const ends = ix.ends(pcx, vpcId);
  if (!ends) return { kind: 'wrong-route' };
  if (leadsToTarget(r) || target.kind === 'ip') return { kind: 'pcx', pcx };
  // Another peering: if its far VPC holds the address (overlapping peers, §3.6) the packet goes
  // to the wrong VPC, a route problem; if not, the peering itself refuses it (non-transitive).
  const inFar = restrict(choice.set, { dst: ix.vpcSpans(ends.far.vpcId, ends.far) });
  return isEmptySet(inFar) && target.kind !== 'pcx' ? { kind: 'pcx', pcx } : { kind: 'wrong-route' };
}

/** NO_ROUTE_TO_DESTINATION, MORE_SPECIFIC_ROUTE or DISCONNECTED_VPCS at the source table (§2.4). */
function routeFailure(
  ix: WorldIndex,
  vpcId: string,
  target: Target,
  wantedVpc: string | undefined,
  tableId: string,
  usedByText: string,
  address: string,
  set: PacketSet,
  routes: readonly IndexedRoute[],
  choice: RouteChoice | undefined,
  fields: Partial<Explanation>,
  kind: 'no-route' | 'wrong-route',
): Explanation {
  const addressNumber = project(set, 'dst')[0]?.[0] ?? 0;
  const carrier =
    target.kind === 'pcx'
      ? carrierOf(ix, vpcId, target.pcx)
      : wantedVpc !== undefined && wantedVpc !== vpcId
        ? carrierTo(ix, vpcId, wantedVpc, addressNumber)
        : carrierFor(ix, vpcId, addressNumber);
  const carrierRef: ComponentRef | undefined = carrier ? ix.ref(carrier.pcx.id, ix.ends(carrier.pcx, vpcId)?.near ?? carrier.pcx.requester) : undefined;
  if (kind === 'wrong-route' && choice && carrier) {
    const wanted = routesCovering(routes, set).find((r) => pcxOf(r) === carrier.pcx.id);
    if (wanted) {
      return {
        code: 'MORE_SPECIFIC_ROUTE',
        sentence: sentence.moreSpecific(tableId, choice.route.cidr, targetName(choice.route), wanted.cidr, carrier.pcx.id, address),
        ...fields,
        routeTableRoute: routeHit(wanted),
        ...(carrierRef ? { destination: carrierRef } : {}),
      };
    }
  }
  if (!choice && target.kind === 'eni' && wantedVpc !== undefined && wantedVpc !== vpcId && ix.peeringsBetween(vpcId, wantedVpc).length === 0) {
    const src = ix.vpc(vpcId);
    return {
      code: 'DISCONNECTED_VPCS',
      sentence: sentence.disconnected(vpcId, wantedVpc),
      sourceVpc: ix.ref(vpcId, src ?? target.eni),
      destinationVpc: vpcRef(ix, wantedVpc, target.eni),
      ...fields,
    };
  }
  const fix = carrier
    ? sentence.addRoute(carrier.cidr, carrier.pcx.id)
    : target.kind === 'pcx'
      ? sentence.pcxNotOnSource(target.pcx.id, vpcId)
      : sentence.noPeering(vpcId, address, ix.vpcHolding(addressNumber, vpcId)?.id);
  // `Destination` names where the path is headed, as named: the peering when the path ends at one
  // ([O] "TDD but for Networking": a pcx destination), the path's source on the way back ([O] the
  // Desert Bloom write-up, igw -> instance: "Route table rtb-… does not have an applicable route
  // to igw-…", Destination the igw); so the interface or instance the path ends at, never the
  // peering that would carry the packet there (the sentence names that one). An address alone
  // names no component.
  const destination = pathEndRef(ix, target, vpcId);
  return {
    code: 'NO_ROUTE_TO_DESTINATION',
    sentence: sentence.noRoute(tableId, usedByText, target.kind === 'pcx' && carrier ? carrier.pcx.id : address, fix),
    ...fields,
    ...(destination ? { destination } : {}),
  };
}

/** The path's end as the path names it: its instance, interface or peering connection (seen from `vpcId`). */
function pathEndRef(ix: WorldIndex, target: Target, vpcId: string): ComponentRef | undefined {
  if (target.kind === 'eni') return refOf(ix, target.instance ?? target.eni);
  if (target.kind === 'pcx') return ix.ref(target.pcx.id, ix.ends(target.pcx, vpcId)?.near ?? target.pcx.requester);
  return undefined;
}

/** The peering (active first) joining `vpcId` to `wantedVpc`, with the far block holding the address. */
function carrierTo(ix: WorldIndex, vpcId: string, wantedVpc: string, address: number): { pcx: PeeringConnection; cidr: string } | undefined {
  const pcx = ix.peeringsBetween(vpcId, wantedVpc)[0];
  const ends = pcx && ix.ends(pcx, vpcId);
  if (!pcx || !ends) return undefined;
  const cidrs = ix.vpcCidrs(ends.far.vpcId, ends.far);
  const cidr = cidrs.find((c) => isIn(c, address)) ?? cidrs[0];
  return cidr ? { pcx, cidr } : undefined;
}

function carrierOf(ix: WorldIndex, vpcId: string, pcx: PeeringConnection): { pcx: PeeringConnection; cidr: string } | undefined {
  const ends = ix.ends(pcx, vpcId);
  const cidr = ends && ix.vpcCidrs(ends.far.vpcId, ends.far)[0];
  return cidr ? { pcx, cidr } : undefined;
}

export function targetName(r: IndexedRoute): string {
  const t = r.route.target;
  return t.kind === 'local' ? 'local' : t.id;
}

/**
 * Delivery in the reached VPC by its local route (§3.2 steps 7-9): the owning ENI, its subnet's
 * ACL ingress (unless the packet never left the subnet), its groups ingress, the ENI itself.
 */
function deliver(
  ix: WorldIndex,
  path: PathBuilder,
  src: NetworkInterface,
  reachedVpc: string,
  target: Target,
  arriving: PacketSet,
  lastHop: OpenHop,
  intraSubnet: boolean,
  suggested: string[],
  done: (arrivedAt?: NetworkInterface, pcx?: PeeringConnection, destinationGroup?: SecurityGroup) => ForwardOutcome,
  pcx: PeeringConnection | undefined,
): ForwardOutcome {
  let set = arriving;
  const address = firstAddress(set, 'dst');
  const dst = target.kind === 'eni' ? target.eni : ix.eniOwning(reachedVpc, project(set, 'dst')[0]?.[0] ?? -1);
  if (!dst) {
    const vpc = vpcRef(ix, reachedVpc, src);
    path.explain(lastHop, { code: 'NO_POSSIBLE_DESTINATION', sentence: sentence.noDestinationInVpc(reachedVpc, address), component: vpc, vpc, address });
    return { ...done(undefined, pcx), set };
  }
  const dstSubnet = ix.subnet(dst.subnetId);
  const srcLabel = vpcLabel(ix, pcx ? src.vpcId : undefined, firstAddress(set, 'src'));
  if (!intraSubnet && dstSubnet) set = aclHop(ix, path, dstSubnet, false, set, false, srcLabel);
  const ingress = evaluateGroups(ix, dst, false, set, src.vpcId);
  let failures: Explanation[] = [];
  if (isEmptySet(ingress.allowed)) {
    failures = groupsExplanations(ix, dst, false, ingress, set, srcLabel);
    for (const u of ingress.unknown) if (!suggested.includes(u.accountId)) suggested.push(u.accountId);
  } else {
    if (ingress.group) path.add({ component: refOf(ix, ingress.group), ...(ingress.rule ? { securityGroupRule: ingress.rule } : {}) });
    set = ingress.allowed;
  }
  const eniHop = path.add(eniHopFields(ix, dst));
  for (const e of failures) path.explain(eniHop, e);
  set = ownAddressCheck(ix, path, eniHop, dst, set, 'dst');
  path.set(eniHop, { inboundHeader: header(set) });
  if (target.kind === 'eni' && target.instance) path.add({ component: refOf(ix, target.instance), inboundHeader: header(set) });
  return { ...done(dst, pcx, ingress.group), set };
}
