import { DeleteDhcpOptionsCommand } from '@aws-sdk/client-ec2';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { DhcpRow } from './dhcp-row';

export const DHCP_ACTIONS: readonly RowAction<DhcpRow>[] = [deleteAction(S.dhcp, (ec2, r) => ec2.send(new DeleteDhcpOptionsCommand({ DhcpOptionsId: r.id })))];
