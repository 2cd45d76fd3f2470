import { CreateNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
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
import type { NetworkChoice } from './network-fields';
import { NetworkFields, networkErrors, NO_NETWORK } from './network-fields';

export function CreateEniPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const data = useResource(useScopeKey('create-eni'), async (signal) => {
    const [subnets, groups] = await Promise.all([describeSubnets(ec2, signal), describeSecurityGroups(ec2, signal)]);
    return { subnets, groups };
  });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [network, setNetwork] = useState<NetworkChoice>(NO_NETWORK);
  const errors = networkErrors(network);
  const { submitted, busy, error, submit } = useFormSubmit(Boolean(errors.subnet || errors.ip), async () => {
    const r = await ec2.send(new CreateNetworkInterfaceCommand({
      SubnetId: network.subnetId,
      Description: description.trim() || undefined,
      PrivateIpAddress: network.customIp ? network.privateIp.trim() : undefined,
      Groups: network.groupIds.length > 0 ? [...network.groupIds] : undefined,
      TagSpecifications: nameTagSpecs('network-interface', name),
    }));
    const id = r.NetworkInterface?.NetworkInterfaceId ?? '';
    notify({ type: 'success', content: S.networkInterfaces.created(id) });
    navigate(`/network-interfaces/${id}`);
  });
  return (
    <CreateForm text={{ title: S.networkInterfaces.create, description: S.networkInterfaces.createDescription, submit: S.networkInterfaces.create }} cancelHref="/network-interfaces" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.networkInterfaces.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {data.error && <ErrorAlert error={data.error} header={S.subnets.loadError} onRetry={data.reload} />}
      <Container header={<Header variant="h2">{S.networkInterfaces.details}</Header>}>
        <SpaceBetween size="l">
          <FormField label={<>{S.networkInterfaces.interfaceDescription} <i>- {S.common.optional}</i></>}>
            <Input value={description} placeholder="My network interface" onChange={({ detail }) => setDescription(detail.value)} />
          </FormField>
          <NameTagField value={name} onChange={setName} placeholder="my-interface" />
          <NetworkFields value={network} onChange={setNetwork} subnets={data.data?.subnets ?? []} groups={data.data?.groups ?? []} loading={data.loading} submitted={submitted} />
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
