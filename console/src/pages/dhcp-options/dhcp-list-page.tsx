import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeDhcpOptions } from '../../api/describe';
import { filterProperty, idColumn, listFilters, ListPage, nameColumn } from '../../shared/list-page';
import { S } from '../../strings';
import { DHCP_ACTIONS } from './dhcp-actions';
import type { DhcpRow } from './dhcp-row';
import { joined, toDhcpRow } from './dhcp-row';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { DhcpDetailsPage } from './dhcp-details-page';

const COLUMNS: TableProps.ColumnDefinition<DhcpRow>[] = [
  nameColumn(),
  idColumn(S.dhcp.id, '/dhcp-options'),
  { id: 'domainName', header: S.dhcp.domainName, cell: (r) => joined(r.domainName) },
  { id: 'dns', header: S.dhcp.domainNameServers, cell: (r) => joined(r.dnsServers) },
  { id: 'ntp', header: S.dhcp.ntpServers, cell: (r) => joined(r.ntpServers) },
  { id: 'netbios', header: S.dhcp.netbiosServers, cell: (r) => joined(r.netbiosServers) },
  { id: 'nodeType', header: S.dhcp.netbiosNodeType, cell: (r) => joined(r.nodeType) },
  { id: 'owner', header: S.fields.owner, cell: (r) => r.ownerId },
];

const PROPERTIES = listFilters(
  filterProperty('id', S.dhcp.id),
  filterProperty('domainName', S.dhcp.domainName, true),
  filterProperty('dnsServers', S.dhcp.domainNameServers, true),
);

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.dhcp, render: (id) => <DhcpDetailsPage id={id} /> };

export function DhcpListPage(): ReactNode {
  return (
    <ListPage
      splitPanel={SPLIT_PANEL}
      preferencesKey="dhcp-options"
      load={async (ec2, signal) => (await describeDhcpOptions(ec2, signal)).map(toDhcpRow)}
      columns={COLUMNS}
      properties={PROPERTIES}
      text={S.dhcp}
      createHref="/dhcp-options/create"
      actions={DHCP_ACTIONS}
    />
  );
}
