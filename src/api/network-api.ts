import type { Tagged } from '../core/describe-scoped.js';
import { describeDhcpOptions } from '../core/dhcp-options-service.js';
import { describeInternetGateways, describeNetworkInterfaces } from '../core/gateway-service.js';
import type { NetworkAclView } from '../core/network-acl-service.js';
import { describeNetworkAcls } from '../core/network-acl-service.js';
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

function networkAclToWire({ resource: v, tags }: Tagged<NetworkAclView>): W.NetworkAcl {
  return {
    NetworkAclId: v.acl.id,
    VpcId: v.acl.vpcId,
    OwnerId: v.acl.accountId,
    IsDefault: v.acl.isDefault,
    Entries: v.acl.entries.map((e) => ({
      RuleNumber: e.ruleNumber,
      Egress: e.egress,
      Protocol: e.protocol,
      RuleAction: e.action,
      CidrBlock: e.cidr,
      Ipv6CidrBlock: e.ipv6Cidr,
    })),
    Associations: v.associations.map((a) => ({ NetworkAclAssociationId: a.id, NetworkAclId: v.acl.id, SubnetId: a.subnetId })),
    Tags: wire.tags(tags),
  };
}

/** The neighbours of a VPC that clients (Terraform above all) read: security groups, ACLs, gateways, DHCP options. */
export const NETWORK_OPERATIONS: OperationTable = {
  DescribeSecurityGroups: reads(async (ctx, input) => {
    const page = await describeSecurityGroups(ctx, { ids: input.GroupIds, groupNames: input.GroupNames, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { SecurityGroups: page.items.map(securityGroupToWire), NextToken: page.nextToken };
  }),
  DescribeNetworkAcls: reads(async (ctx, input) => {
    const page = await describeNetworkAcls(ctx, { ids: input.NetworkAclIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { NetworkAcls: page.items.map(networkAclToWire), NextToken: page.nextToken };
  }),
  DescribeNetworkInterfaces: reads(async (_ctx, input) => {
    describeNetworkInterfaces({ ids: input.NetworkInterfaceIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { NetworkInterfaces: [] };
  }),
  DescribeInternetGateways: reads(async (ctx, input) => {
    const page = await describeInternetGateways(ctx, { ids: input.InternetGatewayIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return {
      InternetGateways: page.items.map(({ resource: g, tags }) => ({
        InternetGatewayId: g.id,
        OwnerId: g.accountId,
        // Real AWS answers `available` for an attached internet gateway, a value the model's
        // AttachmentStatus enum lacks (Terraform's provider waits for exactly this string).
        Attachments: g.attachedVpcId ? [{ State: 'available' as W.AttachmentStatus, VpcId: g.attachedVpcId }] : [],
        Tags: wire.tags(tags),
      })),
      NextToken: page.nextToken,
    };
  }),
  DescribeDhcpOptions: reads(async (ctx, input) => {
    const page = await describeDhcpOptions(ctx, { ids: input.DhcpOptionsIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return {
      DhcpOptions: page.items.map(({ resource: d, tags }) => ({
        DhcpOptionsId: d.id,
        OwnerId: d.accountId,
        DhcpConfigurations: d.configurations.map((c) => ({ Key: c.key, Values: c.values.map((v) => ({ Value: v })) })),
        Tags: wire.tags(tags),
      })),
      NextToken: page.nextToken,
    };
  }),
};
