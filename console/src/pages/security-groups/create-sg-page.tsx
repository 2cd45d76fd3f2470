import { CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { VpcField } from '../../shared/form-fields';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { S } from '../../strings';

/** Basic details; rules are added afterwards with Edit inbound / outbound rules. */
export function CreateSgPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const vpcs = useResource(useScopeKey('create-sg'), (signal) => describeVpcs(ec2, signal));
  const [groupName, setGroupName] = useState('');
  const [description, setDescription] = useState('');
  const [vpcId, setVpcId] = useState('');
  const errors = { name: groupName.trim() ? undefined : S.validation.required, description: description.trim() ? undefined : S.validation.required, vpc: vpcId ? undefined : S.validation.chooseVpc };
  const { submitted, busy, error, submit } = useFormSubmit(Boolean(errors.name || errors.description || errors.vpc), async () => {
    const r = await ec2.send(new CreateSecurityGroupCommand({ GroupName: groupName.trim(), Description: description.trim(), VpcId: vpcId }));
    const id = r.GroupId ?? '';
    notify({ type: 'success', content: S.securityGroups.created(id) });
    navigate(`/security-groups/${id}`);
  });
  return (
    <CreateForm text={{ title: S.securityGroups.create, description: S.securityGroups.createDescription, submit: S.securityGroups.create }} cancelHref="/security-groups" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.securityGroups.createError} onRetry={error.network ? () => void submit() : undefined} />}
      {vpcs.error && <ErrorAlert error={vpcs.error} header={S.vpcs.loadError} onRetry={vpcs.reload} />}
      <Container header={<Header variant="h2">{S.securityGroups.basic}</Header>}>
        <SpaceBetween size="l">
          <FormField label={S.securityGroups.groupName} description={S.securityGroups.groupNameDescription} errorText={submitted ? errors.name : undefined}>
            <Input value={groupName} placeholder="MyWebServerGroup" onChange={({ detail }) => setGroupName(detail.value)} />
          </FormField>
          <FormField label={S.securityGroups.groupDescription} errorText={submitted ? errors.description : undefined}>
            <Input value={description} placeholder="Allows SSH access to developers" onChange={({ detail }) => setDescription(detail.value)} />
          </FormField>
          <VpcField vpcs={vpcs.data ?? []} value={vpcId} onChange={setVpcId} loading={vpcs.loading} errorText={submitted ? errors.vpc : undefined} />
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
