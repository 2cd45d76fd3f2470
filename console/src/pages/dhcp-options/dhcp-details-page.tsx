import type { ReactNode } from 'react';
import { describeDhcpOptions, only } from '../../api/describe';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { S } from '../../strings';
import { DHCP_ACTIONS } from './dhcp-actions';
import { joined, toDhcpRow } from './dhcp-row';

export function DhcpDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="dhcp-options"
      load={async (ec2, signal) => toDhcpRow(await only(describeDhcpOptions(ec2, signal, [id]), id))}
      row={(r) => r}
      text={S.dhcp}
      actions={DHCP_ACTIONS}
      afterAction="/dhcp-options"
      fields={(r) => [
        { label: S.dhcp.id, value: id },
        { label: S.dhcp.domainName, value: joined(r.domainName) },
        { label: S.dhcp.domainNameServers, value: joined(r.dnsServers) },
        { label: S.dhcp.ntpServers, value: joined(r.ntpServers) },
        { label: S.dhcp.netbiosServers, value: joined(r.netbiosServers) },
        { label: S.dhcp.netbiosNodeType, value: joined(r.nodeType) },
        { label: S.fields.owner, value: r.ownerId },
      ]}
      tags={(r) => r.options.Tags}
    />
  );
}
