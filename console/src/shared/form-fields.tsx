import type { Vpc } from '@aws-sdk/client-ec2';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import type { SelectProps } from '@cloudscape-design/components/select';
import Select from '@cloudscape-design/components/select';
import type { ReactNode } from 'react';
import { S } from '../strings';
import { vpcOption } from './vpc-option';

/** The create forms' optional "Name tag" field. */
export function NameTagField({ value, onChange, placeholder }: { value: string; onChange: (v: string) => void; placeholder?: string }): ReactNode {
  return (
    <FormField label={<>{S.fields.nameTag} <i>- {S.common.optional}</i></>} description={S.fields.nameTagDescription}>
      <Input value={value} placeholder={placeholder} onChange={({ detail }) => onChange(detail.value)} />
    </FormField>
  );
}

/** A picker of resources (VPCs, subnets, addresses...) by id, as the forms show them. */
export function PickerField({ label, description, errorText, options, value, onChange, loading, placeholder, empty }: {
  label: string;
  description?: string;
  errorText?: string;
  options: readonly SelectProps.Option[];
  value: string;
  onChange: (v: string) => void;
  loading: boolean;
  placeholder: string;
  empty?: string;
}): ReactNode {
  return (
    <FormField label={label} description={description} errorText={errorText}>
      <Select
        selectedOption={options.find((o) => o.value === value) ?? (value ? { value, label: value } : null)}
        options={[...options]}
        placeholder={placeholder}
        statusType={loading ? 'loading' : 'finished'}
        loadingText={S.vpcs.loading}
        empty={empty}
        filteringType="auto"
        ariaLabel={label}
        onChange={({ detail }) => onChange(detail.selectedOption.value ?? '')}
      />
    </FormField>
  );
}

/** The VPC picker of the create forms: id, Name and CIDRs per VPC. */
export function VpcField({ vpcs, value, onChange, loading, errorText, label = S.common.vpc, description }: {
  vpcs: readonly Vpc[];
  value: string;
  onChange: (v: string) => void;
  loading: boolean;
  errorText?: string;
  label?: string;
  description?: string;
}): ReactNode {
  return <PickerField label={label} description={description} errorText={errorText} options={vpcs.map(vpcOption)} value={value} onChange={onChange} loading={loading} placeholder={S.fields.chooseVpc} />;
}
