import type { SecurityGroup, Subnet } from '@aws-sdk/client-ec2';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { PickerField } from '../../shared/form-fields';
import { nameTag } from '../../shared/tags';
import { isIpv4Address } from '../../shared/validation';
import { S } from '../../strings';

/** What both "Create network interface" and "Launch instances" ask of the network. */
export interface NetworkChoice {
  readonly subnetId: string;
  /** Empty: auto-assign. */
  readonly privateIp: string;
  readonly customIp: boolean;
  readonly groupIds: readonly string[];
}

export const NO_NETWORK: NetworkChoice = { subnetId: '', privateIp: '', customIp: false, groupIds: [] };


export function networkErrors(c: NetworkChoice): { subnet?: string; ip?: string } {
  return {
    subnet: c.subnetId ? undefined : S.fields.chooseSubnet,
    ip: c.customIp && !isIpv4Address(c.privateIp.trim()) ? S.networkInterfaces.customIpError : undefined,
  };
}

/**
 * Subnet, private IPv4 address (Auto-assign or Custom) and security groups of the subnet's VPC,
 * as AWS's forms ask for them; changing the subnet drops groups of another VPC.
 */
export function NetworkFields({ value, onChange, subnets, groups, loading, submitted }: {
  value: NetworkChoice;
  onChange: (c: NetworkChoice) => void;
  subnets: readonly Subnet[];
  groups: readonly SecurityGroup[];
  loading: boolean;
  submitted: boolean;
}): ReactNode {
  const errors = networkErrors(value);
  const vpcId = subnets.find((s) => s.SubnetId === value.subnetId)?.VpcId;
  const inVpc = groups.filter((g) => g.VpcId === vpcId);
  const groupOption = (g: SecurityGroup): { value: string; label: string; description: string } => ({ value: g.GroupId ?? '', label: g.GroupId ?? '', description: g.GroupName ?? '' });
  return (
    <SpaceBetween size="l">
      <PickerField
        label={S.fields.subnet}
        description={S.networkInterfaces.subnetDescription}
        options={subnets.map((s) => ({ value: s.SubnetId ?? '', label: s.SubnetId, description: nameTag(s.Tags) || undefined, tags: [s.VpcId ?? '', s.CidrBlock ?? '', s.AvailabilityZone ?? ''] }))}
        value={value.subnetId}
        onChange={(subnetId) => {
          const nextVpc = subnets.find((s) => s.SubnetId === subnetId)?.VpcId;
          onChange({ ...value, subnetId, groupIds: value.groupIds.filter((id) => groups.find((g) => g.GroupId === id)?.VpcId === nextVpc) });
        }}
        loading={loading}
        placeholder={S.fields.chooseSubnet}
        errorText={submitted ? errors.subnet : undefined}
      />
      <FormField label={S.networkInterfaces.privateIp}>
        <SpaceBetween size="xs">
          <RadioGroup
            value={value.customIp ? 'custom' : 'auto'}
            onChange={({ detail }) => onChange({ ...value, customIp: detail.value === 'custom' })}
            items={[{ value: 'auto', label: S.networkInterfaces.autoAssign }, { value: 'custom', label: S.networkInterfaces.custom }]}
          />
          {value.customIp && (
            <FormField label={S.networkInterfaces.customIp} errorText={submitted ? errors.ip : undefined}>
              <Input value={value.privateIp} placeholder="10.0.0.10" onChange={({ detail }) => onChange({ ...value, privateIp: detail.value })} />
            </FormField>
          )}
        </SpaceBetween>
      </FormField>
      <FormField label={S.networkInterfaces.securityGroups} description={S.networkInterfaces.securityGroupsDescription}>
        <Multiselect
          selectedOptions={inVpc.filter((g) => value.groupIds.includes(g.GroupId ?? '')).map(groupOption)}
          options={inVpc.map(groupOption)}
          placeholder={S.networkInterfaces.chooseGroups}
          filteringType="auto"
          ariaLabel={S.networkInterfaces.securityGroups}
          statusType={loading ? 'loading' : 'finished'}
          onChange={({ detail }) => onChange({ ...value, groupIds: detail.selectedOptions.flatMap((o) => (o.value ? [o.value] : [])) })}
        />
      </FormField>
    </SpaceBetween>
  );
}
