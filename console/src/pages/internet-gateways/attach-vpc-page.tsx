import { AttachInternetGatewayCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeInternetGateways, describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { VpcField } from '../../shared/form-fields';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { S } from '../../strings';

/** "Attach to VPC": the VPCs offered are those without an internet gateway, as AWS offers them. */
export function AttachVpcPage({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const data = useResource(useScopeKey('attach-igw', id), async (signal) => {
    const [vpcs, gateways] = await Promise.all([describeVpcs(ec2, signal), describeInternetGateways(ec2, signal)]);
    const taken = new Set(gateways.flatMap((g) => (g.Attachments ?? []).map((a) => a.VpcId)));
    return vpcs.filter((v) => !taken.has(v.VpcId));
  });
  const [vpcId, setVpcId] = useState('');
  const { submitted, busy, error, submit } = useFormSubmit(vpcId === '', async () => {
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }));
    notify({ type: 'success', content: S.internetGateways.attached(id, vpcId) });
    navigate(`/internet-gateways/${id}`);
  });
  return (
    <CreateForm text={{ title: S.internetGateways.attachTitle(id), description: S.internetGateways.attachDescription, submit: S.internetGateways.attachSubmit }} cancelHref={`/internet-gateways/${id}`} busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.internetGateways.attachError} onRetry={error.network ? () => void submit() : undefined} />}
      {data.error && <ErrorAlert error={data.error} header={S.vpcs.loadError} onRetry={data.reload} />}
      <Container header={<Header variant="h2">{S.common.vpc}</Header>}>
        <VpcField
          label={S.internetGateways.availableVpcs}
          description={data.data?.length === 0 ? S.internetGateways.noFreeVpc : S.internetGateways.availableVpcsDescription}
          vpcs={data.data ?? []}
          value={vpcId}
          onChange={setVpcId}
          loading={data.loading}
          errorText={submitted && vpcId === '' ? S.validation.chooseVpc : undefined}
        />
      </Container>
    </CreateForm>
  );
}
