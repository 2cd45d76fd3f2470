import { CreateInternetGatewayCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
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

export function CreateInternetGatewayPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const [name, setName] = useState('');
  const { busy, error, submit } = useFormSubmit(false, async () => {
    const r = await ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: nameTagSpecs('internet-gateway', name) }));
    const id = r.InternetGateway?.InternetGatewayId ?? '';
    notify({ type: 'success', content: S.internetGateways.created(id) });
    navigate(`/internet-gateways/${id}`);
  });
  return (
    <CreateForm text={{ title: S.internetGateways.create, description: S.internetGateways.createDescription, submit: S.internetGateways.create }} cancelHref="/internet-gateways" busy={busy} onSubmit={() => void submit()}>
      {error && <ErrorAlert error={error} header={S.internetGateways.createError} onRetry={error.network ? () => void submit() : undefined} />}
      <Container header={<Header variant="h2">{S.internetGateways.settings}</Header>}>
        <NameTagField value={name} onChange={setName} placeholder="my-internet-gateway" />
      </Container>
    </CreateForm>
  );
}
