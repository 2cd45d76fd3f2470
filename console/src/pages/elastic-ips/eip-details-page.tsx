import type { ReactNode } from 'react';
import { describeAddresses, only } from '../../api/describe';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { S } from '../../strings';
import { EIP_ACTIONS } from './eip-actions';
import { toEipRow } from './eip-row';

/** An Elastic IP's summary as AWS shows it, titled by its address. */
export function EipDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="elastic-ip"
      load={async (ec2, signal) => toEipRow(await only(describeAddresses(ec2, signal, [id]), id))}
      row={(r) => r}
      title={(r) => r.name || r.publicIp}
      text={S.elasticIps}
      actions={EIP_ACTIONS}
      afterAction="/elastic-ips"
      fields={(r) => [
        { label: S.elasticIps.address, value: r.publicIp },
        { label: S.elasticIps.type, value: S.elasticIps.publicIp },
        { label: S.elasticIps.allocationId, value: id },
        { label: S.elasticIps.associationId, value: r.associationId || '-' },
        { label: S.elasticIps.scope, value: r.address.Domain ?? 'vpc' },
        { label: S.elasticIps.instanceId, value: r.instanceId || '-' },
        { label: S.elasticIps.privateIp, value: r.privateIp || '-' },
        { label: S.elasticIps.networkInterface, value: r.networkInterfaceId || '-' },
        { label: S.elasticIps.interfaceOwner, value: r.interfaceOwner || '-' },
        { label: S.elasticIps.addressPool, value: r.address.PublicIpv4Pool ?? 'amazon' },
        { label: S.elasticIps.borderGroup, value: r.borderGroup },
      ]}
      tags={(r) => r.address.Tags}
    />
  );
}
