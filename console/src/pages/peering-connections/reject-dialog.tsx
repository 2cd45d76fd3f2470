import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { RejectVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { S } from '../../strings';
import { PeeringSides } from './peering-sides';

/** "Yes, Reject": the requester learns nothing about this account. */
export function RejectDialog({ c, onDone, onDismiss }: { c: VpcPeeringConnection; onDone: () => void; onDismiss: () => void }): ReactNode {
  const { ec2 } = useSession();
  const id = c.VpcPeeringConnectionId ?? '';
  return (
    <ActionModal
      header={S.rejectDialog.header}
      confirmLabel={S.rejectDialog.confirm}
      errorHeader={S.rejectDialog.error}
      onDismiss={onDismiss}
      onConfirm={async () => {
        await ec2.send(new RejectVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
        onDone();
      }}
    >
      <Box>{S.rejectDialog.question(id, c.RequesterVpcInfo?.OwnerId ?? '')}</Box>
      <PeeringSides c={c} />
    </ActionModal>
  );
}
