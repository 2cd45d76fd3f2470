import type { NetworkAcl, NetworkAclEntry } from './network-acl.js';
import type { RequestContext } from './request-context.js';
import type { SecurityGroup } from './security-group.js';
import type { Vpc } from './vpc.js';

// The catch-all deny rule AWS shows as `*` in the console is rule 32767 in the API (32768 for IPv6).
const CATCH_ALL = 32767;

function allowAll(ipv6: boolean): NetworkAclEntry[] {
  return [false, true].flatMap((egress): NetworkAclEntry[] => [
    { ruleNumber: 100, egress, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
    { ruleNumber: CATCH_ALL, egress, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
    ...(ipv6
      ? [
          { ruleNumber: 101, egress, protocol: '-1', action: 'allow' as const, ipv6Cidr: '::/0' },
          { ruleNumber: CATCH_ALL + 1, egress, protocol: '-1', action: 'deny' as const, ipv6Cidr: '::/0' },
        ]
      : []),
  ]);
}

/** The default network ACL's entries: everything allowed both ways, IPv6 too once the VPC has it. */
export function defaultAclEntries(vpc: Vpc): NetworkAclEntry[] {
  return allowAll(vpc.ipv6Associations.length > 0);
}

/**
 * What AWS creates with every VPC besides its main route table (VPC user guide, "Default security
 * groups" and "Default network ACL"): a security group named `default` that lets members talk to
 * each other and everything out, and a network ACL that allows all traffic.
 */
export async function storeVpcDefaults(ctx: RequestContext, vpc: Vpc): Promise<void> {
  const sgId = ctx.ids.next('sg');
  const sg: SecurityGroup = {
    id: sgId,
    accountId: vpc.accountId,
    region: vpc.region,
    vpcId: vpc.id,
    name: 'default',
    description: 'default VPC security group',
    ingress: [{ protocol: '-1', cidrs: [], ipv6Cidrs: [], groups: [{ groupId: sgId, userId: vpc.accountId }] }],
    egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'], ipv6Cidrs: vpc.ipv6Associations.length > 0 ? ['::/0'] : [], groups: [] }],
    createdAt: ctx.now,
  };
  const acl: NetworkAcl = {
    id: ctx.ids.next('acl'),
    accountId: vpc.accountId,
    region: vpc.region,
    vpcId: vpc.id,
    isDefault: true,
    entries: defaultAclEntries(vpc),
    createdAt: ctx.now,
  };
  await ctx.repo.securityGroups.put(sg);
  await ctx.repo.networkAcls.put(acl);
}
