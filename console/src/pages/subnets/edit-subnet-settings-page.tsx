import type { ModifySubnetAttributeCommandInput } from '@aws-sdk/client-ec2';
import { ModifySubnetAttributeCommand } from '@aws-sdk/client-ec2';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { describeSubnets, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { useScopeKey, useSession } from '../../session/session-context';
import { EditPage } from '../../shared/edit-page';
import { useEdits } from '../../shared/use-edits';
import { S } from '../../strings';
import { subnetIpv6 } from './subnet-details-page';

interface Settings {
  readonly publicIpv4: boolean;
  readonly ipv6: boolean;
  readonly hostnameType: 'ip-name' | 'resource-name';
  readonly dnsA: boolean;
  readonly dnsAaaa: boolean;
}

/** "Edit subnet settings": each changed setting is one ModifySubnetAttribute, as the API takes them. */
export function EditSubnetSettingsPage({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('edit-subnet-settings', id), async (signal) => {
    const s = await only(describeSubnets(ec2, signal, [{ Name: 'subnet-id', Values: [id] }]), id);
    const settings: Settings = {
      publicIpv4: s.MapPublicIpOnLaunch === true,
      ipv6: s.AssignIpv6AddressOnCreation === true,
      hostnameType: s.PrivateDnsNameOptionsOnLaunch?.HostnameType === 'resource-name' ? 'resource-name' : 'ip-name',
      dnsA: s.PrivateDnsNameOptionsOnLaunch?.EnableResourceNameDnsARecord === true,
      dnsAaaa: s.PrivateDnsNameOptionsOnLaunch?.EnableResourceNameDnsAAAARecord === true,
    };
    return { settings, hasIpv6: subnetIpv6(s).length > 0 };
  });
  const [edited, setEdited] = useEdits(resource.data, (d) => d.settings);
  const set = (change: Partial<Settings>): void => setEdited(edited && { ...edited, ...change });

  const save = async (): Promise<void> => {
    const was = resource.data?.settings;
    if (!was || !edited) return;
    const writes: Omit<ModifySubnetAttributeCommandInput, 'SubnetId'>[] = [];
    if (edited.publicIpv4 !== was.publicIpv4) writes.push({ MapPublicIpOnLaunch: { Value: edited.publicIpv4 } });
    if (edited.ipv6 !== was.ipv6) writes.push({ AssignIpv6AddressOnCreation: { Value: edited.ipv6 } });
    if (edited.hostnameType !== was.hostnameType) writes.push({ PrivateDnsHostnameTypeOnLaunch: edited.hostnameType });
    if (edited.dnsA !== was.dnsA) writes.push({ EnableResourceNameDnsARecordOnLaunch: { Value: edited.dnsA } });
    if (edited.dnsAaaa !== was.dnsAaaa) writes.push({ EnableResourceNameDnsAAAARecordOnLaunch: { Value: edited.dnsAaaa } });
    for (const w of writes) await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: id, ...w }));
  };

  const e = edited;
  const hasIpv6 = resource.data?.hasIpv6 === true;
  return (
    <EditPage
      title={S.subnetDetails.settingsTitle(id)}
      backHref={`/subnets/${id}`}
      resource={resource}
      loadError={S.subnets.loadError}
      saveError={S.subnetDetails.settingsError}
      saved={S.subnetDetails.settingsSaved(id)}
      invalid={false}
      save={save}
    >
      {() =>
        e && (
          <>
            <Container header={<Header variant="h2" description={S.subnetDetails.autoAssignDescription}>{S.subnetDetails.autoAssignTitle}</Header>}>
              <SpaceBetween size="s">
                <Checkbox checked={e.publicIpv4} onChange={({ detail }) => set({ publicIpv4: detail.checked })}>{S.subnetDetails.enablePublicIpv4}</Checkbox>
                <Checkbox checked={e.ipv6} disabled={!hasIpv6 && !e.ipv6} description={hasIpv6 ? undefined : S.subnetDetails.ipv6Needed} onChange={({ detail }) => set({ ipv6: detail.checked })}>{S.subnetDetails.enableIpv6}</Checkbox>
              </SpaceBetween>
            </Container>
            <Container header={<Header variant="h2" description={S.subnetDetails.resourceNameDescription}>{S.subnetDetails.resourceNameTitle}</Header>}>
              <SpaceBetween size="s">
                <FormField label={S.subnetDetails.hostnameType}>
                  <RadioGroup
                    value={e.hostnameType}
                    onChange={({ detail }) => set({ hostnameType: detail.value === 'resource-name' ? 'resource-name' : 'ip-name' })}
                    items={[{ value: 'ip-name', label: S.subnetDetails.ipName }, { value: 'resource-name', label: S.subnetDetails.resourceName }]}
                  />
                </FormField>
                <Checkbox checked={e.dnsA} onChange={({ detail }) => set({ dnsA: detail.checked })}>{S.subnetDetails.enableDnsA}</Checkbox>
                <Checkbox checked={e.dnsAaaa} disabled={!hasIpv6 && !e.dnsAaaa} description={hasIpv6 ? undefined : S.subnetDetails.ipv6Needed} onChange={({ detail }) => set({ dnsAaaa: detail.checked })}>{S.subnetDetails.enableDnsAaaa}</Checkbox>
              </SpaceBetween>
            </Container>
          </>
        )
      }
    </EditPage>
  );
}
