import { DeleteNetworkAclCommand } from '@aws-sdk/client-ec2';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { AclRow } from './acl-row';

export const ACL_ACTIONS: readonly RowAction<AclRow>[] = [
  { id: 'inbound', text: S.rules.editInbound, href: (r) => `/network-acls/${r.id}/edit-inbound-rules` },
  { id: 'outbound', text: S.rules.editOutbound, href: (r) => `/network-acls/${r.id}/edit-outbound-rules` },
  { id: 'subnets', text: S.networkAcls.editSubnets, href: (r) => `/network-acls/${r.id}/edit-subnet-associations` },
  deleteAction(
    S.networkAcls,
    (ec2, r) => ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: r.id })),
    (r) => (r.isDefault ? S.networkAcls.defaultAcl : r.subnets.length > 0 ? S.networkAcls.hasSubnets : undefined),
  ),
];
