import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { describeNatGateways, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { formatDate } from '../../shared/format-date';
import { useRowActions } from '../../shared/row-actions';
import { StateIndicator, stateLabel } from '../../shared/state-indicator';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { NAT_ACTIONS } from './nat-actions';
import { toNatRow } from './nat-row';

export function NatDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('nat-gateway', id), async (signal) => toNatRow(await only(describeNatGateways(ec2, signal, [id]), id)));
  // A deleted NAT gateway stays visible for a while (as in AWS): stay and show it deleting.
  const { menu, dialog } = useRowActions(NAT_ACTIONS, resource.reload);
  const r = resource.data;
  const link = (href: string, text: string): ReactNode => (text ? <Link href={href} onFollow={followLink}>{text}</Link> : '-');
  return (
    <DetailsLayout
      id={id}
      name={r?.name ?? ''}
      resource={resource}
      loadError={S.natGateways.loadError}
      actions={menu(r, S.natGateways.selectFirst)}
      dialogs={dialog}
      details={r && {
        header: S.fields.details,
        items: [
          { label: S.natGateways.id, value: id },
          { label: S.natGateways.connectivity, value: stateLabel(r.connectivity) },
          { label: S.fields.state, value: <StateIndicator state={r.state} /> },
          { label: S.natGateways.stateMessage, value: r.stateMessage || '-' },
          { label: S.natGateways.publicIp, value: r.publicIp || '-' },
          { label: S.natGateways.privateIp, value: r.privateIp || '-' },
          { label: S.natGateways.networkInterface, value: r.networkInterfaceId || '-' },
          { label: S.common.vpc, value: link(`/vpcs/${r.vpcId}`, r.vpcId) },
          { label: S.fields.subnetId, value: link(`/subnets/${r.subnetId}`, r.subnetId) },
          { label: S.natGateways.created, value: r.created },
          { label: S.natGateways.deletedAt, value: r.gateway.DeleteTime ? formatDate(r.gateway.DeleteTime) : '-' },
        ],
      }}
      tabs={r && [{ id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.gateway.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> }]}
    />
  );
}
