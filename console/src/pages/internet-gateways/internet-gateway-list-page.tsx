import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeInternetGateways } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { IGW_ACTIONS } from './igw-actions';
import type { IgwRow } from './igw-row';
import { toIgwRow } from './igw-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { InternetGatewayDetailsPage } from './internet-gateway-details-page';

const COLUMNS: TableProps.ColumnDefinition<IgwRow>[] = [
  nameColumn(),
  idColumn(S.internetGateways.id, '/internet-gateways'),
  { id: 'state', header: S.fields.state, cell: (r) => <StateIndicator state={r.state} />, sortingField: 'state' },
  { id: 'vpcId', header: S.fields.vpcId, cell: (r) => r.vpcId || '-', sortingField: 'vpcId' },
  { id: 'owner', header: S.fields.owner, cell: (r) => r.ownerId },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.internetGateways.id),
  filterProperty('state', S.fields.state),
  filterProperty('vpcId', S.fields.vpcId),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.internetGateway, render: (id) => <InternetGatewayDetailsPage id={id} /> };

export function InternetGatewayListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="internet-gateways"
      load={async (ec2, signal) => (await describeInternetGateways(ec2, signal)).map(toIgwRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.internetGateways}
      createHref="/internet-gateways/create"
      actions={IGW_ACTIONS}
    />
  );
}
