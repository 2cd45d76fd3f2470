import type { AnalysisResult, Explanation, PathHop } from './analysis-result.js';
import type { Endpoint, Target } from './endpoints.js';
import { sentence } from './explanation-sentence.js';
import { applyFilterIn } from './filter-in.js';
import { applyFilterOut } from './filter-out.js';
import { forwardWalk } from './forward-walk.js';
import { addressSpans, ALL_PORTS, cidrSpans, ICMP_ECHO_REQUEST, isEmptySet, type PacketSet, type Spans } from './packet-set.js';
import type { PathBuilder } from './path-builder.js';
import type { ReachQuery, ReachWorld } from './reach-world.js';
import { resolveSource, resolveTarget } from './resolve-endpoints.js';
import { returnWalk } from './return-walk.js';
import { WorldIndex } from './world-index.js';

const nothing = (explanations: Explanation[], suggestedAccounts: string[] = []): AnalysisResult => ({
  pathFound: false,
  forward: [],
  return: [],
  explanations,
  suggestedAccounts,
});

const isIpv6 = (text: string | undefined): boolean => text !== undefined && text.includes(':');

/** The packets the query asks about (REACHABILITY.md §3.1), or an explanation of why there are none. */
function startSet(ix: WorldIndex, q: ReachQuery, source: Endpoint, target: Target): PacketSet | Explanation {
  const src: Spans | undefined = q.sourceIp !== undefined ? addressSpans(q.sourceIp) : q.sourceAddress !== undefined ? cidrSpans(q.sourceAddress) : addressSpans(source.eni.privateIps[0] ?? '');
  let dst: Spans | undefined;
  if (q.destinationIp !== undefined) dst = addressSpans(q.destinationIp);
  else if (target.kind === 'eni') dst = addressSpans(target.eni.privateIps[0] ?? '');
  else if (target.kind === 'pcx') {
    const ends = ix.ends(target.pcx, source.eni.vpcId);
    dst = ends ? ix.vpcSpans(ends.far.vpcId, ends.far) : ix.vpcSpans(target.pcx.accepter.vpcId, target.pcx.accepter);
  }
  if (!src || !dst || src.length === 0 || dst.length === 0) {
    const address = q.destinationIp ?? q.sourceIp ?? source.eni.id;
    return { code: 'NO_PATH', sentence: isIpv6(address) ? sentence.ipv6(address) : `No IPv4 address to analyse for ${address}; give the path an IPv4 source and destination.` };
  }
  // An ICMP question is an echo request: type 8, code 0 (packet-set.ts, `Protocol`).
  if (q.protocol === 'icmp') return { protocol: q.protocol, boxes: [{ src, dst, sp: [[0, 0]], dp: [[ICMP_ECHO_REQUEST, ICMP_ECHO_REQUEST]] }] };
  const ports = (r: { from: number; to: number } | undefined): Spans => (r ? [[r.from, r.to]] : ALL_PORTS);
  return { protocol: q.protocol, boxes: [{ src, dst, sp: ports(q.sourcePorts), dp: ports(q.destinationPorts) }] };
}

function finish(path: PathBuilder, blocked: boolean): PathHop[] {
  // A blocked forward path was analysed one way only (§2.2): say so on its last hop.
  if (blocked && path.last) path.last.additionalDetails.push({ type: 'UNIDIRECTIONAL_PATH_ANALYSIS_ONLY' });
  return path.build();
}

/**
 * Would some packet of the query's set go from source to destination, and its reply come back?
 * Forward walk (§3.2), then, when it gets through to an interface, the return walk (§3.3). The
 * world is indexed once per call; both walks are a fixed number of indexed lookups.
 */
export function analyzeReachability(world: ReachWorld, query: ReachQuery): AnalysisResult {
  const ix = new WorldIndex(world, query);
  // Reachability Analyzer handles IPv4 only (§3.7).
  for (const a of [query.sourceIp, query.destinationIp, query.sourceAddress]) {
    if (isIpv6(a)) return nothing([{ code: 'NO_PATH', sentence: sentence.ipv6(a as string) }]);
  }
  const source = resolveSource(ix, query.source);
  if (!('ok' in source)) return nothing([source.problem], source.suggestedAccount ? [source.suggestedAccount] : []);
  const target = resolveTarget(ix, query.destination);
  if (!('ok' in target)) return nothing([target.problem], target.suggestedAccount ? [target.suggestedAccount] : []);
  const start = startSet(ix, query, source.ok, target.ok);
  if ('code' in start) return nothing([start]);
  if (isEmptySet(start)) return nothing([{ code: 'NO_PATH', sentence: 'The path asks about no packet at all; widen its ports or addresses.' }]);

  const forward = forwardWalk(ix, source.ok, target.ok, start);
  applyFilterIn(ix, forward.path, source.ok, start);
  applyFilterOut(ix, forward.path);
  const forwardBlocked = forward.path.blocked || (target.ok.kind !== 'pcx' && forward.arrivedAt === undefined);
  const forwardHops = finish(forward.path, forwardBlocked);
  const returnPath = !forwardBlocked && forward.arrivedAt ? returnWalk(ix, source.ok, target.ok, forward) : undefined;
  if (returnPath) applyFilterOut(ix, returnPath);
  const returnHops = returnPath ? returnPath.build() : [];
  const returnBlocked = returnPath?.blocked ?? false;
  const explanations = [...forwardHops, ...returnHops].flatMap((h) => h.explanations);
  return {
    pathFound: !forwardBlocked && !returnBlocked,
    forward: forwardHops,
    return: returnHops,
    explanations,
    suggestedAccounts: [...forward.suggestedAccounts],
  };
}
