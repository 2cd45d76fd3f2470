import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describePeerings } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { PeeringStatus } from '../../shared/peering-status';
import { formatDate } from '../../shared/format-date';
import { nameTag } from '../../shared/tags';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { PeeringAlerts } from './peering-alerts';
import { PeeringDnsTab } from './peering-dns-tab';
import { accepterCidrText, sideCidrs, TRANSITIONAL } from './peering-row';
import { PeeringRoutesTab } from './peering-routes-tab';
import { usePeeringActions } from './use-peering-actions';
import { useSettlePoll } from './use-settle-poll';

function SideDetails({ title, side, cidrText }: { title: string; side: VpcPeeringConnection['RequesterVpcInfo']; cidrText: string }): ReactNode {
  return (
    <Container header={<Header variant="h3">{title}</Header>}>
      <KeyValuePairs
        columns={1}
        items={[
          { label: S.peeringDetails.vpcId, value: side?.VpcId ?? '-' },
          { label: S.peeringDetails.ownerId, value: side?.OwnerId ?? '-' },
          { label: S.peeringDetails.region, value: side?.Region ?? '-' },
          { label: S.peeringDetails.cidrs, value: cidrText },
        ]}
      />
    </Container>
  );
}

export function PeeringDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const [version, setVersion] = useState(0);
  const key = useScopeKey('peering', id);
  const resource = useResource(key, async (signal) => (await describePeerings(ec2, signal, [id]))[0]);
  const c = resource.data;
  const { menu, dialogs, permissions, open } = usePeeringActions(c, (updated) => {
    // Accept's `provisioning` answer shows until the poll below reads `active`.
    if (updated) resource.replace(() => updated);
    else resource.reload();
    setVersion((v) => v + 1);
  });

  const status = c?.Status?.Code ?? '';
  // A transitional status (what Create, Accept or Delete answered) is read again until it settles.
  useSettlePoll(TRANSITIONAL.has(status), resource.loading, resource.reload, key);

  const name = c ? nameTag(c.Tags) : '';
  return (
    <DetailsLayout
      id={id}
      name={name}
      resource={resource}
      loadError={S.peeringDetails.loadError(id)}
      actions={menu}
      dialogs={dialogs}
      alerts={permissions && <PeeringAlerts permissions={permissions} />}
      details={c && {
        header: S.peeringDetails.details,
        items: [
          { label: S.peering.id, value: id },
          { label: S.peering.status, value: <PeeringStatus code={status} message={c.Status?.Message} showMessage /> },
          { label: S.peering.requesterOwner, value: c.RequesterVpcInfo?.OwnerId ?? '-' },
          { label: S.peering.accepterOwner, value: c.AccepterVpcInfo?.OwnerId ?? '-' },
          { label: S.peering.requesterVpc, value: c.RequesterVpcInfo?.VpcId ?? '-' },
          { label: S.peering.accepterVpc, value: c.AccepterVpcInfo?.VpcId ?? '-' },
          { label: S.peering.requesterRegion, value: c.RequesterVpcInfo?.Region ?? '-' },
          { label: S.peering.accepterRegion, value: c.AccepterVpcInfo?.Region ?? '-' },
          { label: S.peering.requesterCidrs, value: sideCidrs(c.RequesterVpcInfo).join(', ') || '-' },
          { label: S.peering.accepterCidrs, value: accepterCidrText(c, S.peering.hiddenUntilActive) },
          { label: S.peering.expiration, value: formatDate(c.ExpirationTime) },
        ],
      }}
      tabs={c && permissions && [
        {
          id: 'details',
          label: S.peeringDetails.detailsTab,
          content: (
            <ColumnLayout columns={2}>
              <SideDetails title={S.peeringDetails.requester} side={c.RequesterVpcInfo} cidrText={sideCidrs(c.RequesterVpcInfo).join(', ') || '-'} />
              <SideDetails title={S.peeringDetails.accepter} side={c.AccepterVpcInfo} cidrText={accepterCidrText(c, S.peering.hiddenUntilActive)} />
            </ColumnLayout>
          ),
        },
        { id: 'dns', label: S.peeringDetails.dnsTab, content: <PeeringDnsTab c={c} editDns={permissions.editDns} onEdit={() => open('dns')} /> },
        { id: 'routes', label: S.peeringDetails.routeTablesTab, content: <PeeringRoutesTab pcxId={id} version={version} /> },
        {
          id: 'tags',
          label: S.peeringDetails.tagsTab,
          content: <TagsPanel resourceId={id} tags={c.Tags ?? []} description={S.peeringDetails.tagsScope(session.accountId, session.region)} onChanged={resource.reload} />,
        },
      ]}
    />
  );
}
