import { DescribeRouteTablesCommand, DescribeVpcPeeringConnectionsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, workspace, useTerraformServer } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '111111111111';

describe.skipIf(!ok)('Terraform: one account, one region, auto_accept with DNS options and routes both ways', () => {
  const started = useTerraformServer();

  it('applies, plans no changes, and destroys to nothing but defaults', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'us-east-1', accessKey: ACCOUNT })}
resource "aws_vpc" "a" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags = { Name = "a" }
}
resource "aws_vpc" "b" {
  cidr_block           = "10.1.0.0/16"
  enable_dns_hostnames = true
  tags = { Name = "b" }
}
resource "aws_vpc_peering_connection" "ab" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.b.id
  auto_accept = true
  requester {
    allow_remote_vpc_dns_resolution = true
  }
  accepter {
    allow_remote_vpc_dns_resolution = true
  }
  tags = { Name = "a-to-b" }
}
resource "aws_route" "a_to_b" {
  route_table_id            = aws_vpc.a.main_route_table_id
  destination_cidr_block    = aws_vpc.b.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
}
resource "aws_route" "b_to_a" {
  route_table_id            = aws_vpc.b.main_route_table_id
  destination_cidr_block    = "10.0.0.0/28"
  vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
}
output "pcx" {
  value = aws_vpc_peering_connection.ab.id
}
`);
    try {
      const timings = await applyPlanDestroy(ws, async () => {
        const c = ec2Client(started.current.url, ACCOUNT, 'us-east-1');
        const pcx = (await c.send(new DescribeVpcPeeringConnectionsCommand({ Filters: [{ Name: 'tag:Name', Values: ['a-to-b'] }] }))).VpcPeeringConnections?.[0];
        expect(pcx?.Status?.Code).toBe('active');
        expect(pcx?.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(true);
        expect(pcx?.AccepterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(true);
        const routes = ((await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.vpc-peering-connection-id', Values: [pcx?.VpcPeeringConnectionId ?? ''] }] }))).RouteTables ?? []).flatMap((t) => t.Routes ?? []);
        expect(routes.filter((r) => r.VpcPeeringConnectionId).map((r) => [r.DestinationCidrBlock, r.State]).sort()).toEqual([
          ['10.0.0.0/28', 'active'],
          ['10.1.0.0/16', 'active'],
        ]);
      }, started.current);
      recordTimings('same-account-same-region', timings);
      expect(await leftovers(started.current.url, ACCOUNT, 'us-east-1')).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
