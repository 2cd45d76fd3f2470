import { errors } from '../errors.js';
import type { AnalysisResult } from '../reachability/analysis-result.js';
import { analyzeReachability } from '../reachability/analyze-reachability.js';
import type { PortRange, Protocol, ReachQuery } from '../reachability/reach-world.js';
import type { RequestContext } from '../request-context.js';
import { loadReachWorld } from './load-reach-world.js';
import { checkOneRegion, resolvePathEndpoint } from './path-endpoint.js';

/** A question asked of vpcpeer's own endpoint, as text from a query string. */
export interface ReachQuestion {
  readonly source?: string | undefined;
  readonly destination?: string | undefined;
  readonly protocol?: string | undefined;
  readonly port?: string | undefined;
  readonly sourcePort?: string | undefined;
  /** `true` or `false`: follow peerings across Regions; absent, the server's default (`serve --reach-inter-region`). */
  readonly interRegion?: string | undefined;
  readonly additionalAccounts: readonly string[];
}

const PROTOCOLS: ReadonlySet<string> = new Set<Protocol>(['tcp', 'udp', 'icmp']);
const ACCOUNT_ID = /^\d{12}$/;

function portOf(parameter: string, text: string | undefined): PortRange | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw errors.invalidValueFor(parameter, text, 'It must be a whole number from 0 to 65535.');
  return { from: Number(text), to: Number(text) };
}

/**
 * The analysis of a question Reachability Analyzer cannot ask: ICMP echo (ping) as well as TCP and
 * UDP, inside one Region or (`interRegion`) across Regions, answered at once and stored nowhere. Endpoints are resolved and the world is read exactly
 * as for a Network Insights path (same visibility: the caller's account plus `additionalAccounts`),
 * so the verdict for TCP and UDP is the one an analysis of the same path gives.
 */
export async function askReachability(ctx: RequestContext, q: ReachQuestion): Promise<AnalysisResult> {
  if (!q.source) throw errors.missingParameter('source');
  if (!q.destination) throw errors.missingParameter('destination');
  const protocol = (q.protocol ?? 'tcp').toLowerCase();
  if (!PROTOCOLS.has(protocol)) throw errors.invalidValueFor('protocol', q.protocol ?? '', 'Valid values are: tcp, udp, icmp.');
  const destinationPorts = portOf('port', q.port);
  const sourcePorts = portOf('sourcePort', q.sourcePort);
  if (protocol === 'icmp' && (destinationPorts || sourcePorts)) throw errors.invalidValueFor('protocol', protocol, 'ICMP has no ports: leave out port and sourcePort.');
  for (const account of q.additionalAccounts) {
    if (!ACCOUNT_ID.test(account)) throw errors.invalidValueFor('additionalAccount', account, 'It must be a 12-digit account id.');
  }
  if (q.interRegion !== undefined && q.interRegion !== 'true' && q.interRegion !== 'false') throw errors.invalidValueFor('interRegion', q.interRegion, 'Valid values are: true, false.');
  const interRegion = q.interRegion === undefined ? ctx.reachInterRegion === true : q.interRegion === 'true';
  const source = await resolvePathEndpoint(ctx, 'source', q.source);
  const destination = await resolvePathEndpoint(ctx, 'destination', q.destination);
  checkOneRegion(source, destination, interRegion);
  const world = await loadReachWorld(ctx, { source: source.id, sourceArn: source.arn, destination: destination.id, destinationArn: destination.arn }, q.additionalAccounts);
  const query: ReachQuery = {
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    source: source.id,
    destination: destination.id,
    protocol: protocol as Protocol,
    ...(destinationPorts ? { destinationPorts } : {}),
    ...(sourcePorts ? { sourcePorts } : {}),
    ...(interRegion ? { interRegion: true } : {}),
  };
  return analyzeReachability(world, query);
}
