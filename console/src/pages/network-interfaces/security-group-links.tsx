import type { GroupIdentifier } from '@aws-sdk/client-ec2';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { followLink } from '../../router/follow-link';

/** An interface's or instance's groups: each id linking to its page, with its name. */
export function SecurityGroupLinks({ groups }: { groups: readonly GroupIdentifier[] | undefined }): ReactNode {
  if (!groups || groups.length === 0) return '-';
  return (
    <SpaceBetween size="xxs">
      {groups.map((g) => (
        <span key={g.GroupId}>
          <Link href={`/security-groups/${g.GroupId ?? ''}`} onFollow={followLink}>{g.GroupId}</Link>
          {g.GroupName ? ` (${g.GroupName})` : ''}
        </span>
      ))}
    </SpaceBetween>
  );
}
