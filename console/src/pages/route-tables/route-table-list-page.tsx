import { DeleteRouteTableCommand } from '@aws-sdk/client-ec2';
import type { PropertyFilterProperty, PropertyFilterQuery } from '@cloudscape-design/collection-hooks';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { describeRouteTables } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useLocation } from '../../router/use-location';
import { useScopeKey, useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { LIST_OPERATORS, textProperty } from '../../shared/list-operators';
import { useNotifications } from '../../shared/notifications';
import { EmptyState } from '../../shared/empty-state';
import { ManageTagsModal } from '../../shared/manage-tags-modal';
import { ResourceTable } from '../../shared/resource-table';
import { useResourceCollection } from '../../shared/use-resource-collection';
import { S } from '../../strings';
import type { RouteTableRow } from './route-table-row';
import { toRouteTableRow } from './route-table-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { RouteTableDetailsPage } from './route-table-details-page';

const COLUMNS: TableProps.ColumnDefinition<RouteTableRow>[] = [
  { id: 'name', header: S.routeTables.name, cell: (r) => r.name || '-', sortingField: 'name' },
  { id: 'id', header: S.routeTables.id, cell: (r) => <Link href={`/route-tables/${r.id}`} onFollow={followLink}>{r.id}</Link>, sortingField: 'id', isRowHeader: true },
  { id: 'subnets', header: S.routeTables.explicitSubnets, cell: (r) => (r.subnets.length > 0 ? r.subnets.join(', ') : '-') },
  { id: 'main', header: S.routeTables.main, cell: (r) => (r.main ? <Badge color="blue">{S.routeTables.mainBadge}</Badge> : S.common.no), sortingField: 'mainLabel' },
  { id: 'vpcId', header: S.routeTables.vpc, cell: (r) => r.vpcId, sortingField: 'vpcId' },
  { id: 'ownerId', header: S.routeTables.owner, cell: (r) => r.ownerId },
];

const PROPERTIES: PropertyFilterProperty[] = [
  textProperty('name', S.routeTables.name, S.filter.values(S.routeTables.name)),
  textProperty('id', S.routeTables.id, S.filter.values(S.routeTables.id)),
  textProperty('vpcId', S.filter.vpcId, S.filter.values(S.filter.vpcId)),
  textProperty('mainLabel', S.routeTables.main, S.filter.values(S.routeTables.main)),
  textProperty('subnets', S.routeTables.subnet, S.filter.values(S.routeTables.subnet)),
  { key: 'tags', propertyLabel: S.filter.tag, groupValuesLabel: S.filter.values(S.filter.tag), operators: LIST_OPERATORS, defaultOperator: ':' },
];

/** `?vpcId=a&vpcId=b` (from "Modify my route tables now") opens the list filtered to those VPCs. */
function initialQuery(vpcIds: readonly string[]): PropertyFilterQuery {
  return { operation: 'or', tokens: vpcIds.map((v) => ({ propertyKey: 'vpcId', operator: '=', value: v })) };
}

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.routeTable, render: (id) => <RouteTableDetailsPage id={id} /> };

export function RouteTableListPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const { query } = useLocation();
  const vpcIds = query.getAll('vpcId');
  const resource = useResource(useScopeKey('route-tables'), (signal) => describeRouteTables(ec2, signal));
  const rows = useMemo(() => (resource.data ?? []).map((t) => toRouteTableRow(t, S.common.yes, S.common.no)), [resource.data]);
  const [deleting, setDeleting] = useState<RouteTableRow>();
  const [tagging, setTagging] = useState<string>();

  const collection = useResourceCollection(rows, {
    preferencesKey: 'route-tables',
    columns: COLUMNS,
    properties: PROPERTIES,
    filteringOptions: rows.flatMap((r) => [
      { propertyKey: 'vpcId', value: r.vpcId },
      { propertyKey: 'id', value: r.id },
      ...(r.name ? [{ propertyKey: 'name', value: r.name }] : []),
    ]).concat([{ propertyKey: 'mainLabel', value: S.common.yes }, { propertyKey: 'mainLabel', value: S.common.no }]),
    defaultQuery: initialQuery(vpcIds),
    empty: <EmptyState title={S.routeTables.empty} />,
    sortingField: 'vpcId',
  });
  const { selected } = collection;
  const need = selected ? undefined : S.routeTables.selectFirst;

  return (
    <ResourceTable
      splitPanel={SPLIT_PANEL}
      resource={resource}
      collection={collection}
      text={S.routeTables}
      createHref="/route-tables/create"
      actions={
        <ButtonDropdown
          items={[
            { id: 'routes', text: S.routeTables.editRoutes, disabled: !selected, disabledReason: need },
            { id: 'subnets', text: S.routeTables.editSubnets, disabled: !selected, disabledReason: need },
            { id: 'tags', text: S.tags.manage, disabled: !selected, disabledReason: need },
            {
              id: 'delete',
              text: S.routeTables.delete,
              disabled: !selected || selected.main,
              disabledReason: need ?? (selected?.main ? S.routeTables.cannotDeleteMain : undefined),
            },
          ]}
          onItemClick={({ detail }) => {
            if (!selected) return;
            if (detail.id === 'routes') navigate(`/route-tables/${selected.id}/edit-routes`);
            if (detail.id === 'subnets') navigate(`/route-tables/${selected.id}/edit-subnet-associations`);
            if (detail.id === 'tags') setTagging(selected.id);
            if (detail.id === 'delete') setDeleting(selected);
          }}
        >
          {S.actions.actions}
        </ButtonDropdown>
      }
    >
      {tagging && <ManageTagsModal resourceId={tagging} onDismiss={() => setTagging(undefined)} onSaved={resource.reload} />}
      {deleting && (
        <ActionModal
          header={S.routeTables.deleteHeader}
          confirmLabel={S.actions.delete}
          errorHeader={S.routeTables.deleteError}
          onDismiss={() => setDeleting(undefined)}
          onConfirm={async () => {
            await ec2.send(new DeleteRouteTableCommand({ RouteTableId: deleting.id }));
            notify({ type: 'success', content: S.routeTables.deleted(deleting.id) });
            setDeleting(undefined);
            collection.actions.setSelectedItems([]);
            resource.reload();
          }}
        >
          <Box>{S.routeTables.deleteQuestion(deleting.id)}</Box>
        </ActionModal>
      )}
    </ResourceTable>
  );
}
