import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { S } from '../../strings';

/** The guide's second dialog after accepting: straight to the route tables, or later. */
export function EstablishedDialog({ id, onModifyRoutes, onClose }: { id: string; onModifyRoutes: () => void; onClose: () => void }): ReactNode {
  return (
    <Modal
      visible
      header={S.establishedDialog.header}
      onDismiss={onClose}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onClose}>{S.establishedDialog.close}</Button>
            <Button variant="primary" onClick={onModifyRoutes}>{S.establishedDialog.modifyRoutes}</Button>
          </SpaceBetween>
        </Box>
      }
    >
      {S.establishedDialog.body(id)}
    </Modal>
  );
}
