import Link from '@cloudscape-design/components/link';
import type { ReactNode } from 'react';
import { describeSecurityGroupRules, describeSecurityGroups, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { DetailsLayout } from '../../shared/details-layout';
import { useRowActions } from '../../shared/row-actions';
import { TagsPanel } from '../../shared/tags-panel';
import { S } from '../../strings';
import { SG_ACTIONS } from './sg-actions';
import { toSgRow } from './sg-row';
import { SgRulesTable } from './sg-rules-table';

export function SgDetailsPage({ id }: { id: string }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('security-group', id), async (signal) => {
    const [group, rules] = await Promise.all([only(describeSecurityGroups(ec2, signal, [id]), id), describeSecurityGroupRules(ec2, id, signal)]);
    return { row: toSgRow(group), rules };
  });
  const { menu, dialog } = useRowActions(SG_ACTIONS, () => navigate('/security-groups'));
  const r = resource.data?.row;
  const rules = resource.data?.rules ?? [];
  return (
    <DetailsLayout
      id={id}
      name={r ? r.name || r.groupName : ''}
      resource={resource}
      loadError={S.securityGroups.loadError}
      actions={menu(r, S.securityGroups.selectFirst)}
      dialogs={dialog}
      details={r && {
        header: S.fields.details,
        items: [
          { label: S.securityGroups.groupName, value: r.groupName },
          { label: S.securityGroups.id, value: id },
          { label: S.securityGroups.groupDescription, value: r.description },
          { label: S.fields.vpcId, value: <Link href={`/vpcs/${r.vpcId}`} onFollow={followLink}>{r.vpcId}</Link> },
          { label: S.fields.owner, value: r.ownerId },
          { label: S.securityGroups.inboundCount, value: S.securityGroups.entries(r.inbound) },
          { label: S.securityGroups.outboundCount, value: S.securityGroups.entries(r.outbound) },
        ],
      }}
      tabs={r && [
        { id: 'inbound', label: S.rules.inbound, content: <SgRulesTable groupId={id} rules={rules} egress={false} /> },
        { id: 'outbound', label: S.rules.outbound, content: <SgRulesTable groupId={id} rules={rules} egress /> },
        { id: 'tags', label: S.fields.tagsTab, content: <TagsPanel resourceId={id} tags={r.group.Tags ?? []} description={S.tags.scope(session.accountId, session.region)} onChanged={resource.reload} /> },
      ]}
    />
  );
}
