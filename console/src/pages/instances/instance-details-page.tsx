import type { ReactNode } from 'react';
import { describeInstances, only } from '../../api/describe';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { resourceLink } from '../../shared/resource-link';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { SecurityGroupLinks } from '../network-interfaces/security-group-links';
import { INSTANCE_ACTIONS } from './instance-actions';
import { toInstanceRow } from './instance-row';

export function InstanceDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="instance"
      load={async (ec2, signal) => toInstanceRow(await only(describeInstances(ec2, signal, [id]), id))}
      row={(r) => r}
      text={S.instances}
      actions={INSTANCE_ACTIONS}
      // A stopped or terminated instance stays listed (as in AWS): stay and show its new state.
      afterAction={(resource) => resource.reload()}
      fields={(r) => [
        { label: S.instances.id, value: id },
        { label: S.instances.state, value: <StateIndicator state={r.state} /> },
        { label: S.instances.instanceType, value: r.instanceType || '-' },
        { label: S.instances.ami, value: r.imageId || '-' },
        { label: S.instances.privateIp, value: r.privateIp || '-' },
        { label: S.fields.vpcId, value: resourceLink('/vpcs', r.vpcId) },
        { label: S.fields.subnetId, value: resourceLink('/subnets', r.subnetId) },
        { label: S.instances.zone, value: r.zone || '-' },
        { label: S.instances.primaryEni, value: resourceLink('/network-interfaces', r.primaryEni) },
        { label: S.instances.securityGroups, value: <SecurityGroupLinks groups={r.instance.SecurityGroups} /> },
        { label: S.instances.launchTime, value: r.launched },
        { label: S.instances.stateReason, value: r.instance.StateTransitionReason || '-' },
      ]}
      tags={(r) => r.instance.Tags}
    />
  );
}
