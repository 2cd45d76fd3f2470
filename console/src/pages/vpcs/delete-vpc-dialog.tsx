import { DeleteVpcCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { useNotifications } from '../../shared/notifications';
import { S } from '../../strings';

export function DeleteVpcDialog({ vpcId, onDone, onDismiss }: { vpcId: string; onDone: () => void; onDismiss: () => void }): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const [typed, setTyped] = useState('');
  return (
    <ActionModal
      header={S.vpcs.deleteHeader}
      confirmLabel={S.actions.delete}
      confirmDisabled={typed !== S.deleteDialog.word}
      errorHeader={S.vpcs.deleteError}
      onDismiss={onDismiss}
      onConfirm={async () => {
        await ec2.send(new DeleteVpcCommand({ VpcId: vpcId }));
        notify({ type: 'success', content: S.vpcs.deleted(vpcId) });
        onDone();
      }}
    >
      <Box>{S.vpcs.deleteQuestion(vpcId)}</Box>
      <FormField label={S.deleteDialog.typeToConfirm}>
        <Input value={typed} placeholder={S.deleteDialog.word} onChange={({ detail }) => setTyped(detail.value)} />
      </FormField>
    </ActionModal>
  );
}
