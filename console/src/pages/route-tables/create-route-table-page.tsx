import { CreateRouteTableCommand } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { vpcOption } from '../../shared/vpc-option';
import { S } from '../../strings';

export function CreateRouteTablePage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const vpcs = useResource(useScopeKey('vpcs'), (signal) => describeVpcs(ec2, signal));
  const [name, setName] = useState('');
  const [vpcId, setVpcId] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const vpc = vpcs.data?.find((v) => v.VpcId === vpcId);

  const submit = async (): Promise<void> => {
    setSubmitted(true);
    setError(undefined);
    if (!vpcId) return;
    setBusy(true);
    try {
      const r = await ec2.send(new CreateRouteTableCommand({
        VpcId: vpcId,
        TagSpecifications: name.trim() ? [{ ResourceType: 'route-table', Tags: [{ Key: 'Name', Value: name.trim() }] }] : undefined,
      }));
      const id = r.RouteTable?.RouteTableId ?? '';
      notify({ type: 'success', content: S.createRouteTable.created(id) });
      navigate(`/route-tables/${id}`);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <ContentLayout header={<Header variant="h1" description={S.createRouteTable.description}>{S.createRouteTable.title}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate('/route-tables')}>{S.actions.cancel}</Button>
              <Button variant="primary" loading={busy}>{S.createRouteTable.submit}</Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
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
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
