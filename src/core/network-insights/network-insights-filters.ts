import type { Tagged } from '../describe-scoped.js';
import type { FieldValue, FilterSpec } from '../filters/filter-spec.js';
import type { PortRange } from '../reachability/reach-world.js';
import { taggedTags } from '../tag-filter.js';
import type { NetworkInsightsAnalysis } from './network-insights-analysis.js';
import type { NetworkInsightsPath, PathFilter } from './network-insights-path.js';

/**
 * A port range as a filter value [I: AWS does not document the format]: `from-to`, and the bare
 * port when the range is one port, so `443` and `443-443` both match.
 */
function portRangeValues(range: Partial<PortRange> | undefined): FieldValue {
  if (!range) return undefined;
  const from = range.from ?? 0;
  const to = range.to ?? 65535;
  return from === to ? [`${from}-${to}`, String(from)] : [`${from}-${to}`];
}

function filterFields(prefix: string, get: (p: NetworkInsightsPath) => PathFilter | undefined): Record<string, (item: Tagged<NetworkInsightsPath>) => FieldValue> {
  return {
    [`${prefix}.source-address`]: ({ resource: p }) => get(p)?.sourceAddress,
    [`${prefix}.source-port-range`]: ({ resource: p }) => portRangeValues(get(p)?.sourcePortRange),
    [`${prefix}.destination-address`]: ({ resource: p }) => get(p)?.destinationAddress,
    [`${prefix}.destination-port-range`]: ({ resource: p }) => portRangeValues(get(p)?.destinationPortRange),
  };
}

// DescribeNetworkInsightsPaths' filters (EC2 model doc string), plus EC2's tag filters.
export const NETWORK_INSIGHTS_PATH_FILTERS: FilterSpec<Tagged<NetworkInsightsPath>> = {
  tags: taggedTags,
  fields: {
    destination: ({ resource: p }) => [p.destination, p.destinationArn],
    source: ({ resource: p }) => [p.source, p.sourceArn],
    protocol: ({ resource: p }) => p.protocol,
    ...filterFields('filter-at-source', (p) => p.filterAtSource),
    ...filterFields('filter-at-destination', (p) => p.filterAtDestination),
  },
};

// DescribeNetworkInsightsAnalyses' filters (EC2 model doc string: path-found, status), plus tags.
export const NETWORK_INSIGHTS_ANALYSIS_FILTERS: FilterSpec<Tagged<NetworkInsightsAnalysis>> = {
  tags: taggedTags,
  fields: {
    'path-found': ({ resource: a }) => (a.result ? String(a.result.pathFound) : undefined),
    status: ({ resource: a }) => a.status,
  },
};
