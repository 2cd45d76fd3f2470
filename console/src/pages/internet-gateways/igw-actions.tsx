import { DeleteInternetGatewayCommand, DetachInternetGatewayCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { deleteAction } from '../../shared/delete-action';
import { useNotifications } from '../../shared/notifications';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { IgwRow } from './igw-row';

function DetachDialog({ row, onDismiss, onDone }: { row: IgwRow; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  return (
    <ActionModal
      header={S.internetGateways.detachHeader}
      confirmLabel={S.internetGateways.detachConfirm}
      errorHeader={S.internetGateways.detachError}
      onDismiss={onDismiss}
      onConfirm={async () => {
        await ec2.send(new DetachInternetGatewayCommand({ InternetGatewayId: row.id, VpcId: row.vpcId }));
        notify({ type: 'success', content: S.internetGateways.detachedDone(row.id) });
        onDone();
      }}
    >
      <Box>{S.internetGateways.detachQuestion(row.id, row.vpcId)}</Box>
    </ActionModal>
  );
}

/** AWS's Actions on an internet gateway: attach, detach, delete (only once detached). */
export const IGW_ACTIONS: readonly RowAction<IgwRow>[] = [
  { id: 'attach', text: S.internetGateways.attach, unavailable: (r) => (r.vpcId ? S.internetGateways.alreadyAttached : undefined), href: (r) => `/internet-gateways/${r.id}/attach` },
  { id: 'detach', text: S.internetGateways.detach, unavailable: (r) => (r.vpcId ? undefined : S.internetGateways.notAttached), dialog: (r, close, done) => <DetachDialog row={r} onDismiss={close} onDone={done} /> },
  deleteAction(S.internetGateways, (ec2, r) => ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: r.id })), (r) => (r.vpcId ? S.internetGateways.deleteAttached : undefined)),
];
