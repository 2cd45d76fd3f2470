import type { SecurityGroupRule } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { navigate } from '../../router/navigate';
import { EmptyState } from '../../shared/empty-state';
import { portRangeText, protocolLabel, ruleTypeOf } from '../../shared/rule-types';
import { nameTag } from '../../shared/tags';
import { S } from '../../strings';
import { rulePeer } from './sg-row';

/** A security group's inbound or outbound rules tab, with its Edit button. */
export function SgRulesTable({ groupId, rules, egress }: { groupId: string; rules: readonly SecurityGroupRule[]; egress: boolean }): ReactNode {
  const mine = rules.filter((r) => r.IsEgress === egress);
  const edit = egress ? S.rules.editOutbound : S.rules.editInbound;
  return (
    <Table<SecurityGroupRule>
      variant="embedded"
      items={mine}
      trackBy={(r) => r.SecurityGroupRuleId ?? ''}
      header={
        <Header variant="h2" counter={`(${mine.length})`} actions={<Button onClick={() => navigate(`/security-groups/${groupId}/${egress ? 'edit-outbound-rules' : 'edit-inbound-rules'}`)}>{edit}</Button>}>
          {egress ? S.rules.outbound : S.rules.inbound}
        </Header>
      }
      empty={<EmptyState title={S.rules.none} />}
      columnDefinitions={[
        { id: 'name', header: S.rules.name, cell: (r) => nameTag(r.Tags) || '-' },
        { id: 'id', header: S.rules.ruleId, cell: (r) => r.SecurityGroupRuleId, isRowHeader: true },
        { id: 'version', header: S.rules.ipVersion, cell: (r) => (r.CidrIpv4 ? 'IPv4' : r.CidrIpv6 ? 'IPv6' : '-') },
        { id: 'type', header: S.rules.type, cell: (r) => ruleTypeOf(r.IpProtocol, r.FromPort, r.ToPort).label },
        { id: 'protocol', header: S.rules.protocol, cell: (r) => protocolLabel(r.IpProtocol) },
        { id: 'ports', header: S.rules.portRange, cell: (r) => portRangeText(r.IpProtocol, r.FromPort, r.ToPort) },
        { id: 'peer', header: egress ? S.rules.destination : S.rules.source, cell: rulePeer },
        { id: 'description', header: S.rules.description, cell: (r) => r.Description || '-' },
      ]}
    />
  );
}
