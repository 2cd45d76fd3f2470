import type { ReactNode } from 'react';
import { describeInternetGateways, only } from '../../api/describe';
import { navigate } from '../../router/navigate';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { StateIndicator } from '../../shared/state-indicator';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { IGW_ACTIONS } from './igw-actions';
import { toIgwRow } from './igw-row';

export function InternetGatewayDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="internet-gateway"
      load={async (ec2, signal) => toIgwRow(await only(describeInternetGateways(ec2, signal, [id]), id))}
      row={(r) => r}
      text={S.internetGateways}
      actions={IGW_ACTIONS}
      // After a delete the gateway is gone: back to the list; otherwise show its new state.
      afterAction={(resource) => (resource.data && !resource.data.vpcId ? navigate('/internet-gateways') : resource.reload())}
      fields={(r) => [
        { label: S.internetGateways.id, value: id },
        { label: S.fields.state, value: <StateIndicator state={r.state} /> },
        { label: S.fields.vpcId, value: resourceLink('/vpcs', r.vpcId) },
        { label: S.fields.owner, value: r.ownerId },
      ]}
      tags={(r) => r.gateway.Tags}
    />
  );
}
