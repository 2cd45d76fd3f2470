import type { Tag } from '@aws-sdk/client-ec2';
import { CreateTagsCommand, DeleteTagsCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { TagEditorProps } from '@cloudscape-design/components/tag-editor';
import TagEditor from '@cloudscape-design/components/tag-editor';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useSession } from '../session/session-context';
import { S } from '../strings';
import { ActionModal } from './action-modal';
import { EmptyState } from './empty-state';

function ManageTagsModal({ resourceId, tags, onDone, onDismiss }: { resourceId: string; tags: readonly Tag[]; onDone: () => void; onDismiss: () => void }): ReactNode {
  const { ec2 } = useSession();
  const [edited, setEdited] = useState<readonly TagEditorProps.Tag[]>(tags.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '', existing: true })));
  const invalid = edited.some((t) => !t.markedForRemoval && t.key.trim() === '');
  return (
    <ActionModal
      header={S.tags.manage}
      confirmLabel={S.actions.saveChanges}
      confirmDisabled={invalid}
      errorHeader={S.tags.error}
      size="large"
      onDismiss={onDismiss}
      onConfirm={async () => {
        const kept = edited.filter((t) => !t.markedForRemoval);
        const removed = tags.filter((t) => !kept.some((k) => k.key === t.Key));
        const changed = kept.filter((k) => !tags.some((t) => t.Key === k.key && (t.Value ?? '') === k.value));
        // Removals first: a renamed key must not be deleted after it was written.
        if (removed.length > 0) await ec2.send(new DeleteTagsCommand({ Resources: [resourceId], Tags: removed.map((t) => ({ Key: t.Key })) }));
        if (changed.length > 0) await ec2.send(new CreateTagsCommand({ Resources: [resourceId], Tags: changed.map((t) => ({ Key: t.key.trim(), Value: t.value })) }));
        onDone();
      }}
    >
      <TagEditor tags={edited} onChange={({ detail }) => setEdited(detail.tags)} />
    </ActionModal>
  );
}

/** A resource's tags as this account sees them here, with a Manage tags dialog. */
export function TagsPanel({ resourceId, tags, description, onChanged }: { resourceId: string; tags: readonly Tag[]; description?: string; onChanged: () => void }): ReactNode {
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Table
        variant="embedded"
        items={[...tags]}
        columnDefinitions={[
          { id: 'key', header: S.tags.key, cell: (t) => t.Key },
          { id: 'value', header: S.tags.value, cell: (t) => t.Value || <Box color="text-status-inactive">-</Box> },
        ]}
        header={
          <Header
            variant="h2"
            counter={`(${tags.length})`}
            description={description}
            actions={<Button onClick={() => setEditing(true)}>{S.tags.manage}</Button>}
          >
            {S.tags.title}
          </Header>
        }
        empty={<EmptyState title={S.tags.empty} />}
      />
      {editing && (
        <ManageTagsModal
          resourceId={resourceId}
          tags={tags}
          onDismiss={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </>
  );
}
