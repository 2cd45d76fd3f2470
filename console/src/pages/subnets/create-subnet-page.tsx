import { CreateSubnetCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeVpcs, describeZones } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useLocation } from '../../router/use-location';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { blockCidrError } from '../../shared/validation';
import { vpcCidrs, vpcOption } from '../../shared/vpc-option';
import { S } from '../../strings';

export function CreateSubnetPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const { query } = useLocation();
  const data = useResource(useScopeKey('create-subnet'), async (signal) => {
    const [vpcs, zones] = await Promise.all([describeVpcs(ec2, signal), describeZones(ec2, signal)]);
    return { vpcs, zones };
  });
  const [vpcId, setVpcId] = useState(query.get('vpcId') ?? '');
  const [name, setName] = useState('');
  const [zone, setZone] = useState('');
  const [cidr, setCidr] = useState('');
  const vpc = data.data?.vpcs.find((v) => v.VpcId === vpcId);
  const errors = { vpc: vpcId ? undefined : S.validation.chooseVpc, cidr: blockCidrError(cidr) };

  const { submitted, busy, error, submit } = useFormSubmit(Boolean(errors.vpc || errors.cidr), async () => {
    const r = await ec2.send(new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: cidr.trim(),
      AvailabilityZone: zone || undefined,
      TagSpecifications: name.trim() ? [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: name.trim() }] }] : undefined,
    }));
    notify({ type: 'success', content: S.subnets.created(r.Subnet?.SubnetId ?? '') });
    navigate(`/vpcs/${vpcId}`);
  });

  return (
    <CreateForm
      text={{ title: S.subnets.create, description: S.subnets.createDescription, submit: S.subnets.create }}
      cancelHref="/subnets"
      busy={busy}
      onSubmit={() => void submit()}
    >
      {error && <ErrorAlert error={error} header={S.subnets.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {data.error && <ErrorAlert error={data.error} header={S.vpcs.loadError} onRetry={data.reload} />}
      <Container header={<Header variant="h2">{S.subnets.settings}</Header>}>
        <SpaceBetween size="l">
          <FormField label={S.common.vpc} errorText={submitted ? errors.vpc : undefined} description={vpc ? S.subnets.vpcCidrs(vpcCidrs(vpc).join(', ')) : undefined}>
            <Select
              selectedOption={vpc ? vpcOption(vpc) : null}
              options={(data.data?.vpcs ?? []).map(vpcOption)}
              placeholder={S.createPeering.chooseVpc}
              statusType={data.loading ? 'loading' : 'finished'}
              loadingText={S.vpcs.loading}
              filteringType="auto"
              onChange={({ detail }) => setVpcId(detail.selectedOption.value ?? '')}
            />
          </FormField>
          <FormField label={<>{S.subnets.name} <i>- {S.common.optional}</i></>}>
            <Input value={name} onChange={({ detail }) => setName(detail.value)} />
          </FormField>
          <FormField label={S.subnets.zone} description={S.subnets.zoneDescription}>
            <Select
              selectedOption={zone ? { value: zone, label: zone } : { value: '', label: S.subnets.noPreference }}
              options={[{ value: '', label: S.subnets.noPreference }, ...(data.data?.zones ?? []).map((z) => ({ value: z, label: z }))]}
              onChange={({ detail }) => setZone(detail.selectedOption.value ?? '')}
            />
          </FormField>
          <FormField label={S.subnets.ipv4Cidr} constraintText={S.createVpc.ipv4Constraint} errorText={submitted ? errors.cidr : undefined}>
            <Input value={cidr} placeholder="10.0.1.0/24" onChange={({ detail }) => setCidr(detail.value)} />
          </FormField>
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
