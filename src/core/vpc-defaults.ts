import { defaultNetworkAcl } from './network-acls/default-network-acl.js';
import type { RequestContext } from './request-context.js';
import { defaultSecurityGroup } from './security-groups/security-group-service.js';
import type { Vpc } from './vpc.js';

/**
 * What AWS creates with every VPC besides its main route table (VPC user guide, "Default security
 * groups" and "Default network ACL"): the security group named `default` and the default ACL.
 */
export async function storeVpcDefaults(ctx: RequestContext, vpc: Vpc): Promise<void> {
  await ctx.repo.securityGroups.put(defaultSecurityGroup(ctx, vpc));
  await ctx.repo.networkAcls.put(defaultNetworkAcl(ctx, vpc));
}
