import { AssociateDhcpOptionsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import type { ReactNode } from 'react';
import { describeDhcpOptions } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { PickerField } from '../../shared/form-fields';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { useEdits } from '../../shared/use-edits';
import { S } from '../../strings';
import { joined, toDhcpRow } from './dhcp-row';

/** A VPC's Actions -> "Edit DHCP option set": one of the sets, or none (`default`). */
export function EditVpcDhcpPage({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const data = useResource(useScopeKey('edit-vpc-dhcp', id), async (signal) => {
    const [r, sets] = await Promise.all([ec2.send(new DescribeVpcsCommand({ VpcIds: [id] }), { abortSignal: signal }), describeDhcpOptions(ec2, signal)]);
    return { current: r.Vpcs?.[0]?.DhcpOptionsId ?? 'default', sets };
  });
  const [choice, setChoice] = useEdits(data.data, (d) => d.current);
  const { busy, error, submit } = useFormSubmit(choice === undefined, async () => {
    await ec2.send(new AssociateDhcpOptionsCommand({ VpcId: id, DhcpOptionsId: choice }));
    notify({ type: 'success', content: S.dhcp.edited(id) });
    navigate(`/vpcs/${id}`);
  });
  const options = [
    { value: 'default', label: S.dhcp.noSet },
    ...(data.data?.sets ?? []).map(toDhcpRow).map((r) => ({ value: r.id, label: r.id, description: r.name || undefined, tags: [joined(r.domainName), joined(r.dnsServers)] })),
  ];
  return (
    <CreateForm text={{ title: S.dhcp.editTitle(id), description: S.dhcp.editDescription, submit: S.actions.saveChanges }} cancelHref={`/vpcs/${id}`} busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.dhcp.editError} onRetry={error.network ? () => void submit() : undefined} />}
      {data.error && <ErrorAlert error={data.error} header={S.dhcp.loadError} onRetry={data.reload} />}
      <Container header={<Header variant="h2">{S.dhcp.settings}</Header>}>
        <PickerField label={S.dhcp.vpcSet} options={options} value={choice ?? ''} onChange={setChoice} loading={data.loading} placeholder={S.dhcp.vpcSet} />
      </Container>
    </CreateForm>
  );
}
