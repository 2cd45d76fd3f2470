import type { NetworkInsightsAnalysis } from '@aws-sdk/client-ec2';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeInsightsAnalyses, describeInsightsPaths } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { S } from '../../strings';
import { PATH_ACTIONS } from './path-actions';
import type { PathRow } from './path-row';
import { toPathRow } from './path-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { PathDetailsPage } from './path-details-page';

export function ResultIndicator({ result }: { result: string }): ReactNode {
  if (result === S.reachability.reachable) return <StatusIndicator type="success">{result}</StatusIndicator>;
  if (result === S.reachability.notReachable) return <StatusIndicator type="error">{result}</StatusIndicator>;
  return result;
}

const COLUMNS: TableProps.ColumnDefinition<PathRow>[] = [
  nameColumn(),
  idColumn(S.reachability.id, '/reachability'),
  { id: 'source', header: S.reachability.source, cell: (r) => r.source, sortingField: 'source' },
  { id: 'destination', header: S.reachability.destination, cell: (r) => r.destination, sortingField: 'destination' },
  { id: 'protocol', header: S.reachability.protocol, cell: (r) => r.protocol },
  { id: 'port', header: S.reachability.destinationPort, cell: (r) => r.port },
  { id: 'result', header: S.reachability.reachabilityStatus, cell: (r) => <ResultIndicator result={r.lastResult} /> },
  { id: 'last', header: S.reachability.lastAnalysis, cell: (r) => r.lastDate },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.reachability.id),
  filterProperty('source', S.reachability.source),
  filterProperty('destination', S.reachability.destination),
  filterProperty('lastResult', S.reachability.reachabilityStatus),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.path, render: (id) => <PathDetailsPage id={id} /> };

/** Reachability Analyzer's paths, each with the verdict of its newest analysis. */
export function PathListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="reachability"
      load={async (ec2, signal) => {
        const [paths, analyses] = await Promise.all([describeInsightsPaths(ec2, signal), describeInsightsAnalyses(ec2, signal)]);
        const latest = new Map<string, NetworkInsightsAnalysis>();
        for (const a of analyses) if (a.NetworkInsightsPathId && !latest.has(a.NetworkInsightsPathId)) latest.set(a.NetworkInsightsPathId, a);
        return paths.map((p) => toPathRow(p, latest.get(p.NetworkInsightsPathId ?? '')));
      }}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.reachability}
      createHref="/reachability/create"
      actions={PATH_ACTIONS}
    />
  );
}
