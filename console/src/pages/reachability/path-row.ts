import type { NetworkInsightsAnalysis, NetworkInsightsPath } from '@aws-sdk/client-ec2';
import { formatDate } from '../../shared/format-date';
import { nameTag, tagStrings } from '../../shared/tags';
import { S } from '../../strings';

export interface PathRow {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** The destination resource, else the address the path is sent to. */
  readonly destination: string;
  readonly protocol: string;
  readonly port: string;
  /** Reachable / Not reachable from the newest analysis, '-' before any. */
  readonly lastResult: string;
  readonly lastDate: string;
  readonly tags: readonly string[];
  readonly path: NetworkInsightsPath;
}

/** Where a path goes: its destination, else its FilterAtSource.DestinationAddress or DestinationIp. */
export function pathDestination(p: NetworkInsightsPath): string {
  return p.Destination ?? p.FilterAtSource?.DestinationAddress ?? p.DestinationIp ?? '-';
}

export function analysisResult(a: NetworkInsightsAnalysis | undefined): string {
  if (!a || a.Status !== 'succeeded') return a?.Status ?? '-';
  return a.NetworkPathFound ? S.reachability.reachable : S.reachability.notReachable;
}

export function toPathRow(p: NetworkInsightsPath, latest: NetworkInsightsAnalysis | undefined): PathRow {
  return {
    id: p.NetworkInsightsPathId ?? '',
    name: nameTag(p.Tags),
    source: p.Source ?? '-',
    destination: pathDestination(p),
    protocol: (p.Protocol ?? '').toUpperCase(),
    port: p.DestinationPort === undefined ? (p.FilterAtSource?.DestinationPortRange?.FromPort !== undefined ? String(p.FilterAtSource.DestinationPortRange.FromPort) : '-') : String(p.DestinationPort),
    lastResult: analysisResult(latest),
    lastDate: latest?.StartDate ? formatDate(latest.StartDate) : '-',
    tags: tagStrings(p.Tags),
    path: p,
  };
}
