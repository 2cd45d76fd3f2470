import { noPath, type AnalysisResult, type Explanation } from './analysis-result.js';
import type { Endpoint, Target } from './endpoints.js';
import { sentence } from './explanation-sentence.js';
import { applyFilterIn } from './filter-in.js';
import { applyFilterOut } from './filter-out.js';
import { forwardWalk } from './forward-walk.js';
import { fromInternet, toInternet } from './internet-walk.js';
import { addressSpans, cidrSpans, isEmptySet, questionPackets, type PacketSet, type Spans } from './packet-set.js';
import type { ReachQuery, ReachWorld } from './reach-world.js';
import { resolveSource, resolveTarget } from './resolve-endpoints.js';
import { returnWalk } from './return-walk.js';
import { WorldIndex } from './world-index.js';

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
  return questionPackets(q, src, dst);
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
    if (isIpv6(a)) return noPath([{ code: 'NO_PATH', sentence: sentence.ipv6(a as string) }]);
  }
  // Internet gateways: a walk of their own (internet-walk.ts).
  if (query.source.startsWith('igw-')) return fromInternet(ix);
  const source = resolveSource(ix, query.source);
  if (!('ok' in source)) return noPath([source.problem], source.suggestedAccount ? [source.suggestedAccount] : []);
  const target = resolveTarget(ix, query.destination);
  if (!('ok' in target)) return noPath([target.problem], target.suggestedAccount ? [target.suggestedAccount] : []);
  if (target.ok.kind === 'igw') return toInternet(ix, source.ok, target.ok.igw);
  const start = startSet(ix, query, source.ok, target.ok);
  if ('code' in start) return noPath([start]);
  if (isEmptySet(start)) return noPath([{ code: 'NO_PATH', sentence: 'The path asks about no packet at all; widen its ports or addresses.' }]);

  const forward = forwardWalk(ix, source.ok, target.ok, start);
  applyFilterIn(ix, forward.path, source.ok, start);
  applyFilterOut(ix, forward.path);
  const forwardBlocked = forward.path.blocked || (target.ok.kind !== 'pcx' && forward.arrivedAt === undefined);
  const forwardHops = forward.path.finish(forwardBlocked);
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
