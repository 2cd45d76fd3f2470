import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { nameTag } from '../../shared/tags';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { peeringPermissions } from '../peering-connections/peering-permissions';
import { ID_COLUMN, PeeringTable, timeLeftColumn } from './peering-table';
import { peeringSideText } from './peering-side-text';

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
    <PeeringTable
      testId="dashboard-pending"
      title={S.dashboard.pendingTitle}
      description={S.dashboard.pendingDescription}
      empty={S.dashboard.pendingEmpty}
      emptyHint={S.dashboard.pendingEmptyHint}
      connections={requests}
      loading={loading}
      columns={[
        ID_COLUMN,
        { id: 'name', header: S.peering.name, cell: (c) => nameTag(c.Tags) || '-' },
        { id: 'requester', header: S.dashboard.requester, cell: (c) => peeringSideText(c.RequesterVpcInfo) },
        { id: 'accepter', header: S.dashboard.yourVpc, cell: (c) => (c.AccepterVpcInfo?.Region === session.region ? resourceLink('/vpcs', c.AccepterVpcInfo.VpcId) : peeringSideText(c.AccepterVpcInfo)) },
        timeLeftColumn(now),
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
  );
}
