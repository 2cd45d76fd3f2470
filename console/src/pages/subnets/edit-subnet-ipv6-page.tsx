import { AssociateSubnetCidrBlockCommand, DescribeVpcsCommand, DisassociateSubnetCidrBlockCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { describeSubnets, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { EmptyState } from '../../shared/empty-state';
import { ErrorAlert } from '../../shared/error-alert';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { ipv6Blocks } from '../vpcs/vpc-row';
import { freeSubnetBlock } from './ipv6-blocks';
import { subnetIpv6 } from './subnet-details-page';

/** A subnet's IPv6 block: add a /64 of the VPC's block, or remove it; each change applies at once (as Edit CIDRs does for VPCs). */
export function EditSubnetIpv6Page({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('edit-subnet-ipv6', id), async (signal) => {
    const subnet = await only(describeSubnets(ec2, signal, [{ Name: 'subnet-id', Values: [id] }]), id);
    const [vpcs, siblings] = await Promise.all([
      ec2.send(new DescribeVpcsCommand({ VpcIds: [subnet.VpcId ?? ''] }), { abortSignal: signal }),
      describeSubnets(ec2, signal, [{ Name: 'vpc-id', Values: [subnet.VpcId ?? ''] }]),
    ]);
    const vpc = vpcs.Vpcs?.[0];
    const vpcBlock = vpc ? ipv6Blocks(vpc)[0] : undefined;
    return { subnet, vpcBlock, suggestion: vpcBlock ? freeSubnetBlock(vpcBlock, siblings.flatMap(subnetIpv6)) : undefined };
  });
  const [typed, setTyped] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const d = resource.data;
  const blocks = (d?.subnet.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State !== 'disassociated');
  const run = async (write: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await write();
      setTyped(undefined);
    } catch (e) {
      setError(toApiError(e));
    }
    setBusy(false);
    resource.reload();
  };
  const value = typed ?? d?.suggestion ?? '';
  return (
    <ContentLayout header={<Header variant="h1" description={S.subnetDetails.ipv6Description} actions={<Button variant="primary" onClick={() => navigate(`/subnets/${id}`)}>{S.editCidrs.done}</Button>}>{S.subnetDetails.ipv6Title(id)}</Header>}>
      <SpaceBetween size="l">
        {resource.error && <ErrorAlert error={resource.error} header={S.subnets.loadError} onRetry={resource.reload} />}
        {error && <ErrorAlert error={error} header={S.subnetDetails.ipv6Error} onDismiss={() => setError(undefined)} />}
        <Table
          items={blocks}
          trackBy={(a) => a.AssociationId ?? ''}
          loading={!d && !resource.error}
          loadingText={S.subnets.loading}
          header={<Header variant="h2">{S.editCidrs.ipv6Title}</Header>}
          empty={<EmptyState title={S.editCidrs.noIpv6} />}
          columnDefinitions={[
            { id: 'cidr', header: S.editCidrs.cidr, cell: (a) => a.Ipv6CidrBlock, isRowHeader: true },
            { id: 'state', header: S.editCidrs.state, cell: (a) => <StateIndicator state={a.Ipv6CidrBlockState?.State} /> },
            {
              id: 'remove',
              header: '',
              cell: (a) => (
                <Button disabled={busy} ariaLabel={S.editCidrs.removeAria(a.Ipv6CidrBlock ?? '')} onClick={() => void run(() => ec2.send(new DisassociateSubnetCidrBlockCommand({ AssociationId: a.AssociationId })))}>
                  {S.editCidrs.remove}
                </Button>
              ),
            },
          ]}
        />
        {d && blocks.length === 0 && (
          <Container header={<Header variant="h2">{S.subnetDetails.addIpv6}</Header>}>
            {d.vpcBlock ? (
              <SpaceBetween size="s">
                <FormField label={S.subnetDetails.ipv6Block} description={S.subnetDetails.vpcIpv6(d.vpcBlock)}>
                  <Input value={value} onChange={({ detail }) => setTyped(detail.value)} />
                </FormField>
                <Button loading={busy} onClick={() => void run(() => ec2.send(new AssociateSubnetCidrBlockCommand({ SubnetId: id, Ipv6CidrBlock: value.trim() })))}>{S.subnetDetails.addIpv6}</Button>
              </SpaceBetween>
            ) : (
              <Box>{S.subnetDetails.vpcHasNoIpv6}</Box>
            )}
          </Container>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
