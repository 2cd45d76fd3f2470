import { DeleteSubnetCommand } from '@aws-sdk/client-ec2';
import { useSession } from '../../session/session-context';
import { ConfirmDeleteDialog } from '../../shared/confirm-delete-dialog';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';

function DeleteDialog({ id, onDismiss, onDone }: { id: string; onDismiss: () => void; onDone: () => void }) {
  const { ec2 } = useSession();
  return (
    <ConfirmDeleteDialog
      header={S.subnets.deleteHeader}
      question={S.subnets.deleteQuestion(id)}
      errorHeader={S.subnets.deleteError}
      done={S.subnets.deleted(id)}
      onDelete={() => ec2.send(new DeleteSubnetCommand({ SubnetId: id }))}
      onDone={onDone}
      onDismiss={onDismiss}
    />
  );
}

/** A subnet's Actions, as on AWS's subnet page. */
export const SUBNET_ACTIONS: readonly RowAction<{ readonly id: string }>[] = [
  { id: 'settings', text: S.subnetDetails.editSettings, href: (r) => `/subnets/${r.id}/edit-settings` },
  { id: 'ipv6', text: S.subnetDetails.editIpv6, href: (r) => `/subnets/${r.id}/edit-ipv6-cidrs` },
  { id: 'delete', text: S.subnets.delete, dialog: (r, close, done) => <DeleteDialog id={r.id} onDismiss={close} onDone={done} /> },
];
