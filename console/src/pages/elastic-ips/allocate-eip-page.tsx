import { AllocateAddressCommand } from '@aws-sdk/client-ec2';
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
import { NameTagField } from '../../shared/form-fields';
import { nameTagSpecs } from '../../shared/name-tag';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { S } from '../../strings';

export function AllocateEipPage(): ReactNode {
  const { ec2, session } = useSession();
  const { notify } = useNotifications();
  const [name, setName] = useState('');
  const { busy, error, submit } = useFormSubmit(false, async () => {
    const r = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc', TagSpecifications: nameTagSpecs('elastic-ip', name) }));
    notify({ type: 'success', content: S.elasticIps.allocated(r.PublicIp ?? '') });
    navigate(`/elastic-ips/${r.AllocationId ?? ''}`);
  });
  return (
    <CreateForm text={{ title: S.elasticIps.create, description: S.elasticIps.createDescription, submit: S.elasticIps.create }} cancelHref="/elastic-ips" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.elasticIps.createError} onRetry={error.network ? () => void submit() : undefined} />}
      <Container header={<Header variant="h2">{S.elasticIps.settings}</Header>}>
        <SpaceBetween size="l">
          <FormField label={S.elasticIps.borderGroup}>
            <Input value={session.region} readOnly />
          </FormField>
          <FormField label={S.elasticIps.pool}>
            <RadioGroup value="amazon" items={[{ value: 'amazon', label: S.elasticIps.amazonPool }]} />
          </FormField>
          <NameTagField value={name} onChange={setName} />
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
