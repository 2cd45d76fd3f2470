import type { Instance, NetworkInterface, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { CreateNetworkInsightsPathCommand, StartNetworkInsightsAnalysisCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { describeInstances, describeNetworkInterfaces, describePeerings } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useLocation } from '../../router/use-location';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { NameTagField, PickerField } from '../../shared/form-fields';
import { nameTagSpecs } from '../../shared/name-tag';
import { useEdits } from '../../shared/use-edits';
import { useFormSubmit } from '../../shared/use-form-submit';
import { nameTag } from '../../shared/tags';
import { isIpv4Address } from '../../shared/validation';
import { S } from '../../strings';
import { instanceOption } from '../instances/instance-row';
import { eniOption } from '../network-interfaces/eni-row';

type EndKind = 'instance' | 'eni' | 'pcx' | 'ip';

interface Loaded {
  readonly instances: readonly Instance[];
  readonly enis: readonly NetworkInterface[];
  readonly peerings: readonly VpcPeeringConnection[];
}

interface Draft {
  readonly name: string;
  readonly sourceKind: EndKind;
  readonly source: string;
  readonly destinationKind: EndKind;
  readonly destination: string;
  readonly destinationIp: string;
  readonly protocol: 'tcp' | 'udp';
  readonly port: string;
}

const LIVE = new Set(['pending', 'running', 'stopping', 'stopped']);

const kindOf = (id: string): EndKind => (id.startsWith('i-') ? 'instance' : id.startsWith('eni-') ? 'eni' : id.startsWith('pcx-') ? 'pcx' : 'ip');

/** An end of the path in a VPC: its first instance there, else its first interface there. */
function endIn(d: Loaded, vpcId: string | null): { kind: EndKind; id: string } | undefined {
  if (!vpcId) return undefined;
  const i = d.instances.find((x) => x.VpcId === vpcId && LIVE.has(x.State?.Name ?? ''));
  if (i?.InstanceId) return { kind: 'instance', id: i.InstanceId };
  const n = d.enis.find((x) => x.VpcId === vpcId);
  return n?.NetworkInterfaceId ? { kind: 'eni', id: n.NetworkInterfaceId } : undefined;
}

/**
 * Create and analyze path, as Reachability Analyzer's console has it: source type and source,
 * destination type and destination (or an address), protocol and port. The query may prefill it
 * (`source`, `destination`, or `sourceVpc`/`destinationVpc`/`pcx` from a peering's "Analyze
 * reachability"). Submitting creates the path and starts its analysis, then opens the path.
 */
export function CreatePathPage(): ReactNode {
  const { ec2 } = useSession();
  const { query } = useLocation();
  const data = useResource(useScopeKey('create-path'), async (signal): Promise<Loaded> => {
    const [instances, enis, peerings] = await Promise.all([describeInstances(ec2, signal), describeNetworkInterfaces(ec2, signal), describePeerings(ec2, signal)]);
    return { instances: instances.filter((i) => LIVE.has(i.State?.Name ?? '')), enis: enis.filter((n) => (n.InterfaceType ?? 'interface') === 'interface'), peerings: peerings.filter((c) => c.Status?.Code !== 'deleted') };
  });
  const [draft, setDraft] = useEdits(data.data, (d): Draft => {
    const source = query.get('source') ? { kind: kindOf(query.get('source') ?? ''), id: query.get('source') ?? '' } : endIn(d, query.get('sourceVpc'));
    const pcx = query.get('pcx');
    const destination = query.get('destination') ? { kind: kindOf(query.get('destination') ?? ''), id: query.get('destination') ?? '' } : (endIn(d, query.get('destinationVpc')) ?? (pcx ? { kind: 'pcx' as const, id: pcx } : undefined));
    return {
      name: '',
      sourceKind: source?.kind ?? 'instance',
      source: source?.id ?? '',
      destinationKind: destination?.kind ?? 'instance',
      destination: destination?.kind === 'ip' ? '' : (destination?.id ?? ''),
      destinationIp: destination?.kind === 'ip' ? destination.id : '',
      protocol: query.get('protocol') === 'udp' ? 'udp' : 'tcp',
      port: query.get('port') ?? '',
    };
  });
  const d: Draft = draft ?? { name: '', sourceKind: 'instance', source: '', destinationKind: 'instance', destination: '', destinationIp: '', protocol: 'tcp', port: '' };
  const set = (change: Partial<Draft>): void => setDraft({ ...d, ...change });
  const loaded = data.data ?? { instances: [], enis: [], peerings: [] };
  const optionsOf = (kind: EndKind) => {
    if (kind === 'instance') return loaded.instances.map(instanceOption);
    if (kind === 'eni') return loaded.enis.map(eniOption);
    if (kind === 'pcx') return loaded.peerings.map((c) => ({ value: c.VpcPeeringConnectionId ?? '', label: c.VpcPeeringConnectionId ?? '', description: nameTag(c.Tags) || undefined, tags: [`${c.RequesterVpcInfo?.VpcId ?? ''} \u2192 ${c.AccepterVpcInfo?.VpcId ?? ''}`, c.Status?.Code ?? ''] }));
    return [];
  };
  const kindOption = (k: EndKind) => ({ value: k, label: S.reachability.kinds[k] ?? k });
  const port = d.port.trim();
  const errors = {
    source: d.source ? undefined : S.reachability.sourceError,
    destination: d.destinationKind === 'ip' ? (isIpv4Address(d.destinationIp.trim()) ? undefined : S.reachability.ipError) : d.destination ? undefined : S.reachability.destinationError,
    port: port === '' || (/^\d{1,5}$/.test(port) && Number(port) <= 65535) ? undefined : S.reachability.portError,
  };

  const { submitted, busy, error, submit } = useFormSubmit(Boolean(errors.source || errors.destination || errors.port), async () => {
    const toIp = d.destinationKind === 'ip';
    const portNumber = port === '' ? undefined : Number(port);
    // An address-only destination goes in FilterAtSource, which excludes DestinationPort: the port
    // goes there too (EC2 API reference, CreateNetworkInsightsPath; REACHABILITY.md §1.2).
    const r = await ec2.send(new CreateNetworkInsightsPathCommand({
      Source: d.source,
      Protocol: d.protocol,
      ...(toIp
        ? { FilterAtSource: { DestinationAddress: d.destinationIp.trim(), ...(portNumber !== undefined ? { DestinationPortRange: { FromPort: portNumber, ToPort: portNumber } } : {}) } }
        : { Destination: d.destination, ...(portNumber !== undefined ? { DestinationPort: portNumber } : {}) }),
      TagSpecifications: nameTagSpecs('network-insights-path', d.name),
    }));
    const pathId = r.NetworkInsightsPath?.NetworkInsightsPathId ?? '';
    const started = await ec2.send(new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: pathId }));
    navigate(`/reachability/${pathId}?analysis=${started.NetworkInsightsAnalysis?.NetworkInsightsAnalysisId ?? ''}`);
  });

  const endFields = (which: 'source' | 'destination'): ReactNode => {
    const kinds: EndKind[] = which === 'source' ? ['instance', 'eni'] : ['instance', 'eni', 'pcx', 'ip'];
    const kind = which === 'source' ? d.sourceKind : d.destinationKind;
    const value = which === 'source' ? d.source : d.destination;
    return (
      <SpaceBetween size="l">
        <FormField label={which === 'source' ? S.reachability.sourceType : S.reachability.destinationType}>
          <Select
            selectedOption={kindOption(kind)}
            options={kinds.map(kindOption)}
            ariaLabel={which === 'source' ? S.reachability.sourceType : S.reachability.destinationType}
            onChange={({ detail }) => {
              const k = (detail.selectedOption.value ?? 'instance') as EndKind;
              set(which === 'source' ? { sourceKind: k, source: '' } : { destinationKind: k, destination: '' });
            }}
          />
        </FormField>
        {kind === 'ip' ? (
          <FormField label={S.reachability.destinationIp} description={S.reachability.destinationIpDescription} errorText={submitted ? errors.destination : undefined}>
            <Input value={d.destinationIp} placeholder="10.1.0.10" onChange={({ detail }) => set({ destinationIp: detail.value })} />
          </FormField>
        ) : (
          <PickerField
            label={which === 'source' ? S.reachability.source : S.reachability.destination}
            options={optionsOf(kind)}
            value={value}
            onChange={(v) => set(which === 'source' ? { source: v } : { destination: v })}
            loading={data.loading}
            placeholder={which === 'source' ? S.reachability.chooseSource : S.reachability.chooseDestination}
            errorText={submitted ? (which === 'source' ? errors.source : errors.destination) : undefined}
          />
        )}
      </SpaceBetween>
    );
  };

  return (
    <CreateForm text={{ title: S.reachability.create, description: S.reachability.createDescription, submit: S.reachability.create }} cancelHref="/reachability" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.reachability.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {data.error && <ErrorAlert error={data.error} header={S.reachability.loadError} onRetry={data.reload} />}
      {/* The ends come prefilled from the query once the instances and interfaces are known: until
          then the form would show defaults that change under the user's hand. */}
      {draft === undefined && !data.error && <StatusIndicator type="loading">{S.reachability.loadingEnds}</StatusIndicator>}
      {draft !== undefined && <>
      <Container header={<Header variant="h2">{S.reachability.pathDetails}</Header>}>
        <NameTagField value={d.name} onChange={(name) => set({ name })} placeholder="web-to-db" />
      </Container>
      <Container header={<Header variant="h2">{S.reachability.pathSource}</Header>}>{endFields('source')}</Container>
      <Container header={<Header variant="h2">{S.reachability.pathDestination}</Header>}>
        <SpaceBetween size="l">
          {endFields('destination')}
          <FormField label={S.reachability.protocol}>
            <Select selectedOption={{ value: d.protocol, label: d.protocol.toUpperCase() }} options={[{ value: 'tcp', label: 'TCP' }, { value: 'udp', label: 'UDP' }]} ariaLabel={S.reachability.protocol} onChange={({ detail }) => set({ protocol: detail.selectedOption.value === 'udp' ? 'udp' : 'tcp' })} />
          </FormField>
          <FormField label={<>{S.reachability.destinationPort} <i>- {S.common.optional}</i></>} description={S.reachability.destinationPortDescription} errorText={submitted ? errors.port : undefined}>
            <Input value={d.port} inputMode="numeric" placeholder="443" onChange={({ detail }) => set({ port: detail.value })} />
          </FormField>
        </SpaceBetween>
      </Container>
      </>}
    </CreateForm>
  );
}
