import { DeleteNetworkAclCommand } from '@aws-sdk/client-ec2';
import { useSession } from '../../session/session-context';
import { ConfirmDeleteDialog } from '../../shared/confirm-delete-dialog';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { AclRow } from './acl-row';

function DeleteDialog({ row, onDismiss, onDone }: { row: AclRow; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  return (
    <ConfirmDeleteDialog
      header={S.networkAcls.deleteHeader}
      question={S.networkAcls.deleteQuestion(row.id)}
      errorHeader={S.networkAcls.deleteError}
      done={S.networkAcls.deleted(row.id)}
      onDelete={() => ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: row.id }))}
      onDone={onDone}
      onDismiss={onDismiss}
    />
  );
}

export const ACL_ACTIONS: readonly RowAction<AclRow>[] = [
  { id: 'inbound', text: S.rules.editInbound, href: (r) => `/network-acls/${r.id}/edit-inbound-rules` },
  { id: 'outbound', text: S.rules.editOutbound, href: (r) => `/network-acls/${r.id}/edit-outbound-rules` },
  { id: 'subnets', text: S.networkAcls.editSubnets, href: (r) => `/network-acls/${r.id}/edit-subnet-associations` },
  {
    id: 'delete',
    text: S.networkAcls.delete,
    unavailable: (r) => (r.isDefault ? S.networkAcls.defaultAcl : r.subnets.length > 0 ? S.networkAcls.hasSubnets : undefined),
    dialog: (r, close, done) => <DeleteDialog row={r} onDismiss={close} onDone={done} />,
  },
];
