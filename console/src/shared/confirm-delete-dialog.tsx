import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { S } from '../strings';
import { ActionModal } from './action-modal';
import { useNotifications } from './notifications';

/**
 * AWS's delete confirmation: what goes, then "To confirm deletion, type delete in the field";
 * the button waits for the word. On success a notice says what was done.
 */
export function ConfirmDeleteDialog({ header, question, errorHeader, done, confirmLabel = S.actions.delete, onDelete, onDone, onDismiss, children }: {
  header: string;
  question: string;
  errorHeader: string;
  /** The notice shown after the delete. */
  done: string;
  confirmLabel?: string;
  onDelete: () => Promise<unknown>;
  onDone: () => void;
  onDismiss: () => void;
  children?: ReactNode;
}): ReactNode {
  const { notify } = useNotifications();
  const [typed, setTyped] = useState('');
  return (
    <ActionModal
      header={header}
      confirmLabel={confirmLabel}
      confirmDisabled={typed !== S.deleteDialog.word}
      errorHeader={errorHeader}
      onDismiss={onDismiss}
      onConfirm={async () => {
        await onDelete();
        notify({ type: 'success', content: done });
        onDone();
      }}
    >
      <Box>{question}</Box>
      {children}
      <FormField label={S.deleteDialog.typeToConfirm}>
        <Input value={typed} placeholder={S.deleteDialog.word} onChange={({ detail }) => setTyped(detail.value)} />
      </FormField>
    </ActionModal>
  );
}
