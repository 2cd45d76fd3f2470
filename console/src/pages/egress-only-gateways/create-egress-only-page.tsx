import { CreateEgressOnlyInternetGatewayCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { NameTagField, VpcField } from '../../shared/form-fields';
import { nameTagSpecs } from '../../shared/name-tag';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { S } from '../../strings';

export function CreateEgressOnlyPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const vpcs = useResource(useScopeKey('create-eigw'), (signal) => describeVpcs(ec2, signal));
  const [name, setName] = useState('');
  const [vpcId, setVpcId] = useState('');
  const { submitted, busy, error, submit } = useFormSubmit(vpcId === '', async () => {
    const r = await ec2.send(new CreateEgressOnlyInternetGatewayCommand({ VpcId: vpcId, TagSpecifications: nameTagSpecs('egress-only-internet-gateway', name) }));
    const id = r.EgressOnlyInternetGateway?.EgressOnlyInternetGatewayId ?? '';
    notify({ type: 'success', content: S.egressOnly.created(id) });
    navigate(`/egress-only-internet-gateways/${id}`);
  });
  return (
    <CreateForm text={{ title: S.egressOnly.create, description: S.egressOnly.createDescription, submit: S.egressOnly.create }} cancelHref="/egress-only-internet-gateways" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.egressOnly.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {vpcs.error && <ErrorAlert error={vpcs.error} header={S.vpcs.loadError} onRetry={vpcs.reload} />}
      <Container header={<Header variant="h2">{S.egressOnly.settings}</Header>}>
        <SpaceBetween size="l">
          <NameTagField value={name} onChange={setName} placeholder="my-egress-only-gateway" />
          <VpcField description={S.egressOnly.vpcDescription} vpcs={vpcs.data ?? []} value={vpcId} onChange={setVpcId} loading={vpcs.loading} errorText={submitted && vpcId === '' ? S.validation.chooseVpc : undefined} />
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
