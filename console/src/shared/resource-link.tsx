import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { followLink } from '../router/follow-link';

/** Another resource's id linking to its details page (`base`/id), or `-` when there is none. */
export function resourceLink(base: string, id: string | undefined): ReactNode {
  return id ? <Link href={`${base}/${id}`} onFollow={followLink}>{id}</Link> : '-';
}
