import type { InternetGateway } from '../internet-gateways/internet-gateway.js';
import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { SecurityGroup } from '../security-groups/security-group.js';
import { noPath, type AnalysisResult, type ComponentRef, type Explanation } from './analysis-result.js';
import type { Endpoint } from './endpoints.js';
import { sentence } from './explanation-sentence.js';
import { applyFilterIn } from './filter-in.js';
import { applyFilterOut } from './filter-out.js';
import { aclHop, eniHopFields, groupsExplanations, ownAddressCheck, refOf, vpcRef } from './hop-checks.js';
import { addressSpans, cidrSpans, firstAddress, header, project, questionPackets, reply, spansIntersect, spansSubtract, type PacketSet, type Spans } from './packet-set.js';
import { PathBuilder, type OpenHop } from './path-builder.js';
import { lookupRoute, routeHit } from './route-lookup.js';
import { missing, resolveTarget } from './resolve-endpoints.js';
import { evaluateGroups } from './security-group-evaluate.js';
import type { IndexedRoute, WorldIndex } from './world-index.js';

/**
 * Paths that start or end at an internet gateway (AWS's getting-started CLI flow: `--source igw-…
 * --destination i-…`, TCP 22), hop by hop as that guide's reachable example shows them: in, the
 * gateway (the packet's public destination translated to the private address paired with it), the
 * destination subnet's ACL, the groups, the interface and its instance; back, the instance, the
 * interface, the group (no rule: stateful), the ACL's egress rule, the subnet's route table (the
 * route to the gateway) and the gateway. A gateway delivers only to an address paired with a
 * public one (IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS) and sends out only from one
 * (IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS); a reply, or a packet out, needs a route to the gateway
 * (NO_ROUTE_TO_DESTINATION naming the gateway, as in the Desert Bloom write-up) [D explanation codes,
 * getting-started CLI; I which hop carries what].
 */

/** Private (RFC 1918) and shared (RFC 6598) space: an internet gateway neither takes from nor sends to it (IGW_*_RFC1918_*, IGW_*_RFC6598_*). */
const NOT_INTERNET: Spans = ['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16'].flatMap((c) => cidrSpans(c) ?? []);

/** "Any public address": what the guide's example header lists as 0.0.0.0/5, 11.0.0.0/8, 12.0.0.0/6, … */
export const INTERNET: Spans = spansSubtract([[0, 0xffffffff]], NOT_INTERNET);

const isPublic = (spans: Spans | undefined): spans is Spans => spans !== undefined && spans.length > 0 && spansIntersect(spans, NOT_INTERNET).length === 0;
const THE_INTERNET = 'the internet';

const gatewayOf = (r: IndexedRoute): string | undefined => (r.route.target.kind === 'gateway' ? r.route.target.id : undefined);

/** The set with one address dimension replaced: the gateway's one-to-one NAT. */
function translate(set: PacketSet, dim: 'src' | 'dst', spans: Spans): PacketSet {
  return { protocol: set.protocol, boxes: set.boxes.map((b) => ({ ...b, [dim]: spans })) };
}

/** The gateway can serve the interface's VPC, or why not (no path at all: configuration codes). */
function gatewayProblem(ix: WorldIndex, igw: InternetGateway, eni: NetworkInterface): Explanation | undefined {
  const igwRef = refOf(ix, igw);
  if (igw.attachedVpcId === undefined) return { code: 'UNASSOCIATED_COMPONENT', sentence: sentence.igwDetached(igw.id, eni.vpcId), component: igwRef };
  if (igw.attachedVpcId === eni.vpcId) return undefined;
  return {
    code: 'DISCONNECTED_VPCS',
    sentence: sentence.igwElsewhere(igw.id, igw.attachedVpcId, eni.vpcId),
    sourceVpc: vpcRef(ix, igw.attachedVpcId, igw),
    destinationVpc: vpcRef(ix, eni.vpcId, eni),
  };
}

/** Addresses the query names for the internet side must be public (IGW_EXPECTS_PUBLIC_ADDRESS). */
function publicOnly(ix: WorldIndex, igw: InternetGateway, texts: readonly (string | undefined)[]): Explanation | undefined {
  for (const text of texts) {
    if (text === undefined || isPublic(addressSpans(text) ?? cidrSpans(text))) continue;
    return { code: 'IGW_EXPECTS_PUBLIC_ADDRESS', sentence: sentence.expectsPublic(text, igw.id), component: refOf(ix, igw), address: text };
  }
  return undefined;
}

/** The reply's (or packet's) way to the gateway in the subnet's table: NO_ROUTE_TO_DESTINATION naming the gateway when it has none. */
function routeToGateway(ix: WorldIndex, path: PathBuilder, eni: NetworkInterface, igw: InternetGateway, set: PacketSet): PacketSet | undefined {
  const subnet = ix.subnet(eni.subnetId);
  const table = subnet ? ix.routeTableOf(subnet) : undefined;
  const choice = table ? lookupRoute(ix.routes(table), set, (r) => gatewayOf(r) === igw.id) : undefined;
  const rtbRef = table ? refOf(ix, table) : undefined;
  const hop = rtbRef ? path.add({ component: rtbRef, ...(choice ? { routeTableRoute: routeHit(choice.route) } : {}) }) : undefined;
  if (choice && gatewayOf(choice.route) === igw.id) return choice.set;
  const e: Explanation = {
    code: 'NO_ROUTE_TO_DESTINATION',
    sentence: sentence.noRoute(table?.id ?? '(none)', subnet ? sentence.usedBy(table, subnet) : eni.subnetId, THE_INTERNET, sentence.addRoute('0.0.0.0/0', igw.id)),
    ...(rtbRef ? { routeTable: rtbRef } : {}),
    ...(subnet ? { subnet: refOf(ix, subnet) } : {}),
    vpc: vpcRef(ix, eni.vpcId, eni),
    destination: refOf(ix, igw),
  };
  if (hop) path.explain(hop, e);
  else if (path.last) path.explain(path.last, e);
  return undefined;
}

/** The interface's groups one way: the admitting group's hop, or the reasons pinned on `eniHop` later. */
function groupsHop(ix: WorldIndex, path: PathBuilder, eni: NetworkInterface, egress: boolean, set: PacketSet): { set: PacketSet; group?: SecurityGroup; failures: Explanation[] } {
  const v = evaluateGroups(ix, eni, egress, set, undefined);
  if (v.allowed.boxes.length === 0) return { set, failures: groupsExplanations(ix, eni, egress, v, set, THE_INTERNET) };
  if (v.group) path.add({ component: refOf(ix, v.group), ...(v.rule ? { securityGroupRule: v.rule } : {}) });
  return { set: v.allowed, ...(v.group ? { group: v.group } : {}), failures: [] };
}

function explainAll(path: PathBuilder, hop: OpenHop, es: readonly Explanation[]): void {
  for (const e of es) path.explain(hop, e);
}

function result(ix: WorldIndex, forward: PathBuilder, back: PathBuilder | undefined): AnalysisResult {
  applyFilterOut(ix, forward);
  const forwardBlocked = forward.blocked;
  const forwardHops = forward.finish(forwardBlocked);
  if (back && !forwardBlocked) applyFilterOut(ix, back);
  const returnHops = back && !forwardBlocked ? back.build() : [];
  const returnBlocked = back !== undefined && !forwardBlocked && back.blocked;
  return {
    pathFound: !forwardBlocked && !returnBlocked && back !== undefined,
    forward: forwardHops,
    return: returnHops,
    explanations: [...forwardHops, ...returnHops].flatMap((h) => h.explanations),
    suggestedAccounts: [],
  };
}

/** From the internet, through the gateway named as the source, to an interface or instance (or a public address). */
export function fromInternet(ix: WorldIndex): AnalysisResult {
  const q = ix.query;
  const igw = ix.internetGateway(q.source);
  if (!igw) {
    const m = missing(q.source);
    return noPath('problem' in m ? [m.problem] : []);
  }
  const bad = publicOnly(ix, igw, [q.sourceIp, q.sourceAddress, q.destinationIp]);
  if (bad) return noPath([bad]);
  const target = resolveTarget(ix, q.destination);
  if (!('ok' in target)) return noPath([target.problem], target.suggestedAccount ? [target.suggestedAccount] : []);
  if (target.ok.kind === 'pcx' || target.ok.kind === 'igw') {
    return noPath([{ code: 'NO_PATH', sentence: `A path from ${igw.id} ends at an interface, an instance or a public address, not at ${target.ok.kind === 'pcx' ? target.ok.pcx.id : target.ok.igw.id}.` }]);
  }
  const named = target.ok.kind === 'eni' ? target.ok : undefined;
  // The public address the packets are sent to, and the private one it is paired with.
  const own = named ? ix.publicAddressesOf(named.eni.id) : [];
  const pairing = q.destinationIp !== undefined ? ix.publicAddress(q.destinationIp) : (own.find((a) => a.privateIp === named?.eni.privateIps[0]) ?? own[0]);
  const dst = named?.eni ?? (pairing ? ix.eni(pairing.networkInterfaceId) : undefined);
  const src: Spans = q.sourceIp !== undefined ? (addressSpans(q.sourceIp) ?? []) : q.sourceAddress !== undefined ? (cidrSpans(q.sourceAddress) ?? []) : INTERNET;
  const publicIp = q.destinationIp ?? pairing?.publicIp;
  const path = new PathBuilder();
  const igwRef = refOf(ix, igw);
  const vpc = igw.attachedVpcId !== undefined ? vpcRef(ix, igw.attachedVpcId, igw) : undefined;
  if (!dst) {
    // An address nobody's interface is paired with: the gateway has nowhere to send it.
    const set = questionPackets(ix.query, src, addressSpans(publicIp ?? '') ?? []);
    const hop = path.add({ component: igwRef, ...(vpc ? { vpc } : {}), inboundHeader: header(set) });
    path.explain(hop, { code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', sentence: sentence.noPublicIn(igw.id, publicIp ?? '(no address)'), component: igwRef, ...(publicIp ? { address: publicIp } : {}) });
    return result(ix, path, undefined);
  }
  const problem = gatewayProblem(ix, igw, dst);
  if (problem) return noPath([problem]);
  const privateIp = pairing?.privateIp ?? dst.privateIps[0] ?? '';
  let set = questionPackets(ix.query, src, addressSpans(publicIp ?? privateIp) ?? []);
  const igwHop = path.add({ component: igwRef, ...(vpc ? { vpc } : {}), inboundHeader: header(set) });
  if (!pairing) path.explain(igwHop, { code: 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', sentence: sentence.noPublicIn(igw.id, dst.id), component: igwRef, networkInterface: refOf(ix, dst) });
  set = translate(set, 'dst', addressSpans(privateIp) ?? []);
  path.set(igwHop, { outboundHeader: header(set) });

  const subnet = ix.subnet(dst.subnetId);
  if (subnet) set = aclHop(ix, path, subnet, false, set, false, THE_INTERNET);
  const groups = groupsHop(ix, path, dst, false, set);
  set = groups.set;
  const eniHop = path.add(eniHopFields(ix, dst));
  explainAll(path, eniHop, groups.failures);
  set = ownAddressCheck(ix, path, eniHop, dst, set, 'dst');
  path.set(eniHop, { inboundHeader: header(set) });
  const instance = named?.instance;
  if (instance) path.add({ component: refOf(ix, instance), inboundHeader: header(set) });
  applyFilterIn(ix, path, undefined, set);
  if (path.blocked) return result(ix, path, undefined);

  // The reply, back to the internet by the destination subnet's own table.
  const back = new PathBuilder();
  let r = reply(set);
  if (instance) back.add({ component: refOf(ix, instance), outboundHeader: header(r) });
  back.add({ ...eniHopFields(ix, dst), ...(instance ? {} : { outboundHeader: header(r) }) });
  if (groups.group) back.add({ component: refOf(ix, groups.group) });
  if (subnet) r = aclHop(ix, back, subnet, true, r, true, THE_INTERNET);
  const routed = routeToGateway(ix, back, dst, igw, r);
  if (routed) {
    r = translate(routed, 'src', addressSpans(publicIp ?? privateIp) ?? []);
    back.add({ component: igwRef, ...(vpc ? { vpc } : {}), outboundHeader: header(r) });
  }
  return result(ix, path, back);
}

/** From an interface or instance, through its VPC's internet gateway named as the destination, to the internet (or a public address). */
export function toInternet(ix: WorldIndex, source: Endpoint, igw: InternetGateway): AnalysisResult {
  const q = ix.query;
  const src = source.eni;
  const problem = gatewayProblem(ix, igw, src) ?? publicOnly(ix, igw, [q.destinationIp]);
  if (problem) return noPath([problem]);
  const igwRef: ComponentRef = refOf(ix, igw);
  const vpc = vpcRef(ix, src.vpcId, src);
  const from: Spans = q.sourceIp !== undefined ? (addressSpans(q.sourceIp) ?? []) : q.sourceAddress !== undefined ? (cidrSpans(q.sourceAddress) ?? []) : (addressSpans(src.privateIps[0] ?? '') ?? []);
  let set = questionPackets(ix.query, from, q.destinationIp !== undefined ? (addressSpans(q.destinationIp) ?? []) : INTERNET);
  const path = new PathBuilder();
  if (source.instance) path.add({ component: refOf(ix, source.instance), outboundHeader: header(set) });
  const eniHop = path.add(eniHopFields(ix, src));
  if (src.sourceDestCheck) set = ownAddressCheck(ix, path, eniHop, src, set, 'src');
  path.set(eniHop, { outboundHeader: header(set) });
  const groups = groupsHop(ix, path, src, true, set);
  explainAll(path, eniHop, groups.failures);
  set = groups.set;
  const subnet = ix.subnet(src.subnetId);
  if (subnet) set = aclHop(ix, path, subnet, true, set, false, THE_INTERNET);
  const routed = routeToGateway(ix, path, src, igw, set);
  if (routed) set = routed;
  const igwHop = path.add({ component: igwRef, vpc });
  // The gateway sends out only from a private address paired with a public one.
  const privateIp = firstAddress(set, 'src');
  const pairing = ix.publicAddressesOf(src.id).find((a) => a.privateIp === privateIp);
  if (!pairing) path.explain(igwHop, { code: 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', sentence: sentence.noPublicOut(igw.id, src.id, privateIp), component: igwRef, networkInterface: refOf(ix, src), address: privateIp });
  const privateSrc = project(set, 'src');
  if (pairing) set = translate(set, 'src', addressSpans(pairing.publicIp) ?? []);
  path.set(igwHop, { outboundHeader: header(set) });
  applyFilterIn(ix, path, source, set);
  if (path.blocked) return result(ix, path, undefined);

  // The reply from the internet: the gateway translates it back, the subnet's ACL judges it.
  const back = new PathBuilder();
  let r = reply(set);
  const inHop = back.add({ component: igwRef, vpc, inboundHeader: header(r) });
  r = translate(r, 'dst', privateSrc);
  back.set(inHop, { outboundHeader: header(r) });
  if (subnet) r = aclHop(ix, back, subnet, false, r, true, THE_INTERNET);
  if (groups.group) back.add({ component: refOf(ix, groups.group) });
  const home = back.add(eniHopFields(ix, src));
  r = ownAddressCheck(ix, back, home, src, r, 'dst');
  back.set(home, { inboundHeader: header(r) });
  if (source.instance) back.add({ component: refOf(ix, source.instance), inboundHeader: header(r) });
  return result(ix, path, back);
}
