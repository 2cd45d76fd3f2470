import type { IpPermission, SecurityGroup, SecurityGroupRule, SecurityGroupRuleUpdate, VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { AuthorizeSecurityGroupEgressCommand, AuthorizeSecurityGroupIngressCommand, ModifySecurityGroupRulesCommand, RevokeSecurityGroupEgressCommand, RevokeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import type { AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import Input from '@cloudscape-design/components/input';
import type { ReactNode } from 'react';
import { toApiError } from '../../api/api-error';
import { describePeerings, describeSecurityGroupRules, describeSecurityGroups, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { useScopeKey, useSession } from '../../session/session-context';
import { EditPage } from '../../shared/edit-page';
import type { RuleDraft } from '../../shared/rule-editor';
import { RuleEditor } from '../../shared/rule-editor';
import { draftPorts, ruleDraftType, sgProtocol, typeByLabel } from '../../shared/rule-types';
import { useEdits } from '../../shared/use-edits';
import { isIpv4Cidr, isIpv6Cidr } from '../../shared/validation';
import { S } from '../../strings';
import { PEER_GROUP, rulePeer } from './sg-row';
import { SgPeerField } from './sg-peer-field';

interface Draft extends RuleDraft {
  /** The rule this row started as; none for an added row. */
  readonly ruleId?: string;
  readonly peer: string;
  readonly description: string;
}

interface Loaded {
  readonly group: SecurityGroup;
  readonly rules: readonly SecurityGroupRule[];
  readonly groups: readonly SecurityGroup[];
  readonly peerings: readonly VpcPeeringConnection[];
}

let counter = 0;

function draftOf(r: SecurityGroupRule): Draft {
  return { key: r.SecurityGroupRuleId ?? '', ruleId: r.SecurityGroupRuleId, ...ruleDraftType(r.IpProtocol, r.FromPort, r.ToPort), peer: rulePeer(r), description: r.Description ?? '' };
}

function ports(d: Draft): { FromPort?: number; ToPort?: number } {
  const p = draftPorts(d.type, d.ports);
  return p ? { FromPort: p[0], ToPort: p[1] } : d.type.protocol === '1' ? { FromPort: -1, ToPort: -1 } : {};
}

function permissionOf(d: Draft): IpPermission {
  const peer = d.peer.trim();
  const Description = d.description.trim() || undefined;
  const owned = PEER_GROUP.exec(peer);
  return {
    IpProtocol: sgProtocol(d.type.protocol),
    ...ports(d),
    ...(owned
      ? { UserIdGroupPairs: [{ UserId: owned[1], GroupId: owned[2], Description }] }
      : peer.startsWith('sg-')
        ? { UserIdGroupPairs: [{ GroupId: peer, Description }] }
        : peer.includes(':')
          ? { Ipv6Ranges: [{ CidrIpv6: peer, Description }] }
          : { IpRanges: [{ CidrIp: peer, Description }] }),
  };
}

/** A changed rule as ModifySecurityGroupRules takes it (a group by id alone: ReferencedGroupId). */
function updateOf(d: Draft): SecurityGroupRuleUpdate {
  const peer = d.peer.trim();
  return {
    SecurityGroupRuleId: d.ruleId,
    SecurityGroupRule: {
      IpProtocol: sgProtocol(d.type.protocol),
      ...ports(d),
      ...(peer.startsWith('sg-') ? { ReferencedGroupId: peer } : peer.includes(':') ? { CidrIpv6: peer } : { CidrIpv4: peer }),
      Description: d.description.trim() || undefined,
    },
  };
}

const same = (a: Draft, b: Draft): boolean => a.type.label === b.type.label && a.ports === b.ports && a.peer.trim() === b.peer && a.description.trim() === b.description;

/**
 * The groups a rule may name, for the Source (Destination) field: this VPC's by id, and those of
 * VPCs peered with it by an active same-region connection as `<account>/sg-…` (a reference
 * across a peering must be in the same Region: VPC peering guide, security groups).
 */
function groupOptions(d: Loaded | undefined, region: string): AutosuggestProps.OptionGroup[] {
  if (!d) return [];
  const vpcId = d.group.VpcId;
  const own = d.groups.filter((g) => g.VpcId === vpcId).map((g) => ({ value: g.GroupId ?? '', label: g.GroupId, description: g.GroupName }));
  const peerVpcs = new Map<string, string>();
  for (const c of d.peerings) {
    if (c.Status?.Code !== 'active') continue;
    const [me, other] = c.RequesterVpcInfo?.VpcId === vpcId ? [c.RequesterVpcInfo, c.AccepterVpcInfo] : c.AccepterVpcInfo?.VpcId === vpcId ? [c.AccepterVpcInfo, c.RequesterVpcInfo] : [undefined, undefined];
    if (me && other?.VpcId && other.Region === region && me.Region === region) peerVpcs.set(other.VpcId, c.VpcPeeringConnectionId ?? '');
  }
  const peers = d.groups
    .filter((g) => g.VpcId && peerVpcs.has(g.VpcId))
    .map((g) => ({ value: `${g.OwnerId ?? ''}/${g.GroupId ?? ''}`, label: `${g.OwnerId ?? ''}/${g.GroupId ?? ''}`, description: S.sgPeers.peerDescription(g.GroupName ?? '', g.VpcId ?? '', peerVpcs.get(g.VpcId ?? '') ?? '') }));
  return [
    { label: S.sgPeers.thisVpc, options: own },
    ...(peers.length > 0 ? [{ label: S.sgPeers.peerVpcs, options: peers }] : []),
  ];
}

/**
 * Edit inbound (or outbound) rules: removed rules are revoked by id, changed ones modified in
 * place (ModifySecurityGroupRules keeps their ids, as AWS's console does), new ones authorized.
 */
export function EditSgRulesPage({ id, egress }: { id: string; egress: boolean }): ReactNode {
  const { ec2, session } = useSession();
  const resource = useResource(useScopeKey('edit-sg-rules', id, String(egress)), async (signal): Promise<Loaded> => {
    const [group, rules, groups, peerings] = await Promise.all([only(describeSecurityGroups(ec2, signal, [id]), id), describeSecurityGroupRules(ec2, id, signal), describeSecurityGroups(ec2, signal), describePeerings(ec2, signal)]);
    return { group, rules: rules.filter((r) => r.IsEgress === egress), groups, peerings };
  });
  const [drafts, setDrafts] = useEdits(resource.data, (d) => d.rules.map(draftOf));
  const rows = drafts ?? [];
  const options = groupOptions(resource.data, session.region);
  const update = (i: number, change: Partial<Draft>): void => setDrafts(rows.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const errorsOf = (d: Draft): { ports?: string; peer?: string } => {
    const peer = d.peer.trim();
    return {
      ports: d.type.custom && !draftPorts(d.type, d.ports) ? S.rules.portError : undefined,
      peer: isIpv4Cidr(peer) || isIpv6Cidr(peer) || /^sg-[0-9a-f]+$/.test(peer) || PEER_GROUP.test(peer) ? undefined : S.rules.sourceError,
    };
  };
  const invalid = rows.some((d) => Object.values(errorsOf(d)).some((e) => e !== undefined));
  const direction = egress ? S.rules.editOutbound : S.rules.editInbound;

  const save = async (): Promise<void> => {
    const before = new Map((resource.data?.rules ?? []).map((r) => [r.SecurityGroupRuleId ?? '', draftOf(r)]));
    const kept = new Map(rows.filter((d) => d.ruleId).map((d) => [d.ruleId ?? '', d]));
    const revoke = [...before.keys()].filter((ruleId) => !kept.has(ruleId));
    const changed = rows.filter((d) => d.ruleId && before.has(d.ruleId) && !same(d, before.get(d.ruleId) as Draft));
    // A group named with its owner (`<account>/sg-…`) has no place in ModifySecurityGroupRules'
    // ReferencedGroupId: such a change is a revoke and a new authorize.
    const replaced = changed.filter((d) => PEER_GROUP.test(d.peer.trim()));
    const modified = changed.filter((d) => !replaced.includes(d));
    const authorize = [...rows.filter((d) => !d.ruleId), ...replaced].map(permissionOf);
    const toRevoke = [...revoke, ...replaced.map((d) => d.ruleId ?? '')];
    if (toRevoke.length > 0) {
      const input = { GroupId: id, SecurityGroupRuleIds: toRevoke };
      if (egress) await ec2.send(new RevokeSecurityGroupEgressCommand(input));
      else await ec2.send(new RevokeSecurityGroupIngressCommand(input));
    }
    if (modified.length > 0) {
      try {
        await ec2.send(new ModifySecurityGroupRulesCommand({ GroupId: id, SecurityGroupRules: modified.map(updateOf) }));
      } catch (e) {
        // A server without ModifySecurityGroupRules: the same change as a revoke and an authorize.
        if (toApiError(e).code !== 'InvalidAction') throw e;
        const input = { GroupId: id, SecurityGroupRuleIds: modified.map((d) => d.ruleId ?? '') };
        if (egress) await ec2.send(new RevokeSecurityGroupEgressCommand(input));
        else await ec2.send(new RevokeSecurityGroupIngressCommand(input));
        authorize.push(...modified.map(permissionOf));
      }
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
              control: (d, i) => <SgPeerField label={egress ? S.rules.destination : S.rules.source} value={d.peer} groups={options} onChange={(peer) => update(i, { peer })} />,
              errorText: (d) => (submitted ? errorsOf(d).peer : undefined),
            },
            { label: `${S.rules.description} - ${S.common.optional}`, control: (d, i) => <Input value={d.description} ariaLabel={S.rules.description} onChange={({ detail }) => update(i, { description: detail.value })} /> },
          ]}
        />
      )}
    </EditPage>
  );
}
