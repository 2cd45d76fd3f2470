import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiError } from '../api/api-error';
import { toApiError } from '../api/api-error';
import { S } from '../strings';
import { ErrorAlert } from './error-alert';

/**
 * A confirmation dialog around one write. While it runs the buttons wait; if the server refuses,
 * its error shows in the dialog verbatim and nothing else changes, so the user can retry or cancel.
 */
export function ActionModal({ header, confirmLabel, confirmDisabled, errorHeader, onConfirm, onDismiss, children, size = 'medium' }: {
  header: string;
  confirmLabel: string;
  confirmDisabled?: boolean;
  errorHeader: string;
  onConfirm: () => Promise<void>;
  onDismiss: () => void;
  children: ReactNode;
  size?: 'small' | 'medium' | 'large';
}): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };
  return (
    <Modal
      visible
      size={size}
      header={header}
      onDismiss={() => !busy && onDismiss()}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" disabled={busy} onClick={onDismiss}>{S.actions.cancel}</Button>
            <Button variant="primary" loading={busy} disabled={confirmDisabled} onClick={() => void run()}>
              {confirmLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        {children}
        {error && <ErrorAlert error={error} header={errorHeader} onRetry={error.network ? () => void run() : undefined} />}
      </SpaceBetween>
    </Modal>
  );
}
