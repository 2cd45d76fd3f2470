import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { followLink } from '../../router/follow-link';
import { regionName } from '../../shared/region-option';
import { S } from '../../strings';
import type { ResourceCount } from './resource-counts';

/** AWS's "Resources by Region": a tile per kind, its count linking to the list. */
export function ResourceCountsPanel({ region, counts, loading }: { region: string; counts: readonly ResourceCount[] | undefined; loading: boolean }): ReactNode {
  return (
    <Container header={<Header variant="h2" description={S.dashboard.resourcesDescription(regionName(region), region)}>{S.dashboard.resourcesTitle}</Header>}>
      {!counts ? (
        <Box color="text-body-secondary">{loading ? S.dashboard.loading : S.errors.notLoaded}</Box>
      ) : (
        <div data-testid="dashboard-counts">
          <ColumnLayout columns={4} variant="text-grid" minColumnWidth={170}>
            {counts.map((c) => (
              <div key={c.key} data-testid={`count-${c.key}`}>
                <Box variant="awsui-key-label">{c.label}</Box>
                <Link href={c.href} onFollow={followLink} fontSize="display-l" ariaLabel={S.dashboard.countAria(c.label, c.count)}>
                  {c.count}
                </Link>
                {c.detail && <Box variant="small" color="text-body-secondary">{c.detail}</Box>}
              </div>
            ))}
          </ColumnLayout>
        </div>
      )}
    </Container>
  );
}
