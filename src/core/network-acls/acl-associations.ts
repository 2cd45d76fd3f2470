import type { RequestContext } from '../request-context.js';
import type { Subnet } from '../subnet.js';
import type { NetworkAcl, NetworkAclAssociation } from './network-acl.js';

/**
 * A subnet nobody has moved is on its VPC's default ACL. Its association id is derived from the
 * subnet id, so it is the same on every read without the subnet code having to store it.
 */
export function derivedAssociationId(subnetId: string): string {
  return 'aclassoc-' + subnetId.slice('subnet-'.length);
}

/** Where each live subnet of these VPCs is associated: one association per subnet, by ACL id. */
export interface SubnetAssociations {
  readonly byAcl: ReadonlyMap<string, readonly NetworkAclAssociation[]>;
  /** Association id -> the ACL holding it and its subnet's VPC. */
  readonly byId: ReadonlyMap<string, { readonly aclId: string; readonly subnetId: string; readonly vpcId: string }>;
}

/**
 * Every subnet of the given VPCs with its one ACL: the explicit association one of the VPC's ACLs
 * keeps for it, else the default ACL's derived one. Associations of deleted subnets are ignored.
 */
export async function subnetAssociations(ctx: RequestContext, vpcIds: readonly string[] | 'all'): Promise<SubnetAssociations> {
  let acls: NetworkAcl[];
  let subnets: Subnet[];
  if (vpcIds !== 'all' && vpcIds.length === 1) {
    const vpcId = vpcIds[0] as string;
    acls = await ctx.repo.networkAcls.list(ctx.caller, { vpcId });
    subnets = await ctx.repo.subnets.list(ctx.caller, { vpcId });
  } else {
    const wanted = vpcIds === 'all' ? undefined : new Set(vpcIds);
    acls = (await ctx.repo.networkAcls.list(ctx.caller)).filter((a) => !wanted || wanted.has(a.vpcId));
    subnets = (await ctx.repo.subnets.list(ctx.caller)).filter((s) => !wanted || wanted.has(s.vpcId));
  }
  const explicit = new Map<string, { acl: NetworkAcl; association: NetworkAclAssociation }>();
  for (const acl of acls) for (const a of acl.associations ?? []) explicit.set(a.subnetId, { acl, association: a });
  const defaults = new Map(acls.filter((a) => a.isDefault).map((a) => [a.vpcId, a]));
  const byAcl = new Map<string, NetworkAclAssociation[]>();
  const byId = new Map<string, { aclId: string; subnetId: string; vpcId: string }>();
  for (const s of subnets) {
    const found = explicit.get(s.id);
    const acl = found && found.acl.vpcId === s.vpcId ? found.acl : defaults.get(s.vpcId);
    if (!acl) continue;
    const association = found && found.acl === acl ? found.association : { id: derivedAssociationId(s.id), subnetId: s.id };
    byAcl.set(acl.id, [...(byAcl.get(acl.id) ?? []), association]);
    byId.set(association.id, { aclId: acl.id, subnetId: s.id, vpcId: s.vpcId });
  }
  return { byAcl, byId };
}
