import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeAddresses } from '../../api/describe';
import { filterProperty, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import Link from '@cloudscape-design/components/link';
import { followLink } from '../../router/follow-link';
import { S } from '../../strings';
import { EIP_ACTIONS } from './eip-actions';
import type { EipRow } from './eip-row';
import { toEipRow } from './eip-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { EipDetailsPage } from './eip-details-page';

const COLUMNS: TableProps.ColumnDefinition<EipRow>[] = [
  nameColumn(),
  { id: 'publicIp', header: S.elasticIps.address, cell: (r) => <Link href={`/elastic-ips/${r.id}`} onFollow={followLink}>{r.publicIp}</Link>, sortingField: 'publicIp', isRowHeader: true },
  { id: 'type', header: S.elasticIps.type, cell: () => S.elasticIps.publicIp },
  { id: 'id', header: S.elasticIps.allocationId, cell: (r) => r.id, sortingField: 'id' },
  { id: 'instance', header: S.elasticIps.instanceId, cell: (r) => r.instanceId || '-' },
  { id: 'privateIp', header: S.elasticIps.privateIp, cell: (r) => r.privateIp || '-' },
  { id: 'association', header: S.elasticIps.associationId, cell: (r) => r.associationId || '-' },
  { id: 'owner', header: S.elasticIps.interfaceOwner, cell: (r) => r.interfaceOwner || '-' },
  { id: 'border', header: S.elasticIps.borderGroup, cell: (r) => r.borderGroup },
];

const PROPERTIES = listFilters(
  filterProperty('publicIp', S.elasticIps.address),
  filterProperty('id', S.elasticIps.allocationId),
  filterProperty('associationId', S.elasticIps.associationId),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.elasticIp, render: (id) => <EipDetailsPage id={id} /> };

export function EipListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="elastic-ips"
      load={async (ec2, signal) => (await describeAddresses(ec2, signal)).map(toEipRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.elasticIps}
      createHref="/elastic-ips/create"
      actions={EIP_ACTIONS}
    />
  );
}
