import type { NewDhcpConfiguration } from '@aws-sdk/client-ec2';
import { CreateDhcpOptionsCommand } from '@aws-sdk/client-ec2';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
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

const list = (text: string): string[] => text.split(',').map((v) => v.trim()).filter((v) => v !== '');

/** The options as AWS's form takes them; the server checks each value and answers with AWS's errors. */
export function CreateDhcpPage(): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const [name, setName] = useState('');
  const [fields, setFields] = useState({ domainName: '', dns: '', ntp: '', netbios: '', nodeType: '' });
  const configs: NewDhcpConfiguration[] = [
    { Key: 'domain-name', Values: list(fields.domainName) },
    { Key: 'domain-name-servers', Values: list(fields.dns) },
    { Key: 'ntp-servers', Values: list(fields.ntp) },
    { Key: 'netbios-name-servers', Values: list(fields.netbios) },
    { Key: 'netbios-node-type', Values: list(fields.nodeType) },
  ].filter((c) => c.Values.length > 0);
  const { submitted, busy, error, submit } = useFormSubmit(configs.length === 0, async () => {
    const r = await ec2.send(new CreateDhcpOptionsCommand({ DhcpConfigurations: configs, TagSpecifications: nameTagSpecs('dhcp-options', name) }));
    const id = r.DhcpOptions?.DhcpOptionsId ?? '';
    notify({ type: 'success', content: S.dhcp.created(id) });
    navigate(`/dhcp-options/${id}`);
  });
  const text = (key: 'domainName' | 'dns' | 'ntp' | 'netbios', label: string, hint: string, placeholder: string): ReactNode => (
    <FormField label={<>{label} <i>- {S.common.optional}</i></>} constraintText={hint}>
      <Input value={fields[key]} placeholder={placeholder} ariaLabel={label} onChange={({ detail }) => setFields({ ...fields, [key]: detail.value })} />
    </FormField>
  );
  return (
    <CreateForm text={{ title: S.dhcp.create, description: S.dhcp.createDescription, submit: S.dhcp.create }} cancelHref="/dhcp-options" busy={busy} onSubmit={() => void submit()} errorText={submitted && configs.length === 0 ? S.dhcp.atLeastOne : undefined}>
      {error && <ErrorAlert error={error} header={S.dhcp.createError} onRetry={error.network ? () => void submit() : undefined} />}
      <Container header={<Header variant="h2">{S.dhcp.settings}</Header>}>
        <NameTagField value={name} onChange={setName} placeholder="my-dhcp-options" />
      </Container>
      <Container header={<Header variant="h2">{S.dhcp.options}</Header>}>
        <SpaceBetween size="l">
          {text('domainName', S.dhcp.domainName, S.dhcp.listHint, 'example.com')}
          {text('dns', S.dhcp.domainNameServers, S.dhcp.dnsHint, 'AmazonProvidedDNS')}
          {text('ntp', S.dhcp.ntpServers, S.dhcp.listHint, '169.254.169.123')}
          {text('netbios', S.dhcp.netbiosServers, S.dhcp.listHint, '10.0.0.2')}
          <FormField label={<>{S.dhcp.netbiosNodeType} <i>- {S.common.optional}</i></>}>
            <Select
              ariaLabel={S.dhcp.netbiosNodeType}
              selectedOption={{ value: fields.nodeType, label: fields.nodeType || S.dhcp.noNodeType }}
              options={[{ value: '', label: S.dhcp.noNodeType }, ...['1', '2', '4', '8'].map((v) => ({ value: v, label: v }))]}
              onChange={({ detail }) => setFields({ ...fields, nodeType: detail.selectedOption.value ?? '' })}
            />
          </FormField>
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
