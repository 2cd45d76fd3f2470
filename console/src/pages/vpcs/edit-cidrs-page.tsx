import type { VpcCidrBlockAssociation, VpcIpv6CidrBlockAssociation } from '@aws-sdk/client-ec2';
import { AssociateVpcCidrBlockCommand, DescribeVpcsCommand, DisassociateVpcCidrBlockCommand } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error';
import { toApiError } from '../../api/api-error';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { EmptyState } from '../../shared/empty-state';
import { blockCidrError } from '../../shared/validation';
import { S } from '../../strings';

function BlockState({ state }: { state: string | undefined }): ReactNode {
  const label = state ? (S.editCidrs.states[state] ?? state) : '-';
  return <StatusIndicator type={state === 'associated' ? 'success' : state === 'failed' ? 'error' : 'in-progress'}>{label}</StatusIndicator>;
}

/**
 * Secondary IPv4 blocks and the Amazon-provided IPv6 block. Each change is one request, sent at
 * once, as in the AWS console; a refusal (e.g. a block that overlaps a peer) shows the server's words.
 */
export function EditCidrsPage({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('vpc-cidrs', id), async (signal) => {
    const r = await ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }), { abortSignal: signal });
    const vpc = r.Vpcs?.[0];
    if (!vpc) throw new Error(`DescribeVpcs returned no ${id}`);
    return vpc;
  });
  const [cidr, setCidr] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const vpc = resource.data;
  const v4 = (vpc?.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State !== 'disassociated');
  const v6 = (vpc?.Ipv6CidrBlockAssociationSet ?? []).filter((a) => a.Ipv6CidrBlockState?.State !== 'disassociated');
  const cidrError = blockCidrError(cidr);

  const run = async (key: string, work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(key);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (e) {
      setError(toApiError(e));
      return false;
    } finally {
      setBusy(undefined);
      resource.reload();
    }
  };
  const addIpv4 = async (): Promise<void> => {
    setSubmitted(true);
    if (cidrError) return;
    if (await run('add-v4', () => ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: id, CidrBlock: cidr.trim() })))) {
      setCidr('');
      setSubmitted(false);
    }
  };

  return (
    <ContentLayout
      header={
        <Header variant="h1" description={S.editCidrs.description} actions={<Button onClick={() => navigate(`/vpcs/${id}`)}>{S.editCidrs.done}</Button>}>
          {S.editCidrs.title(id)}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {resource.error && <ErrorAlert error={resource.error} header={S.vpcs.loadError} onRetry={resource.reload} />}
        {error && <ErrorAlert error={error} header={S.editCidrs.error} onDismiss={() => setError(undefined)} />}
        <Table<VpcCidrBlockAssociation>
          items={v4}
          loading={!vpc && resource.loading}
          loadingText={S.vpcs.loading}
          trackBy={(a) => a.AssociationId ?? ''}
          header={<Header variant="h2" counter={`(${v4.length})`}>{S.editCidrs.ipv4Title}</Header>}
          empty={<EmptyState title={S.editCidrs.noIpv4} />}
          columnDefinitions={[
            { id: 'cidr', header: S.editCidrs.cidr, cell: (a) => a.CidrBlock, isRowHeader: true },
            { id: 'state', header: S.editCidrs.state, cell: (a) => <BlockState state={a.CidrBlockState?.State} /> },
            {
              id: 'remove',
              header: S.editCidrs.remove,
              cell: (a) => {
                const primary = a.CidrBlock === vpc?.CidrBlock;
                return (
                  <Button
                    variant="normal"
                    ariaLabel={S.editCidrs.removeAria(a.CidrBlock ?? '')}
                    disabled={primary}
                    disabledReason={primary ? S.editCidrs.primary : undefined}
                    loading={busy === a.AssociationId}
                    onClick={() => void run(a.AssociationId ?? '', () => ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: a.AssociationId })))}
                  >
                    {S.editCidrs.remove}
                  </Button>
                );
              },
            },
          ]}
        />
        <Container header={<Header variant="h2" description={S.editCidrs.addDescription}>{S.editCidrs.addTitle}</Header>}>
          <form onSubmit={(e) => { e.preventDefault(); void addIpv4(); }}>
            <SpaceBetween direction="horizontal" size="xs" alignItems="end">
              <FormField label={S.editCidrs.newCidr} constraintText={S.createVpc.ipv4Constraint} errorText={submitted ? cidrError : undefined}>
                <Input value={cidr} placeholder="10.1.0.0/16" onChange={({ detail }) => setCidr(detail.value)} />
              </FormField>
              <Button loading={busy === 'add-v4'}>{S.editCidrs.addIpv4}</Button>
            </SpaceBetween>
          </form>
        </Container>
        <Table<VpcIpv6CidrBlockAssociation>
          items={v6}
          trackBy={(a) => a.AssociationId ?? ''}
          header={
            <Header
              variant="h2"
              counter={`(${v6.length})`}
              actions={
                <Button loading={busy === 'add-v6'} disabled={v6.length > 0} disabledReason={v6.length > 0 ? S.editCidrs.oneIpv6 : undefined} onClick={() => void run('add-v6', () => ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: id, AmazonProvidedIpv6CidrBlock: true })))}>
                  {S.editCidrs.addIpv6}
                </Button>
              }
            >
              {S.editCidrs.ipv6Title}
            </Header>
          }
          empty={<EmptyState title={S.editCidrs.noIpv6} />}
          columnDefinitions={[
            { id: 'cidr', header: S.editCidrs.cidr, cell: (a) => a.Ipv6CidrBlock, isRowHeader: true },
            { id: 'pool', header: S.editCidrs.pool, cell: (a) => a.Ipv6Pool ?? '-' },
            { id: 'state', header: S.editCidrs.state, cell: (a) => <BlockState state={a.Ipv6CidrBlockState?.State} /> },
            {
              id: 'remove',
              header: S.editCidrs.remove,
              cell: (a) => (
                <Button ariaLabel={S.editCidrs.removeAria(a.Ipv6CidrBlock ?? '')} loading={busy === a.AssociationId} onClick={() => void run(a.AssociationId ?? '', () => ec2.send(new DisassociateVpcCidrBlockCommand({ AssociationId: a.AssociationId })))}>
                  {S.editCidrs.remove}
                </Button>
              ),
            },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
