import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { EmptyState } from '../../shared/empty-state';
import { nameTag } from '../../shared/tags';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { peeringPermissions } from '../peering-connections/peering-permissions';
import { peeringSideText } from './peering-side-text';
import { timeLeft } from './time-left';

/**
 * Requests waiting for this account: pending, accepter VPC ours. Each is accepted here, or, for an
 * inter-region request whose VPC is in another region, in that region (AWS's rule) after a switch.
 */
export function PendingRequestsTable({ requests, now, loading, onAccept }: {
  requests: readonly VpcPeeringConnection[];
  now: number;
  loading: boolean;
  onAccept: (c: VpcPeeringConnection) => void;
}): ReactNode {
  const { session, switchRegion } = useSession();
  return (
    <div data-testid="dashboard-pending">
      <Table
        variant="container"
        header={<Header variant="h2" counter={loading ? undefined : `(${requests.length})`} description={S.dashboard.pendingDescription}>{S.dashboard.pendingTitle}</Header>}
        items={[...requests]}
        loading={loading && requests.length === 0}
        loadingText={S.dashboard.loading}
        trackBy={(c) => c.VpcPeeringConnectionId ?? ''}
        empty={<EmptyState title={S.dashboard.pendingEmpty} subtitle={S.dashboard.pendingEmptyHint} />}
        columnDefinitions={[
          { id: 'id', header: S.peering.id, cell: (c) => resourceLink('/peering-connections', c.VpcPeeringConnectionId), isRowHeader: true },
          { id: 'name', header: S.peering.name, cell: (c) => nameTag(c.Tags) || '-' },
          { id: 'requester', header: S.dashboard.requester, cell: (c) => peeringSideText(c.RequesterVpcInfo) },
          { id: 'accepter', header: S.dashboard.yourVpc, cell: (c) => (c.AccepterVpcInfo?.Region === session.region ? resourceLink('/vpcs', c.AccepterVpcInfo.VpcId) : peeringSideText(c.AccepterVpcInfo)) },
          { id: 'left', header: S.dashboard.timeLeft, cell: (c) => (c.ExpirationTime ? timeLeft(c.ExpirationTime.getTime() - now) : '-') },
          {
            id: 'action',
            header: S.actions.actions,
            cell: (c) => {
              const p = peeringPermissions(c, session);
              if (p.accept.allowed) return <Button onClick={() => onAccept(c)} ariaLabel={S.dashboard.acceptAria(c.VpcPeeringConnectionId ?? '')}>{S.dashboard.accept}</Button>;
              const region = p.acceptInRegion;
              return region ? <Button variant="inline-link" onClick={() => switchRegion(region)}>{S.dashboard.acceptIn(region)}</Button> : '-';
            },
          },
        ]}
      />
    </div>
  );
}
