import { AllocateAddressCommand, CreateNatGatewayCommand } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { describeAddresses, describeSubnets } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { NameTagField, PickerField } from '../../shared/form-fields';
import { nameTagSpecs } from '../../shared/name-tag';
import { useNotifications } from '../../shared/notifications';
import { nameTag } from '../../shared/tags';
import { useFormSubmit } from '../../shared/use-form-submit';
import { S } from '../../strings';

export function CreateNatPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const data = useResource(useScopeKey('create-nat'), async (signal) => {
    const [subnets, addresses] = await Promise.all([describeSubnets(ec2, signal), describeAddresses(ec2, signal)]);
    return { subnets, addresses: addresses.filter((a) => !a.AssociationId) };
  });
  const [name, setName] = useState('');
  const [subnetId, setSubnetId] = useState('');
  const [connectivity, setConnectivity] = useState<'public' | 'private'>('public');
  const [allocationId, setAllocationId] = useState('');
  const [allocating, setAllocating] = useState(false);
  const [allocateError, setAllocateError] = useState<ApiError>();
  const errors = { subnet: subnetId ? undefined : S.fields.chooseSubnet, eip: connectivity === 'public' && !allocationId ? S.natGateways.chooseEipError : undefined };

  const { submitted, busy, error, submit } = useFormSubmit(Boolean(errors.subnet || errors.eip), async () => {
    const r = await ec2.send(new CreateNatGatewayCommand({
      SubnetId: subnetId,
      ConnectivityType: connectivity,
      AllocationId: connectivity === 'public' ? allocationId : undefined,
      TagSpecifications: nameTagSpecs('natgateway', name),
    }));
    const id = r.NatGateway?.NatGatewayId ?? '';
    notify({ type: 'success', content: S.natGateways.createdDone(id) });
    navigate(`/nat-gateways/${id}`);
  });

  // "Allocate Elastic IP" beside the picker, as AWS has it: allocates one and picks it.
  const allocate = async (): Promise<void> => {
    setAllocating(true);
    setAllocateError(undefined);
    try {
      const r = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
      data.replace((d) => d && { ...d, addresses: [...d.addresses, { AllocationId: r.AllocationId, PublicIp: r.PublicIp }] });
      setAllocationId(r.AllocationId ?? '');
      notify({ type: 'success', content: S.natGateways.allocatedEip(r.PublicIp ?? '') });
    } catch (e) {
      setAllocateError(toApiError(e));
    }
    setAllocating(false);
  };

  return (
    <CreateForm text={{ title: S.natGateways.create, description: S.natGateways.createDescription, submit: S.natGateways.create }} cancelHref="/nat-gateways" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.natGateways.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {allocateError && <ErrorAlert error={allocateError} header={S.elasticIps.createError} onDismiss={() => setAllocateError(undefined)} />}
      {data.error && <ErrorAlert error={data.error} header={S.subnets.loadError} onRetry={data.reload} />}
      <Container header={<Header variant="h2">{S.natGateways.settings}</Header>}>
        <SpaceBetween size="l">
          <NameTagField value={name} onChange={setName} placeholder="my-nat-gateway" />
          <PickerField
            label={S.fields.subnet}
            description={S.natGateways.subnetDescription}
            options={(data.data?.subnets ?? []).map((s) => ({ value: s.SubnetId ?? '', label: s.SubnetId, description: nameTag(s.Tags) || undefined, tags: [s.VpcId ?? '', s.CidrBlock ?? '', s.AvailabilityZone ?? ''] }))}
            value={subnetId}
            onChange={setSubnetId}
            loading={data.loading}
            placeholder={S.fields.chooseSubnet}
            errorText={submitted ? errors.subnet : undefined}
          />
          <FormField label={S.natGateways.connectivity}>
            <RadioGroup
              value={connectivity}
              onChange={({ detail }) => setConnectivity(detail.value === 'private' ? 'private' : 'public')}
              items={[{ value: 'public', label: S.natGateways.public }, { value: 'private', label: S.natGateways.private }]}
            />
          </FormField>
          {connectivity === 'public' && (
            <SpaceBetween size="xs">
              <PickerField
                label={S.natGateways.eip}
                description={data.data?.addresses.length === 0 ? S.natGateways.noFreeEip : S.natGateways.eipDescription}
                options={(data.data?.addresses ?? []).map((a) => ({ value: a.AllocationId ?? '', label: a.AllocationId, description: a.PublicIp }))}
                value={allocationId}
                onChange={setAllocationId}
                loading={data.loading}
                placeholder={S.natGateways.chooseEip}
                errorText={submitted ? errors.eip : undefined}
              />
              <Button formAction="none" loading={allocating} onClick={() => void allocate()}>{S.natGateways.allocateEip}</Button>
            </SpaceBetween>
          )}
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
