import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Header from '@cloudscape-design/components/header';
import type { TableProps } from '@cloudscape-design/components/table';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { EmptyState } from '../../shared/empty-state';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { timeLeft } from './time-left';

type Column = TableProps.ColumnDefinition<VpcPeeringConnection>;

/** The connection's id, linking to its page: every dashboard table starts with it. */
export const ID_COLUMN: Column = { id: 'id', header: S.peering.id, cell: (c) => resourceLink('/peering-connections', c.VpcPeeringConnectionId), isRowHeader: true };

/** How long a pending request has left, counted from the server's `now`. */
export function timeLeftColumn(now: number): Column {
  return { id: 'left', header: S.dashboard.timeLeft, cell: (c) => (c.ExpirationTime ? timeLeft(c.ExpirationTime.getTime() - now) : '-') };
}

/** One of the dashboard's peering panels: titled, counted once loaded, its empty state saying why. */
export function PeeringTable({ testId, title, description, empty, emptyHint, connections, loading, columns }: {
  testId: string;
  title: string;
  description: string;
  empty: string;
  emptyHint: string;
  connections: readonly VpcPeeringConnection[];
  /** The first load: nothing is known yet (the connections are none until it ends). */
  loading: boolean;
  columns: readonly Column[];
}): ReactNode {
  return (
    <div data-testid={testId}>
      <Table
        variant="container"
        header={<Header variant="h2" counter={loading ? undefined : `(${connections.length})`} description={description}>{title}</Header>}
        items={[...connections]}
        loading={loading}
        loadingText={S.dashboard.loading}
        trackBy={(c) => c.VpcPeeringConnectionId ?? ''}
        empty={<EmptyState title={empty} subtitle={emptyHint} />}
        columnDefinitions={columns}
      />
    </div>
  );
}
