import type { Subnet } from '@aws-sdk/client-ec2';
import { DeleteSubnetCommand } from '@aws-sdk/client-ec2';
import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { describeSubnets } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { ErrorAlert } from '../../shared/error-alert';
import { LIST_OPERATORS, textProperty } from '../../shared/list-operators';
import { useNotifications } from '../../shared/notifications';
import { EmptyState } from '../../shared/empty-state';
import { selectionLabels } from '../../shared/selection-labels';
import { TablePreferencesButton, useTablePreferences } from '../../shared/table-preferences';
import { nameTag, tagStrings } from '../../shared/tags';
import { S } from '../../strings';

interface SubnetRow {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string;
  readonly cidr: string;
  readonly ipv6: string;
  readonly zone: string;
  readonly available: number;
  readonly tags: readonly string[];
  readonly subnet: Subnet;
}

const toRow = (s: Subnet): SubnetRow => ({
  id: s.SubnetId ?? '',
  name: nameTag(s.Tags),
  vpcId: s.VpcId ?? '',
  cidr: s.CidrBlock ?? '',
  ipv6: (s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock).join(', '),
  zone: s.AvailabilityZone ?? '',
  available: s.AvailableIpAddressCount ?? 0,
  tags: tagStrings(s.Tags),
  subnet: s,
});

const COLUMNS: TableProps.ColumnDefinition<SubnetRow>[] = [
  { id: 'name', header: S.subnets.name, cell: (r) => r.name || '-', sortingField: 'name' },
  { id: 'id', header: S.subnets.id, cell: (r) => r.id, sortingField: 'id', isRowHeader: true },
  { id: 'state', header: S.subnets.state, cell: () => <StatusIndicator type="success">{S.vpcs.available}</StatusIndicator> },
  { id: 'vpcId', header: S.subnets.vpc, cell: (r) => r.vpcId, sortingField: 'vpcId' },
  { id: 'cidr', header: S.subnets.ipv4Cidr, cell: (r) => r.cidr, sortingField: 'cidr' },
  { id: 'ipv6', header: S.subnets.ipv6Cidr, cell: (r) => r.ipv6 || '-' },
  { id: 'zone', header: S.subnets.zone, cell: (r) => r.zone, sortingField: 'zone' },
  { id: 'available', header: S.subnets.availableIps, cell: (r) => r.available, sortingField: 'available' },
];

const PROPERTIES: PropertyFilterProperty[] = [
  textProperty('name', S.subnets.name, S.filter.values(S.subnets.name)),
  textProperty('id', S.subnets.id, S.filter.values(S.subnets.id)),
  textProperty('vpcId', S.filter.vpcId, S.filter.values(S.filter.vpcId)),
  textProperty('cidr', S.filter.cidr, S.filter.values(S.filter.cidr)),
  textProperty('zone', S.subnets.zone, S.filter.values(S.subnets.zone)),
  { key: 'tags', propertyLabel: S.filter.tag, groupValuesLabel: S.filter.values(S.filter.tag), operators: LIST_OPERATORS, defaultOperator: ':' },
];

export function SubnetListPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const resource = useResource(useScopeKey('subnets'), (signal) => describeSubnets(ec2, signal));
  const rows = useMemo(() => (resource.data ?? []).map(toRow), [resource.data]);
  const [preferences, setPreferences] = useTablePreferences('subnets', COLUMNS);
  const [deleting, setDeleting] = useState<string>();
  const { items, collectionProps, propertyFilterProps, paginationProps, filteredItemsCount, actions } = useCollection(rows, {
    propertyFiltering: {
      filteringProperties: PROPERTIES,
      filteringOptions: rows.flatMap((r) => [{ propertyKey: 'vpcId', value: r.vpcId }, { propertyKey: 'id', value: r.id }]),
      empty: <EmptyState title={S.subnets.empty} action={<Button onClick={() => navigate('/subnets/create')}>{S.subnets.create}</Button>} />,
      noMatch: <EmptyState title={S.filter.noMatch} action={<Button onClick={() => actions.setPropertyFiltering({ tokens: [], operation: 'and' })}>{S.filter.clear}</Button>} />,
    },
    pagination: { pageSize: preferences.pageSize },
    sorting: { defaultState: { sortingColumn: { sortingField: 'vpcId' } } },
    selection: { keepSelection: true, trackBy: 'id' },
  });
  const selected = rows.find((r) => r.id === collectionProps.selectedItems?.[0]?.id);

  return (
    <SpaceBetween size="m">
      {resource.error && <ErrorAlert error={resource.error} header={S.subnets.loadError} onRetry={resource.reload} />}
      <Table<SubnetRow>
        {...collectionProps}
        // A failed load is not an empty list: say so instead of offering to create the first one.
        empty={resource.error ? <EmptyState title={S.errors.notLoaded} subtitle={S.errors.notLoadedHint} /> : collectionProps.empty}
        variant="full-page"
        stickyHeader
        items={items}
        loading={resource.loading && !resource.data}
        loadingText={S.subnets.loading}
        columnDefinitions={COLUMNS}
        columnDisplay={preferences.contentDisplay}
        selectionType="single"
        ariaLabels={selectionLabels<SubnetRow>((r) => (r.name ? `${r.name} ${r.id}` : r.id), S.subnets.title)}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={resource.data ? `(${rows.length})` : undefined}
            description={S.subnets.description}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />
                <ButtonDropdown
                  items={[{ id: 'delete', text: S.subnets.delete, disabled: !selected, disabledReason: selected ? undefined : S.subnets.selectFirst }]}
                  onItemClick={() => selected && setDeleting(selected.id)}
                >
                  {S.actions.actions}
                </ButtonDropdown>
                <Button variant="primary" onClick={() => navigate('/subnets/create')}>{S.subnets.create}</Button>
              </SpaceBetween>
            }
          >
            {S.subnets.title}
          </Header>
        }
        filter={
          <PropertyFilter
            {...propertyFilterProps}
            filteringPlaceholder={S.subnets.filterPlaceholder}
            filteringAriaLabel={S.subnets.filterPlaceholder}
            countText={S.filter.matches(filteredItemsCount ?? 0)}
            expandToViewport
          />
        }
        pagination={<Pagination {...paginationProps} />}
        preferences={<TablePreferencesButton preferences={preferences} onChange={setPreferences} columns={COLUMNS} alwaysVisible="id" />}
      />
      {deleting && (
        <ActionModal
          header={S.subnets.deleteHeader}
          confirmLabel={S.actions.delete}
          errorHeader={S.subnets.deleteError}
          onDismiss={() => setDeleting(undefined)}
          onConfirm={async () => {
            await ec2.send(new DeleteSubnetCommand({ SubnetId: deleting }));
            notify({ type: 'success', content: S.subnets.deleted(deleting) });
            setDeleting(undefined);
            actions.setSelectedItems([]);
            resource.reload();
          }}
        >
          <Box>{S.subnets.deleteQuestion(deleting)}</Box>
        </ActionModal>
      )}
    </SpaceBetween>
  );
}
