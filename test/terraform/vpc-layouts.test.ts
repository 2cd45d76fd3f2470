// Whole VPCs in the shapes the community VPC module (terraform-aws-modules/vpc) builds, applied,
// refreshed, planned clean and destroyed against vpcpeer with Terraform's AWS provider 5.100.
import {
  DescribeDhcpOptionsCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, useTerraformServer, workspace } from './terraform-harness.js';
import { vpcLayoutHcl } from './vpc-layout-hcl.js';

const ok = terraformAvailable();
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

async function vpcByName(c: EC2Client, name: string): Promise<string> {
  const id = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: [name] }] }))).Vpcs?.[0]?.VpcId;
  if (!id) throw new Error(`no VPC named ${name}`);
  return id;
}

async function routesOf(c: EC2Client, vpcId: string): Promise<{ table: string; main: boolean; routes: string[] }[]> {
  const tables = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }))).RouteTables ?? [];
  return tables.map((t) => ({
    table: t.Tags?.find((x) => x.Key === 'Name')?.Value ?? t.RouteTableId ?? '',
    main: t.Associations?.some((a) => a.Main) === true,
    routes: (t.Routes ?? [])
      .map((r) => `${r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock} ${r.GatewayId ?? r.NatGatewayId ?? r.EgressOnlyInternetGatewayId ?? r.VpcPeeringConnectionId} ${r.State}`)
      .sort(),
  }));
}

describe.skipIf(!ok)('Terraform: VPC layouts of the community VPC module', () => {
  const started = useTerraformServer();
  // Four layouts in one configuration, one account each (two for the peered pair): one init,
  // apply, plan and destroy for all (a Terraform run costs seconds of CPU whatever it holds).
  const THREE = '300000000001';
  const DUAL = '300000000002';
  const SECOND = '300000000003';
  const LEFT = '300000000004';
  const RIGHT = '300000000005';

  function configuration(url: string): string {
    const providers = [
      providerBlock(url, { alias: 'three', region: 'us-east-1', accessKey: THREE }),
      providerBlock(url, { alias: 'dual', region: 'us-east-1', accessKey: DUAL }),
      providerBlock(url, { alias: 'second', region: 'us-east-1', accessKey: SECOND }),
      providerBlock(url, { alias: 'a', region: 'us-east-1', accessKey: LEFT }),
      providerBlock(url, { alias: 'b', region: 'us-east-1', accessKey: RIGHT }),
    ].join('');
    const side = (name: string, cidr: string, provider: string, prefix: string) =>
      vpcLayoutHcl({ name, cidr, provider, zones: ZONES.slice(0, 2), publicSubnets: [`${prefix}.101.0/24`, `${prefix}.102.0/24`], privateSubnets: [`${prefix}.1.0/24`, `${prefix}.2.0/24`], natPerZone: true, manageDefaults: true });
    const routesTo = (name: string, provider: string, peerCidr: string) => `
locals {
  ${name}_tables = concat([aws_vpc.${name}.main_route_table_id, aws_route_table.${name}_public.id], aws_route_table.${name}_private[*].id)
}
resource "aws_route" "${name}_to_peer" {
  provider                  = aws.${provider}
  count                     = 4
  route_table_id            = local.${name}_tables[count.index]
  destination_cidr_block    = "${peerCidr}"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.peer.id
}`;
    return (
      REQUIRED_PROVIDERS +
      providers +
      vpcLayoutHcl({
        name: 'three',
        provider: 'three',
        cidr: '10.0.0.0/16',
        zones: ZONES,
        publicSubnets: ['10.0.101.0/24', '10.0.102.0/24', '10.0.103.0/24'],
        privateSubnets: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
        natPerZone: true,
        dhcp: { domainName: 'service.consul', servers: ['127.0.0.1', '10.10.0.2'] },
        manageDefaults: true,
      }) +
      vpcLayoutHcl({ name: 'dual', provider: 'dual', cidr: '10.20.0.0/16', zones: ZONES.slice(0, 2), publicSubnets: ['10.20.101.0/24', '10.20.102.0/24'], privateSubnets: ['10.20.1.0/24', '10.20.2.0/24'], ipv6: true, manageDefaults: true }) +
      vpcLayoutHcl({
        name: 'second',
        provider: 'second',
        cidr: '10.30.0.0/16',
        secondaryCidrs: ['10.31.0.0/16', '10.32.0.0/16'],
        zones: ZONES,
        publicSubnets: ['10.30.1.0/24', '10.31.1.0/24', '10.32.1.0/24'],
        privateSubnets: ['10.30.2.0/24', '10.31.2.0/24', '10.32.2.0/24'],
      }) +
      side('left', '10.40.0.0/16', 'a', '10.40') +
      side('right', '10.50.0.0/16', 'b', '10.50') +
      `
resource "aws_vpc_peering_connection" "peer" {
  provider      = aws.a
  vpc_id        = aws_vpc.left.id
  peer_vpc_id   = aws_vpc.right.id
  peer_owner_id = "${RIGHT}"
  tags = { Name = "left-right" }
}
resource "aws_vpc_peering_connection_accepter" "peer" {
  provider                  = aws.b
  vpc_peering_connection_id = aws_vpc_peering_connection.peer.id
  auto_accept               = true
  tags = { Name = "right-left" }
}` +
      routesTo('left', 'a', '10.50.0.0/16') +
      routesTo('right', 'b', '10.40.0.0/16')
    );
  }

  async function threeZonesWithNat(url: string): Promise<void> {
    const c = ec2Client(url, THREE, 'us-east-1');
    const vpc = await vpcByName(c, 'three-vpc');
    const nats = (await c.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: [vpc] }] }))).NatGateways ?? [];
    expect(nats.map((n) => n.State)).toEqual(['available', 'available', 'available']);
    expect(nats.every((n) => n.NatGatewayAddresses?.[0]?.PublicIp !== undefined)).toBe(true);
    const tables = await routesOf(c, vpc);
    const privateTables = tables.filter((t) => t.table.startsWith('three-private-'));
    expect(privateTables).toHaveLength(3);
    for (const t of privateTables) expect(t.routes.filter((r) => r.startsWith('0.0.0.0/0 nat-') && r.endsWith(' active'))).toHaveLength(1);
    const publicTable = tables.find((t) => t.table === 'three-public');
    expect(publicTable?.routes.some((r) => /^0\.0\.0\.0\/0 igw-\w+ active$/.test(r))).toBe(true);
    const dopt = (await c.send(new DescribeVpcsCommand({ VpcIds: [vpc] }))).Vpcs?.[0]?.DhcpOptionsId;
    const set = (await c.send(new DescribeDhcpOptionsCommand({ DhcpOptionsIds: [dopt ?? ''] }))).DhcpOptions?.[0];
    expect(set?.DhcpConfigurations?.find((x) => x.Key === 'domain-name')?.Values).toEqual([{ Value: 'service.consul' }]);
    const sg = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups?.[0];
    // The module takes the default group under management with no rules: AWS's defaults are revoked.
    expect([sg?.IpPermissions, sg?.IpPermissionsEgress, sg?.Tags?.find((t) => t.Key === 'Name')?.Value]).toEqual([[], [], 'three-default']);
    const acl = (await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'default', Values: ['true'] }] }))).NetworkAcls?.[0];
    expect(acl?.Entries?.filter((e) => e.RuleAction === 'allow').map((e) => [e.RuleNumber, e.Egress, e.CidrBlock ?? e.Ipv6CidrBlock]).sort()).toEqual([
      [100, false, '0.0.0.0/0'],
      [100, true, '0.0.0.0/0'],
      [101, false, '::/0'],
      [101, true, '::/0'],
    ]);
    const subnets = (await c.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }, { Name: 'tag:Tier', Values: ['public'] }] }))).Subnets ?? [];
    expect(subnets.map((s) => [s.AvailabilityZone, s.MapPublicIpOnLaunch]).sort()).toEqual(ZONES.map((z) => [z, true]));
  }

  async function dualStack(url: string): Promise<void> {
    const c = ec2Client(url, DUAL, 'us-east-1');
    const vpc = await vpcByName(c, 'dual-vpc');
    const eigw = (await c.send(new DescribeEgressOnlyInternetGatewaysCommand({}))).EgressOnlyInternetGateways ?? [];
    expect(eigw.map((g) => g.Attachments?.[0]?.VpcId)).toEqual([vpc]);
    const tables = await routesOf(c, vpc);
    const privateTables = tables.filter((x) => x.table.startsWith('dual-private-'));
    expect(privateTables).toHaveLength(2);
    for (const t of privateTables) expect(t.routes.some((r) => /^::\/0 eigw-\w+ active$/.test(r))).toBe(true);
    expect(tables.find((t) => t.table === 'dual-public')?.routes.some((r) => /^::\/0 igw-\w+ active$/.test(r))).toBe(true);
    const subnets = (await c.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).Subnets ?? [];
    expect(subnets).toHaveLength(4);
    for (const s of subnets) {
      expect(s.AssignIpv6AddressOnCreation).toBe(true);
      expect(s.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock).toMatch(/::\/64$/);
    }
  }

  async function secondaryBlocks(url: string): Promise<void> {
    const c = ec2Client(url, SECOND, 'us-east-1');
    const vpc = (await c.send(new DescribeVpcsCommand({ VpcIds: [await vpcByName(c, 'second-vpc')] }))).Vpcs?.[0];
    // The two secondary blocks are associated in parallel: compare them as a set.
    expect(vpc?.CidrBlockAssociationSet?.map((a) => [a.CidrBlock, a.CidrBlockState?.State]).sort()).toEqual([
      ['10.30.0.0/16', 'associated'],
      ['10.31.0.0/16', 'associated'],
      ['10.32.0.0/16', 'associated'],
    ]);
    const igw = (await c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpc?.VpcId ?? ''] }] }))).InternetGateways ?? [];
    expect(igw).toHaveLength(1);
    const tables = await routesOf(c, vpc?.VpcId ?? '');
    // Every table (main, public, three private) has the three local routes.
    expect(tables).toHaveLength(5);
    for (const t of tables) expect(t.routes.filter((r) => r.includes(' local ')).sort()).toEqual(['10.30.0.0/16 local active', '10.31.0.0/16 local active', '10.32.0.0/16 local active']);
  }

  async function peeredPair(url: string): Promise<void> {
    for (const [account, name, peer] of [[LEFT, 'left-vpc', '10.50.0.0/16'], [RIGHT, 'right-vpc', '10.40.0.0/16']] as const) {
      const c = ec2Client(url, account, 'us-east-1');
      const pcx = (await c.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections ?? [];
      expect(pcx.map((p) => p.Status?.Code)).toEqual(['active']);
      const tables = await routesOf(c, await vpcByName(c, name));
      expect(tables).toHaveLength(4);
      for (const t of tables) expect(t.routes.filter((r) => r.startsWith(`${peer} pcx-`)).map((r) => r.split(' ')[2])).toEqual(['active']);
    }
  }

  it('three zones with a NAT gateway each, dual-stack, secondary blocks, and two accounts peered: apply, plan clean (refreshing every resource), destroy to nothing', async () => {
    const url = started.current.url;
    const ws = workspace(configuration(url));
    try {
      const timings = await applyPlanDestroy(
        ws,
        async () => {
          await threeZonesWithNat(url);
          await dualStack(url);
          await secondaryBlocks(url);
          await peeredPair(url);
        },
        started.current,
      );
      recordTimings('community-module-layouts', timings);
      for (const account of [THREE, DUAL, SECOND, LEFT, RIGHT]) expect(await leftovers(url, account, 'us-east-1'), account).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 900_000);
});
