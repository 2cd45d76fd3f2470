import type { EC2Client } from '@aws-sdk/client-ec2';
import { StartInstancesCommand, StopInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { ActionModal } from '../../shared/action-modal';
import { useNotifications } from '../../shared/notifications';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { InstanceRow } from './instance-row';

/** One state change behind a confirmation, as the console's Instance state menu does it. */
function StateDialog({ row, header, question, confirm, errorHeader, done, send, onDismiss, onDone }: {
  row: InstanceRow;
  header: string;
  question: string;
  confirm: string;
  errorHeader: string;
  done: string;
  send: (ec2: EC2Client, id: string) => Promise<unknown>;
  onDismiss: () => void;
  onDone: () => void;
}): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  return (
    <ActionModal
      header={header}
      confirmLabel={confirm}
      errorHeader={errorHeader}
      onDismiss={onDismiss}
      onConfirm={async () => {
        await send(ec2, row.id);
        notify({ type: 'success', content: done });
        onDone();
      }}
    >
      <Box>{question}</Box>
    </ActionModal>
  );
}

const GONE = new Set(['shutting-down', 'terminated']);

export const INSTANCE_ACTIONS: readonly RowAction<InstanceRow>[] = [
  {
    id: 'stop',
    text: S.instances.stop,
    unavailable: (r) => (r.state === 'running' || r.state === 'pending' ? undefined : S.instances.notRunning),
    dialog: (r, close, done) => (
      <StateDialog row={r} header={S.instances.stopHeader} question={S.instances.stopQuestion(r.id)} confirm={S.instances.stop} errorHeader={S.instances.stopError} done={S.instances.stopped(r.id)}
        send={(ec2, id) => ec2.send(new StopInstancesCommand({ InstanceIds: [id] }))} onDismiss={close} onDone={done} />
    ),
  },
  {
    id: 'start',
    text: S.instances.start,
    unavailable: (r) => (r.state === 'stopped' ? undefined : S.instances.notStopped),
    dialog: (r, close, done) => (
      <StateDialog row={r} header={S.instances.start} question={r.id} confirm={S.instances.start} errorHeader={S.instances.startError} done={S.instances.started(r.id)}
        send={(ec2, id) => ec2.send(new StartInstancesCommand({ InstanceIds: [id] }))} onDismiss={close} onDone={done} />
    ),
  },
  {
    id: 'terminate',
    text: S.instances.terminate,
    unavailable: (r) => (GONE.has(r.state) ? S.instances.gone : undefined),
    dialog: (r, close, done) => (
      <StateDialog row={r} header={S.instances.terminateHeader} question={S.instances.terminateQuestion(r.id)} confirm={S.instances.terminate} errorHeader={S.instances.terminateError} done={S.instances.terminated(r.id)}
        send={(ec2, id) => ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }))} onDismiss={close} onDone={done} />
    ),
  },
];
