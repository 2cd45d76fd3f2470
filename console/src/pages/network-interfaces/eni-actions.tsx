import { DeleteNetworkInterfaceCommand } from '@aws-sdk/client-ec2';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { EniRow } from './eni-row';

export const ENI_ACTIONS: readonly RowAction<EniRow>[] = [
  deleteAction(S.networkInterfaces, (ec2, r) => ec2.send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: r.id })), (r) => (r.instanceId ? S.networkInterfaces.inUse : undefined)),
];
