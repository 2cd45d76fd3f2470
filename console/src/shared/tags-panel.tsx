import type { Tag } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useContext, useState } from 'react';
import { S } from '../strings';
import { EmbeddedDetails } from './embedded-details';
import { EmptyState } from './empty-state';
import { ManageTagsModal } from './manage-tags-modal';

/** A resource's tags as this account sees them here, with a Manage tags dialog. */
export function TagsPanel({ resourceId, tags, description, onChanged }: { resourceId: string; tags: readonly Tag[]; description?: string; onChanged: () => void }): ReactNode {
  const [editing, setEditing] = useState(false);
  // In a list's split panel the list shows the Name tag too: the list reads again, and its new
  // load makes the details read again (DetailsLayout), so they are not read twice.
  const embedded = useContext(EmbeddedDetails);
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
        <ManageTagsModal resourceId={resourceId} tags={tags} onDismiss={() => setEditing(false)} onSaved={embedded?.onChanged ?? onChanged} />
      )}
    </>
  );
}
