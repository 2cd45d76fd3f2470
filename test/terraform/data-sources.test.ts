import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, ec2Client, leftovers, providerBlock, recordTimings, serverMs, terraformAvailable, workspace, useTerraformServer } from './terraform-harness.js';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';

const ok = terraformAvailable();
const ACCOUNT = '333333333333';

describe.skipIf(!ok)('Terraform: data sources read what the API holds', () => {
  const started = useTerraformServer();

  it('aws_vpc_peering_connection (by id, by filter), aws_vpc_peering_connections, aws_route_table, default aws_vpc', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'eu-west-1', accessKey: ACCOUNT })}
resource "aws_vpc" "a" {
  cidr_block = "10.30.0.0/16"
}
resource "aws_vpc" "b" {
  cidr_block = "10.31.0.0/16"
}
resource "aws_vpc" "c" {
  cidr_block = "10.32.0.0/16"
}
resource "aws_vpc_peering_connection" "ab" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.b.id
  auto_accept = true
  tags = { Name = "data-ab" }
}
resource "aws_vpc_peering_connection" "ac" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.c.id
  tags = { Name = "data-ac" }
}
data "aws_vpc_peering_connection" "by_id" {
  id = aws_vpc_peering_connection.ab.id
}
data "aws_vpc_peering_connection" "by_filter" {
  filter {
    name   = "tag:Name"
    values = ["data-ab"]
  }
  depends_on = [aws_vpc_peering_connection.ab, aws_vpc_peering_connection.ac]
}
data "aws_vpc_peering_connections" "from_a" {
  filter {
    name   = "requester-vpc-info.vpc-id"
    values = [aws_vpc.a.id]
  }
  depends_on = [aws_vpc_peering_connection.ab, aws_vpc_peering_connection.ac]
}
data "aws_vpc_peering_connections" "pending" {
  filter {
    name   = "status-code"
    values = ["pending-acceptance"]
  }
  depends_on = [aws_vpc_peering_connection.ab, aws_vpc_peering_connection.ac]
}
data "aws_route_table" "main_a" {
  vpc_id = aws_vpc.a.id
  filter {
    name   = "association.main"
    values = ["true"]
  }
}
data "aws_vpc" "default" {
  default = true
}
output "by_id" {
  value = {
    status        = data.aws_vpc_peering_connection.by_id.status
    peer_cidr     = data.aws_vpc_peering_connection.by_id.peer_cidr_block
    cidr          = data.aws_vpc_peering_connection.by_id.cidr_block
    owner_id      = data.aws_vpc_peering_connection.by_id.owner_id
    peer_region   = data.aws_vpc_peering_connection.by_id.peer_region
  }
}
output "by_filter_id" {
  value = data.aws_vpc_peering_connection.by_filter.id
}
output "from_a" {
  value = sort(data.aws_vpc_peering_connections.from_a.ids)
}
output "pending" {
  value = data.aws_vpc_peering_connections.pending.ids
}
output "expected" {
  value = { ab = aws_vpc_peering_connection.ab.id, ac = aws_vpc_peering_connection.ac.id, main_a = aws_vpc.a.main_route_table_id }
}
output "main_a" {
  value = data.aws_route_table.main_a.route_table_id
}
output "default_vpc" {
  value = { id = data.aws_vpc.default.id, cidr = data.aws_vpc.default.cidr_block, dns = data.aws_vpc.default.enable_dns_hostnames }
}
`);
    try {
      await ws.must(0, 'init', '-input=false');
      const apply = await ws.must(0, 'apply', '-auto-approve', '-input=false');
      const out = JSON.parse((await ws.must(0, 'output', '-json')).output) as Record<string, { value: unknown }>;
      const v = (k: string): unknown => out[k]?.value;
      const expected = v('expected') as { ab: string; ac: string; main_a: string };
      expect(v('by_id')).toEqual({ status: 'active', peer_cidr: '10.31.0.0/16', cidr: '10.30.0.0/16', owner_id: ACCOUNT, peer_region: 'eu-west-1' });
      expect(v('by_filter_id')).toBe(expected.ab);
      expect(v('from_a')).toEqual([expected.ab, expected.ac].sort());
      expect(v('pending')).toEqual([expected.ac]);
      expect(v('main_a')).toBe(expected.main_a);
      const defaultVpc = (await ec2Client(started.current.url, ACCOUNT, 'eu-west-1').send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
      expect(v('default_vpc')).toEqual({ id: defaultVpc?.VpcId, cidr: '172.31.0.0/16', dns: true });
      const plan = await ws.run('plan', '-detailed-exitcode', '-input=false');
      expect(plan.code, plan.output).toBe(0);
      const destroy = await ws.must(0, 'destroy', '-auto-approve', '-input=false');
      recordTimings('data-sources', { apply: apply.ms, plan: plan.ms, destroy: destroy.ms, server: serverMs(started.current) });
      expect(await leftovers(started.current.url, ACCOUNT, 'eu-west-1')).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
