import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import type { _InstanceType } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeSecurityGroups, describeSubnets } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { NameTagField } from '../../shared/form-fields';
import { nameTagSpecs } from '../../shared/name-tag';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { S } from '../../strings';
import type { NetworkChoice } from '../network-interfaces/network-fields';
import { NetworkFields, networkErrors, NO_NETWORK } from '../network-interfaces/network-fields';

const TYPES = ['t3.micro', 't3.small', 't2.micro', 'm5.large', 'c5.large'];
/** Any well-formed AMI id is accepted (issue 11); this one is only a placeholder to start from. */
const DEFAULT_AMI = 'ami-0abcdef1234567890';

/** "Launch an instance", reduced to what reachability needs: name, AMI, type, network settings. */
export function LaunchInstancePage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const data = useResource(useScopeKey('launch-instance'), async (signal) => {
    const [subnets, groups] = await Promise.all([describeSubnets(ec2, signal), describeSecurityGroups(ec2, signal)]);
    return { subnets, groups };
  });
  const [name, setName] = useState('');
  const [imageId, setImageId] = useState(DEFAULT_AMI);
  const [instanceType, setInstanceType] = useState('t3.micro');
  const [network, setNetwork] = useState<NetworkChoice>(NO_NETWORK);
  const errors = { ...networkErrors(network), ami: /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/.test(imageId.trim()) ? undefined : S.instances.amiError };
  const { submitted, busy, error, submit } = useFormSubmit(Boolean(errors.subnet || errors.ip || errors.ami), async () => {
    const r = await ec2.send(new RunInstancesCommand({
      ImageId: imageId.trim(),
      InstanceType: instanceType as _InstanceType,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: network.subnetId,
      PrivateIpAddress: network.customIp ? network.privateIp.trim() : undefined,
      SecurityGroupIds: network.groupIds.length > 0 ? [...network.groupIds] : undefined,
      TagSpecifications: nameTagSpecs('instance', name),
    }));
    const id = r.Instances?.[0]?.InstanceId ?? '';
    notify({ type: 'success', content: S.instances.launched(id) });
    navigate(`/instances/${id}`);
  });
  return (
    <CreateForm text={{ title: S.instances.launchTitle, description: S.instances.createDescription, submit: S.instances.launch }} cancelHref="/instances" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.instances.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {data.error && <ErrorAlert error={data.error} header={S.subnets.loadError} onRetry={data.reload} />}
      <Container header={<Header variant="h2">{S.instances.nameAndTags}</Header>}>
        <NameTagField value={name} onChange={setName} placeholder="My Web Server" />
      </Container>
      <Container header={<Header variant="h2">{S.instances.imageAndType}</Header>}>
        <SpaceBetween size="l">
          <FormField label={S.instances.ami} description={S.instances.amiDescription} errorText={submitted ? errors.ami : undefined}>
            <Input value={imageId} onChange={({ detail }) => setImageId(detail.value)} />
          </FormField>
          <FormField label={S.instances.instanceType}>
            <Select selectedOption={{ value: instanceType, label: instanceType }} options={TYPES.map((t) => ({ value: t, label: t }))} ariaLabel={S.instances.instanceType} onChange={({ detail }) => setInstanceType(detail.selectedOption.value ?? 't3.micro')} />
          </FormField>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2">{S.instances.network}</Header>}>
        <NetworkFields value={network} onChange={setNetwork} subnets={data.data?.subnets ?? []} groups={data.data?.groups ?? []} loading={data.loading} submitted={submitted} />
      </Container>
    </CreateForm>
  );
}
