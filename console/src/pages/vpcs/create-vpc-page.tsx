import { CreateVpcCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { navigate } from '../../router/navigate';
import { useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { blockCidrError } from '../../shared/validation';
import { S } from '../../strings';

export function CreateVpcPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const [name, setName] = useState('');
  const [cidr, setCidr] = useState('');
  const [ipv6, setIpv6] = useState(false);
  const cidrError = blockCidrError(cidr);

  const { submitted, busy, error, submit } = useFormSubmit(Boolean(cidrError), async () => {
    const r = await ec2.send(new CreateVpcCommand({
      CidrBlock: cidr.trim(),
      AmazonProvidedIpv6CidrBlock: ipv6 || undefined,
      TagSpecifications: name.trim() ? [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: name.trim() }] }] : undefined,
    }));
    const id = r.Vpc?.VpcId ?? '';
    notify({ type: 'success', content: S.createVpc.created(id) });
    navigate(`/vpcs/${id}`);
  });

  return (
    <CreateForm
      text={S.createVpc}
      cancelHref="/vpcs"
      busy={busy}
      onSubmit={() => void submit()}
    >
      {error && <ErrorAlert error={error} header={S.createVpc.error} onRetry={error.network ? () => void submit() : undefined} />}
      <Container header={<Header variant="h2">{S.createVpc.settings}</Header>}>
        <SpaceBetween size="l">
          <FormField label={<>{S.createVpc.nameTag} <i>- {S.common.optional}</i></>} description={S.createVpc.nameDescription}>
            <Input value={name} placeholder="my-vpc" onChange={({ detail }) => setName(detail.value)} />
          </FormField>
          <FormField label={S.createVpc.ipv4Cidr} description={S.createVpc.ipv4Description} constraintText={S.createVpc.ipv4Constraint} errorText={submitted ? cidrError : undefined}>
            <Input value={cidr} placeholder="10.0.0.0/16" onChange={({ detail }) => setCidr(detail.value)} />
          </FormField>
          <FormField label={S.createVpc.ipv6}>
            <RadioGroup
              value={ipv6 ? 'amazon' : 'none'}
              onChange={({ detail }) => setIpv6(detail.value === 'amazon')}
              items={[
                { value: 'none', label: S.createVpc.noIpv6 },
                { value: 'amazon', label: S.createVpc.amazonIpv6 },
              ]}
            />
          </FormField>
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
