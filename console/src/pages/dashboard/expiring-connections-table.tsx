import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { formatDate } from '../../shared/format-date';
import { S } from '../../strings';
import { ID_COLUMN, PeeringTable, timeLeftColumn } from './peering-table';
import { peeringSideText } from './peering-side-text';

/** Pending requests of this account, sent or received, that lapse soon unless someone acts. */
export function ExpiringConnectionsTable({ connections, now, loading }: { connections: readonly VpcPeeringConnection[]; now: number; loading: boolean }): ReactNode {
  const { session } = useSession();
  return (
    <PeeringTable
      testId="dashboard-expiring"
      title={S.dashboard.expiringTitle}
      description={S.dashboard.expiringDescription}
      empty={S.dashboard.expiringEmpty}
      emptyHint={S.dashboard.expiringEmptyHint}
      connections={connections}
      loading={loading}
      columns={[
        ID_COLUMN,
        { id: 'role', header: S.dashboard.yourSide, cell: (c) => (c.AccepterVpcInfo?.OwnerId === session.accountId ? S.dashboard.roleAccepter : S.dashboard.roleRequester) },
        { id: 'peer', header: S.dashboard.peer, cell: (c) => peeringSideText(c.AccepterVpcInfo?.OwnerId === session.accountId ? c.RequesterVpcInfo : c.AccepterVpcInfo) },
        { id: 'expires', header: S.peering.expiration, cell: (c) => formatDate(c.ExpirationTime) },
        timeLeftColumn(now),
      ]}
    />
  );
}
