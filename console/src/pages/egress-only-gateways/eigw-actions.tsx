import { DeleteEgressOnlyInternetGatewayCommand } from '@aws-sdk/client-ec2';
import { useSession } from '../../session/session-context';
import { ConfirmDeleteDialog } from '../../shared/confirm-delete-dialog';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { EigwRow } from './eigw-row';

function DeleteDialog({ row, onDismiss, onDone }: { row: EigwRow; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  return (
    <ConfirmDeleteDialog
      header={S.egressOnly.deleteHeader}
      question={S.egressOnly.deleteQuestion(row.id)}
      errorHeader={S.egressOnly.deleteError}
      done={S.egressOnly.deleted(row.id)}
      onDelete={() => ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: row.id }))}
      onDone={onDone}
      onDismiss={onDismiss}
    />
  );
}

export const EIGW_ACTIONS: readonly RowAction<EigwRow>[] = [
  { id: 'delete', text: S.egressOnly.delete, dialog: (r, close, done) => <DeleteDialog row={r} onDismiss={close} onDone={done} /> },
];
