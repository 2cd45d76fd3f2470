import type { ReactNode } from 'react';
import { describeDhcpOptions, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { useRowActions } from '../../shared/row-actions';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { DHCP_ACTIONS } from './dhcp-actions';
import { joined, toDhcpRow } from './dhcp-row';

export function DhcpDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('dhcp-options', id), async (signal) => toDhcpRow(await only(describeDhcpOptions(ec2, signal, [id]), id)));
  const { menu, dialog } = useRowActions(DHCP_ACTIONS, () => navigate('/dhcp-options'));
  const r = resource.data;
  return (
    <DetailsLayout
      id={id}
      name={r?.name ?? ''}
      resource={resource}
      loadError={S.dhcp.loadError}
      actions={menu(r, S.dhcp.selectFirst)}
      dialogs={dialog}
      details={r && {
        header: S.fields.details,
        items: [
          { label: S.dhcp.id, value: id },
          { label: S.dhcp.domainName, value: joined(r.domainName) },
          { label: S.dhcp.domainNameServers, value: joined(r.dnsServers) },
          { label: S.dhcp.ntpServers, value: joined(r.ntpServers) },
          { label: S.dhcp.netbiosServers, value: joined(r.netbiosServers) },
          { label: S.dhcp.netbiosNodeType, value: joined(r.nodeType) },
          { label: S.fields.owner, value: r.ownerId },
        ],
      }}
      tabs={r && [{ id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.options.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> }]}
    />
  );
}
