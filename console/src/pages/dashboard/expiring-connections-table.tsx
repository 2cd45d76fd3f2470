import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { EmptyState } from '../../shared/empty-state';
import { formatDate } from '../../shared/format-date';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { peeringSideText } from './peering-side-text';
import { timeLeft } from './time-left';

/** Pending requests of this account, sent or received, that lapse soon unless someone acts. */
export function ExpiringConnectionsTable({ connections, now, loading }: { connections: readonly VpcPeeringConnection[]; now: number; loading: boolean }): ReactNode {
  const { session } = useSession();
  return (
    <div data-testid="dashboard-expiring">
      <Table
        variant="container"
        header={<Header variant="h2" counter={loading ? undefined : `(${connections.length})`} description={S.dashboard.expiringDescription}>{S.dashboard.expiringTitle}</Header>}
        items={[...connections]}
        loading={loading && connections.length === 0}
        loadingText={S.dashboard.loading}
        trackBy={(c) => c.VpcPeeringConnectionId ?? ''}
        empty={<EmptyState title={S.dashboard.expiringEmpty} subtitle={S.dashboard.expiringEmptyHint} />}
        columnDefinitions={[
          { id: 'id', header: S.peering.id, cell: (c) => resourceLink('/peering-connections', c.VpcPeeringConnectionId), isRowHeader: true },
          { id: 'role', header: S.dashboard.yourSide, cell: (c) => (c.AccepterVpcInfo?.OwnerId === session.accountId ? S.dashboard.roleAccepter : S.dashboard.roleRequester) },
          { id: 'peer', header: S.dashboard.peer, cell: (c) => peeringSideText(c.AccepterVpcInfo?.OwnerId === session.accountId ? c.RequesterVpcInfo : c.AccepterVpcInfo) },
          { id: 'expires', header: S.peering.expiration, cell: (c) => formatDate(c.ExpirationTime) },
          { id: 'left', header: S.dashboard.timeLeft, cell: (c) => (c.ExpirationTime ? timeLeft(c.ExpirationTime.getTime() - now) : '-') },
        ]}
      />
    </div>
  );
}
