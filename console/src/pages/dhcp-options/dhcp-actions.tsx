import { DeleteDhcpOptionsCommand } from '@aws-sdk/client-ec2';
import { useSession } from '../../session/session-context';
import { ConfirmDeleteDialog } from '../../shared/confirm-delete-dialog';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { DhcpRow } from './dhcp-row';

function DeleteDialog({ row, onDismiss, onDone }: { row: DhcpRow; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  return (
    <ConfirmDeleteDialog
      header={S.dhcp.deleteHeader}
      question={S.dhcp.deleteQuestion(row.id)}
      errorHeader={S.dhcp.deleteError}
      done={S.dhcp.deleted(row.id)}
      onDelete={() => ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: row.id }))}
      onDone={onDone}
      onDismiss={onDismiss}
    />
  );
}

export const DHCP_ACTIONS: readonly RowAction<DhcpRow>[] = [
  { id: 'delete', text: S.dhcp.delete, dialog: (r, close, done) => <DeleteDialog row={r} onDismiss={close} onDone={done} /> },
];
