import type { RouteTable, Subnet } from '@aws-sdk/client-ec2';
import { AssociateRouteTableCommand, DescribeRouteTablesCommand, DisassociateRouteTableCommand, ReplaceRouteTableAssociationCommand } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { describeRouteTables, describeSubnets } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { EmptyState } from '../../shared/empty-state';
import { selectionLabels } from '../../shared/selection-labels';
import { nameTag } from '../../shared/tags';
import { useEdits } from '../../shared/use-edits';
import { S } from '../../strings';
import { isMain } from './route-table-row';

interface Loaded {
  readonly table: RouteTable;
  readonly subnets: readonly Subnet[];
  /** subnet id -> its explicit association (table and association id), if any. */
  readonly explicit: ReadonlyMap<string, { routeTableId: string; associationId: string }>;
  readonly mainTableId: string;
}

/** Which subnets use this table explicitly; the others fall back to the VPC's main table. */
export function EditSubnetAssociationsPage({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const resource = useResource<Loaded>(useScopeKey('edit-associations', id), async (signal) => {
    const r = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }), { abortSignal: signal });
    const table = r.RouteTables?.[0];
    if (!table) throw new Error(`DescribeRouteTables returned no ${id}`);
    const vpcFilter = [{ Name: 'vpc-id', Values: [table.VpcId ?? ''] }];
    const [subnets, tables] = await Promise.all([describeSubnets(ec2, signal, vpcFilter), describeRouteTables(ec2, signal, vpcFilter)]);
    const explicit = new Map<string, { routeTableId: string; associationId: string }>();
    for (const t of tables) for (const a of t.Associations ?? []) if (a.SubnetId && a.RouteTableAssociationId) explicit.set(a.SubnetId, { routeTableId: t.RouteTableId ?? '', associationId: a.RouteTableAssociationId });
    return { table, subnets, explicit, mainTableId: tables.find(isMain)?.RouteTableId ?? '' };
  });
  const loaded = resource.data;
  const [selected, setSelected] = useEdits(loaded, (l): readonly Subnet[] => l.subnets.filter((s) => l.explicit.get(s.SubnetId ?? '')?.routeTableId === id));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();

  const save = async (): Promise<void> => {
    if (!loaded || !selected) return;
    setSaving(true);
    setError(undefined);
    const want = new Set(selected.map((s) => s.SubnetId ?? ''));
    try {
      for (const s of loaded.subnets) {
        const subnetId = s.SubnetId ?? '';
        const current = loaded.explicit.get(subnetId);
        if (want.has(subnetId) && current?.routeTableId !== id) {
          if (current) await ec2.send(new ReplaceRouteTableAssociationCommand({ AssociationId: current.associationId, RouteTableId: id }));
          else await ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId: subnetId }));
        } else if (!want.has(subnetId) && current?.routeTableId === id) {
          await ec2.send(new DisassociateRouteTableCommand({ AssociationId: current.associationId }));
        }
      }
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
      // Show what the server now holds; the selection the user made stays for another try.
      resource.reload();
      return;
    }
    setSaving(false);
    notify({ type: 'success', content: S.editAssociations.saved(id) });
    navigate(`/route-tables/${id}`);
  };

  const currentTable = (s: Subnet): string => {
    const e = loaded?.explicit.get(s.SubnetId ?? '');
    return e ? e.routeTableId : S.editAssociations.mainImplicit(loaded?.mainTableId ?? '');
  };

  return (
    <ContentLayout header={<Header variant="h1" description={S.editAssociations.description}>{S.editAssociations.title(id)}</Header>}>
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => navigate(`/route-tables/${id}`)}>{S.actions.cancel}</Button>
            <Button variant="primary" loading={saving} disabled={!loaded} onClick={() => void save()}>{S.actions.saveAssociations}</Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          {resource.error && <ErrorAlert error={resource.error} header={S.routeTables.loadError} onRetry={resource.reload} />}
          {error && <ErrorAlert error={error} header={S.editAssociations.error} onRetry={error.network ? () => void save() : undefined} onDismiss={() => setError(undefined)} />}
          <Table<Subnet>
            items={[...(loaded?.subnets ?? [])]}
            loading={!loaded && resource.loading}
            loadingText={S.subnets.loading}
            selectionType="multi"
            selectedItems={[...(selected ?? [])]}
            onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
            trackBy={(s) => s.SubnetId ?? ''}
            ariaLabels={selectionLabels<Subnet>((s) => s.SubnetId ?? '', S.subnets.title)}
            header={<Header variant="h2" counter={loaded ? `(${(selected ?? []).length}/${loaded.subnets.length})` : undefined}>{S.editAssociations.available}</Header>}
            empty={<EmptyState title={S.subnets.empty} />}
            columnDefinitions={[
              { id: 'id', header: S.subnets.id, cell: (s) => s.SubnetId, isRowHeader: true },
              { id: 'name', header: S.subnets.name, cell: (s) => nameTag(s.Tags) || '-' },
              { id: 'cidr', header: S.subnets.ipv4Cidr, cell: (s) => s.CidrBlock },
              { id: 'ipv6', header: S.subnets.ipv6Cidr, cell: (s) => s.Ipv6CidrBlockAssociationSet?.map((a) => a.Ipv6CidrBlock).join(', ') || '-' },
              { id: 'rtb', header: S.editAssociations.currentTable, cell: currentTable },
            ]}
          />
        </SpaceBetween>
      </Form>
    </ContentLayout>
  );
}
