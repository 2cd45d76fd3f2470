import type { NetworkAclEntry, ReplaceNetworkAclEntryCommandInput } from '@aws-sdk/client-ec2';
import { CreateNetworkAclEntryCommand, DeleteNetworkAclEntryCommand, ReplaceNetworkAclEntryCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import type { ReactNode } from 'react';
import { describeNetworkAcls, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { useScopeKey, useSession } from '../../session/session-context';
import { EditPage } from '../../shared/edit-page';
import type { RuleDraft } from '../../shared/rule-editor';
import { RuleEditor } from '../../shared/rule-editor';
import { draftPorts, protocolNumber, ruleDraftType, typeByLabel } from '../../shared/rule-types';
import { useEdits } from '../../shared/use-edits';
import { isIpv4Cidr, isIpv6Cidr } from '../../shared/validation';
import { S } from '../../strings';
import { entriesOf, isCatchAll } from './acl-row';

interface Draft extends RuleDraft {
  /** The rule number this row had when loaded; none for an added row. */
  readonly was?: number;
  readonly number: string;
  readonly cidr: string;
  readonly action: 'allow' | 'deny';
  /** The `*` rules: shown, never edited. */
  readonly locked: boolean;
}

let counter = 0;

function draftOf(e: NetworkAclEntry): Draft {
  return {
    key: `rule:${e.RuleNumber ?? ''}`,
    was: e.RuleNumber,
    number: isCatchAll(e) ? '*' : String(e.RuleNumber ?? ''),
    ...ruleDraftType(e.Protocol, e.PortRange?.From, e.PortRange?.To),
    cidr: e.CidrBlock ?? e.Ipv6CidrBlock ?? '',
    action: e.RuleAction === 'deny' ? 'deny' : 'allow',
    locked: isCatchAll(e),
  };
}

const same = (a: Draft, b: Draft): boolean => a.type.label === b.type.label && a.ports === b.ports && a.cidr.trim() === b.cidr && a.action === b.action;

/**
 * Edit inbound (or outbound) rules of a network ACL: rules are keyed by number, so a removed
 * number is deleted, a changed one replaced, a new one created (removals first, so a number can
 * move to another row).
 */
export function EditAclRulesPage({ id, egress }: { id: string; egress: boolean }): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('edit-acl-rules', id, String(egress)), async (signal) => entriesOf(await only(describeNetworkAcls(ec2, signal, [id]), id), egress));
  const [drafts, setDrafts] = useEdits(resource.data, (entries) => entries.map(draftOf));
  const rows = drafts ?? [];
  const update = (i: number, change: Partial<Draft>): void => setDrafts(rows.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const errorsOf = (d: Draft, i: number): { number?: string; ports?: string; cidr?: string } => {
    if (d.locked) return {};
    const n = Number(d.number);
    const dup = rows.findIndex((o) => o.number.trim() === d.number.trim()) !== i;
    return {
      number: /^\d+$/.test(d.number.trim()) && n >= 1 && n <= 32766 && !dup ? undefined : S.rules.ruleNumberError,
      ports: d.type.custom && !draftPorts(d.type, d.ports) ? S.rules.portError : undefined,
      cidr: isIpv4Cidr(d.cidr.trim()) || isIpv6Cidr(d.cidr.trim()) ? undefined : S.rules.cidrError,
    };
  };
  const invalid = rows.some((d, i) => Object.values(errorsOf(d, i)).some((e) => e !== undefined));

  const save = async (): Promise<void> => {
    const before = new Map((resource.data ?? []).filter((e) => !isCatchAll(e)).map((e) => [e.RuleNumber ?? 0, draftOf(e)]));
    const wanted = rows.filter((d) => !d.locked);
    const byNumber = new Map(wanted.map((d) => [Number(d.number), d]));
    const input = (d: Draft): ReplaceNetworkAclEntryCommandInput => {
      const ports = draftPorts(d.type, d.ports);
      const cidr = d.cidr.trim();
      return {
        NetworkAclId: id,
        RuleNumber: Number(d.number),
        Egress: egress,
        Protocol: protocolNumber(d.type.protocol),
        RuleAction: d.action,
        ...(cidr.includes(':') ? { Ipv6CidrBlock: cidr } : { CidrBlock: cidr }),
        ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
        ...(d.type.protocol === '1' ? { IcmpTypeCode: { Type: -1, Code: -1 } } : {}),
      };
    };
    for (const n of before.keys()) if (!byNumber.has(n)) await ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: id, RuleNumber: n, Egress: egress }));
    for (const [n, d] of byNumber) {
      const was = before.get(n);
      if (!was) await ec2.send(new CreateNetworkAclEntryCommand(input(d)));
      else if (!same(d, was)) await ec2.send(new ReplaceNetworkAclEntryCommand(input(d)));
    }
  };

  return (
    <EditPage
      title={`${egress ? S.rules.editOutbound : S.rules.editInbound}: ${id}`}
      backHref={`/network-acls/${id}`}
      resource={resource}
      loadError={S.networkAcls.loadError}
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
          isItemRemovable={(d) => !d.locked}
          locked={(d) => d.locked}
          widths={[2, 3, 1, 2, 2, 2]}
          onAdd={() => {
            // AWS suggests the next hundred after the highest numbered rule.
            const top = Math.max(0, ...rows.filter((d) => !d.locked).map((d) => Number(d.number) || 0));
            setDrafts([...rows.filter((d) => !d.locked), { key: `new:${++counter}`, number: String(Math.min(32766, Math.floor(top / 100) * 100 + 100)), type: typeByLabel('All traffic'), ports: '', cidr: '0.0.0.0/0', action: 'allow', locked: false }, ...rows.filter((d) => d.locked)]);
          }}
          first={{
            label: S.rules.ruleNumber,
            control: (d, i) => (d.locked ? <Box padding={{ top: 'xxs' }}>*</Box> : <Input value={d.number} inputMode="numeric" onChange={({ detail }) => update(i, { number: detail.value })} />),
            errorText: (d, i) => (submitted ? errorsOf(d, i).number : undefined),
          }}
          portsError={(d, i) => (submitted ? errorsOf(d, i).ports : undefined)}
          rest={[
            {
              label: egress ? S.rules.destination : S.rules.source,
              control: (d, i) => (d.locked ? <Box padding={{ top: 'xxs' }}>{d.cidr}</Box> : <Input value={d.cidr} onChange={({ detail }) => update(i, { cidr: detail.value })} />),
              errorText: (d, i) => (submitted ? errorsOf(d, i).cidr : undefined),
            },
            {
              label: S.rules.allowDeny,
              control: (d, i) =>
                d.locked ? (
                  <Box padding={{ top: 'xxs' }}>{S.rules.deny}</Box>
                ) : (
                  <Select
                    selectedOption={{ value: d.action, label: d.action === 'allow' ? S.rules.allow : S.rules.deny }}
                    options={[{ value: 'allow', label: S.rules.allow }, { value: 'deny', label: S.rules.deny }]}
                    expandToViewport
                    onChange={({ detail }) => update(i, { action: detail.selectedOption.value === 'deny' ? 'deny' : 'allow' })}
                  />
                ),
            },
          ]}
        />
      )}
    </EditPage>
  );
}
