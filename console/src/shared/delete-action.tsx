import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ReactNode } from 'react';
import { useSession } from '../session/session-context';
import { ConfirmDeleteDialog } from './confirm-delete-dialog';
import type { RowAction } from './row-actions';

/** A resource family's wording of its delete (Delete, the dialog, the notice after). */
export interface DeleteText {
  readonly delete: string;
  readonly deleteHeader: string;
  readonly deleteQuestion: (id: string) => string;
  readonly deleteError: string;
  readonly deleted: (id: string) => string;
}

function DeleteDialog<T extends { readonly id: string }>({ row, text, send, onDismiss, onDone }: {
  row: T;
  text: DeleteText;
  send: (ec2: EC2Client, row: T) => Promise<unknown>;
  onDismiss: () => void;
  onDone: () => void;
}): ReactNode {
  const { ec2 } = useSession();
  return (
    <ConfirmDeleteDialog
      header={text.deleteHeader}
      question={text.deleteQuestion(row.id)}
      errorHeader={text.deleteError}
      done={text.deleted(row.id)}
      onDelete={() => send(ec2, row)}
      onDone={onDone}
      onDismiss={onDismiss}
    />
  );
}

/**
 * The Actions menu's Delete (id `delete`): AWS's typed confirmation, then `send` (the family's
 * Delete call); `unavailable` says why a row cannot go.
 */
export function deleteAction<T extends { readonly id: string }>(text: DeleteText, send: (ec2: EC2Client, row: T) => Promise<unknown>, unavailable?: (row: T) => string | undefined): RowAction<T> {
  return {
    id: 'delete',
    text: text.delete,
    ...(unavailable ? { unavailable } : {}),
    dialog: (row, close, done) => <DeleteDialog row={row} text={text} send={send} onDismiss={close} onDone={done} />,
  };
}
