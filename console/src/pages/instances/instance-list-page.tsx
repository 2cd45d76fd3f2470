import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeInstances } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { INSTANCE_ACTIONS } from './instance-actions';
import type { InstanceRow } from './instance-row';
import { toInstanceRow } from './instance-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { InstanceDetailsPage } from './instance-details-page';

const COLUMNS: TableProps.ColumnDefinition<InstanceRow>[] = [
  nameColumn(),
  idColumn(S.instances.id, '/instances'),
  { id: 'state', header: S.instances.state, cell: (r) => <StateIndicator state={r.state} />, sortingField: 'state' },
  { id: 'type', header: S.instances.instanceType, cell: (r) => r.instanceType, sortingField: 'instanceType' },
  { id: 'zone', header: S.instances.zone, cell: (r) => r.zone },
  { id: 'privateIp', header: S.instances.privateIp, cell: (r) => r.privateIp || '-' },
  { id: 'vpcId', header: S.fields.vpcId, cell: (r) => r.vpcId || '-', sortingField: 'vpcId' },
  { id: 'subnetId', header: S.fields.subnetId, cell: (r) => r.subnetId || '-' },
  { id: 'groups', header: S.instances.securityGroups, cell: (r) => r.groupNames || '-' },
  { id: 'launched', header: S.instances.launchTime, cell: (r) => r.launched },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.instances.id),
  filterProperty('state', S.instances.state),
  filterProperty('instanceType', S.instances.instanceType),
  filterProperty('privateIp', S.instances.privateIp),
  filterProperty('vpcId', S.fields.vpcId),
  filterProperty('subnetId', S.fields.subnetId),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.instance, render: (id) => <InstanceDetailsPage id={id} /> };

export function InstanceListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="instances"
      load={async (ec2, signal) => (await describeInstances(ec2, signal)).map(toInstanceRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.instances}
      createHref="/instances/launch"
      actions={INSTANCE_ACTIONS}
    />
  );
}
