import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeNetworkAcls } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { S } from '../../strings';
import { ACL_ACTIONS } from './acl-actions';
import type { AclRow } from './acl-row';
import { toAclRow } from './acl-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { AclDetailsPage } from './acl-details-page';

const associated = (r: AclRow): string => (r.subnets.length === 0 ? '-' : r.subnets.length === 1 ? (r.subnets[0] ?? '') : S.networkAcls.subnets(r.subnets.length));

const COLUMNS: TableProps.ColumnDefinition<AclRow>[] = [
  nameColumn(),
  idColumn(S.networkAcls.id, '/network-acls'),
  { id: 'associated', header: S.networkAcls.associatedWith, cell: associated },
  { id: 'default', header: S.networkAcls.isDefault, cell: (r) => r.defaultLabel, sortingField: 'defaultLabel' },
  { id: 'vpcId', header: S.fields.vpcId, cell: (r) => r.vpcId, sortingField: 'vpcId' },
  { id: 'inbound', header: S.securityGroups.inboundCount, cell: (r) => S.securityGroups.entries(r.inbound) },
  { id: 'outbound', header: S.securityGroups.outboundCount, cell: (r) => S.securityGroups.entries(r.outbound) },
  { id: 'owner', header: S.fields.owner, cell: (r) => r.ownerId },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.networkAcls.id),
  filterProperty('vpcId', S.fields.vpcId),
  filterProperty('defaultLabel', S.networkAcls.isDefault),
  filterProperty('subnets', S.networkAcls.associatedWith, true),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.networkAcl, render: (id) => <AclDetailsPage id={id} /> };

export function AclListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="network-acls"
      load={async (ec2, signal) => (await describeNetworkAcls(ec2, signal)).map((a) => toAclRow(a, S.common.yes, S.common.no))}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.networkAcls}
      createHref="/network-acls/create"
      actions={ACL_ACTIONS}
      sortingField="vpcId"
    />
  );
}
