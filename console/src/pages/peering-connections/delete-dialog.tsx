import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { DeleteVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { S } from '../../strings';

/** Delete, confirmed by typing "delete"; routes through the connection stay (as Blackhole). */
export function DeleteDialog({ c, onDone, onDismiss }: { c: VpcPeeringConnection; onDone: () => void; onDismiss: () => void }): ReactNode {
  const { ec2 } = useSession();
  const [typed, setTyped] = useState('');
  const id = c.VpcPeeringConnectionId ?? '';
  return (
    <ActionModal
      header={S.deleteDialog.header}
      confirmLabel={S.deleteDialog.confirm}
      confirmDisabled={typed !== S.deleteDialog.word}
      errorHeader={S.deleteDialog.error}
      onDismiss={onDismiss}
      onConfirm={async () => {
        await ec2.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
        onDone();
      }}
    >
      <Box>{S.deleteDialog.question(id)}</Box>
      <Box color="text-body-secondary">{S.deleteDialog.routesStay}</Box>
      <FormField label={S.deleteDialog.typeToConfirm}>
        <Input value={typed} placeholder={S.deleteDialog.word} onChange={({ detail }) => setTyped(detail.value)} />
      </FormField>
    </ActionModal>
  );
}
