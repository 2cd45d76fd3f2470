import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeSecurityGroups } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { S } from '../../strings';
import { SG_ACTIONS } from './sg-actions';
import type { SgRow } from './sg-row';
import { toSgRow } from './sg-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { SgDetailsPage } from './sg-details-page';

const COLUMNS: TableProps.ColumnDefinition<SgRow>[] = [
  nameColumn(),
  idColumn(S.securityGroups.id, '/security-groups'),
  { id: 'groupName', header: S.securityGroups.groupName, cell: (r) => r.groupName, sortingField: 'groupName' },
  { id: 'vpcId', header: S.fields.vpcId, cell: (r) => r.vpcId, sortingField: 'vpcId' },
  { id: 'description', header: S.securityGroups.groupDescription, cell: (r) => r.description },
  { id: 'owner', header: S.fields.owner, cell: (r) => r.ownerId },
  { id: 'inbound', header: S.securityGroups.inboundCount, cell: (r) => S.securityGroups.entries(r.inbound) },
  { id: 'outbound', header: S.securityGroups.outboundCount, cell: (r) => S.securityGroups.entries(r.outbound) },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.securityGroups.id),
  filterProperty('groupName', S.securityGroups.groupName),
  filterProperty('vpcId', S.fields.vpcId),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.securityGroup, render: (id) => <SgDetailsPage id={id} /> };

export function SgListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="security-groups"
      load={async (ec2, signal) => (await describeSecurityGroups(ec2, signal)).map(toSgRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.securityGroups}
      createHref="/security-groups/create"
      actions={SG_ACTIONS}
      sortingField="vpcId"
    />
  );
}
