import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { describePeerings } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { EmptyState } from '../../shared/empty-state';
import { ResourceTable } from '../../shared/resource-table';
import { useResourceCollection } from '../../shared/use-resource-collection';
import { S } from '../../strings';
import { PeeringAlerts } from './peering-alerts';
import { PEERING_COLUMNS } from './peering-columns';
import { PEERING_FILTER_PROPERTIES, peeringFilterOptions } from './peering-filtering';
import { toPeeringRow, TRANSITIONAL } from './peering-row';
import { usePeeringActions } from './use-peering-actions';
import { useSettlePoll } from './use-settle-poll';
import type { ListSplitPanel } from '../../shared/use-list-split-panel';
import { PeeringDetailsPage } from './peering-details-page';

const SPLIT_PANEL: ListSplitPanel = { noun: S.splitPanel.nouns.peering, render: (id) => <PeeringDetailsPage id={id} /> };

/** Every connection this account sees in this region, terminal ones included while AWS shows them. */
export function PeeringListPage(): ReactNode {
  const { ec2, session } = useSession();
  const key = useScopeKey('peerings');
  const resource = useResource(key, (signal) => describePeerings(ec2, signal));
  const rows = useMemo(() => (resource.data ?? []).map((c) => toPeeringRow(c, session.accountId)), [resource.data, session.accountId]);

  // Transitional statuses (provisioning after an accept) are read again until every row settles.
  useSettlePoll(rows.some((r) => TRANSITIONAL.has(r.status)), resource.loading, resource.reload, key);

  const collection = useResourceCollection(rows, {
    preferencesKey: 'peerings',
    columns: PEERING_COLUMNS,
    properties: PEERING_FILTER_PROPERTIES,
    filteringOptions: peeringFilterOptions(rows),
    empty: <EmptyState title={S.peering.emptyTitle} subtitle={S.peering.emptySubtitle} action={<Button onClick={() => navigate('/peering-connections/create')}>{S.peering.create}</Button>} />,
    sortingField: 'name',
  });

  const selected = collection.selected?.connection;
  // What a write returned (Accept's `provisioning`) shows until the poll above reads the settled
  // status, as AWS's console shows it; writes that return nothing are read back at once.
  const { menu, dialogs, permissions } = usePeeringActions(selected, (updated?: VpcPeeringConnection) => {
    if (updated) resource.replace((list) => list?.map((c) => (c.VpcPeeringConnectionId === updated.VpcPeeringConnectionId ? updated : c)));
    else resource.reload();
  });

  return (
    <ResourceTable
      splitPanel={SPLIT_PANEL}
      resource={resource}
      collection={collection}
      text={S.peering}
      createHref="/peering-connections/create"
      resizableColumns
      alerts={permissions && <PeeringAlerts permissions={permissions} />}
      actions={menu}
    >
      {dialogs}
    </ResourceTable>
  );
}
