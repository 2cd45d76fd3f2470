import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { LIST_OPERATORS, textProperty } from '../../shared/list-operators';
import { EmptyState } from '../../shared/empty-state';
import { ManageTagsModal } from '../../shared/manage-tags-modal';
import { ResourceTable } from '../../shared/resource-table';
import { useResourceCollection } from '../../shared/use-resource-collection';
import { S } from '../../strings';
import { DeleteVpcDialog } from './delete-vpc-dialog';
import type { VpcRow } from './vpc-row';
import { toVpcRow } from './vpc-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { VpcDetailsPage } from './vpc-details-page';

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

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.vpc, render: (id) => <VpcDetailsPage id={id} /> };

export function VpcListPage(): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('vpcs'), (signal) => describeVpcs(ec2, signal));
  const rows = useMemo(() => (resource.data ?? []).map((v) => toVpcRow(v, S.common.yes, S.common.no)), [resource.data]);
  const [deleting, setDeleting] = useState<string>();
  const [tagging, setTagging] = useState<string>();
  const collection = useResourceCollection(rows, {
    preferencesKey: 'vpcs',
    columns: COLUMNS,
    properties: PROPERTIES,
    filteringOptions: rows.flatMap((r) => [{ propertyKey: 'id', value: r.id }, ...r.cidrs.map((c) => ({ propertyKey: 'cidrs', value: c })), ...(r.name ? [{ propertyKey: 'name', value: r.name }] : [])]),
    empty: <EmptyState title={S.vpcs.none} action={<Button onClick={() => navigate('/vpcs/create')}>{S.vpcs.create}</Button>} />,
  });
  const { selected } = collection;
  const need = selected ? undefined : S.vpcs.selectFirst;

  return (
    <ResourceTable
      splitPanel={SPLIT_PANEL}
      resource={resource}
      collection={collection}
      text={S.vpcs}
      createHref="/vpcs/create"
      actions={
        <ButtonDropdown
          items={[
            { id: 'cidrs', text: S.vpcs.editCidrs, disabled: !selected, disabledReason: need },
            { id: 'dhcp', text: S.dhcp.editForVpc, disabled: !selected, disabledReason: need },
            { id: 'settings', text: S.vpcs.editSettings, disabled: !selected, disabledReason: need },
            { id: 'tags', text: S.tags.manage, disabled: !selected, disabledReason: need },
            { id: 'delete', text: S.vpcs.delete, disabled: !selected, disabledReason: need },
          ]}
          onItemClick={({ detail }) => {
            if (!selected) return;
            if (detail.id === 'cidrs') navigate(`/vpcs/${selected.id}/edit-cidrs`);
            if (detail.id === 'settings') navigate(`/vpcs/${selected.id}/edit-settings`);
            if (detail.id === 'dhcp') navigate(`/vpcs/${selected.id}/edit-dhcp-options`);
            if (detail.id === 'tags') setTagging(selected.id);
            if (detail.id === 'delete') setDeleting(selected.id);
          }}
        >
          {S.actions.actions}
        </ButtonDropdown>
      }
    >
      {tagging && <ManageTagsModal resourceId={tagging} onDismiss={() => setTagging(undefined)} onSaved={resource.reload} />}
      {deleting && (
        <DeleteVpcDialog
          vpcId={deleting}
          onDismiss={() => setDeleting(undefined)}
          onDone={() => {
            setDeleting(undefined);
            collection.actions.setSelectedItems([]);
            resource.reload();
          }}
        />
      )}
    </ResourceTable>
  );
}
