import { ReleaseAddressCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { useNotifications } from '../../shared/notifications';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { EipRow } from './eip-row';

function ReleaseDialog({ row, onDismiss, onDone }: { row: EipRow; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  return (
    <ActionModal
      header={S.elasticIps.releaseHeader}
      confirmLabel={S.elasticIps.releaseConfirm}
      errorHeader={S.elasticIps.releaseError}
      onDismiss={onDismiss}
      onConfirm={async () => {
        await ec2.send(new ReleaseAddressCommand({ AllocationId: row.id }));
        notify({ type: 'success', content: S.elasticIps.released(row.publicIp) });
        onDone();
      }}
    >
      <Box>{S.elasticIps.releaseQuestion(row.publicIp)}</Box>
    </ActionModal>
  );
}

export const EIP_ACTIONS: readonly RowAction<EipRow>[] = [
  { id: 'release', text: S.elasticIps.release, unavailable: (r) => (r.associationId ? S.elasticIps.associatedWarning : undefined), dialog: (r, close, done) => <ReleaseDialog row={r} onDismiss={close} onDone={done} /> },
];
