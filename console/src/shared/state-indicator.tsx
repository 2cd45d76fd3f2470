import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';

const TYPES: Readonly<Record<string, StatusIndicatorProps.Type>> = {
  available: 'success',
  attached: 'success',
  associated: 'success',
  active: 'success',
  pending: 'pending',
  attaching: 'in-progress',
  detaching: 'in-progress',
  associating: 'in-progress',
  disassociating: 'in-progress',
  deleting: 'in-progress',
  detached: 'stopped',
  deleted: 'stopped',
  disassociated: 'stopped',
  failed: 'error',
  'failed-insufficient-capacity': 'error',
  'in-use': 'success',
  running: 'success',
  succeeded: 'success',
  stopping: 'in-progress',
  'shutting-down': 'in-progress',
  stopped: 'stopped',
  terminated: 'stopped',
};

/** "attached" -> "Attached": the AWS console capitalises the API's state names. */
export function stateLabel(state: string | undefined): string {
  if (!state) return '-';
  return state.charAt(0).toUpperCase() + state.slice(1).replace(/-/g, ' ');
}

/** A resource's state (gateway, attachment, NAT gateway, address association) as an indicator. */
export function StateIndicator({ state }: { state: string | undefined }): ReactNode {
  return <StatusIndicator type={TYPES[state ?? ''] ?? 'info'}>{stateLabel(state)}</StatusIndicator>;
}
