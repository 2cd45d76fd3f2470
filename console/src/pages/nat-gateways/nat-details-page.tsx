import type { ReactNode } from 'react';
import { describeNatGateways, only } from '../../api/describe';
import { formatDate } from '../../shared/format-date';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { StateIndicator, stateLabel } from '../../shared/state-indicator';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { NAT_ACTIONS } from './nat-actions';
import { toNatRow } from './nat-row';

export function NatDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="nat-gateway"
      load={async (ec2, signal) => toNatRow(await only(describeNatGateways(ec2, signal, [id]), id))}
      row={(r) => r}
      text={S.natGateways}
      actions={NAT_ACTIONS}
      // A deleted NAT gateway stays visible for a while (as in AWS): stay and show it deleting.
      afterAction={(resource) => resource.reload()}
      fields={(r) => [
        { label: S.natGateways.id, value: id },
        { label: S.natGateways.connectivity, value: stateLabel(r.connectivity) },
        { label: S.fields.state, value: <StateIndicator state={r.state} /> },
        { label: S.natGateways.stateMessage, value: r.stateMessage || '-' },
        { label: S.natGateways.publicIp, value: r.publicIp || '-' },
        { label: S.natGateways.privateIp, value: r.privateIp || '-' },
        { label: S.natGateways.networkInterface, value: r.networkInterfaceId || '-' },
        { label: S.common.vpc, value: resourceLink('/vpcs', r.vpcId) },
        { label: S.fields.subnetId, value: resourceLink('/subnets', r.subnetId) },
        { label: S.natGateways.created, value: r.created },
        { label: S.natGateways.deletedAt, value: r.gateway.DeleteTime ? formatDate(r.gateway.DeleteTime) : '-' },
      ]}
      tags={(r) => r.gateway.Tags}
    />
  );
}
