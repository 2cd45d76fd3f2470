import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { S } from '../../strings';
import type { Availability } from './peering-permissions';

function Setting({ value }: { value: boolean | undefined }): ReactNode {
  if (value === undefined) return <>{S.peering.hiddenUntilActive}</>;
  return value ? <StatusIndicator type="success">{S.common.enabled}</StatusIndicator> : <StatusIndicator type="stopped">{S.common.disabled}</StatusIndicator>;
}

export function PeeringDnsTab({ c, editDns, onEdit }: { c: VpcPeeringConnection; editDns: Availability; onEdit: () => void }): ReactNode {
  const r = c.RequesterVpcInfo;
  const a = c.AccepterVpcInfo;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={S.dnsDialog.explain}
          actions={<Button disabled={!editDns.allowed} disabledReason={editDns.allowed ? undefined : editDns.reason} onClick={onEdit}>{S.peeringActions.editDns}</Button>}
        >
          {S.peeringDetails.dnsTab}
        </Header>
      }
    >
      <KeyValuePairs
        columns={2}
        items={[
          { label: S.dnsDialog.requesterOption(a?.VpcId ?? '', r?.VpcId ?? ''), value: <Setting value={r?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc} /> },
          { label: S.dnsDialog.accepterOption(r?.VpcId ?? '', a?.VpcId ?? ''), value: <Setting value={a?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc} /> },
        ]}
      />
    </Container>
  );
}
