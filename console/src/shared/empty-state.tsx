import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

/** What a table shows with no rows: a title, a hint, maybe the action that makes the first one. */
export function EmptyState({ title, subtitle, action }: { title: string; subtitle?: string; action?: ReactNode }): ReactNode {
  return (
    <Box textAlign="center" color="inherit" padding={{ vertical: 's' }}>
      <SpaceBetween size="xxs">
        <Box variant="strong" color="inherit">{title}</Box>
        {subtitle && <Box variant="p" color="inherit">{subtitle}</Box>}
        {action}
      </SpaceBetween>
    </Box>
  );
}
