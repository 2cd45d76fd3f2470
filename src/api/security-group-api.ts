import type { Tagged } from '../core/describe-scoped.js';
import type { PermissionInput, RuleSpec } from '../core/security-groups/ip-permissions.js';
import { crossesVpc } from '../core/security-groups/rule-peering.js';
import type { SecurityGroup, SecurityGroupRule } from '../core/security-groups/security-group.js';
import { hasPorts, securityGroupArn, securityGroupRuleArn } from '../core/security-groups/security-group.js';
import type { SecurityGroupView } from '../core/security-groups/security-group-filters.js';
import type { RuleView } from '../core/security-groups/security-group-service.js';
import * as groups from '../core/security-groups/security-group-service.js';
import type { StaleSecurityGroup } from '../core/security-groups/security-group-references.js';
import { describeSecurityGroupReferences, describeStaleSecurityGroups } from '../core/security-groups/security-group-references.js';
import { modifySecurityGroupRules, updateRuleDescriptions } from '../core/security-groups/security-group-rule-edits.js';
import type { Tag } from '../core/tag.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

type Peerings = SecurityGroupView['peerings'];

function permissionsIn(list: readonly W.IpPermission[] | undefined): PermissionInput[] | undefined {
  return list?.map((p) => ({
    protocol: p.IpProtocol,
    fromPort: p.FromPort,
    toPort: p.ToPort,
    ipRanges: (p.IpRanges ?? []).map((r) => ({ cidr: r.CidrIp, description: r.Description })),
    ipv6Ranges: (p.Ipv6Ranges ?? []).map((r) => ({ cidr: r.CidrIpv6, description: r.Description })),
    groups: (p.UserIdGroupPairs ?? []).map((g) => ({
      groupId: g.GroupId,
      groupName: g.GroupName,
      userId: g.UserId,
      vpcId: g.VpcId,
      vpcPeeringConnectionId: g.VpcPeeringConnectionId,
      description: g.Description,
    })),
    prefixLists: (p.PrefixListIds ?? []).map((pl) => ({ prefixListId: pl.PrefixListId, description: pl.Description })),
  }));
}

/** The peering a reference to another VPC's group goes through, as UserIdGroupPair/ReferencedGroupInfo show it. */
function peeringFields(g: SecurityGroup, r: SecurityGroupRule, peerings: Peerings): { VpcId?: string; VpcPeeringConnectionId?: string; PeeringStatus?: string } {
  if (r.peer.kind !== 'group' || !crossesVpc(g, r)) return {};
  const p = peerings.get(r.id);
  return { VpcId: r.peer.vpcId, ...(p ? { VpcPeeringConnectionId: p.id, PeeringStatus: p.status } : {}) };
}

/** Rules of one direction grouped as IpPermissions: one per protocol and port range, in first-seen order. */
function permissionsOut(g: SecurityGroup, egress: boolean, peerings: Peerings): W.IpPermission[] {
  const byKey = new Map<string, { p: W.IpPermission; rules: SecurityGroupRule[] }>();
  for (const r of g.rules.filter((x) => x.egress === egress)) {
    const key = `${r.protocol}|${r.fromPort}|${r.toPort}`;
    const slot = byKey.get(key) ?? { p: { IpProtocol: r.protocol, ...(hasPorts(r.protocol) ? { FromPort: r.fromPort, ToPort: r.toPort } : {}) }, rules: [] };
    slot.rules.push(r);
    byKey.set(key, slot);
  }
  return [...byKey.values()].map(({ p, rules }) => {
    const d = (r: SecurityGroupRule) => (r.description === undefined ? {} : { Description: r.description });
    return {
      ...p,
      IpRanges: rules.flatMap((r) => (r.peer.kind === 'ipv4' ? [{ CidrIp: r.peer.cidr, ...d(r) }] : [])),
      Ipv6Ranges: rules.flatMap((r) => (r.peer.kind === 'ipv6' ? [{ CidrIpv6: r.peer.cidr, ...d(r) }] : [])),
      PrefixListIds: rules.flatMap((r) => (r.peer.kind === 'prefix-list' ? [{ PrefixListId: r.peer.prefixListId, ...d(r) }] : [])),
      UserIdGroupPairs: rules.flatMap((r) => (r.peer.kind === 'group' ? [{ GroupId: r.peer.groupId, UserId: r.peer.userId, ...d(r), ...peeringFields(g, r, peerings) }] : [])),
    };
  });
}

function securityGroupToWire({ resource: v, tags }: Tagged<SecurityGroupView>): W.SecurityGroup {
  const g = v.group;
  return {
    GroupId: g.id,
    GroupName: g.name,
    Description: g.description,
    VpcId: g.vpcId,
    OwnerId: g.accountId,
    SecurityGroupArn: securityGroupArn(g),
    IpPermissions: permissionsOut(g, false, v.peerings),
    IpPermissionsEgress: permissionsOut(g, true, v.peerings),
    Tags: wire.tags(tags),
  };
}

function peerFields(g: SecurityGroup, r: SecurityGroupRule, peerings: Peerings): Pick<W.SecurityGroupRule, 'CidrIpv4' | 'CidrIpv6' | 'PrefixListId' | 'ReferencedGroupInfo'> {
  switch (r.peer.kind) {
    case 'ipv4':
      return { CidrIpv4: r.peer.cidr };
    case 'ipv6':
      return { CidrIpv6: r.peer.cidr };
    case 'prefix-list':
      return { PrefixListId: r.peer.prefixListId };
    case 'group':
      return { ReferencedGroupInfo: { GroupId: r.peer.groupId, UserId: r.peer.userId, ...peeringFields(g, r, peerings) } };
  }
}

function ruleToWire(g: SecurityGroup, r: SecurityGroupRule, tags: readonly Tag[], peerings: Peerings): W.SecurityGroupRule {
  return {
    SecurityGroupRuleId: r.id,
    GroupId: g.id,
    GroupOwnerId: g.accountId,
    IsEgress: r.egress,
    IpProtocol: r.protocol,
    FromPort: r.fromPort,
    ToPort: r.toPort,
    ...peerFields(g, r, peerings),
    Description: r.description,
    Tags: wire.tags(tags),
    SecurityGroupRuleArn: securityGroupRuleArn(g, r.id),
  };
}

function ruleViewToWire({ resource: v, tags }: Tagged<RuleView>): W.SecurityGroupRule {
  const peerings: Peerings = new Map(v.peering ? [[v.rule.id, v.peering]] : []);
  return ruleToWire(v.group, v.rule, tags, peerings);
}

function revokedToWire(g: SecurityGroup, r: SecurityGroupRule): W.RevokedSecurityGroupRule {
  return {
    SecurityGroupRuleId: r.id,
    GroupId: g.id,
    IsEgress: r.egress,
    IpProtocol: r.protocol,
    FromPort: r.fromPort,
    ToPort: r.toPort,
    CidrIpv4: r.peer.kind === 'ipv4' ? r.peer.cidr : undefined,
    CidrIpv6: r.peer.kind === 'ipv6' ? r.peer.cidr : undefined,
    PrefixListId: r.peer.kind === 'prefix-list' ? r.peer.prefixListId : undefined,
    ReferencedGroupId: r.peer.kind === 'group' ? r.peer.groupId : undefined,
    Description: r.description,
  };
}

/** A permission the service did not know, echoed back in the request's own terms. */
function unknownToWire(s: RuleSpec): W.IpPermission {
  const peer = s.peer;
  return {
    IpProtocol: s.protocol,
    ...(hasPorts(s.protocol) ? { FromPort: s.fromPort, ToPort: s.toPort } : {}),
    IpRanges: peer.kind === 'ipv4' ? [{ CidrIp: peer.cidr }] : [],
    Ipv6Ranges: peer.kind === 'ipv6' ? [{ CidrIpv6: peer.cidr }] : [],
    PrefixListIds: peer.kind === 'prefix-list' ? [{ PrefixListId: peer.prefixListId }] : [],
    UserIdGroupPairs: peer.kind === 'group' ? [{ GroupId: peer.ref.groupId, GroupName: peer.ref.groupName, UserId: peer.ref.userId }] : [],
  };
}

type RuleWireInput = {
  readonly GroupId?: string;
  readonly GroupName?: string;
  readonly IpPermissions?: readonly W.IpPermission[];
  readonly CidrIp?: string;
  readonly IpProtocol?: string;
  readonly FromPort?: number;
  readonly ToPort?: number;
  readonly SourceSecurityGroupName?: string;
  readonly SourceSecurityGroupOwnerId?: string;
};

function ruleRequest(egress: boolean, input: RuleWireInput): groups.RuleRequest {
  return {
    egress,
    groupId: input.GroupId,
    groupName: input.GroupName,
    permissions: permissionsIn(input.IpPermissions),
    cidrIp: input.CidrIp,
    ipProtocol: input.IpProtocol,
    fromPort: input.FromPort,
    toPort: input.ToPort,
    sourceSecurityGroupName: input.SourceSecurityGroupName,
    sourceSecurityGroupOwnerId: input.SourceSecurityGroupOwnerId,
  };
}

async function authorize(ctx: Parameters<typeof groups.authorizeRules>[0], egress: boolean, input: RuleWireInput & { readonly TagSpecifications?: readonly W.TagSpecification[] }) {
  const r = await groups.authorizeRules(ctx, { ...ruleRequest(egress, input), tagSpecifications: wire.tagSpecs(input.TagSpecifications) });
  // A reference just made through a peering was checked against that active connection.
  const through: Peerings = new Map(r.added.flatMap((rule) => (rule.peer.kind === 'group' && rule.peer.vpcPeeringConnectionId ? [[rule.id, { id: rule.peer.vpcPeeringConnectionId, status: 'active' }]] : [])));
  return { Return: true, SecurityGroupRules: r.added.map((rule) => ruleToWire(r.group, rule, r.tags, through)) };
}

async function revoke(ctx: Parameters<typeof groups.revokeRules>[0], egress: boolean, input: RuleWireInput & { readonly SecurityGroupRuleIds?: readonly string[] }) {
  const r = await groups.revokeRules(ctx, { ...ruleRequest(egress, input), ruleIds: input.SecurityGroupRuleIds });
  return {
    Return: true,
    ...(r.unknown.length > 0 ? { UnknownIpPermissions: r.unknown.map(unknownToWire) } : {}),
    RevokedSecurityGroupRules: r.revoked.map((rule) => revokedToWire(r.group, rule)),
  };
}

/** A group's stale rules as StaleIpPermissions: one per direction, protocol and port range. */
function staleToWire(s: StaleSecurityGroup): W.StaleSecurityGroup {
  const peerings: Peerings = new Map(s.rules.flatMap((r) => (r.peering ? [[r.rule.id, r.peering]] : [])));
  const perms = (egress: boolean): W.StaleIpPermission[] => {
    const byKey = new Map<string, { protocol: string; from: number; to: number; pairs: W.UserIdGroupPair[] }>();
    for (const { rule } of s.rules.filter((x) => x.rule.egress === egress)) {
      if (rule.peer.kind !== 'group') continue;
      const key = `${rule.protocol}|${rule.fromPort}|${rule.toPort}`;
      const slot = byKey.get(key) ?? { protocol: rule.protocol, from: rule.fromPort, to: rule.toPort, pairs: [] };
      slot.pairs.push({ GroupId: rule.peer.groupId, UserId: rule.peer.userId, Description: rule.description, ...peeringFields(s.group, rule, peerings) });
      byKey.set(key, slot);
    }
    return [...byKey.values()].map((p) => ({
      IpProtocol: p.protocol,
      ...(hasPorts(p.protocol) ? { FromPort: p.from, ToPort: p.to } : {}),
      IpRanges: [],
      PrefixListIds: [],
      UserIdGroupPairs: p.pairs,
    }));
  };
  return {
    GroupId: s.group.id,
    GroupName: s.group.name,
    Description: s.group.description,
    VpcId: s.group.vpcId,
    StaleIpPermissions: perms(false),
    StaleIpPermissionsEgress: perms(true),
  };
}

type DescriptionsWireInput = {
  readonly GroupId?: string;
  readonly GroupName?: string;
  readonly IpPermissions?: readonly W.IpPermission[];
  readonly SecurityGroupRuleDescriptions?: readonly W.SecurityGroupRuleDescription[];
};

async function updateDescriptions(ctx: Parameters<typeof updateRuleDescriptions>[0], egress: boolean, input: DescriptionsWireInput) {
  await updateRuleDescriptions(ctx, {
    egress,
    groupId: input.GroupId,
    groupName: input.GroupName,
    permissions: permissionsIn(input.IpPermissions),
    byRuleId: input.SecurityGroupRuleDescriptions?.map((d) => ({ ruleId: d.SecurityGroupRuleId, description: d.Description })),
  });
  return { Return: true };
}

/** Security groups and their rules. */
export const SECURITY_GROUP_OPERATIONS: OperationTable = {
  CreateSecurityGroup: writes(async (ctx, input) => {
    const g = await groups.createSecurityGroup(ctx, { groupName: input.GroupName, description: input.Description, vpcId: input.VpcId, tagSpecifications: wire.tagSpecs(input.TagSpecifications) });
    return { GroupId: g.id, Tags: wire.tags(g.tags), SecurityGroupArn: securityGroupArn(g.resource) };
  }),
  DeleteSecurityGroup: writes(async (ctx, input) => {
    const id = await groups.deleteSecurityGroup(ctx, { groupId: input.GroupId, groupName: input.GroupName });
    return { Return: true, GroupId: id };
  }),
  DescribeSecurityGroups: reads(async (ctx, input) => {
    const page = await groups.describeSecurityGroups(ctx, { ids: input.GroupIds, groupNames: input.GroupNames, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { SecurityGroups: page.items.map(securityGroupToWire), NextToken: page.nextToken };
  }),
  DescribeSecurityGroupRules: reads(async (ctx, input) => {
    const page = await groups.describeSecurityGroupRules(ctx, { ids: input.SecurityGroupRuleIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { SecurityGroupRules: page.items.map(ruleViewToWire), NextToken: page.nextToken };
  }),
  AuthorizeSecurityGroupIngress: writes((ctx, input) => authorize(ctx, false, input)),
  AuthorizeSecurityGroupEgress: writes((ctx, input) => authorize(ctx, true, input)),
  RevokeSecurityGroupIngress: writes((ctx, input) => revoke(ctx, false, input)),
  RevokeSecurityGroupEgress: writes((ctx, input) => revoke(ctx, true, input)),
  ModifySecurityGroupRules: writes(async (ctx, input) => {
    await modifySecurityGroupRules(ctx, {
      groupId: input.GroupId,
      updates: input.SecurityGroupRules?.map((u) => ({
        ruleId: u.SecurityGroupRuleId,
        rule: u.SecurityGroupRule && {
          protocol: u.SecurityGroupRule.IpProtocol,
          fromPort: u.SecurityGroupRule.FromPort,
          toPort: u.SecurityGroupRule.ToPort,
          cidrIpv4: u.SecurityGroupRule.CidrIpv4,
          cidrIpv6: u.SecurityGroupRule.CidrIpv6,
          prefixListId: u.SecurityGroupRule.PrefixListId,
          referencedGroupId: u.SecurityGroupRule.ReferencedGroupId,
          description: u.SecurityGroupRule.Description,
        },
      })),
    });
    return { Return: true };
  }),
  UpdateSecurityGroupRuleDescriptionsIngress: writes((ctx, input) => updateDescriptions(ctx, false, input)),
  UpdateSecurityGroupRuleDescriptionsEgress: writes((ctx, input) => updateDescriptions(ctx, true, input)),
  DescribeSecurityGroupReferences: reads(async (ctx, input) => {
    const refs = await describeSecurityGroupReferences(ctx, { groupIds: input.GroupId });
    return { SecurityGroupReferenceSet: refs.map((r) => ({ GroupId: r.groupId, ReferencingVpcId: r.referencingVpcId, VpcPeeringConnectionId: r.vpcPeeringConnectionId })) };
  }),
  DescribeStaleSecurityGroups: reads(async (ctx, input) => {
    const page = await describeStaleSecurityGroups(ctx, { vpcId: input.VpcId, ...wire.page(input) });
    return { StaleSecurityGroupSet: page.items.map(staleToWire), NextToken: page.nextToken };
  }),
};
