import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { S } from '../strings';

/** A route's state: Active, or Blackhole when its target is not available (AWS's words). */
export function RouteState({ state }: { state: string | undefined }): ReactNode {
  if (state === 'active') return <StatusIndicator type="success">{S.routes.active}</StatusIndicator>;
  if (state === 'blackhole') return <StatusIndicator type="error">{S.routes.blackhole}</StatusIndicator>;
  return <>{state ?? '-'}</>;
}
