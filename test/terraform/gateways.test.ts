import { DescribeEgressOnlyInternetGatewaysCommand, DescribeInternetGatewaysCommand, DescribeRouteTablesCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import type { Route } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, workspace, useTerraformServer } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '919191919191';
const REGION = 'us-east-1';

/** One route as a comparable pair: destination and target. */
const pair = (r: Route): [string, string] => [
  r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? '',
  r.GatewayId ?? r.EgressOnlyInternetGatewayId ?? r.NatGatewayId ?? r.VpcPeeringConnectionId ?? '',
];

describe.skipIf(!ok)('Terraform: internet gateways, egress-only gateways and routes to them', () => {
  const started = useTerraformServer();

  it('applies, plans no changes, and destroys to nothing but defaults', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: REGION, accessKey: ACCOUNT })}
resource "aws_vpc" "main" {
  cidr_block                       = "10.10.0.0/16"
  assign_generated_ipv6_cidr_block = true
  tags = { Name = "main" }
}
resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
  tags   = { Name = "main-igw" }
}
resource "aws_egress_only_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
  tags   = { Name = "main-eigw" }
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = aws_egress_only_internet_gateway.main.id
  }
  tags = { Name = "public" }
}
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
  tags   = { Name = "private" }
}
resource "aws_route" "private_v4" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "198.51.100.0/24"
  gateway_id             = aws_internet_gateway.main.id
}
resource "aws_route" "private_v6" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.main.id
}

resource "aws_vpc" "second" {
  cidr_block = "10.20.0.0/16"
  tags       = { Name = "second" }
}
resource "aws_internet_gateway" "second" {
  tags = { Name = "second-igw" }
}
resource "aws_internet_gateway_attachment" "second" {
  internet_gateway_id = aws_internet_gateway.second.id
  vpc_id              = aws_vpc.second.id
}
resource "aws_default_route_table" "second" {
  default_route_table_id = aws_vpc.second.default_route_table_id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway_attachment.second.internet_gateway_id
  }
  tags = { Name = "second-main" }
}
`);
    try {
      const timings = await applyPlanDestroy(
        ws,
        async () => {
          const c = ec2Client(started.current.url, ACCOUNT, REGION);
          const vpcId = async (name: string) => (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: [name] }] }))).Vpcs?.[0]?.VpcId ?? '';
          const main = await vpcId('main');
          const second = await vpcId('second');
          const igws = (await c.send(new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'tag:Name', Values: ['main-igw', 'second-igw'] }] }))).InternetGateways ?? [];
          const igw = (name: string) => igws.find((g) => g.Tags?.some((t) => t.Value === name));
          expect(igw('main-igw')?.Attachments).toEqual([{ State: 'available', VpcId: main }]);
          expect(igw('second-igw')?.Attachments).toEqual([{ State: 'available', VpcId: second }]);
          const eigw = (await c.send(new DescribeEgressOnlyInternetGatewaysCommand({ Filters: [{ Name: 'tag:Name', Values: ['main-eigw'] }] }))).EgressOnlyInternetGateways?.[0];
          expect(eigw?.Attachments).toEqual([{ State: 'attached', VpcId: main }]);

          const table = async (name: string) => (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'tag:Name', Values: [name] }] }))).RouteTables?.[0];
          const igwMain = igw('main-igw')?.InternetGatewayId ?? '';
          const eigwId = eigw?.EgressOnlyInternetGatewayId ?? '';
          for (const [name, v4] of [['public', '0.0.0.0/0'], ['private', '198.51.100.0/24']] as const) {
            const routes = ((await table(name))?.Routes ?? []).filter((r) => r.GatewayId !== 'local');
            expect(routes.map(pair).sort()).toEqual([[v4, igwMain], ['::/0', eigwId]]);
            expect(routes.every((r) => r.State === 'active' && r.Origin === 'CreateRoute')).toBe(true);
          }
          const secondMain = ((await table('second-main'))?.Routes ?? []).filter((r) => r.GatewayId !== 'local');
          expect(secondMain.map((r) => [...pair(r), r.State])).toEqual([['0.0.0.0/0', igw('second-igw')?.InternetGatewayId, 'active']]);
        },
        started.current,
      );
      recordTimings('gateways', timings);
      expect(await leftovers(started.current.url, ACCOUNT, REGION)).toEqual([]);
      const c = ec2Client(started.current.url, ACCOUNT, REGION);
      // Only the default VPC's gateway is left, and no egress-only gateway.
      const igws = (await c.send(new DescribeInternetGatewaysCommand({}))).InternetGateways ?? [];
      const defaultVpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId;
      expect(igws.map((g) => g.Attachments?.[0]?.VpcId)).toEqual([defaultVpc]);
      expect((await c.send(new DescribeEgressOnlyInternetGatewaysCommand({}))).EgressOnlyInternetGateways).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 600_000);
});
