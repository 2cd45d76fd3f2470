import { CreateRouteTableCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { vpcOption } from '../../shared/vpc-option';
import { S } from '../../strings';

export function CreateRouteTablePage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const vpcs = useResource(useScopeKey('vpcs'), (signal) => describeVpcs(ec2, signal));
  const [name, setName] = useState('');
  const [vpcId, setVpcId] = useState('');
  const vpc = vpcs.data?.find((v) => v.VpcId === vpcId);

  const { submitted, busy, error, submit } = useFormSubmit(!vpcId, async () => {
    const r = await ec2.send(new CreateRouteTableCommand({
      VpcId: vpcId,
      TagSpecifications: name.trim() ? [{ ResourceType: 'route-table', Tags: [{ Key: 'Name', Value: name.trim() }] }] : undefined,
    }));
    const id = r.RouteTable?.RouteTableId ?? '';
    notify({ type: 'success', content: S.createRouteTable.created(id) });
    navigate(`/route-tables/${id}`);
  });

  return (
    <CreateForm
      text={S.createRouteTable}
      cancelHref="/route-tables"
      busy={busy}
      onSubmit={() => void submit()}
    >
      {error && <ErrorAlert error={error} header={S.createRouteTable.error} onRetry={error.network ? () => void submit() : undefined} />}
      {vpcs.error && <ErrorAlert error={vpcs.error} header={S.vpcs.loadError} onRetry={vpcs.reload} />}
      <Container header={<Header variant="h2">{S.createRouteTable.settings}</Header>}>
        <SpaceBetween size="l">
          <FormField label={<>{S.common.name} <i>- {S.common.optional}</i></>}>
            <Input value={name} onChange={({ detail }) => setName(detail.value)} />
          </FormField>
          <FormField label={S.common.vpc} errorText={submitted && !vpcId ? S.validation.chooseVpc : undefined}>
            <Select
              selectedOption={vpc ? vpcOption(vpc) : null}
              options={(vpcs.data ?? []).map(vpcOption)}
              placeholder={S.createPeering.chooseVpc}
              statusType={vpcs.loading ? 'loading' : 'finished'}
              loadingText={S.vpcs.loading}
              filteringType="auto"
              onChange={({ detail }) => setVpcId(detail.selectedOption.value ?? '')}
            />
          </FormField>
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
