import type { IpPermission, SecurityGroupRule } from '@aws-sdk/client-ec2';
import { AuthorizeSecurityGroupEgressCommand, AuthorizeSecurityGroupIngressCommand, RevokeSecurityGroupEgressCommand, RevokeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Input from '@cloudscape-design/components/input';
import type { ReactNode } from 'react';
import { describeSecurityGroupRules } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { useScopeKey, useSession } from '../../session/session-context';
import { EditPage } from '../../shared/edit-page';
import type { RuleDraft } from '../../shared/rule-editor';
import { RuleEditor } from '../../shared/rule-editor';
import { draftPorts, ruleDraftType, sgProtocol, typeByLabel } from '../../shared/rule-types';
import { useEdits } from '../../shared/use-edits';
import { isIpv4Cidr, isIpv6Cidr } from '../../shared/validation';
import { S } from '../../strings';
import { rulePeer } from './sg-row';

interface Draft extends RuleDraft {
  /** The rule this row started as; none for an added row. */
  readonly ruleId?: string;
  readonly peer: string;
  readonly description: string;
}

let counter = 0;

function draftOf(r: SecurityGroupRule): Draft {
  return { key: r.SecurityGroupRuleId ?? '', ruleId: r.SecurityGroupRuleId, ...ruleDraftType(r.IpProtocol, r.FromPort, r.ToPort), peer: rulePeer(r), description: r.Description ?? '' };
}

function permissionOf(d: Draft): IpPermission {
  const ports = draftPorts(d.type, d.ports);
  const peer = d.peer.trim();
  const Description = d.description.trim() || undefined;
  return {
    IpProtocol: sgProtocol(d.type.protocol),
    ...(ports ? { FromPort: ports[0], ToPort: ports[1] } : d.type.protocol === '1' ? { FromPort: -1, ToPort: -1 } : {}),
    ...(peer.startsWith('sg-') ? { UserIdGroupPairs: [{ GroupId: peer, Description }] } : peer.includes(':') ? { Ipv6Ranges: [{ CidrIpv6: peer, Description }] } : { IpRanges: [{ CidrIp: peer, Description }] }),
  };
}

const same = (a: Draft, b: Draft): boolean => a.type.label === b.type.label && a.ports === b.ports && a.peer.trim() === b.peer && a.description.trim() === b.description;

/** Edit inbound (or outbound) rules: removed and changed rules are revoked by id, then the new ones authorized. */
export function EditSgRulesPage({ id, egress }: { id: string; egress: boolean }): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('edit-sg-rules', id, String(egress)), async (signal) => (await describeSecurityGroupRules(ec2, id, signal)).filter((r) => r.IsEgress === egress));
  const [drafts, setDrafts] = useEdits(resource.data, (rules) => rules.map(draftOf));
  const rows = drafts ?? [];
  const update = (i: number, change: Partial<Draft>): void => setDrafts(rows.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const errorsOf = (d: Draft): { ports?: string; peer?: string } => {
    const peer = d.peer.trim();
    return {
      ports: d.type.custom && !draftPorts(d.type, d.ports) ? S.rules.portError : undefined,
      peer: isIpv4Cidr(peer) || isIpv6Cidr(peer) || /^sg-[0-9a-f]+$/.test(peer) ? undefined : S.rules.sourceError,
    };
  };
  const invalid = rows.some((d) => Object.values(errorsOf(d)).some((e) => e !== undefined));
  const direction = egress ? S.rules.editOutbound : S.rules.editInbound;

  const save = async (): Promise<void> => {
    const before = new Map((resource.data ?? []).map((r) => [r.SecurityGroupRuleId ?? '', draftOf(r)]));
    const kept = new Map(rows.filter((d) => d.ruleId).map((d) => [d.ruleId ?? '', d]));
    const revoke = [...before.entries()].filter(([ruleId, was]) => { const now = kept.get(ruleId); return !now || !same(now, was); }).map(([ruleId]) => ruleId);
    const authorize = rows.filter((d) => !d.ruleId || revoke.includes(d.ruleId)).map(permissionOf);
    if (revoke.length > 0) {
      const input = { GroupId: id, SecurityGroupRuleIds: revoke };
      if (egress) await ec2.send(new RevokeSecurityGroupEgressCommand(input));
      else await ec2.send(new RevokeSecurityGroupIngressCommand(input));
    }
    if (authorize.length > 0) {
      const input = { GroupId: id, IpPermissions: authorize };
      if (egress) await ec2.send(new AuthorizeSecurityGroupEgressCommand(input));
      else await ec2.send(new AuthorizeSecurityGroupIngressCommand(input));
    }
  };

  return (
    <EditPage
      title={S.securityGroups.editTitle(direction, id)}
      description={S.securityGroups.editDescription}
      backHref={`/security-groups/${id}`}
      resource={resource}
      loadError={S.securityGroups.loadError}
      saveError={S.rules.error}
      saved={S.rules.saved(id)}
      invalid={invalid}
      save={save}
    >
      {(submitted) => (
        <RuleEditor<Draft>
          egress={egress}
          drafts={drafts}
          onChange={setDrafts}
          widths={[2, 3, 1, 2, 3, 3]}
          onAdd={() => setDrafts([...rows, { key: `new:${++counter}`, type: typeByLabel('Custom TCP'), ports: '', peer: '', description: '' }])}
          first={{ label: S.rules.ruleId, control: (d) => <Box padding={{ top: 'xxs' }}>{d.ruleId ?? '-'}</Box> }}
          portsError={(d) => (submitted ? errorsOf(d).ports : undefined)}
          rest={[
            {
              label: egress ? S.rules.destination : S.rules.source,
              control: (d, i) => <Input value={d.peer} placeholder="0.0.0.0/0" onChange={({ detail }) => update(i, { peer: detail.value })} />,
              errorText: (d) => (submitted ? errorsOf(d).peer : undefined),
            },
            { label: `${S.rules.description} - ${S.common.optional}`, control: (d, i) => <Input value={d.description} onChange={({ detail }) => update(i, { description: detail.value })} /> },
          ]}
        />
      )}
    </EditPage>
  );
}
