import { ModifyVpcAttributeCommand } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import type { VpcDnsAttributes } from '../../api/describe';
import { describeVpcDns } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { S } from '../../strings';

/** DNS resolution and DNS hostnames (peering's DNS option needs the hostnames on). */
export function EditVpcSettingsPage({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const resource = useResource(useScopeKey('vpc-dns', id), (signal) => describeVpcDns(ec2, id, signal));
  const [values, setValues] = useState<VpcDnsAttributes>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    if (resource.data && !values) setValues(resource.data);
  }, [resource.data, values]);

  const save = async (): Promise<void> => {
    if (!values || !resource.data) return;
    setBusy(true);
    setError(undefined);
    try {
      // One attribute per request, as ModifyVpcAttribute requires; support before hostnames.
      if (values.dnsSupport !== resource.data.dnsSupport) await ec2.send(new ModifyVpcAttributeCommand({ VpcId: id, EnableDnsSupport: { Value: values.dnsSupport } }));
      if (values.dnsHostnames !== resource.data.dnsHostnames) await ec2.send(new ModifyVpcAttributeCommand({ VpcId: id, EnableDnsHostnames: { Value: values.dnsHostnames } }));
      notify({ type: 'success', content: S.vpcSettings.saved(id) });
      navigate(`/vpcs/${id}`);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
      resource.reload();
    }
  };

  return (
    <ContentLayout header={<Header variant="h1">{S.vpcSettings.title(id)}</Header>}>
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => navigate(`/vpcs/${id}`)}>{S.actions.cancel}</Button>
            <Button variant="primary" loading={busy} disabled={!values} onClick={() => void save()}>{S.actions.saveChanges}</Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          {resource.error && <ErrorAlert error={resource.error} header={S.vpcs.loadError} onRetry={resource.reload} />}
          {error && <ErrorAlert error={error} header={S.vpcSettings.error} onRetry={error.network ? () => void save() : undefined} />}
          <Container header={<Header variant="h2">{S.vpcSettings.dnsTitle}</Header>}>
            {values && (
              <FormField description={S.vpcSettings.dnsDescription}>
                <SpaceBetween size="s">
                  <Checkbox checked={values.dnsSupport} onChange={({ detail }) => setValues({ ...values, dnsSupport: detail.checked })}>{S.vpcSettings.dnsSupport}</Checkbox>
                  <Checkbox checked={values.dnsHostnames} onChange={({ detail }) => setValues({ ...values, dnsHostnames: detail.checked })}>{S.vpcSettings.dnsHostnames}</Checkbox>
                </SpaceBetween>
              </FormField>
            )}
          </Container>
        </SpaceBetween>
      </Form>
    </ContentLayout>
  );
}
