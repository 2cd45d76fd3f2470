import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { describeInternetGateways, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { useRowActions } from '../../shared/row-actions';
import { StateIndicator } from '../../shared/state-indicator';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { IGW_ACTIONS } from './igw-actions';
import { toIgwRow } from './igw-row';

export function InternetGatewayDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('internet-gateway', id), async (signal) => toIgwRow(await only(describeInternetGateways(ec2, signal, [id]), id)));
  // After a delete the gateway is gone: back to the list; otherwise show its new state.
  const { menu, dialog } = useRowActions(IGW_ACTIONS, () => (resource.data && !resource.data.vpcId ? navigate('/internet-gateways') : resource.reload()));
  const r = resource.data;
  return (
    <DetailsLayout
      id={id}
      name={r?.name ?? ''}
      resource={resource}
      loadError={S.internetGateways.loadError}
      actions={menu(r, S.internetGateways.selectFirst)}
      dialogs={dialog}
      details={r && {
        header: S.fields.details,
        items: [
          { label: S.internetGateways.id, value: id },
          { label: S.fields.state, value: <StateIndicator state={r.state} /> },
          { label: S.fields.vpcId, value: r.vpcId ? <Link href={`/vpcs/${r.vpcId}`} onFollow={followLink}>{r.vpcId}</Link> : '-' },
          { label: S.fields.owner, value: r.ownerId },
        ],
      }}
      tabs={r && [{ id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.gateway.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> }]}
    />
  );
}
