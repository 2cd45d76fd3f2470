import { checkId, requireVpc } from '../checks.js';
import type { DescribeRequest, Tagged } from '../describe-scoped.js';
import { describeScopedViews } from '../describe-scoped.js';
import { errors } from '../errors.js';
import { parseCidrParam } from '../parse-cidr.js';
import type { RequestContext } from '../request-context.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import { subnetAssociations } from './acl-associations.js';
import { catchAllEntries, sortEntries } from './default-network-acl.js';
import type { NetworkAcl, NetworkAclEntry } from './network-acl.js';
import { aclErrors } from './network-acl-errors.js';
import type { NetworkAclView } from './network-acl-filters.js';
import { NETWORK_ACL_FILTERS } from './network-acl-filters.js';

/** Rules per network ACL: default quota 20 per direction, not counting the catch-all (VPC quotas page). */
export const MAX_ENTRIES_PER_DIRECTION = 20;

export async function requireAcl(ctx: RequestContext, id: string | undefined, parameter = 'networkAclId'): Promise<NetworkAcl> {
  const aclId = checkId('acl', id, parameter);
  const acl = await ctx.repo.networkAcls.get(ctx.caller, aclId);
  if (!acl) throw errors.notFound('acl', aclId);
  return acl;
}

/** ACLs with the subnets each serves (every subnet is on exactly one ACL of its VPC). */
async function viewsOf(ctx: RequestContext, acls: readonly NetworkAcl[]): Promise<NetworkAclView[]> {
  const vpcIds = [...new Set(acls.map((a) => a.vpcId))];
  if (vpcIds.length === 0) return [];
  const { byAcl } = await subnetAssociations(ctx, vpcIds.length > 20 ? 'all' : vpcIds);
  return acls.map((acl) => ({ acl, associations: byAcl.get(acl.id) ?? [] }));
}

export function describeNetworkAcls(ctx: RequestContext, req: DescribeRequest): Promise<{ items: Tagged<NetworkAclView>[]; nextToken?: string }> {
  return describeScopedViews(ctx, 'acl', ctx.repo.networkAcls, NETWORK_ACL_FILTERS, req, { min: 5, max: 1000 }, (acls) => viewsOf(ctx, acls));
}

export async function createNetworkAcl(ctx: RequestContext, input: { vpcId?: string; tagSpecifications?: readonly TagSpecificationInput[] }): Promise<Tagged<NetworkAclView>> {
  const vpc = await requireVpc(ctx, input.vpcId);
  const tags = tagsFromSpecifications('network-acl', input.tagSpecifications);
  // A new ACL denies everything until rules are added (VPC user guide, "Custom network ACLs").
  const acl: NetworkAcl = {
    id: ctx.ids.next('acl'),
    accountId: ctx.caller.accountId,
    region: ctx.caller.region,
    vpcId: vpc.id,
    isDefault: false,
    entries: catchAllEntries(vpc.ipv6Associations.length > 0),
    associations: [],
    createdAt: ctx.now,
  };
  await ctx.repo.networkAcls.put(acl);
  await addTags(ctx, ctx.caller, acl.id, 'network-acl', tags);
  return { id: acl.id, resource: { acl, associations: [] }, tags };
}

export async function deleteNetworkAcl(ctx: RequestContext, id: string | undefined): Promise<void> {
  const acl = await requireAcl(ctx, id);
  if (acl.isDefault) throw aclErrors.cannotDeleteDefault(acl.id);
  const { byAcl } = await subnetAssociations(ctx, [acl.vpcId]);
  if ((byAcl.get(acl.id) ?? []).length > 0) throw aclErrors.associated(acl.id);
  await ctx.repo.networkAcls.remove(acl.id);
  await ctx.repo.tags.removeResource(acl.id);
}

// ---------------------------------------------------------------------------------------------
// Entries

export interface EntryInput {
  readonly networkAclId?: string;
  readonly ruleNumber?: number;
  readonly egress?: boolean;
  readonly protocol?: string;
  readonly ruleAction?: string;
  readonly cidrBlock?: string;
  readonly ipv6CidrBlock?: string;
  readonly portRange?: { readonly from?: number; readonly to?: number };
  readonly icmpTypeCode?: { readonly type?: number; readonly code?: number };
}

function checkRuleNumber(n: number | undefined): number {
  if (n === undefined) throw errors.missingParameter('ruleNumber');
  if (!Number.isInteger(n) || n < 1 || n > 32766) throw aclErrors.badRuleNumber(n);
  return n;
}

/** The protocol number as AWS stores it: `-1`, or 0-255 without leading zeros. Names are refused. */
function normalizeProtocol(value: string | undefined): string {
  if (value === undefined || value === '') throw errors.missingParameter('protocol');
  if (!/^-?\d{1,3}$/.test(value)) throw aclErrors.unknownProtocol(value);
  const n = Number(value);
  if (n < -1 || n > 255) throw aclErrors.unknownProtocol(value);
  return String(n);
}

/** Builds the entry a Create/Replace asks for, keeping only the fields its protocol uses. */
function entryOf(input: EntryInput): NetworkAclEntry {
  const ruleNumber = checkRuleNumber(input.ruleNumber);
  const protocol = normalizeProtocol(input.protocol);
  const action = input.ruleAction?.toLowerCase();
  if (action === undefined) throw errors.missingParameter('ruleAction');
  if (action !== 'allow' && action !== 'deny') throw errors.invalidValueFor('ruleAction', input.ruleAction ?? '');
  if (input.egress === undefined) throw errors.missingParameter('egress');
  if (input.cidrBlock !== undefined && input.ipv6CidrBlock !== undefined) {
    throw errors.invalidParameterCombination('The parameter cidrBlock cannot be used with the parameter ipv6CidrBlock');
  }
  if (input.cidrBlock === undefined && input.ipv6CidrBlock === undefined) throw errors.missingParameter('cidrBlock or ipv6CidrBlock');
  const ipv6 = input.ipv6CidrBlock !== undefined;
  const block = ipv6 ? parseCidrParam('ipv6CidrBlock', input.ipv6CidrBlock, 6) : parseCidrParam('cidrBlock', input.cidrBlock, 4);
  const base: NetworkAclEntry = {
    ruleNumber,
    egress: input.egress,
    protocol,
    action,
    ...(ipv6 ? { ipv6Cidr: block.canonical().toString() } : { cidr: block.canonical().toString() }),
  };
  if (protocol === '6' || protocol === '17') {
    const { from, to } = input.portRange ?? {};
    if (from === undefined || to === undefined) throw aclErrors.portRangeRequired();
    for (const p of [from, to]) if (p < 0 || p > 65535) throw aclErrors.badRange('portRange', `Port ${p} is out of the range 0-65535.`);
    if (from > to) throw aclErrors.badRange('portRange', `From port ${from} is greater than to port ${to}.`);
    return { ...base, portRange: { from, to } };
  }
  // ICMPv6 with an IPv4 block allows every type and code, "regardless of any that you specify".
  if (protocol === '1' || (protocol === '58' && ipv6)) {
    const { type, code } = input.icmpTypeCode ?? {};
    if (type === undefined || code === undefined) throw aclErrors.icmpRequired();
    for (const v of [type, code]) if (v < -1 || v > 255) throw aclErrors.badRange('icmpTypeCode', `ICMP type or code ${v} is out of the range -1-255.`);
    return { ...base, icmp: { type, code } };
  }
  return base;
}

const sameSlot = (e: NetworkAclEntry, ruleNumber: number, egress: boolean) => e.ruleNumber === ruleNumber && e.egress === egress;

export async function createNetworkAclEntry(ctx: RequestContext, input: EntryInput): Promise<void> {
  const acl = await requireAcl(ctx, input.networkAclId);
  const entry = entryOf(input);
  if (acl.entries.some((e) => sameSlot(e, entry.ruleNumber, entry.egress))) throw aclErrors.entryExists(entry.ruleNumber);
  const own = acl.entries.filter((e) => e.egress === entry.egress && e.ruleNumber <= 32766);
  if (own.length >= MAX_ENTRIES_PER_DIRECTION) throw aclErrors.entryLimit(acl.id, MAX_ENTRIES_PER_DIRECTION);
  await ctx.repo.networkAcls.put({ ...acl, entries: sortEntries([...acl.entries, entry]) });
}

export async function replaceNetworkAclEntry(ctx: RequestContext, input: EntryInput): Promise<void> {
  const acl = await requireAcl(ctx, input.networkAclId);
  const entry = entryOf(input);
  if (!acl.entries.some((e) => sameSlot(e, entry.ruleNumber, entry.egress))) throw aclErrors.entryNotFound(entry.ruleNumber, entry.egress);
  await ctx.repo.networkAcls.put({ ...acl, entries: sortEntries(acl.entries.map((e) => (sameSlot(e, entry.ruleNumber, entry.egress) ? entry : e))) });
}

export async function deleteNetworkAclEntry(ctx: RequestContext, input: { networkAclId?: string; ruleNumber?: number; egress?: boolean }): Promise<void> {
  const acl = await requireAcl(ctx, input.networkAclId);
  const ruleNumber = checkRuleNumber(input.ruleNumber);
  if (input.egress === undefined) throw errors.missingParameter('egress');
  const egress = input.egress;
  if (!acl.entries.some((e) => sameSlot(e, ruleNumber, egress))) throw aclErrors.entryNotFound(ruleNumber, egress);
  await ctx.repo.networkAcls.put({ ...acl, entries: acl.entries.filter((e) => !sameSlot(e, ruleNumber, egress)) });
}

// ---------------------------------------------------------------------------------------------
// Associations

/**
 * Moves a subnet to another ACL of its VPC (the default one included) under a new association
 * id, as AWS answers with NewAssociationId. Idempotent in effect: moving onto the same ACL only
 * renews the id.
 */
export async function replaceNetworkAclAssociation(ctx: RequestContext, input: { associationId?: string; networkAclId?: string }): Promise<string> {
  const associationId = checkId('aclassoc', input.associationId, 'associationId');
  const target = await requireAcl(ctx, input.networkAclId);
  const current = (await subnetAssociations(ctx, 'all')).byId.get(associationId);
  if (!current) throw errors.notFound('aclassoc', associationId);
  if (current.vpcId !== target.vpcId) throw aclErrors.differentNetworks(target.id, current.subnetId);
  const liveSubnets = new Set((await ctx.repo.subnets.list(ctx.caller, { vpcId: target.vpcId })).map((s) => s.id));
  const newId = ctx.ids.next('aclassoc');
  for (const acl of await ctx.repo.networkAcls.list(ctx.caller, { vpcId: target.vpcId })) {
    // Drop the subnet's old association, and any left behind by deleted subnets.
    const kept = (acl.associations ?? []).filter((a) => a.subnetId !== current.subnetId && liveSubnets.has(a.subnetId));
    const associations = acl.id === target.id ? [...kept, { id: newId, subnetId: current.subnetId }] : kept;
    if (acl.id === target.id || associations.length !== (acl.associations ?? []).length) await ctx.repo.networkAcls.put({ ...acl, associations });
  }
  return newId;
}
