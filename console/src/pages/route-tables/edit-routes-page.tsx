import type { EgressOnlyInternetGateway, InternetGateway, NatGateway, Route, RouteTable, VpcPeeringConnection } from '@aws-sdk/client-ec2';
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
import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { describeEgressOnlyGateways, describeInternetGateways, describeNatGateways, describePeerings } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { peeringStatusLabel } from '../../shared/peering-status';
import { RouteState } from '../../shared/route-state';
import { nameTag } from '../../shared/tags';
import { destinationCidrError } from '../../shared/validation';
import { useEdits } from '../../shared/use-edits';
import { S } from '../../strings';
import { sideCidrs } from '../peering-connections/peering-row';
import type { RouteChange, RouteDraft } from './route-changes';
import { deleteInput, draftsOf, planRouteChanges, writeInput } from './route-changes';
import { routeDestination, routeTarget } from './route-table-row';

interface Loaded {
  readonly table: RouteTable;
  readonly peerings: readonly VpcPeeringConnection[];
  readonly internetGateways: readonly InternetGateway[];
  readonly egressOnly: readonly EgressOnlyInternetGateway[];
  readonly natGateways: readonly NatGateway[];
}

const LIVE = new Set(['pending-acceptance', 'provisioning', 'active']);
let draftCounter = 0;

/** AWS's target types, in the order its route editor lists them; a target's type is read off its id. */
type TargetKind = 'local' | 'igw' | 'eigw' | 'nat' | 'pcx' | 'other';
const KINDS: readonly TargetKind[] = ['eigw', 'igw', 'local', 'nat', 'pcx'];

export function targetKind(target: string): TargetKind | undefined {
  if (target === '') return undefined;
  if (target === 'local') return 'local';
  for (const k of ['igw', 'eigw', 'nat', 'pcx'] as const) if (target.startsWith(`${k}-`)) return k;
  return 'other';
}

const asKind = (k: string | undefined): TargetKind | undefined => (k === 'other' ? 'other' : KINDS.find((x) => x === k));
const kindOption = (k: TargetKind): SelectProps.Option => ({ value: k, label: S.editRoutes.kinds[k] });

/** The targets of one type this VPC can route to, plus any of that type already in use. */
function targetOptions(loaded: Loaded, accountId: string, region: string, kind: TargetKind, inUse: readonly string[]): SelectProps.Option[] {
  const vpcId = loaded.table.VpcId;
  const used = inUse.filter((t) => targetKind(t) === kind);
  const withUsed = (options: SelectProps.Option[]): SelectProps.Option[] => [...options, ...used.filter((t) => !options.some((o) => o.value === t)).map((t) => ({ value: t, label: t }))];
  const named = (id: string | undefined, tags: InternetGateway['Tags'], description?: string): SelectProps.Option => ({ value: id ?? '', label: id, description, tags: nameTag(tags) ? [nameTag(tags)] : undefined });
  switch (kind) {
    case 'local':
      return [{ value: 'local', label: 'local' }];
    case 'igw':
      return withUsed(loaded.internetGateways.filter((g) => (g.Attachments ?? []).some((a) => a.VpcId === vpcId)).map((g) => named(g.InternetGatewayId, g.Tags)));
    case 'eigw':
      return withUsed(loaded.egressOnly.filter((g) => (g.Attachments ?? []).some((a) => a.VpcId === vpcId)).map((g) => named(g.EgressOnlyInternetGatewayId, g.Tags)));
    case 'nat':
      return withUsed(loaded.natGateways.filter((g) => g.VpcId === vpcId && (g.State === 'available' || g.State === 'pending')).map((g) => named(g.NatGatewayId, g.Tags, `${g.ConnectivityType ?? 'public'} · ${g.State ?? ''} · ${g.SubnetId ?? ''}`)));
    case 'pcx': {
      const onThisVpc = (c: VpcPeeringConnection): boolean =>
        [c.RequesterVpcInfo, c.AccepterVpcInfo].some((side) => side?.VpcId === vpcId && side?.OwnerId === accountId && side?.Region === region);
      const peerings = loaded.peerings.filter((c) => onThisVpc(c) && (LIVE.has(c.Status?.Code ?? '') || inUse.includes(c.VpcPeeringConnectionId ?? '')));
      return withUsed(peerings.map((c): SelectProps.Option => {
        const peer = c.RequesterVpcInfo?.VpcId === vpcId ? c.AccepterVpcInfo : c.RequesterVpcInfo;
        return {
          value: c.VpcPeeringConnectionId ?? '',
          label: c.VpcPeeringConnectionId,
          description: S.editRoutes.peeringOption(peeringStatusLabel(c.Status?.Code), peer?.VpcId ?? '', sideCidrs(peer).join(', ')),
          labelTag: peeringStatusLabel(c.Status?.Code),
          tags: nameTag(c.Tags) ? [nameTag(c.Tags)] : undefined,
        };
      }));
    }
    default:
      return withUsed([]);
  }
}

function findOption(options: readonly SelectProps.Option[], value: string): SelectProps.Option | null {
  return options.find((o) => o.value === value) ?? (value ? { value, label: value } : null);
}

export function EditRoutesPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const { notify } = useNotifications();
  const resource = useResource<Loaded>(useScopeKey('edit-routes', id), async (signal) => {
    const [r, peerings, internetGateways, egressOnly, natGateways] = await Promise.all([
      ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }), { abortSignal: signal }),
      describePeerings(ec2, signal),
      describeInternetGateways(ec2, signal),
      describeEgressOnlyGateways(ec2, signal),
      describeNatGateways(ec2, signal),
    ]);
    const table = r.RouteTables?.[0];
    if (!table) throw new Error(`DescribeRouteTables returned no ${id}`);
    return { table, peerings, internetGateways, egressOnly, natGateways };
  });
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ error: ApiError; change: RouteChange; saved: number; total: number }>();

  // The editor starts from the table as loaded; later reloads (after a failed save) only refresh
  // what the changes are computed against, never the user's rows.
  const loaded = resource.data;
  const [drafts, setDrafts] = useEdits(loaded, (l) => draftsOf(l.table.Routes ?? []));

  const rows = drafts ?? [];
  const current: readonly Route[] = loaded?.table.Routes ?? [];
  const stateOf = new Map(current.map((r) => [routeDestination(r), r]));
  const inUse = rows.map((d) => d.target);
  const optionsFor = (kind: TargetKind): SelectProps.Option[] => (loaded ? targetOptions(loaded, session.accountId, session.region, kind, inUse) : []);
  const kinds = [...KINDS, ...(inUse.some((t) => targetKind(t) === 'other') ? (['other'] as const) : [])].map(kindOption);
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
                        <TargetPicker
                          kind={targetKind(d.target) ?? asKind(d.kind)}
                          target={d.target}
                          kinds={kinds}
                          optionsFor={optionsFor}
                          onKind={(kind) => update(i, { kind, target: kind === 'local' ? 'local' : '' })}
                          onTarget={(target) => update(i, { target })}
                        />
                      ),
                    errorText: (d, i) => (submitted ? rowError(d, i).target : undefined),
                  },
                  {
                    label: S.routes.status,
                    control: (d) => {
                      const r = stateOf.get(d.destination.trim());
                      return <Box padding={{ top: 'xxs' }}>{r && routeTarget(r) === d.target ? <RouteState state={r.State} /> : '-'}</Box>;
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

/** The Target cell: the target type first, then (except for local) one target of that type. */
function TargetPicker({ kind, target, kinds, optionsFor, onKind, onTarget }: {
  kind: TargetKind | undefined;
  target: string;
  kinds: readonly SelectProps.Option[];
  optionsFor: (kind: TargetKind) => SelectProps.Option[];
  onKind: (kind: TargetKind) => void;
  onTarget: (target: string) => void;
}): ReactNode {
  const options = kind ? optionsFor(kind) : [];
  return (
    <SpaceBetween size="xxs">
      <div data-testid="route-target-type">
        <Select
          ariaLabel={S.editRoutes.targetType}
          selectedOption={kind ? kindOption(kind) : null}
          options={[...kinds]}
          placeholder={S.editRoutes.chooseTargetType}
          expandToViewport
          onChange={({ detail }) => onKind(asKind(detail.selectedOption.value) ?? 'local')}
        />
      </div>
      {kind && kind !== 'local' && (
        <div data-testid="route-target">
          <Select
            ariaLabel={S.routes.target}
            selectedOption={findOption(options, target)}
            options={options}
            placeholder={S.editRoutes.chooseTarget}
            empty={S.editRoutes.noTargets(S.editRoutes.kinds[kind])}
            filteringType="auto"
            expandToViewport
            onChange={({ detail }) => onTarget(detail.selectedOption.value ?? '')}
          />
        </div>
      )}
    </SpaceBetween>
  );
}
