import type { NetworkInterface } from '../network-interfaces/network-interface.js';
import type { Explanation } from './analysis-result.js';
import type { Endpoint, Target } from './endpoints.js';
import { sentence } from './explanation-sentence.js';
import type { ForwardOutcome } from './forward-walk.js';
import { targetName } from './forward-walk.js';
import { aclHop, blackholeExplanation, eniHopFields, ownAddressCheck, refOf, vpcLabel, vpcRef } from './hop-checks.js';
import { firstAddress, header, isEmptySet, reply, restrict } from './packet-set.js';
import { PathBuilder } from './path-builder.js';
import { lookupRoute, pcxOf, routeHit, routesCovering } from './route-lookup.js';
import type { IndexedRoute, WorldIndex } from './world-index.js';

/**
 * The reply's walk (REACHABILITY.md §3.3), from the destination back to the source. Security
 * groups are stateful: their hops show no rule. ACLs are stateless: the destination subnet's
 * egress and the source subnet's ingress see the reply with ports swapped, so a rule for
 * 1024-65535 narrows the set. Routing is the destination subnet's own table, which must send the
 * reply back over the same peering (peering has no reverse-path forwarding; §3.6).
 */
export function returnWalk(ix: WorldIndex, source: Endpoint, target: Target, forward: ForwardOutcome): PathBuilder {
  const path = new PathBuilder();
  const dst = forward.arrivedAt as NetworkInterface;
  const src = source.eni;
  let set = reply(forward.set);
  const dstSubnet = ix.subnet(dst.subnetId);
  const srcSubnet = ix.subnet(src.subnetId);
  const intraSubnet = dst.subnetId === src.subnetId;

  if (target.kind === 'eni' && target.instance) path.add({ component: refOf(ix, target.instance), outboundHeader: header(set) });
  const dstHop = path.add({ ...eniHopFields(ix, dst), outboundHeader: header(set) });
  if (forward.destinationGroup) path.add({ component: refOf(ix, forward.destinationGroup) });
  const srcLabel = vpcLabel(ix, forward.pcx ? src.vpcId : undefined, firstAddress(set, 'dst'));
  if (!intraSubnet && dstSubnet) set = aclHop(ix, path, dstSubnet, true, set, true, srcLabel);
  if (!dstSubnet) return path;

  const table = ix.routeTableOf(dstSubnet);
  const routes = table ? ix.routes(table) : [];
  const pcx = forward.pcx;
  const wanted = (r: IndexedRoute): boolean => (pcx ? pcxOf(r) === pcx.id : r.route.target.kind === 'local');
  const choice = lookupRoute(routes, set, wanted);
  if (choice) set = choice.set;
  const rtbRef = table ? refOf(ix, table) : undefined;
  const rtbHop = rtbRef ? path.add({ component: rtbRef, ...(choice ? { routeTableRoute: routeHit(choice.route) } : {}) }) : dstHop;
  const address = firstAddress(set, 'dst');
  const fields: Partial<Explanation> = { ...(rtbRef ? { routeTable: rtbRef } : {}), subnet: refOf(ix, dstSubnet), vpc: vpcRef(ix, dst.vpcId, dst) };
  const tableId = table?.id ?? '(none)';
  const usedByText = sentence.usedBy(table, dstSubnet);
  const pcxRef = pcx ? ix.ref(pcx.id, ix.ends(pcx, dst.vpcId)?.near ?? pcx.requester) : undefined;

  if (!choice || !wanted(choice.route)) {
    const back = pcx ? pcx.id : 'local';
    const wantedRoute = pcx ? routesCovering(routes, set).find((r) => pcxOf(r) === pcx.id) : undefined;
    const srcCidr = ix.vpcCidrs(src.vpcId)[0] ?? address;
    let e: Explanation;
    if (choice && wantedRoute) {
      e = {
        code: 'MORE_SPECIFIC_ROUTE',
        sentence: sentence.replyElsewhere(tableId, usedByText, address, choice.route.cidr, targetName(choice.route), back),
        ...fields,
        routeTableRoute: routeHit(wantedRoute),
      };
    } else {
      e = {
        code: 'NO_ROUTE_TO_DESTINATION',
        sentence: choice
          ? sentence.replyElsewhere(tableId, usedByText, address, choice.route.cidr, targetName(choice.route), back)
          : sentence.noRoute(tableId, usedByText, address, pcx ? sentence.addRoute(srcCidr, pcx.id) : 'add a route for it'),
        ...fields,
        // Where the reply is headed: the path's source as named (see routeFailure in forward-walk.ts).
        destination: refOf(ix, source.instance ?? src),
      };
    }
    path.explain(rtbHop, e);
    return path;
  }

  if (pcx && pcxRef) {
    if (choice.route.state === 'blackhole') path.explain(rtbHop, blackholeExplanation(ix, pcx, pcxRef, choice.route, fields));
    const ends = ix.ends(pcx, dst.vpcId);
    const nearVpc = vpcRef(ix, dst.vpcId, dst);
    const farVpc = vpcRef(ix, src.vpcId, src);
    const pcxHop = path.add({ component: pcxRef, sourceVpc: nearVpc, destinationVpc: farVpc, inboundHeader: header(set) });
    const inFar = restrict(set, { dst: ix.vpcSpans(src.vpcId, ends?.far) });
    if (isEmptySet(inFar)) {
      const farCidrs = ix.vpcCidrs(src.vpcId, ends?.far);
      path.explain(pcxHop, {
        code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
        sentence: sentence.notTransitive(pcx.id, src.vpcId, farCidrs, address, undefined, dst.vpcId),
        vpcPeeringConnection: pcxRef,
        sourceVpc: nearVpc,
        destinationVpc: farVpc,
        cidrs: farCidrs,
        address,
      });
      return path;
    }
    set = inFar;
    path.set(pcxHop, { outboundHeader: header(set) });
  }

  const dstLabel = vpcLabel(ix, pcx ? dst.vpcId : undefined, firstAddress(set, 'src'));
  if (!intraSubnet && srcSubnet) set = aclHop(ix, path, srcSubnet, false, set, true, dstLabel);
  if (forward.sourceGroup) path.add({ component: refOf(ix, forward.sourceGroup) });
  // The reply is delivered to whoever owns its destination address: a source that sent from an
  // address not its own (source/destination check off) does not get it back.
  const srcHop = path.add(eniHopFields(ix, src));
  set = ownAddressCheck(ix, path, srcHop, src, set, 'dst');
  path.set(srcHop, { inboundHeader: header(set) });
  if (source.instance) path.add({ component: refOf(ix, source.instance), inboundHeader: header(set) });
  return path;
}
