import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { regionName } from '../../shared/region-option';
import { S } from '../../strings';
import { AcceptDialog } from '../peering-connections/accept-dialog';
import { EstablishedDialog } from '../peering-connections/established-dialog';
import { peeringPermissions } from '../peering-connections/peering-permissions';
import { ExpiringConnectionsTable } from './expiring-connections-table';
import { PendingRequestsTable } from './pending-requests-table';
import { loadResourceCounts } from './resource-counts';
import { ResourceCountsPanel } from './resource-counts-panel';
import { serverClockOffset } from './server-clock-offset';

/** "Expiring soon": within a day, time enough to notice and act. */
const SOON_MS = 24 * 60 * 60 * 1000;
/** Time left is shown to the minute: redraw about that often. */
const TICK_MS = 30_000;

type Dialog = { kind: 'accept' | 'established'; c: VpcPeeringConnection };

function byExpiration(a: VpcPeeringConnection, b: VpcPeeringConnection): number {
  return (a.ExpirationTime?.getTime() ?? Infinity) - (b.ExpirationTime?.getTime() ?? Infinity);
}

/** The VPC console's home: what this account has in this region, and the peering requests that need it. */
export function DashboardPage(): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('dashboard'), async (signal) => {
    const [loaded, offset] = await Promise.all([loadResourceCounts(ec2, signal), serverClockOffset(signal)]);
    return { ...loaded, offset };
  });
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setTick(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const [dialog, setDialog] = useState<Dialog>();

  const now = tick + (resource.data?.offset ?? 0);
  const pending = useMemo(() => (resource.data?.peerings ?? []).filter((c) => c.Status?.Code === 'pending-acceptance'), [resource.data]);
  const awaiting = useMemo(() => pending.filter((c) => c.AccepterVpcInfo?.OwnerId === session.accountId).sort(byExpiration), [pending, session.accountId]);
  const expiring = pending.filter((c) => c.ExpirationTime !== undefined && c.ExpirationTime.getTime() - now <= SOON_MS).sort(byExpiration);
  const firstLoad = resource.loading && !resource.data;

  let dialogs: ReactNode = null;
  if (dialog?.kind === 'accept') {
    dialogs = (
      <AcceptDialog
        c={dialog.c}
        permissions={peeringPermissions(dialog.c, session)}
        onDismiss={() => setDialog(undefined)}
        onAccepted={(updated) => {
          setDialog({ kind: 'established', c: updated ?? dialog.c });
          resource.reload();
        }}
      />
    );
  } else if (dialog?.kind === 'established') {
    const vpcId = dialog.c.AccepterVpcInfo?.VpcId ?? '';
    dialogs = (
      <EstablishedDialog
        id={dialog.c.VpcPeeringConnectionId ?? ''}
        onClose={() => setDialog(undefined)}
        onModifyRoutes={() => {
          setDialog(undefined);
          navigate(`/route-tables?vpcId=${encodeURIComponent(vpcId)}`);
        }}
      />
    );
  }

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={S.dashboard.description(session.accountId, regionName(session.region))}
          actions={<Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />}
        >
          {S.dashboard.title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {resource.error && <ErrorAlert error={resource.error} header={S.dashboard.loadError} onRetry={resource.reload} />}
        <ResourceCountsPanel region={session.region} counts={resource.data?.counts} loading={resource.loading} />
        <PendingRequestsTable requests={awaiting} now={now} loading={firstLoad} onAccept={(c) => setDialog({ kind: 'accept', c })} />
        <ExpiringConnectionsTable connections={expiring} now={now} loading={firstLoad} />
      </SpaceBetween>
      {dialogs}
    </ContentLayout>
  );
}
