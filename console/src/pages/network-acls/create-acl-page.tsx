import { CreateNetworkAclCommand } from '@aws-sdk/client-ec2';
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

export function CreateAclPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const vpcs = useResource(useScopeKey('create-acl'), (signal) => describeVpcs(ec2, signal));
  const [name, setName] = useState('');
  const [vpcId, setVpcId] = useState('');
  const { submitted, busy, error, submit } = useFormSubmit(vpcId === '', async () => {
    const r = await ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId, TagSpecifications: nameTagSpecs('network-acl', name) }));
    const id = r.NetworkAcl?.NetworkAclId ?? '';
    notify({ type: 'success', content: S.networkAcls.created(id) });
    navigate(`/network-acls/${id}`);
  });
  return (
    <CreateForm text={{ title: S.networkAcls.create, description: S.networkAcls.createDescription, submit: S.networkAcls.create }} cancelHref="/network-acls" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.networkAcls.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {vpcs.error && <ErrorAlert error={vpcs.error} header={S.vpcs.loadError} onRetry={vpcs.reload} />}
      <Container header={<Header variant="h2">{S.networkAcls.settings}</Header>}>
        <SpaceBetween size="l">
          <NameTagField value={name} onChange={setName} placeholder="my-network-acl" />
          <VpcField vpcs={vpcs.data ?? []} value={vpcId} onChange={setVpcId} loading={vpcs.loading} errorText={submitted && vpcId === '' ? S.validation.chooseVpc : undefined} />
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
