import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeRouteTables } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { RouteState } from '../../shared/route-state';
import { EmptyState } from '../../shared/empty-state';
import { nameTag } from '../../shared/tags';
import { S } from '../../strings';

interface PeeringRoute {
  readonly key: string;
  readonly routeTableId: string;
  readonly routeTableName: string;
  readonly vpcId: string;
  readonly main: boolean;
  readonly destination: string;
  readonly state: string | undefined;
}

/** This account's route tables in this region with a route through the connection, and each route's state. */
export function PeeringRoutesTab({ pcxId, version }: { pcxId: string; version: number }): ReactNode {
  const { ec2 } = useSession();
  const key = useScopeKey('peering-routes', pcxId, String(version));
  const resource = useResource(key, async (signal) => {
    const tables = await describeRouteTables(ec2, signal, [{ Name: 'route.vpc-peering-connection-id', Values: [pcxId] }]);
    return tables.flatMap((t): PeeringRoute[] =>
      (t.Routes ?? [])
        .filter((r) => r.VpcPeeringConnectionId === pcxId)
        .map((r) => {
          const destination = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '';
          return {
            key: `${t.RouteTableId}|${destination}`,
            routeTableId: t.RouteTableId ?? '',
            routeTableName: nameTag(t.Tags),
            vpcId: t.VpcId ?? '',
            main: (t.Associations ?? []).some((a) => a.Main),
            destination,
            state: r.State,
          };
        }),
    );
  });
  if (resource.error) return <ErrorAlert error={resource.error} header={S.routeTables.loadError} onRetry={resource.reload} />;
  return (
    <Table<PeeringRoute>
      variant="embedded"
      items={resource.data ?? []}
      loading={resource.loading && !resource.data}
      loadingText={S.routeTables.loading}
      trackBy="key"
      header={<Header variant="h2" description={S.peeringDetails.routesDescription}>{S.peeringDetails.routeTablesTab}</Header>}
      empty={<EmptyState title={S.peeringDetails.noRoutes} subtitle={S.peeringDetails.noRoutesHint} />}
      columnDefinitions={[
        { id: 'rtb', header: S.routeTables.id, cell: (r) => <Link href={`/route-tables/${r.routeTableId}`} onFollow={followLink}>{r.routeTableId}</Link>, isRowHeader: true },
        { id: 'name', header: S.routeTables.name, cell: (r) => r.routeTableName || '-' },
        { id: 'vpc', header: S.routeTables.vpc, cell: (r) => r.vpcId },
        { id: 'main', header: S.routeTables.main, cell: (r) => (r.main ? S.common.yes : S.common.no) },
        { id: 'destination', header: S.routes.destination, cell: (r) => r.destination },
        { id: 'state', header: S.routes.status, cell: (r) => <RouteState state={r.state} /> },
      ]}
    />
  );
}
