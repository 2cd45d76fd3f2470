import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { describePeerings } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
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
  const { reload } = resource;
  useEffect(() => {
    if (!TRANSITIONAL.has(status) || resource.loading) return;
    const t = window.setTimeout(reload, 1500);
    return () => window.clearTimeout(t);
  }, [status, resource.loading, reload]);

  const name = c ? nameTag(c.Tags) : '';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={name ? id : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />
              {menu}
            </SpaceBetween>
          }
        >
          {name || id}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {resource.error && <ErrorAlert error={resource.error} header={S.peeringDetails.loadError(id)} onRetry={resource.reload} />}
        {permissions && <PeeringAlerts permissions={permissions} />}
        {c && (
          <Container header={<Header variant="h2">{S.peeringDetails.details}</Header>}>
            <KeyValuePairs
              columns={4}
              items={[
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
              ]}
            />
          </Container>
        )}
        {c && permissions && (
          <Tabs
            variant="container"
            tabs={[
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
        )}
      </SpaceBetween>
      {dialogs}
    </ContentLayout>
  );
}
