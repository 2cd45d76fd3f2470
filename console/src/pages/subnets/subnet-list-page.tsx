import type { Subnet } from '@aws-sdk/client-ec2';
import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeSubnets } from '../../api/describe';
import { LIST_OPERATORS, textProperty } from '../../shared/list-operators';
import { idLink, ListPage } from '../../shared/list-page';
import { StateIndicator } from '../../shared/state-indicator';
import { nameTag, tagStrings } from '../../shared/tags';
import { S } from '../../strings';
import { SUBNET_ACTIONS } from './subnet-actions';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { SubnetDetailsPage } from './subnet-details-page';

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
  { id: 'id', header: S.subnets.id, cell: idLink((id) => `/subnets/${id}`), sortingField: 'id', isRowHeader: true },
  { id: 'state', header: S.subnets.state, cell: (r) => <StateIndicator state={r.subnet.State} /> },
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

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.subnet, render: (id) => <SubnetDetailsPage id={id} /> };

export function SubnetListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="subnets"
      load={async (ec2, signal) => (await describeSubnets(ec2, signal)).map(toRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.subnets}
      createHref="/subnets/create"
      actions={SUBNET_ACTIONS}
      sortingField="vpcId"
    />
  );
}
