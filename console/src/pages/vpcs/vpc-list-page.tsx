import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { LIST_OPERATORS, textProperty } from '../../shared/list-operators';
import { EmptyState } from '../../shared/empty-state';
import { selectionLabels } from '../../shared/selection-labels';
import { TablePreferencesButton, useTablePreferences } from '../../shared/table-preferences';
import { S } from '../../strings';
import { DeleteVpcDialog } from './delete-vpc-dialog';
import type { VpcRow } from './vpc-row';
import { toVpcRow } from './vpc-row';

const COLUMNS: TableProps.ColumnDefinition<VpcRow>[] = [
  { id: 'name', header: S.vpcs.name, cell: (r) => r.name || '-', sortingField: 'name' },
  { id: 'id', header: S.vpcs.id, cell: (r) => <Link href={`/vpcs/${r.id}`} onFollow={followLink}>{r.id}</Link>, sortingField: 'id', isRowHeader: true },
  { id: 'state', header: S.vpcs.state, cell: (r) => <StatusIndicator type={r.state === 'available' ? 'success' : 'pending'}>{r.state === 'available' ? S.vpcs.available : r.state}</StatusIndicator> },
  { id: 'cidr', header: S.vpcs.ipv4Cidr, cell: (r) => r.cidrs.join(', ') || r.cidr, sortingField: 'cidr' },
  { id: 'ipv6', header: S.vpcs.ipv6Cidr, cell: (r) => r.ipv6Cidrs.join(', ') || '-' },
  { id: 'default', header: S.vpcs.isDefault, cell: (r) => r.defaultLabel, sortingField: 'defaultLabel' },
  { id: 'owner', header: S.vpcs.owner, cell: (r) => r.ownerId },
];

const PROPERTIES: PropertyFilterProperty[] = [
  textProperty('name', S.vpcs.name, S.filter.values(S.vpcs.name)),
  textProperty('id', S.vpcs.id, S.filter.values(S.vpcs.id)),
  { key: 'cidrs', propertyLabel: S.filter.cidr, groupValuesLabel: S.filter.values(S.filter.cidr), operators: LIST_OPERATORS, defaultOperator: ':' },
  textProperty('defaultLabel', S.vpcs.isDefault, S.filter.values(S.vpcs.isDefault)),
  { key: 'tags', propertyLabel: S.filter.tag, groupValuesLabel: S.filter.values(S.filter.tag), operators: LIST_OPERATORS, defaultOperator: ':' },
];

export function VpcListPage(): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('vpcs'), (signal) => describeVpcs(ec2, signal));
  const rows = useMemo(() => (resource.data ?? []).map((v) => toVpcRow(v, S.common.yes, S.common.no)), [resource.data]);
  const [preferences, setPreferences] = useTablePreferences('vpcs', COLUMNS);
  const [deleting, setDeleting] = useState<string>();
  const { items, collectionProps, propertyFilterProps, paginationProps, filteredItemsCount, actions } = useCollection(rows, {
    propertyFiltering: {
      filteringProperties: PROPERTIES,
      filteringOptions: rows.flatMap((r) => [{ propertyKey: 'id', value: r.id }, ...r.cidrs.map((c) => ({ propertyKey: 'cidrs', value: c })), ...(r.name ? [{ propertyKey: 'name', value: r.name }] : [])]),
      empty: <EmptyState title={S.vpcs.none} action={<Button onClick={() => navigate('/vpcs/create')}>{S.vpcs.create}</Button>} />,
      noMatch: <EmptyState title={S.filter.noMatch} action={<Button onClick={() => actions.setPropertyFiltering({ tokens: [], operation: 'and' })}>{S.filter.clear}</Button>} />,
    },
    pagination: { pageSize: preferences.pageSize },
    sorting: {},
    selection: { keepSelection: true, trackBy: 'id' },
  });
  const selected = rows.find((r) => r.id === collectionProps.selectedItems?.[0]?.id);
  const need = selected ? undefined : S.vpcs.selectFirst;

  return (
    <SpaceBetween size="m">
      {resource.error && <ErrorAlert error={resource.error} header={S.vpcs.loadError} onRetry={resource.reload} />}
      <Table<VpcRow>
        {...collectionProps}
        // A failed load is not an empty list: say so instead of offering to create the first one.
        empty={resource.error ? <EmptyState title={S.errors.notLoaded} subtitle={S.errors.notLoadedHint} /> : collectionProps.empty}
        variant="full-page"
        stickyHeader
        items={items}
        loading={resource.loading && !resource.data}
        loadingText={S.vpcs.loading}
        columnDefinitions={COLUMNS}
        columnDisplay={preferences.contentDisplay}
        selectionType="single"
        ariaLabels={selectionLabels<VpcRow>((r) => (r.name ? `${r.name} ${r.id}` : r.id), S.vpcs.title)}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={resource.data ? `(${rows.length})` : undefined}
            description={S.vpcs.description}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />
                <ButtonDropdown
                  items={[
                    { id: 'cidrs', text: S.vpcs.editCidrs, disabled: !selected, disabledReason: need },
                    { id: 'settings', text: S.vpcs.editSettings, disabled: !selected, disabledReason: need },
                    { id: 'delete', text: S.vpcs.delete, disabled: !selected, disabledReason: need },
                  ]}
                  onItemClick={({ detail }) => {
                    if (!selected) return;
                    if (detail.id === 'cidrs') navigate(`/vpcs/${selected.id}/edit-cidrs`);
                    if (detail.id === 'settings') navigate(`/vpcs/${selected.id}/edit-settings`);
                    if (detail.id === 'delete') setDeleting(selected.id);
                  }}
                >
                  {S.actions.actions}
                </ButtonDropdown>
                <Button variant="primary" onClick={() => navigate('/vpcs/create')}>{S.vpcs.create}</Button>
              </SpaceBetween>
            }
          >
            {S.vpcs.title}
          </Header>
        }
        filter={
          <PropertyFilter
            {...propertyFilterProps}
            filteringPlaceholder={S.vpcs.filterPlaceholder}
            filteringAriaLabel={S.vpcs.filterPlaceholder}
            countText={S.filter.matches(filteredItemsCount ?? 0)}
            expandToViewport
          />
        }
        pagination={<Pagination {...paginationProps} />}
        preferences={<TablePreferencesButton preferences={preferences} onChange={setPreferences} columns={COLUMNS} alwaysVisible="id" />}
      />
      {deleting && (
        <DeleteVpcDialog
          vpcId={deleting}
          onDismiss={() => setDeleting(undefined)}
          onDone={() => {
            setDeleting(undefined);
            actions.setSelectedItems([]);
            resource.reload();
          }}
        />
      )}
    </SpaceBetween>
  );
}
