import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeEgressOnlyGateways } from '../../api/describe';
import { filterProperty, idLink, ListPage } from '../../shared/list-page';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { EIGW_ACTIONS } from './eigw-actions';
import type { EigwRow } from './eigw-row';
import { toEigwRow } from './eigw-row';

const COLUMNS: TableProps.ColumnDefinition<EigwRow>[] = [
  { id: 'name', header: S.common.name, cell: (r) => r.name || '-', sortingField: 'name' },
  { id: 'id', header: S.egressOnly.id, cell: idLink((id) => `/egress-only-internet-gateways/${id}`), sortingField: 'id', isRowHeader: true },
  { id: 'state', header: S.fields.state, cell: (r) => <StateIndicator state={r.state} /> },
  { id: 'vpcId', header: S.fields.vpcId, cell: (r) => r.vpcId || '-', sortingField: 'vpcId' },
];

const PROPERTIES = [filterProperty('name', S.common.name), filterProperty('id', S.egressOnly.id), filterProperty('vpcId', S.fields.vpcId), filterProperty('tags', S.filter.tag, true)];

export function EgressOnlyListPage(): ReactNode {
  return (
    <ListPage
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
