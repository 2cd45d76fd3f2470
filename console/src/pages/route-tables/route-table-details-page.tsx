import type { RouteTable, Subnet } from '@aws-sdk/client-ec2';
import { DescribeRouteTablesCommand } from '@aws-sdk/client-ec2';
import Badge from '@cloudscape-design/components/badge';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeRouteTables, describeSubnets } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { EmptyState } from '../../shared/empty-state';
import { ManageTagsModal } from '../../shared/manage-tags-modal';
import { nameTag } from '../../shared/tags';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { explicitSubnets, isMain } from './route-table-row';
import { RoutesTable } from './routes-table';

interface Loaded {
  readonly table: RouteTable;
  readonly subnets: readonly Subnet[];
  /** Subnets of the VPC with an explicit association to some table. */
  readonly explicitlyAssociated: ReadonlySet<string>;
}

function SubnetsTable({ subnets, header, empty }: { subnets: readonly Subnet[]; header: ReactNode; empty: string }): ReactNode {
  return (
    <Table<Subnet>
      variant="embedded"
      items={[...subnets]}
      trackBy={(s) => s.SubnetId ?? ''}
      header={header}
      empty={<EmptyState title={empty} />}
      columnDefinitions={[
        { id: 'id', header: S.subnets.id, cell: (s) => s.SubnetId, isRowHeader: true },
        { id: 'name', header: S.subnets.name, cell: (s) => nameTag(s.Tags) || '-' },
        { id: 'cidr', header: S.subnets.ipv4Cidr, cell: (s) => s.CidrBlock },
        { id: 'az', header: S.subnets.zone, cell: (s) => s.AvailabilityZone },
      ]}
    />
  );
}

export function RouteTableDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource<Loaded>(useScopeKey('route-table', id), async (signal) => {
    // By id, so an unknown table answers with the server's own InvalidRouteTableID.NotFound.
    const r = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }), { abortSignal: signal });
    const table = r.RouteTables?.[0];
    if (!table) throw new Error(`DescribeRouteTables returned no ${id}`);
    const [subnets, all] = await Promise.all([
      describeSubnets(ec2, signal, [{ Name: 'vpc-id', Values: [table.VpcId ?? ''] }]),
      describeRouteTables(ec2, signal, [{ Name: 'vpc-id', Values: [table.VpcId ?? ''] }]),
    ]);
    return { table, subnets, explicitlyAssociated: new Set(all.flatMap(explicitSubnets)) };
  });
  const [tagging, setTagging] = useState(false);
  const t = resource.data?.table;
  const main = t ? isMain(t) : false;
  const name = t ? nameTag(t.Tags) : '';
  const own = new Set(t ? explicitSubnets(t) : []);
  const associated = (resource.data?.subnets ?? []).filter((s) => own.has(s.SubnetId ?? ''));
  const implicit = main ? (resource.data?.subnets ?? []).filter((s) => !resource.data?.explicitlyAssociated.has(s.SubnetId ?? '')) : [];

  return (
    <DetailsLayout
      id={id}
      name={name}
      resource={resource}
      loadError={S.routeTables.loadError}
      info={main ? <Badge color="blue">{S.routeTables.mainBadge}</Badge> : undefined}
      // An array, not a fragment, so each button keeps its own slot in the header's SpaceBetween.
      actions={[
        <ButtonDropdown
          key="actions"
          items={[
            { id: 'routes', text: S.routeTables.editRoutes },
            { id: 'subnets', text: S.routeTables.editSubnets },
            { id: 'tags', text: S.tags.manage, disabled: !t },
          ]}
          onItemClick={({ detail }) => {
            if (detail.id === 'routes') navigate(`/route-tables/${id}/edit-routes`);
            if (detail.id === 'subnets') navigate(`/route-tables/${id}/edit-subnet-associations`);
            if (detail.id === 'tags') setTagging(true);
          }}
        >
          {S.actions.actions}
        </ButtonDropdown>,
        <Button key="subnets" onClick={() => navigate(`/route-tables/${id}/edit-subnet-associations`)}>{S.routeTables.editSubnets}</Button>,
        <Button key="routes" variant="primary" onClick={() => navigate(`/route-tables/${id}/edit-routes`)}>{S.routeTables.editRoutes}</Button>,
      ]}
      dialogs={tagging && <ManageTagsModal resourceId={id} tags={t?.Tags} onDismiss={() => setTagging(false)} onSaved={resource.reload} />}
      details={t && {
        header: S.routeTables.details,
        items: [
          { label: S.routeTables.id, value: id },
          { label: S.routeTables.main, value: main ? S.common.yes : S.common.no },
          { label: S.routeTables.explicitSubnets, value: associated.length > 0 ? associated.map((s) => s.SubnetId).join(', ') : '-' },
          { label: S.routeTables.vpc, value: t.VpcId },
          { label: S.routeTables.owner, value: t.OwnerId },
        ],
      }}
      tabs={t && [
        {
          id: 'routes',
          label: S.routeTables.routesTab,
          content: (
            <RoutesTable
              routes={t.Routes ?? []}
              header={
                <Header variant="h2" counter={`(${(t.Routes ?? []).length})`} actions={<Button onClick={() => navigate(`/route-tables/${id}/edit-routes`)}>{S.routeTables.editRoutes}</Button>}>
                  {S.routeTables.routesTab}
                </Header>
              }
            />
          ),
        },
        {
          id: 'subnets',
          label: S.routeTables.subnetsTab,
          content: (
            <SpaceBetween size="l">
              <SubnetsTable
                subnets={associated}
                empty={S.routeTables.noExplicit}
                header={
                  <Header variant="h2" counter={`(${associated.length})`} description={S.routeTables.explicitDescription} actions={<Button onClick={() => navigate(`/route-tables/${id}/edit-subnet-associations`)}>{S.routeTables.editSubnets}</Button>}>
                    {S.routeTables.explicitSubnets}
                  </Header>
                }
              />
              {main && (
                <SubnetsTable
                  subnets={implicit}
                  empty={S.routeTables.noImplicit}
                  header={<Header variant="h2" counter={`(${implicit.length})`} description={S.routeTables.implicitDescription}>{S.routeTables.implicitSubnets}</Header>}
                />
              )}
            </SpaceBetween>
          ),
        },
        { id: 'tags', label: S.routeTables.tagsTab, content: <TagsPanel resourceId={id} tags={t.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> },
      ]}
    />
  );
}
