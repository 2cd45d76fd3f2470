import { DeleteSecurityGroupCommand } from '@aws-sdk/client-ec2';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { SgRow } from './sg-row';

export const SG_ACTIONS: readonly RowAction<SgRow>[] = [
  { id: 'inbound', text: S.rules.editInbound, href: (r) => `/security-groups/${r.id}/edit-inbound-rules` },
  { id: 'outbound', text: S.rules.editOutbound, href: (r) => `/security-groups/${r.id}/edit-outbound-rules` },
  deleteAction(S.securityGroups, (ec2, r) => ec2.send(new DeleteSecurityGroupCommand({ GroupId: r.id })), (r) => (r.isDefault ? S.securityGroups.defaultGroup : undefined)),
];
