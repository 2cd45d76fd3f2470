import type { PortRange, ReachQuery } from '../reachability/reach-world.js';
import type { Scope } from '../scope.js';
import type { NetworkInsightsPath } from './network-insights-path.js';
import { idOfArn } from './path-endpoint.js';

function fullRange(range: Partial<PortRange> | undefined): PortRange | undefined {
  return range ? { from: range.from ?? 0, to: range.to ?? 65535 } : undefined;
}

/** What an analysis adds to its path's question: the Start call's component filters, and the server's Region switch. */
export interface AnalysisOptions {
  readonly filterInArns: readonly string[];
  readonly filterOutArns?: readonly string[];
  /** `serve --reach-inter-region`: follow peerings across Regions. */
  readonly interRegion?: boolean;
}

/**
 * The analyzer's question for a stored path. The legacy members and the filters are exclusive
 * where they overlap (CreateNetworkInsightsPath refuses both), so each question member has one
 * source: SourceIp or FilterAtSource.SourceAddress; DestinationIp or a filter's DestinationAddress;
 * DestinationPort or a filter's DestinationPortRange; source ports only from a filter.
 */
export function reachQueryOf(caller: Scope, path: NetworkInsightsPath, options: AnalysisOptions): ReachQuery {
  const { filterInArns, filterOutArns = [] } = options;
  const fs = path.filterAtSource;
  const fd = path.filterAtDestination;
  const sourceIp = path.sourceIp ?? fs?.sourceAddress ?? fd?.sourceAddress;
  const destinationIp = path.destinationIp ?? fs?.destinationAddress ?? fd?.destinationAddress;
  const destinationPorts = path.destinationPort !== undefined
    ? { from: path.destinationPort, to: path.destinationPort }
    : fullRange(fs?.destinationPortRange ?? fd?.destinationPortRange);
  const sourcePorts = fullRange(fs?.sourcePortRange ?? fd?.sourcePortRange);
  return {
    accountId: caller.accountId,
    region: caller.region,
    source: path.source,
    ...(path.destination !== undefined ? { destination: path.destination } : {}),
    ...(sourceIp !== undefined ? { sourceIp } : {}),
    ...(destinationIp !== undefined ? { destinationIp } : {}),
    protocol: path.protocol,
    ...(destinationPorts ? { destinationPorts } : {}),
    ...(sourcePorts ? { sourcePorts } : {}),
    ...(filterInArns.length > 0 ? { filterIn: filterInArns.map(idOfArn) } : {}),
    ...(filterOutArns.length > 0 ? { filterOut: filterOutArns.map(idOfArn) } : {}),
    ...(options.interRegion ? { interRegion: true } : {}),
  };
}
