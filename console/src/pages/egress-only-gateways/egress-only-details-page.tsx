import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { describeEgressOnlyGateways, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { useRowActions } from '../../shared/row-actions';
import { StateIndicator } from '../../shared/state-indicator';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { EIGW_ACTIONS } from './eigw-actions';
import { toEigwRow } from './eigw-row';

export function EgressOnlyDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('egress-only-gateway', id), async (signal) => toEigwRow(await only(describeEgressOnlyGateways(ec2, signal, [id]), id)));
  const { menu, dialog } = useRowActions(EIGW_ACTIONS, () => navigate('/egress-only-internet-gateways'));
  const r = resource.data;
  return (
    <DetailsLayout
      id={id}
      name={r?.name ?? ''}
      resource={resource}
      loadError={S.egressOnly.loadError}
      actions={menu(r, S.egressOnly.selectFirst)}
      dialogs={dialog}
      details={r && {
        header: S.fields.details,
        items: [
          { label: S.egressOnly.id, value: id },
          { label: S.fields.state, value: <StateIndicator state={r.state} /> },
          { label: S.fields.vpcId, value: r.vpcId ? <Link href={`/vpcs/${r.vpcId}`} onFollow={followLink}>{r.vpcId}</Link> : '-' },
        ],
      }}
      tabs={r && [{ id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.gateway.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> }]}
    />
  );
}
