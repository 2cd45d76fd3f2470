import { DeleteSubnetCommand } from '@aws-sdk/client-ec2';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';

/** A subnet's Actions, as on AWS's subnet page. */
export const SUBNET_ACTIONS: readonly RowAction<{ readonly id: string }>[] = [
  { id: 'settings', text: S.subnetDetails.editSettings, href: (r) => `/subnets/${r.id}/edit-settings` },
  { id: 'ipv6', text: S.subnetDetails.editIpv6, href: (r) => `/subnets/${r.id}/edit-ipv6-cidrs` },
  deleteAction(S.subnets, (ec2, r) => ec2.send(new DeleteSubnetCommand({ SubnetId: r.id }))),
];
