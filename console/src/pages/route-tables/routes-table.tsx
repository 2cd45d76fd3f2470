import type { Route } from '@aws-sdk/client-ec2';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { RouteState } from '../../shared/route-state';
import { S } from '../../strings';
import { routeDestination, routeTarget } from './route-table-row';

/** The guide's columns: Destination, Target, Status (Active / Blackhole), Propagated. */
export function RoutesTable({ routes, header }: { routes: readonly Route[]; header: ReactNode }): ReactNode {
  return (
    <Table<Route>
      variant="embedded"
      items={[...routes]}
      trackBy={(r) => routeDestination(r)}
      header={header}
      columnDefinitions={[
        { id: 'destination', header: S.routes.destination, cell: routeDestination, isRowHeader: true },
        { id: 'target', header: S.routes.target, cell: routeTarget },
        { id: 'status', header: S.routes.status, cell: (r) => <RouteState state={r.State} /> },
        { id: 'propagated', header: S.routes.propagated, cell: (r) => (r.Origin === 'EnableVgwRoutePropagation' ? S.common.yes : S.common.no) },
      ]}
    />
  );
}
