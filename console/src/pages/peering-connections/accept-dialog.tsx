import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { AcceptVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { S } from '../../strings';
import { PhishingWarning } from './peering-alerts';
import type { PeeringPermissions } from './peering-permissions';
import { PeeringSides } from './peering-sides';

/** "Yes, Accept", with the peer-phishing warning again when the request comes from another account. */
export function AcceptDialog({ c, permissions, onAccepted, onDismiss }: {
  c: VpcPeeringConnection;
  permissions: PeeringPermissions;
  onAccepted: (updated: VpcPeeringConnection | undefined) => void;
  onDismiss: () => void;
}): ReactNode {
  const { ec2 } = useSession();
  const id = c.VpcPeeringConnectionId ?? '';
  return (
    <ActionModal
      header={S.acceptDialog.header}
      confirmLabel={S.acceptDialog.confirm}
      errorHeader={S.acceptDialog.error}
      onDismiss={onDismiss}
      size="large"
      onConfirm={async () => {
        const r = await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
        onAccepted(r.VpcPeeringConnection);
      }}
    >
      <Box>{S.acceptDialog.question(id)}</Box>
      {permissions.phishingFrom && <PhishingWarning account={permissions.phishingFrom} />}
      <PeeringSides c={c} />
    </ActionModal>
  );
}
