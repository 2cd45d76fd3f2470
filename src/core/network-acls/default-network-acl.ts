import type { RequestContext } from '../request-context.js';
import type { Vpc } from '../vpc.js';
import type { NetworkAcl, NetworkAclEntry } from './network-acl.js';
import { CATCH_ALL_IPV4, CATCH_ALL_IPV6 } from './network-acl.js';

const entry = (ruleNumber: number, egress: boolean, action: 'allow' | 'deny', ipv6: boolean): NetworkAclEntry =>
  ipv6 ? { ruleNumber, egress, protocol: '-1', action, ipv6Cidr: '::/0' } : { ruleNumber, egress, protocol: '-1', action, cidr: '0.0.0.0/0' };

/** The `*` deny rules every ACL has, both ways; IPv6 ones too when the VPC has an IPv6 block. */
export function catchAllEntries(ipv6: boolean): NetworkAclEntry[] {
  return [true, false].flatMap((egress) => [entry(CATCH_ALL_IPV4, egress, 'deny', false), ...(ipv6 ? [entry(CATCH_ALL_IPV6, egress, 'deny', true)] : [])]);
}

/**
 * The default ACL's entries (VPC user guide, "Default network ACL"): rule 100 allows all IPv4
 * both ways (101 all IPv6 once the VPC has a block), then the catch-all denies.
 */
export function defaultAclEntries(vpc: Vpc): NetworkAclEntry[] {
  const ipv6 = vpc.ipv6Associations.length > 0;
  const allows = [true, false].flatMap((egress) => [entry(100, egress, 'allow', false), ...(ipv6 ? [entry(101, egress, 'allow', true)] : [])]);
  return sortEntries([...allows, ...catchAllEntries(ipv6)]);
}

/** AWS lists entries egress first, each direction by rule number (EC2 CLI describe-network-acls example). */
export function sortEntries(entries: readonly NetworkAclEntry[]): NetworkAclEntry[] {
  return [...entries].sort((a, b) => (a.egress === b.egress ? a.ruleNumber - b.ruleNumber : a.egress ? -1 : 1));
}

export function defaultNetworkAcl(ctx: RequestContext, vpc: Vpc): NetworkAcl {
  return { id: ctx.ids.next('acl'), accountId: vpc.accountId, region: vpc.region, vpcId: vpc.id, isDefault: true, entries: defaultAclEntries(vpc), associations: [], createdAt: ctx.now };
}

/**
 * After a VPC gains or loses its IPv6 block: every ACL gets (or loses) the IPv6 catch-all
 * denies, and the default ACL its rule 101, unless someone has taken rule 101 for something else.
 * Rules people added stay as they are.
 */
export async function onVpcBlocksChanged(ctx: RequestContext, vpc: Vpc): Promise<void> {
  const ipv6 = vpc.ipv6Associations.length > 0;
  for (const acl of await ctx.repo.networkAcls.list(ctx.caller, { vpcId: vpc.id })) {
    const own = acl.entries.filter((e) => e.ruleNumber !== CATCH_ALL_IPV4 && e.ruleNumber !== CATCH_ALL_IPV6);
    let kept = own;
    if (acl.isDefault) {
      const isDefault101 = (e: NetworkAclEntry) => e.ruleNumber === 101 && e.ipv6Cidr === '::/0' && e.protocol === '-1' && e.action === 'allow';
      kept = own.filter((e) => ipv6 || !isDefault101(e));
      for (const egress of [true, false]) {
        if (ipv6 && !kept.some((e) => e.ruleNumber === 101 && e.egress === egress)) kept = [...kept, entry(101, egress, 'allow', true)];
      }
    }
    await ctx.repo.networkAcls.put({ ...acl, entries: sortEntries([...kept, ...catchAllEntries(ipv6)]) });
  }
}
