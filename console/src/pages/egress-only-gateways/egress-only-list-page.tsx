import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeEgressOnlyGateways } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { EIGW_ACTIONS } from './eigw-actions';
import type { EigwRow } from './eigw-row';
import { toEigwRow } from './eigw-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { EgressOnlyDetailsPage } from './egress-only-details-page';

const COLUMNS: TableProps.ColumnDefinition<EigwRow>[] = [
  nameColumn(),
  idColumn(S.egressOnly.id, '/egress-only-internet-gateways'),
  { id: 'state', header: S.fields.state, cell: (r) => <StateIndicator state={r.state} /> },
  { id: 'vpcId', header: S.fields.vpcId, cell: (r) => r.vpcId || '-', sortingField: 'vpcId' },
];

const PROPERTIES = listFilters(filterProperty('id', S.egressOnly.id), filterProperty('vpcId', S.fields.vpcId));

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.egressOnly, render: (id) => <EgressOnlyDetailsPage id={id} /> };

export function EgressOnlyListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="egress-only-internet-gateways"
      load={async (ec2, signal) => (await describeEgressOnlyGateways(ec2, signal)).map(toEigwRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.egressOnly}
      createHref="/egress-only-internet-gateways/create"
      actions={EIGW_ACTIONS}
    />
  );
}
