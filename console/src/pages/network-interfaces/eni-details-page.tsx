import type { ReactNode } from 'react';
import { describeNetworkInterfaces, only } from '../../api/describe';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { resourceLink } from '../../shared/resource-link';
import { StateIndicator } from '../../shared/state-indicator';
import { S } from '../../strings';
import { ENI_ACTIONS } from './eni-actions';
import { toEniRow } from './eni-row';
import { SecurityGroupLinks } from './security-group-links';

export function EniDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="network-interface"
      load={async (ec2, signal) => toEniRow(await only(describeNetworkInterfaces(ec2, signal, [id]), id))}
      row={(r) => r}
      text={S.networkInterfaces}
      actions={ENI_ACTIONS}
      afterAction="/network-interfaces"
      fields={(r) => [
        { label: S.networkInterfaces.id, value: id },
        { label: S.networkInterfaces.interfaceDescription, value: r.description || '-' },
        { label: S.networkInterfaces.status, value: <StateIndicator state={r.status} /> },
        { label: S.fields.vpcId, value: resourceLink('/vpcs', r.vpcId) },
        { label: S.fields.subnetId, value: resourceLink('/subnets', r.subnetId) },
        { label: S.networkInterfaces.zone, value: r.zone },
        { label: S.networkInterfaces.primaryPrivateIp, value: r.privateIp || '-' },
        { label: S.networkInterfaces.privateIps, value: r.privateIps.join(', ') || '-' },
        { label: S.networkInterfaces.ipv6, value: r.ipv6.join(', ') || '-' },
        { label: S.networkInterfaces.securityGroups, value: <SecurityGroupLinks groups={r.eni.Groups} /> },
        { label: S.networkInterfaces.instanceId, value: resourceLink('/instances', r.instanceId) },
        { label: S.networkInterfaces.interfaceType, value: r.interfaceType },
        { label: S.networkInterfaces.sourceDestCheck, value: r.eni.SourceDestCheck === false ? S.common.disabled : S.common.enabled },
        { label: S.networkInterfaces.mac, value: r.eni.MacAddress || '-' },
        { label: S.fields.owner, value: r.eni.OwnerId ?? '-' },
      ]}
      tags={(r) => r.eni.TagSet}
    />
  );
}
