import { DeleteSecurityGroupCommand } from '@aws-sdk/client-ec2';
import { useSession } from '../../session/session-context';
import { ConfirmDeleteDialog } from '../../shared/confirm-delete-dialog';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { SgRow } from './sg-row';

function DeleteDialog({ row, onDismiss, onDone }: { row: SgRow; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  return (
    <ConfirmDeleteDialog
      header={S.securityGroups.deleteHeader}
      question={S.securityGroups.deleteQuestion(row.id)}
      errorHeader={S.securityGroups.deleteError}
      done={S.securityGroups.deleted(row.id)}
      onDelete={() => ec2.send(new DeleteSecurityGroupCommand({ GroupId: row.id }))}
      onDone={onDone}
      onDismiss={onDismiss}
    />
  );
}

export const SG_ACTIONS: readonly RowAction<SgRow>[] = [
  { id: 'inbound', text: S.rules.editInbound, href: (r) => `/security-groups/${r.id}/edit-inbound-rules` },
  { id: 'outbound', text: S.rules.editOutbound, href: (r) => `/security-groups/${r.id}/edit-outbound-rules` },
  { id: 'delete', text: S.securityGroups.delete, unavailable: (r) => (r.isDefault ? S.securityGroups.defaultGroup : undefined), dialog: (r, close, done) => <DeleteDialog row={r} onDismiss={close} onDone={done} /> },
];
