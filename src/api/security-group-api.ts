import type { Tagged } from '../core/describe-scoped.js';
import type { SecurityGroup, SecurityGroupRule } from '../core/security-group.js';
import { describeSecurityGroups } from '../core/security-group-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads } from './operation.js';
import { wire } from './wire.js';

function ruleToWire(r: SecurityGroupRule): W.IpPermission {
  return {
    IpProtocol: r.protocol,
    FromPort: r.fromPort,
    ToPort: r.toPort,
    IpRanges: r.cidrs.map((c) => ({ CidrIp: c })),
    Ipv6Ranges: r.ipv6Cidrs.map((c) => ({ CidrIpv6: c })),
    UserIdGroupPairs: r.groups.map((g) => ({ GroupId: g.groupId, UserId: g.userId })),
    PrefixListIds: [],
  };
}

function securityGroupToWire({ resource: g, tags }: Tagged<SecurityGroup>): W.SecurityGroup {
  return {
    GroupId: g.id,
    GroupName: g.name,
    Description: g.description,
    VpcId: g.vpcId,
    OwnerId: g.accountId,
    SecurityGroupArn: `arn:aws:ec2:${g.region}:${g.accountId}:security-group/${g.id}`,
    IpPermissions: g.ingress.map(ruleToWire),
    IpPermissionsEgress: g.egress.map(ruleToWire),
    Tags: wire.tags(tags),
  };
}

/** Security groups and their rules. */
export const SECURITY_GROUP_OPERATIONS: OperationTable = {
  DescribeSecurityGroups: reads(async (ctx, input) => {
    const page = await describeSecurityGroups(ctx, { ids: input.GroupIds, groupNames: input.GroupNames, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { SecurityGroups: page.items.map(securityGroupToWire), NextToken: page.nextToken };
  }),
};
