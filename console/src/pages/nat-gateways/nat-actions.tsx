import { DeleteNatGatewayCommand } from '@aws-sdk/client-ec2';
import { useSession } from '../../session/session-context';
import { ConfirmDeleteDialog } from '../../shared/confirm-delete-dialog';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { NatRow } from './nat-row';

function DeleteDialog({ row, onDismiss, onDone }: { row: NatRow; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  return (
    <ConfirmDeleteDialog
      header={S.natGateways.deleteHeader}
      question={S.natGateways.deleteQuestion(row.id)}
      errorHeader={S.natGateways.deleteError}
      done={S.natGateways.deleted(row.id)}
      onDelete={() => ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: row.id }))}
      onDone={onDone}
      onDismiss={onDismiss}
    />
  );
}

export const NAT_ACTIONS: readonly RowAction<NatRow>[] = [
  { id: 'delete', text: S.natGateways.delete, unavailable: (r) => (r.state === 'deleting' || r.state === 'deleted' ? S.natGateways.gone : undefined), dialog: (r, close, done) => <DeleteDialog row={r} onDismiss={close} onDone={done} /> },
];
