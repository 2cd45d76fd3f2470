import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeNetworkInterfaces } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { resourceLink } from '../../shared/resource-link';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { ENI_ACTIONS } from './eni-actions';
import type { EniRow } from './eni-row';
import { toEniRow } from './eni-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { EniDetailsPage } from './eni-details-page';

const COLUMNS: TableProps.ColumnDefinition<EniRow>[] = [
  nameColumn(),
  idColumn(S.networkInterfaces.id, '/network-interfaces'),
  { id: 'subnetId', header: S.fields.subnetId, cell: (r) => r.subnetId, sortingField: 'subnetId' },
  { id: 'vpcId', header: S.fields.vpcId, cell: (r) => r.vpcId, sortingField: 'vpcId' },
  { id: 'zone', header: S.networkInterfaces.zone, cell: (r) => r.zone },
  { id: 'groups', header: S.networkInterfaces.securityGroups, cell: (r) => r.groupNames || '-' },
  { id: 'description', header: S.networkInterfaces.interfaceDescription, cell: (r) => r.description || '-' },
  { id: 'instanceId', header: S.networkInterfaces.instanceId, cell: (r) => resourceLink('/instances', r.instanceId) },
  { id: 'status', header: S.networkInterfaces.status, cell: (r) => <StateIndicator state={r.status} />, sortingField: 'status' },
  { id: 'privateIp', header: S.networkInterfaces.primaryPrivateIp, cell: (r) => r.privateIp || '-' },
  { id: 'type', header: S.networkInterfaces.interfaceType, cell: (r) => r.interfaceType },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.networkInterfaces.id),
  filterProperty('vpcId', S.fields.vpcId),
  filterProperty('subnetId', S.fields.subnetId),
  filterProperty('instanceId', S.networkInterfaces.instanceId),
  filterProperty('privateIp', S.networkInterfaces.primaryPrivateIp),
  filterProperty('status', S.networkInterfaces.status),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.networkInterface, render: (id) => <EniDetailsPage id={id} /> };

export function EniListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="network-interfaces"
      load={async (ec2, signal) => (await describeNetworkInterfaces(ec2, signal)).map(toEniRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.networkInterfaces}
      createHref="/network-interfaces/create"
      actions={ENI_ACTIONS}
      sortingField="vpcId"
    />
  );
}
