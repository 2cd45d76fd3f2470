import type { Subnet } from '@aws-sdk/client-ec2';
import { DeleteSubnetCommand } from '@aws-sdk/client-ec2';
import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { describeSubnets } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { LIST_OPERATORS, textProperty } from '../../shared/list-operators';
import { useNotifications } from '../../shared/notifications';
import { EmptyState } from '../../shared/empty-state';
import { ResourceTable } from '../../shared/resource-table';
import { useResourceCollection } from '../../shared/use-resource-collection';
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
  const [deleting, setDeleting] = useState<string>();
  const collection = useResourceCollection(rows, {
    preferencesKey: 'subnets',
    columns: COLUMNS,
    properties: PROPERTIES,
    filteringOptions: rows.flatMap((r) => [{ propertyKey: 'vpcId', value: r.vpcId }, { propertyKey: 'id', value: r.id }]),
    empty: <EmptyState title={S.subnets.empty} action={<Button onClick={() => navigate('/subnets/create')}>{S.subnets.create}</Button>} />,
    sortingField: 'vpcId',
  });
  const { selected } = collection;

  return (
    <ResourceTable
      resource={resource}
      collection={collection}
      text={S.subnets}
      createHref="/subnets/create"
      actions={
        <ButtonDropdown
          items={[{ id: 'delete', text: S.subnets.delete, disabled: !selected, disabledReason: selected ? undefined : S.subnets.selectFirst }]}
          onItemClick={() => selected && setDeleting(selected.id)}
        >
          {S.actions.actions}
        </ButtonDropdown>
      }
    >
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
            collection.actions.setSelectedItems([]);
            resource.reload();
          }}
        >
          <Box>{S.subnets.deleteQuestion(deleting)}</Box>
        </ActionModal>
      )}
    </ResourceTable>
  );
}
