import type { ReactNode } from 'react';
import { describeAddresses, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { useRowActions } from '../../shared/row-actions';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { EIP_ACTIONS } from './eip-actions';
import { toEipRow } from './eip-row';

/** An Elastic IP's summary as AWS shows it, titled by its address. */
export function EipDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('elastic-ip', id), async (signal) => toEipRow(await only(describeAddresses(ec2, signal, [id]), id)));
  const { menu, dialog } = useRowActions(EIP_ACTIONS, () => navigate('/elastic-ips'));
  const r = resource.data;
  return (
    <DetailsLayout
      id={id}
      name={r ? r.name || r.publicIp : ''}
      resource={resource}
      loadError={S.elasticIps.loadError}
      actions={menu(r, S.elasticIps.selectFirst)}
      dialogs={dialog}
      details={r && {
        header: S.fields.details,
        items: [
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
        ],
      }}
      tabs={r && [{ id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.address.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> }]}
    />
  );
}
