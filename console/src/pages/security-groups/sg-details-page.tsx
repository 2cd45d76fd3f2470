import type { ReactNode } from 'react';
import { describeSecurityGroupRules, describeSecurityGroups, only } from '../../api/describe';
import { ResourceDetailsPage } from '../../shared/resource-details-page';
import { resourceLink } from '../../shared/resource-link';
import { S } from '../../strings';
import { SG_ACTIONS } from './sg-actions';
import { toSgRow } from './sg-row';
import { SgRulesTable } from './sg-rules-table';

export function SgDetailsPage({ id }: { id: string }): ReactNode {
  return (
    <ResourceDetailsPage
      id={id}
      scope="security-group"
      load={async (ec2, signal) => {
        const [group, rules] = await Promise.all([only(describeSecurityGroups(ec2, signal, [id]), id), describeSecurityGroupRules(ec2, id, signal)]);
        return { row: toSgRow(group), rules };
      }}
      row={(d) => d.row}
      title={(r) => r.name || r.groupName}
      text={S.securityGroups}
      actions={SG_ACTIONS}
      afterAction="/security-groups"
      fields={(r) => [
        { label: S.securityGroups.groupName, value: r.groupName },
        { label: S.securityGroups.id, value: id },
        { label: S.securityGroups.groupDescription, value: r.description },
        { label: S.fields.vpcId, value: resourceLink('/vpcs', r.vpcId) },
        { label: S.fields.owner, value: r.ownerId },
        { label: S.securityGroups.inboundCount, value: S.securityGroups.entries(r.inbound) },
        { label: S.securityGroups.outboundCount, value: S.securityGroups.entries(r.outbound) },
      ]}
      tabs={(_, { rules }) => [
        { id: 'inbound', label: S.rules.inbound, content: <SgRulesTable groupId={id} rules={rules} egress={false} /> },
        { id: 'outbound', label: S.rules.outbound, content: <SgRulesTable groupId={id} rules={rules} egress /> },
      ]}
      tags={(r) => r.group.Tags}
    />
  );
}
