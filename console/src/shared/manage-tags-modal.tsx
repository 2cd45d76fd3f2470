import type { EC2Client, Tag } from '@aws-sdk/client-ec2';
import { CreateTagsCommand, DeleteTagsCommand } from '@aws-sdk/client-ec2';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TagEditorProps } from '@cloudscape-design/components/tag-editor';
import TagEditor from '@cloudscape-design/components/tag-editor';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeTags } from '../api/describe';
import { useResource } from '../api/use-resource';
import { useScopeKey, useSession } from '../session/session-context';
import { S } from '../strings';
import { ActionModal } from './action-modal';
import { ErrorAlert } from './error-alert';
import { useNotifications } from './notifications';
import { tagProblems } from './tag-problems';

/** The resource's tags as they are now, not as a list row loaded a while ago showed them. */
async function currentTags(ec2: EC2Client, resourceId: string, signal: AbortSignal): Promise<Tag[]> {
  return (await describeTags(ec2, resourceId, signal)).map((t) => ({ Key: t.Key, Value: t.Value }));
}

/** Removals first (a renamed key must not be deleted after it was written), then new and changed values. */
async function saveTags(ec2: EC2Client, resourceId: string, before: readonly Tag[], edited: readonly TagEditorProps.Tag[]): Promise<void> {
  const kept = edited.filter((t) => !t.markedForRemoval).map((t) => ({ key: t.key.trim(), value: t.value }));
  const removed = before.filter((t) => !kept.some((k) => k.key === t.Key));
  const changed = kept.filter((k) => !before.some((t) => t.Key === k.key && (t.Value ?? '') === k.value));
  if (removed.length > 0) await ec2.send(new DeleteTagsCommand({ Resources: [resourceId], Tags: removed.map((t) => ({ Key: t.Key })) }));
  if (changed.length > 0) await ec2.send(new CreateTagsCommand({ Resources: [resourceId], Tags: changed.map((k) => ({ Key: k.key, Value: k.value })) }));
}

/**
 * AWS's Manage tags: the resource's tags in the tag editor, AWS's tag rules checked before
 * anything is sent, saved through DeleteTags and CreateTags; a refusal shows the API's error in
 * the dialog. Without `tags` it reads them first (a list row holds only what it showed). After a
 * save it closes (`onDismiss`), then `onSaved` lets the page read the resource again.
 */
export function ManageTagsModal({ resourceId, tags, onSaved, onDismiss }: { resourceId: string; tags?: readonly Tag[]; onSaved: () => void; onDismiss: () => void }): ReactNode {
  const { ec2 } = useSession();
  const { notify } = useNotifications();
  const loaded = useResource(useScopeKey('manage-tags', resourceId), (signal) => (tags ? Promise.resolve([...tags]) : currentTags(ec2, resourceId, signal)));
  const before = tags ?? loaded.data;
  // Untouched, the editor shows what loaded; the first change makes it the user's.
  const [changed, setChanged] = useState<readonly TagEditorProps.Tag[]>();
  const edited = changed ?? (before ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '', existing: true }));
  const problems = tagProblems(edited);
  return (
    <ActionModal
      header={S.manageTags.header(resourceId)}
      confirmLabel={S.actions.saveChanges}
      confirmDisabled={before === undefined || problems.length > 0}
      errorHeader={S.tags.error}
      size="large"
      onDismiss={onDismiss}
      onConfirm={async () => {
        if (!before) return;
        await saveTags(ec2, resourceId, before, edited);
        notify({ type: 'success', content: S.manageTags.saved(resourceId) });
        onDismiss();
        onSaved();
      }}
    >
      <Box color="text-body-secondary">{S.manageTags.description}</Box>
      {loaded.error && <ErrorAlert error={loaded.error} header={S.manageTags.loadError} onRetry={loaded.reload} />}
      {!before && !loaded.error && <StatusIndicator type="loading">{S.manageTags.loading}</StatusIndicator>}
      {before && <TagEditor tags={edited} onChange={({ detail }) => setChanged(detail.tags)} />}
      {problems.length > 0 && (
        <Alert type="warning" header={S.manageTags.fixFirst}>
          <ul data-testid="tag-problems">
            {problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </Alert>
      )}
    </ActionModal>
  );
}
