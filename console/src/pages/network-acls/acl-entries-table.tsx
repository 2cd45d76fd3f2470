import type { NetworkAcl, NetworkAclEntry } from '@aws-sdk/client-ec2';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { navigate } from '../../router/navigate';
import { EmptyState } from '../../shared/empty-state';
import { portRangeText, protocolLabel, ruleTypeOf } from '../../shared/rule-types';
import { S } from '../../strings';
import { entriesOf, isCatchAll } from './acl-row';

/** A network ACL's inbound or outbound rules, in evaluation order, `*` last. */
export function AclEntriesTable({ acl, egress }: { acl: NetworkAcl; egress: boolean }): ReactNode {
  const entries = entriesOf(acl, egress);
  const id = acl.NetworkAclId ?? '';
  return (
    <Table<NetworkAclEntry>
      variant="embedded"
      items={entries}
      trackBy={(e) => `${e.RuleNumber ?? ''}`}
      header={
        <Header variant="h2" counter={`(${entries.length})`} actions={<Button onClick={() => navigate(`/network-acls/${id}/${egress ? 'edit-outbound-rules' : 'edit-inbound-rules'}`)}>{egress ? S.rules.editOutbound : S.rules.editInbound}</Button>}>
          {egress ? S.rules.outbound : S.rules.inbound}
        </Header>
      }
      empty={<EmptyState title={S.rules.none} />}
      columnDefinitions={[
        { id: 'number', header: S.rules.ruleNumber, cell: (e) => (isCatchAll(e) ? '*' : String(e.RuleNumber)), isRowHeader: true },
        { id: 'type', header: S.rules.type, cell: (e) => ruleTypeOf(e.Protocol, e.PortRange?.From, e.PortRange?.To).label },
        { id: 'protocol', header: S.rules.protocol, cell: (e) => protocolLabel(e.Protocol) },
        { id: 'ports', header: S.rules.portRange, cell: (e) => portRangeText(e.Protocol, e.PortRange?.From, e.PortRange?.To) },
        { id: 'peer', header: egress ? S.rules.destination : S.rules.source, cell: (e) => e.CidrBlock ?? e.Ipv6CidrBlock ?? '-' },
        { id: 'action', header: S.rules.allowDeny, cell: (e) => (e.RuleAction === 'allow' ? <StatusIndicator type="success">{S.rules.allow}</StatusIndicator> : <StatusIndicator type="error">{S.rules.deny}</StatusIndicator>) },
      ]}
    />
  );
}
