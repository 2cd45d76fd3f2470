import { DeleteEgressOnlyInternetGatewayCommand } from '@aws-sdk/client-ec2';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { EigwRow } from './eigw-row';

export const EIGW_ACTIONS: readonly RowAction<EigwRow>[] = [deleteAction(S.egressOnly, (ec2, r) => ec2.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: r.id })))];
