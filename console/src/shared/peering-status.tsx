import Popover from '@cloudscape-design/components/popover';
import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { S } from '../strings';

const TYPES: Readonly<Record<string, StatusIndicatorProps.Type>> = {
  'initiating-request': 'in-progress',
  'pending-acceptance': 'pending',
  provisioning: 'in-progress',
  active: 'success',
  deleting: 'in-progress',
  deleted: 'stopped',
  rejected: 'stopped',
  failed: 'error',
  expired: 'stopped',
};

export function peeringStatusLabel(code: string | undefined): string {
  return (code && S.peeringStatus[code as keyof typeof S.peeringStatus]) || code || '-';
}

/**
 * A connection's status as the AWS console shows it: a coloured indicator and the label; the
 * server's status message (why it failed, who deleted it) one hover away.
 */
export function PeeringStatus({ code, message, showMessage = false }: { code: string | undefined; message?: string; showMessage?: boolean }): ReactNode {
  const indicator = (
    <StatusIndicator type={TYPES[code ?? ''] ?? 'info'} colorOverride={code === 'pending-acceptance' ? 'blue' : undefined}>
      {peeringStatusLabel(code)}
    </StatusIndicator>
  );
  // "Active" says nothing the label does not; messages that add something (why it failed, who
  // deleted it, whom it waits for) are shown, or one hover away in tables.
  const telling = message !== undefined && message !== '' && message.toLowerCase() !== peeringStatusLabel(code).toLowerCase();
  if (showMessage) {
    return (
      <div data-testid="peering-status">
        <span data-testid="status-label">{indicator}</span>
        {telling && <div data-testid="status-message">{message}</div>}
      </div>
    );
  }
  if (!telling) return indicator;
  return (
    <Popover dismissButton={false} position="top" size="medium" triggerType="custom" content={message}>
      <span style={{ cursor: 'help', borderBottom: '1px dashed currentColor' }}>{indicator}</span>
    </Popover>
  );
}
