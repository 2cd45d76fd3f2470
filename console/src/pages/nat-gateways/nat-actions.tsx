import { DeleteNatGatewayCommand } from '@aws-sdk/client-ec2';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { NatRow } from './nat-row';

export const NAT_ACTIONS: readonly RowAction<NatRow>[] = [
  deleteAction(S.natGateways, (ec2, r) => ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: r.id })), (r) => (r.state === 'deleting' || r.state === 'deleted' ? S.natGateways.gone : undefined)),
];
