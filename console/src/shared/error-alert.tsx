import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import { S } from '../strings';

/**
 * A refused or failed request: the server's AWS error code and message exactly as sent, and a
 * retry when the request never got an answer (or when the caller can simply try again).
 */
export function ErrorAlert({ error, header, onRetry, onDismiss }: { error: ApiError; header: string; onRetry?: () => void; onDismiss?: () => void }): ReactNode {
  return (
    <Alert
      type="error"
      header={error.network ? S.errors.networkHeader : header}
      dismissible={onDismiss !== undefined}
      onDismiss={onDismiss}
      action={onRetry ? <Button onClick={onRetry}>{S.actions.retry}</Button> : undefined}
    >
      <span data-testid="api-error">{error.text}</span>
    </Alert>
  );
}
