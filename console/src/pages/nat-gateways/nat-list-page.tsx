import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeNatGateways } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { StateIndicator, stateLabel } from '../../shared/state-indicator';
import { S } from '../../strings';
import { NAT_ACTIONS } from './nat-actions';
import type { NatRow } from './nat-row';
import { toNatRow } from './nat-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { NatDetailsPage } from './nat-details-page';

const COLUMNS: TableProps.ColumnDefinition<NatRow>[] = [
  nameColumn(),
  idColumn(S.natGateways.id, '/nat-gateways'),
  { id: 'connectivity', header: S.natGateways.connectivity, cell: (r) => stateLabel(r.connectivity) },
  { id: 'state', header: S.fields.state, cell: (r) => <StateIndicator state={r.state} />, sortingField: 'state' },
  { id: 'stateMessage', header: S.natGateways.stateMessage, cell: (r) => r.stateMessage || '-' },
  { id: 'publicIp', header: S.natGateways.publicIp, cell: (r) => r.publicIp || '-' },
  { id: 'privateIp', header: S.natGateways.privateIp, cell: (r) => r.privateIp || '-' },
  { id: 'eni', header: S.natGateways.networkInterface, cell: (r) => r.networkInterfaceId || '-' },
  { id: 'vpcId', header: S.common.vpc, cell: (r) => r.vpcId, sortingField: 'vpcId' },
  { id: 'subnetId', header: S.fields.subnet, cell: (r) => r.subnetId, sortingField: 'subnetId' },
  { id: 'created', header: S.natGateways.created, cell: (r) => r.created },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.natGateways.id),
  filterProperty('state', S.fields.state),
  filterProperty('connectivity', S.natGateways.connectivity),
  filterProperty('vpcId', S.fields.vpcId),
  filterProperty('subnetId', S.fields.subnetId),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.natGateway, render: (id) => <NatDetailsPage id={id} /> };

export function NatListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="nat-gateways"
      load={async (ec2, signal) => (await describeNatGateways(ec2, signal)).map(toNatRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.natGateways}
      createHref="/nat-gateways/create"
      actions={NAT_ACTIONS}
    />
  );
}
