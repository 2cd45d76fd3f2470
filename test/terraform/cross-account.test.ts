import { DescribeVpcPeeringConnectionsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, workspace, useTerraformServer } from './terraform-harness.js';

const ok = terraformAvailable();
const REQUESTER = '111111111111';
const ACCEPTER = '222222222222';

/**
 * Terraform's own documented cross-account example, across two regions too: the requester signs
 * with a 12-digit key, the accepter through assume_role; each side has its own Name/Side tags.
 */
describe.skipIf(!ok)('Terraform: two accounts, two regions', () => {
  const started = useTerraformServer();

  it('applies, plans no changes with per-side tags and options, and destroys cleanly', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}
${providerBlock(started.current.url, { alias: 'requester', region: 'us-east-1', accessKey: REQUESTER })}
${providerBlock(started.current.url, { alias: 'accepter', region: 'us-west-2', accessKey: REQUESTER, assumeRoleArn: `arn:aws:iam::${ACCEPTER}:role/peering-admin` })}
data "aws_caller_identity" "accepter" {
  provider = aws.accepter
}
resource "aws_vpc" "requester" {
  provider                         = aws.requester
  cidr_block                       = "10.10.0.0/16"
  assign_generated_ipv6_cidr_block = true
  enable_dns_hostnames             = true
  tags = { Name = "requester" }
}
resource "aws_vpc" "accepter" {
  provider             = aws.accepter
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  tags = { Name = "accepter" }
}
resource "aws_subnet" "requester" {
  provider   = aws.requester
  vpc_id     = aws_vpc.requester.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_subnet" "accepter" {
  provider   = aws.accepter
  vpc_id     = aws_vpc.accepter.id
  cidr_block = "10.20.1.0/24"
}
resource "aws_route_table" "requester" {
  provider = aws.requester
  vpc_id   = aws_vpc.requester.id
}
resource "aws_route_table" "accepter" {
  provider = aws.accepter
  vpc_id   = aws_vpc.accepter.id
}
resource "aws_route_table_association" "requester" {
  provider       = aws.requester
  subnet_id      = aws_subnet.requester.id
  route_table_id = aws_route_table.requester.id
}
resource "aws_route_table_association" "accepter" {
  provider       = aws.accepter
  subnet_id      = aws_subnet.accepter.id
  route_table_id = aws_route_table.accepter.id
}
resource "aws_vpc_peering_connection" "peer" {
  provider      = aws.requester
  vpc_id        = aws_vpc.requester.id
  peer_vpc_id   = aws_vpc.accepter.id
  peer_owner_id = data.aws_caller_identity.accepter.account_id
  peer_region   = "us-west-2"
  auto_accept   = false
  tags = {
    Name = "to-accepter"
    Side = "Requester"
  }
}
resource "aws_vpc_peering_connection_accepter" "peer" {
  provider                  = aws.accepter
  vpc_peering_connection_id = aws_vpc_peering_connection.peer.id
  auto_accept               = true
  tags = {
    Name = "from-requester"
    Side = "Accepter"
  }
}
resource "aws_vpc_peering_connection_options" "requester" {
  provider                  = aws.requester
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.peer.id
  requester {
    allow_remote_vpc_dns_resolution = true
  }
}
resource "aws_vpc_peering_connection_options" "accepter" {
  provider                  = aws.accepter
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.peer.id
  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}
resource "aws_route" "requester" {
  provider                  = aws.requester
  route_table_id            = aws_route_table.requester.id
  destination_cidr_block    = aws_vpc.accepter.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.peer.id
}
resource "aws_route" "accepter" {
  provider                  = aws.accepter
  route_table_id            = aws_route_table.accepter.id
  destination_cidr_block    = aws_vpc.requester.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.peer.id
}
`);
    try {
      const timings = await applyPlanDestroy(ws, async () => {
        const seen = async (account: string, region: string) =>
          (await ec2Client(started.current.url, account, region).send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections?.filter((p) => p.Status?.Code === 'active') ?? [];
        const [req] = await seen(REQUESTER, 'us-east-1');
        const [acc] = await seen(ACCEPTER, 'us-west-2');
        expect(req?.VpcPeeringConnectionId).toBe(acc?.VpcPeeringConnectionId);
        expect(req?.Tags?.sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''))).toEqual([{ Key: 'Name', Value: 'to-accepter' }, { Key: 'Side', Value: 'Requester' }]);
        expect(acc?.Tags?.sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''))).toEqual([{ Key: 'Name', Value: 'from-requester' }, { Key: 'Side', Value: 'Accepter' }]);
        expect(req?.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(true);
        expect(acc?.AccepterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc).toBe(true);
        expect(acc?.AccepterVpcInfo).toMatchObject({ OwnerId: ACCEPTER, Region: 'us-west-2', CidrBlock: '10.20.0.0/16' });
      }, started.current);
      recordTimings('two-accounts-two-regions', timings);
      expect(await leftovers(started.current.url, REQUESTER, 'us-east-1')).toEqual([]);
      expect(await leftovers(started.current.url, ACCEPTER, 'us-west-2')).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
