import type { Explanation, NetworkInsightsAnalysis } from '@aws-sdk/client-ec2';
import { StartNetworkInsightsAnalysisCommand } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { describeInsightsAnalyses, describeInsightsPaths, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useLocation } from '../../router/use-location';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDate } from '../../shared/format-date';
import { resourceLink } from '../../shared/resource-link';
import { useRowActions } from '../../shared/row-actions';
import { withManageTags } from '../../shared/with-manage-tags';
import { StateIndicator } from '../../shared/state-indicator';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { loadSentences, matchSentences } from './analysis-sentences';
import { AnalysisView } from './analysis-view';
import { PATH_ACTIONS } from './path-actions';
import { ResultIndicator } from './path-list-page';
import { analysisResult, toPathRow } from './path-row';

const LINK_BASES: readonly (readonly [string, string])[] = [['i-', '/instances'], ['eni-', '/network-interfaces'], ['pcx-', '/peering-connections']];
const endLink = (id: string): ReactNode => {
  const base = LINK_BASES.find(([p]) => id.startsWith(p))?.[1];
  return base ? resourceLink(base, id) : id;
};

/** A path: its source, destination, protocol and port; Analyze path; its analyses; the chosen one drawn hop by hop. */
export function PathDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const { query } = useLocation();
  const resource = useResource(useScopeKey('insights-path', id), async (signal) => {
    const [path, analyses] = await Promise.all([only(describeInsightsPaths(ec2, signal, [id]), id), describeInsightsAnalyses(ec2, signal, { pathId: id })]);
    return { row: toPathRow(path, analyses[0]), analyses };
  });
  const analyses = resource.data?.analyses ?? [];
  const wanted = query.get('analysis');
  const selected: NetworkInsightsAnalysis | undefined = analyses.find((a) => a.NetworkInsightsAnalysisId === wanted) ?? analyses[0];
  const selectedId = selected?.NetworkInsightsAnalysisId ?? '';
  const sentences = useResource(useScopeKey('analysis-sentences', selectedId), async (signal) => (selectedId && selected?.NetworkPathFound === false ? loadSentences(session, selectedId, signal) : new Map<string, string>()));
  const matched = useMemo(() => (selected ? matchSentences(selected, sentences.data ?? new Map<string, string>()) : new Map<Explanation, string>()), [selected, sentences.data]);
  const [busy, setBusy] = useState(false);
  const [analyzeError, setAnalyzeError] = useState<ApiError>();
  const { menu, dialog } = useRowActions(withManageTags(PATH_ACTIONS, resource.reload), () => navigate('/reachability'));
  const r = resource.data?.row;

  const analyze = async (): Promise<void> => {
    setBusy(true);
    setAnalyzeError(undefined);
    try {
      const started = await ec2.send(new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: id }));
      navigate(`/reachability/${id}?analysis=${started.NetworkInsightsAnalysis?.NetworkInsightsAnalysisId ?? ''}`, { replace: true });
      resource.reload();
    } catch (e) {
      setAnalyzeError(toApiError(e));
    }
    setBusy(false);
  };

  return (
    <DetailsLayout
      id={id}
      name={r?.name ?? ''}
      resource={resource}
      loadError={S.reachability.loadError}
      actions={[
        <Button key="analyze" variant="primary" loading={busy} disabled={!r} onClick={() => void analyze()}>{S.reachability.analyze}</Button>,
        <span key="menu">{menu(r, S.reachability.selectFirst)}</span>,
      ]}
      dialogs={dialog}
      alerts={analyzeError && <ErrorAlert error={analyzeError} header={S.reachability.analyzeError} onDismiss={() => setAnalyzeError(undefined)} />}
      details={r && {
        header: S.reachability.pathDetails,
        items: [
          { label: S.reachability.id, value: id },
          { label: S.reachability.source, value: endLink(r.source) },
          { label: S.reachability.destination, value: endLink(r.destination) },
          { label: S.reachability.protocol, value: r.protocol },
          { label: S.reachability.destinationPort, value: r.port },
          { label: S.reachability.reachabilityStatus, value: <ResultIndicator result={r.lastResult} /> },
        ],
      }}
      tabs={r && [
        {
          id: 'analyses',
          label: S.reachability.analyses,
          content: (
            <SpaceBetween size="l">
              <Table<NetworkInsightsAnalysis>
                variant="embedded"
                items={analyses}
                trackBy={(a) => a.NetworkInsightsAnalysisId ?? ''}
                selectionType="single"
                selectedItems={selected ? [selected] : []}
                onSelectionChange={({ detail }) => navigate(`/reachability/${id}?analysis=${detail.selectedItems[0]?.NetworkInsightsAnalysisId ?? ''}`, { replace: true })}
                ariaLabels={{ selectionGroupLabel: S.reachability.analyses, itemSelectionLabel: (_s, a) => a.NetworkInsightsAnalysisId ?? '', allItemsSelectionLabel: () => S.reachability.analyses }}
                header={<Header variant="h2" counter={`(${analyses.length})`}>{S.reachability.analyses}</Header>}
                empty={<EmptyState title={S.reachability.noAnalyses} subtitle={S.reachability.noAnalysesHint} />}
                columnDefinitions={[
                  { id: 'id', header: S.reachability.analysisId, cell: (a) => a.NetworkInsightsAnalysisId, isRowHeader: true },
                  { id: 'result', header: S.reachability.reachabilityStatus, cell: (a) => <ResultIndicator result={analysisResult(a)} /> },
                  { id: 'status', header: S.reachability.analysisStatus, cell: (a) => <StateIndicator state={a.Status} /> },
                  { id: 'start', header: S.reachability.startDate, cell: (a) => (a.StartDate ? formatDate(a.StartDate) : '-') },
                ]}
              />
              {selected && <AnalysisView analysis={selected} source={r.source} destination={r.destination} sentences={matched} sentencesFailed={sentences.error !== undefined} />}
            </SpaceBetween>
          ),
        },
        { id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.path.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> },
      ]}
    />
  );
}
