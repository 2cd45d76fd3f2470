import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { ModifyVpcPeeringConnectionOptionsCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { S } from '../../strings';
import type { SideName } from './peering-permissions';

/** DNS resolution per side; only the sides this account owns in this region can change here. */
export function EditDnsDialog({ c, ownSides, onDone, onDismiss }: { c: VpcPeeringConnection; ownSides: readonly SideName[]; onDone: () => void; onDismiss: () => void }): ReactNode {
  const { ec2 } = useSession();
  const current = (side: SideName): boolean =>
    (side === 'requester' ? c.RequesterVpcInfo : c.AccepterVpcInfo)?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc === true;
  const [values, setValues] = useState<Record<SideName, boolean>>({ requester: current('requester'), accepter: current('accepter') });
  const requesterVpc = c.RequesterVpcInfo?.VpcId ?? '';
  const accepterVpc = c.AccepterVpcInfo?.VpcId ?? '';
  return (
    <ActionModal
      header={S.dnsDialog.header}
      confirmLabel={S.actions.saveChanges}
      errorHeader={S.dnsDialog.error}
      onDismiss={onDismiss}
      onConfirm={async () => {
        const option = (side: SideName): { AllowDnsResolutionFromRemoteVpc: boolean } | undefined =>
          ownSides.includes(side) ? { AllowDnsResolutionFromRemoteVpc: values[side] } : undefined;
        await ec2.send(new ModifyVpcPeeringConnectionOptionsCommand({
          VpcPeeringConnectionId: c.VpcPeeringConnectionId,
          RequesterPeeringConnectionOptions: option('requester'),
          AccepterPeeringConnectionOptions: option('accepter'),
        }));
        onDone();
      }}
    >
      <Box color="text-body-secondary">{S.dnsDialog.explain}</Box>
      {(['requester', 'accepter'] as const).map((side) => (
        <Checkbox
          key={side}
          checked={values[side]}
          disabled={!ownSides.includes(side)}
          description={ownSides.includes(side) ? undefined : S.dnsDialog.otherOwner}
          onChange={({ detail }) => setValues({ ...values, [side]: detail.checked })}
        >
          {side === 'requester' ? S.dnsDialog.requesterOption(accepterVpc, requesterVpc) : S.dnsDialog.accepterOption(requesterVpc, accepterVpc)}
        </Checkbox>
      ))}
    </ActionModal>
  );
}
