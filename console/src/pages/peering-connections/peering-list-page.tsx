import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useEffect, useMemo } from 'react';
import { describePeerings } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { EmptyState } from '../../shared/empty-state';
import { selectionLabels } from '../../shared/selection-labels';
import { TablePreferencesButton, useTablePreferences } from '../../shared/table-preferences';
import { S } from '../../strings';
import { PeeringAlerts } from './peering-alerts';
import { PEERING_COLUMNS } from './peering-columns';
import { PEERING_FILTER_PROPERTIES, peeringFilterOptions } from './peering-filtering';
import type { PeeringRow } from './peering-row';
import { toPeeringRow, TRANSITIONAL } from './peering-row';
import { usePeeringActions } from './use-peering-actions';

/** Every connection this account sees in this region, terminal ones included while AWS shows them. */
export function PeeringListPage(): ReactNode {
  const { ec2, session } = useSession();
  const key = useScopeKey('peerings');
  const resource = useResource(key, (signal) => describePeerings(ec2, signal));
  const rows = useMemo(() => (resource.data ?? []).map((c) => toPeeringRow(c, session.accountId)), [resource.data, session.accountId]);
  const [preferences, setPreferences] = useTablePreferences('peerings', PEERING_COLUMNS);

  // Transitional statuses (provisioning after an accept) settle by the next read: look again soon.
  const settling = rows.some((r) => TRANSITIONAL.has(r.status));
  const { reload } = resource;
  useEffect(() => {
    if (!settling || resource.loading) return;
    const t = window.setTimeout(reload, 1500);
    return () => window.clearTimeout(t);
  }, [settling, resource.loading, reload]);

  const { items, collectionProps, propertyFilterProps, paginationProps, filteredItemsCount, actions } = useCollection(rows, {
    propertyFiltering: {
      filteringProperties: PEERING_FILTER_PROPERTIES,
      filteringOptions: peeringFilterOptions(rows),
      empty: <EmptyState title={S.peering.emptyTitle} subtitle={S.peering.emptySubtitle} action={<Button onClick={() => navigate('/peering-connections/create')}>{S.peering.create}</Button>} />,
      noMatch: <EmptyState title={S.filter.noMatch} action={<Button onClick={() => actions.setPropertyFiltering({ tokens: [], operation: 'and' })}>{S.filter.clear}</Button>} />,
    },
    pagination: { pageSize: preferences.pageSize },
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
    selection: { keepSelection: true, trackBy: 'id' },
  });

  const selectedId = collectionProps.selectedItems?.[0]?.id;
  const selected = rows.find((r) => r.id === selectedId)?.connection;
  // What a write returned (Accept's `provisioning`) shows until the poll above reads the settled
  // status, as AWS's console shows it; writes that return nothing are read back at once.
  const { menu, dialogs, permissions } = usePeeringActions(selected, (updated?: VpcPeeringConnection) => {
    if (updated) resource.replace((list) => list?.map((c) => (c.VpcPeeringConnectionId === updated.VpcPeeringConnectionId ? updated : c)));
    else resource.reload();
  });

  return (
    <SpaceBetween size="m">
      {resource.error && <ErrorAlert error={resource.error} header={S.peering.loadError} onRetry={resource.reload} />}
      {permissions && <PeeringAlerts permissions={permissions} />}
      <Table<PeeringRow>
        {...collectionProps}
        // A failed load is not an empty list: say so instead of offering to create the first one.
        empty={resource.error ? <EmptyState title={S.errors.notLoaded} subtitle={S.errors.notLoadedHint} /> : collectionProps.empty}
        variant="full-page"
        stickyHeader
        resizableColumns
        items={items}
        loading={resource.loading && !resource.data}
        loadingText={S.peering.loading}
        columnDefinitions={PEERING_COLUMNS}
        columnDisplay={preferences.contentDisplay}
        selectionType="single"
        ariaLabels={selectionLabels<PeeringRow>((r) => r.name ? `${r.name} ${r.id}` : r.id, S.peering.title)}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={resource.data ? `(${rows.length})` : undefined}
            description={S.peering.description}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />
                {menu}
                <Button variant="primary" onClick={() => navigate('/peering-connections/create')}>{S.peering.create}</Button>
              </SpaceBetween>
            }
          >
            {S.peering.title}
          </Header>
        }
        filter={
          <PropertyFilter
            {...propertyFilterProps}
            filteringPlaceholder={S.peering.filterPlaceholder}
            filteringAriaLabel={S.peering.filterPlaceholder}
            countText={S.filter.matches(filteredItemsCount ?? 0)}
            expandToViewport
          />
        }
        pagination={<Pagination {...paginationProps} />}
        preferences={<TablePreferencesButton preferences={preferences} onChange={setPreferences} columns={PEERING_COLUMNS} alwaysVisible="id" />}
      />
      {dialogs}
    </SpaceBetween>
  );
}
