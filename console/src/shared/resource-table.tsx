import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import type { Resource } from '../api/use-resource';
import { navigate } from '../router/navigate';
import { S } from '../strings';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';
import { selectionLabels } from './selection-labels';
import { TablePreferencesButton } from './table-preferences';
import type { ListSplitPanel } from './use-list-split-panel';
import { useListSplitPanel } from './use-list-split-panel';
import type { useResourceCollection } from './use-resource-collection';

/**
 * A list page's full-page table, laid out the same for every resource (as the AWS console does):
 * the load error above it, a sticky header with counter, refresh, the page's actions and its
 * create button, the filter bar, pagination and preferences. Whatever the page adds (alerts
 * above the table, dialogs below it) goes in `alerts` and `children`; the selected row's details
 * go in the frame's split panel.
 */
export function ResourceTable<T extends { readonly id: string; readonly name: string }>({
  resource,
  collection,
  text,
  actions,
  createHref,
  resizableColumns,
  alerts,
  splitPanel,
  children,
}: {
  resource: Pick<Resource<unknown>, 'data' | 'error' | 'loading' | 'reload'>;
  collection: ReturnType<typeof useResourceCollection<T>>;
  /** The resource's strings (e.g. `S.vpcs`); `loadError` heads the alert a failed load shows. */
  text: { title: string; description: string; loadError: string; loading: string; filterPlaceholder: string; create: string };
  /** Between refresh and create: the page's Actions menu. */
  actions: ReactNode;
  createHref: string;
  resizableColumns?: boolean;
  alerts?: ReactNode;
  /** The selected resource's details and tabs, in the split panel below the table. */
  splitPanel?: ListSplitPanel;
  children?: ReactNode;
}): ReactNode {
  const { items, collectionProps, propertyFilterProps, paginationProps, filteredItemsCount, columns, preferences, setPreferences } = collection;
  // A selected row a reload no longer has (deleted elsewhere) is no selection.
  const chosen = collectionProps.selectedItems ?? [];
  const selectedRows = chosen.length === 1 ? (collection.selected ? [collection.selected] : []) : chosen;
  useListSplitPanel(splitPanel, selectedRows, resource.data, resource.reload);
  return (
    <SpaceBetween size="m">
      {resource.error && <ErrorAlert error={resource.error} header={text.loadError} onRetry={resource.reload} />}
      {alerts}
      <Table<T>
        {...collectionProps}
        // A failed load is not an empty list: say so instead of offering to create the first one.
        empty={resource.error ? <EmptyState title={S.errors.notLoaded} subtitle={S.errors.notLoadedHint} /> : collectionProps.empty}
        variant="full-page"
        stickyHeader
        resizableColumns={resizableColumns}
        items={items}
        loading={resource.loading && !resource.data}
        loadingText={text.loading}
        columnDefinitions={columns}
        columnDisplay={preferences.contentDisplay}
        selectionType="single"
        ariaLabels={selectionLabels<T>((r) => (r.name ? `${r.name} ${r.id}` : r.id), text.title)}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={resource.data ? `(${collection.total})` : undefined}
            description={text.description}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />
                {actions}
                <Button variant="primary" onClick={() => navigate(createHref)}>{text.create}</Button>
              </SpaceBetween>
            }
          >
            {text.title}
          </Header>
        }
        filter={
          <PropertyFilter
            {...propertyFilterProps}
            filteringPlaceholder={text.filterPlaceholder}
            filteringAriaLabel={text.filterPlaceholder}
            countText={S.filter.matches(filteredItemsCount ?? 0)}
            expandToViewport
          />
        }
        pagination={<Pagination {...paginationProps} />}
        preferences={<TablePreferencesButton preferences={preferences} onChange={setPreferences} columns={columns} alwaysVisible="id" />}
      />
      {children}
    </SpaceBetween>
  );
}
