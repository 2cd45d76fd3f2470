import type { Route, RouteTable, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { CreateRouteCommand, DeleteRouteCommand, DescribeRouteTablesCommand, ReplaceRouteCommand } from '@aws-sdk/client-ec2';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import type { SelectProps } from '@cloudscape-design/components/select';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { describePeerings } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { peeringStatusLabel } from '../../shared/peering-status';
import { RouteState } from '../../shared/route-state';
import { nameTag } from '../../shared/tags';
import { destinationCidrError } from '../../shared/validation';
import { S } from '../../strings';
import { sideCidrs } from '../peering-connections/peering-row';
import type { RouteChange, RouteDraft } from './route-changes';
import { deleteInput, draftsOf, planRouteChanges, writeInput } from './route-changes';
import { routeDestination } from './route-table-row';

interface Loaded {
  readonly table: RouteTable;
  readonly peerings: readonly VpcPeeringConnection[];
}

const LIVE = new Set(['pending-acceptance', 'provisioning', 'active']);
let draftCounter = 0;

/** Target choices: `local`, this VPC's peering connections (with their status), and any target already in use. */
function targetOptions(loaded: Loaded, accountId: string, region: string, inUse: readonly string[]): SelectProps.OptionGroup[] {
  const vpcId = loaded.table.VpcId;
  const onThisVpc = (c: VpcPeeringConnection): boolean =>
    [c.RequesterVpcInfo, c.AccepterVpcInfo].some((s) => s?.VpcId === vpcId && s?.OwnerId === accountId && s?.Region === region);
  const peerings = loaded.peerings.filter((c) => onThisVpc(c) && (LIVE.has(c.Status?.Code ?? '') || inUse.includes(c.VpcPeeringConnectionId ?? '')));
  const peeringOptions = peerings.map((c): SelectProps.Option => {
    const peer = c.RequesterVpcInfo?.VpcId === vpcId ? c.AccepterVpcInfo : c.RequesterVpcInfo;
    const cidrs = sideCidrs(peer);
    return {
      value: c.VpcPeeringConnectionId ?? '',
      label: c.VpcPeeringConnectionId,
      description: S.editRoutes.peeringOption(peeringStatusLabel(c.Status?.Code), peer?.VpcId ?? '', cidrs.join(', ')),
      labelTag: peeringStatusLabel(c.Status?.Code),
      tags: nameTag(c.Tags) ? [nameTag(c.Tags)] : undefined,
    };
  });
  const others = inUse.filter((t) => t !== '' && t !== 'local' && !t.startsWith('pcx-'));
  const unknownPcx = inUse.filter((t) => t.startsWith('pcx-') && !peerings.some((c) => c.VpcPeeringConnectionId === t));
  return [
    { label: S.editRoutes.localGroup, options: [{ value: 'local', label: 'local' }] },
    { label: S.editRoutes.peeringGroup, options: [...peeringOptions, ...unknownPcx.map((t) => ({ value: t, label: t }))] },
    ...(others.length > 0 ? [{ label: S.editRoutes.otherGroup, options: others.map((t) => ({ value: t, label: t })) }] : []),
  ];
}

function findOption(groups: readonly SelectProps.OptionGroup[], value: string): SelectProps.Option | null {
  for (const g of groups) for (const o of g.options) if (o.value === value) return o;
  return value ? { value, label: value } : null;
}

export function EditRoutesPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const { notify } = useNotifications();
  const resource = useResource<Loaded>(useScopeKey('edit-routes', id), async (signal) => {
    const [r, peerings] = await Promise.all([
      ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }), { abortSignal: signal }),
      describePeerings(ec2, signal),
    ]);
    const table = r.RouteTables?.[0];
    if (!table) throw new Error(`DescribeRouteTables returned no ${id}`);
    return { table, peerings };
  });
  const [drafts, setDrafts] = useState<RouteDraft[]>();
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ error: ApiError; change: RouteChange; saved: number; total: number }>();

  // The editor starts from the table as loaded; later reloads (after a failed save) only refresh
  // what the changes are computed against, never the user's rows.
  const loaded = resource.data;
  useEffect(() => {
    if (loaded && drafts === undefined) setDrafts(draftsOf(loaded.table.Routes ?? []));
  }, [loaded, drafts]);

  const rows = drafts ?? [];
  const current: readonly Route[] = loaded?.table.Routes ?? [];
  const stateOf = new Map(current.map((r) => [routeDestination(r), r]));
  const options = loaded ? targetOptions(loaded, session.accountId, session.region, rows.map((d) => d.target)) : [];
  const rowError = (d: RouteDraft, index: number): { destination?: string; target?: string } => {
    if (d.locked) return {};
    const destination = d.destination.trim();
    const dup = rows.findIndex((o) => o.destination.trim() === destination) !== index;
    return {
      destination: destinationCidrError(destination) ?? (dup ? S.editRoutes.duplicate : undefined),
      target: d.target === '' ? S.editRoutes.chooseTarget : undefined,
    };
  };
  const invalid = rows.some((d, i) => {
    const e = rowError(d, i);
    return e.destination !== undefined || e.target !== undefined;
  });
  const update = (index: number, change: Partial<RouteDraft>): void => setDrafts(rows.map((d, i) => (i === index ? { ...d, ...change } : d)));

  const save = async (): Promise<void> => {
    setSubmitted(true);
    setError(undefined);
    if (!loaded || invalid) return;
    const changes = planRouteChanges(current, rows);
    setSaving(true);
    let saved = 0;
    for (const change of changes) {
      try {
        if (change.kind === 'delete') await ec2.send(new DeleteRouteCommand(deleteInput(id, change)));
        else if (change.kind === 'replace') await ec2.send(new ReplaceRouteCommand(writeInput(id, change)));
        else await ec2.send(new CreateRouteCommand(writeInput(id, change)));
        saved++;
      } catch (e) {
        setError({ error: toApiError(e), change, saved, total: changes.length });
        setSaving(false);
        // Some writes may have landed: read the table again so the next Save sends only the rest.
        resource.reload();
        return;
      }
    }
    setSaving(false);
    notify({ type: 'success', content: S.editRoutes.saved(id) });
    navigate(`/route-tables/${id}`);
  };

  return (
    <ContentLayout header={<Header variant="h1" description={S.editRoutes.description}>{S.editRoutes.title(id)}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate(`/route-tables/${id}`)}>{S.actions.cancel}</Button>
              <Button variant="primary" loading={saving} disabled={!loaded}>{S.actions.saveChanges}</Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            {resource.error && <ErrorAlert error={resource.error} header={S.routeTables.loadError} onRetry={resource.reload} />}
            {error && (
              <ErrorAlert
                error={error.error}
                header={S.editRoutes.failed(error.change.kind, error.change.destination, error.saved, error.total)}
                onRetry={error.error.network ? () => void save() : undefined}
                onDismiss={() => setError(undefined)}
              />
            )}
            <Container header={<Header variant="h2" description={loaded ? S.editRoutes.vpcLine(loaded.table.VpcId ?? '') : undefined}>{S.routeTables.routesTab}</Header>}>
              <AttributeEditor<RouteDraft>
                items={rows}
                addButtonText={S.editRoutes.addRoute}
                // Until the table's routes are loaded a new row would be saved against an empty
                // draft list (and read as removing the local route): adding waits for the load.
                disableAddButton={!loaded}
                removeButtonText={S.editRoutes.remove}
                empty={S.editRoutes.empty}
                isItemRemovable={(d) => !d.locked}
                gridLayout={[{ rows: [[3, 4, 2, 2]], removeButton: { width: 'auto' } }]}
                onAddButtonClick={() => setDrafts([...rows, { key: `new:${++draftCounter}`, destination: '', target: '', locked: false }])}
                onRemoveButtonClick={({ detail }) => setDrafts(rows.filter((_, i) => i !== detail.itemIndex))}
                definition={[
                  {
                    label: S.routes.destination,
                    control: (d, i) =>
                      d.locked ? <Box padding={{ top: 'xxs' }}>{d.destination}</Box> : <Input value={d.destination} placeholder="10.0.0.0/28" onChange={({ detail }) => update(i, { destination: detail.value })} />,
                    errorText: (d, i) => (submitted ? rowError(d, i).destination : undefined),
                  },
                  {
                    label: S.routes.target,
                    control: (d, i) =>
                      d.locked ? (
                        <Box padding={{ top: 'xxs' }}>{d.target}</Box>
                      ) : (
                        <Select
                          selectedOption={findOption(options, d.target)}
                          options={options}
                          placeholder={S.editRoutes.chooseTarget}
                          filteringType="auto"
                          expandToViewport
                          onChange={({ detail }) => update(i, { target: detail.selectedOption.value ?? '' })}
                        />
                      ),
                    errorText: (d, i) => (submitted ? rowError(d, i).target : undefined),
                  },
                  {
                    label: S.routes.status,
                    control: (d) => {
                      const r = stateOf.get(d.destination.trim());
                      return <Box padding={{ top: 'xxs' }}>{r && (r.VpcPeeringConnectionId ?? r.GatewayId) === d.target ? <RouteState state={r.State} /> : '-'}</Box>;
                    },
                  },
                  { label: S.routes.propagated, control: () => <Box padding={{ top: 'xxs' }}>{S.common.no}</Box> },
                ]}
              />
            </Container>
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
