import type { ReactNode } from 'react';
import { describeEgressOnlyGateways, only } from '../../api/describe';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { StateIndicator } from '../../shared/state-indicator';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { EIGW_ACTIONS } from './eigw-actions';
import { toEigwRow } from './eigw-row';

export function EgressOnlyDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="egress-only-gateway"
      load={async (ec2, signal) => toEigwRow(await only(describeEgressOnlyGateways(ec2, signal, [id]), id))}
      row={(r) => r}
      text={S.egressOnly}
      actions={EIGW_ACTIONS}
      afterAction="/egress-only-internet-gateways"
      fields={(r) => [
        { label: S.egressOnly.id, value: id },
        { label: S.fields.state, value: <StateIndicator state={r.state} /> },
        { label: S.fields.vpcId, value: resourceLink('/vpcs', r.vpcId) },
      ]}
      tags={(r) => r.gateway.Tags}
    />
  );
}
