import { DescribeInstancesCommand, DescribeNetworkInsightsAnalysesCommand, DescribeNetworkInsightsPathsCommand, DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, useTerraformServer, workspace } from './terraform-harness.js';

const ok = terraformAvailable();
const OWNER = '171717171717';
const PEER = '181818181818';
// Any well-formed AMI id launches here; this one is pinned so the plan never changes.
const AMI = 'ami-0123456789abcdef0';

/**
 * Two accounts joined by a peering, security groups that reference each other's groups across it,
 * a network ACL on the far subnet, an instance on each side, and Reachability Analyzer's path and
 * analysis resources (REACHABILITY.md §6): HTTPS is found; PostgreSQL is stopped by the ACL, which
 * the analysis names. Terraform polls an analysis after 10 s: it must already read `succeeded`.
 * The same configuration carries aws_instance (user_data, a fixed private_ip, a type with no
 * credit options) and aws_network_interface (two addresses, groups, the check off): one
 * Terraform run instead of two, as every Terraform command loads the 675 MB provider.
 */
const config = (endpoint: string): string => `${REQUIRED_PROVIDERS}
${providerBlock(endpoint, { alias: 'owner', region: 'us-east-1', accessKey: OWNER })}
${providerBlock(endpoint, { alias: 'peer', region: 'us-east-1', accessKey: PEER })}
resource "aws_vpc" "client" {
  provider   = aws.owner
  cidr_block = "10.120.0.0/16"
  tags       = { Name = "client" }
}
resource "aws_vpc" "server" {
  provider   = aws.peer
  cidr_block = "10.121.0.0/16"
  tags       = { Name = "server" }
}
resource "aws_subnet" "client" {
  provider   = aws.owner
  vpc_id     = aws_vpc.client.id
  cidr_block = "10.120.1.0/24"
}
resource "aws_subnet" "server" {
  provider   = aws.peer
  vpc_id     = aws_vpc.server.id
  cidr_block = "10.121.1.0/24"
}
resource "aws_vpc_peering_connection" "link" {
  provider      = aws.owner
  vpc_id        = aws_vpc.client.id
  peer_vpc_id   = aws_vpc.server.id
  peer_owner_id = "${PEER}"
  tags          = { Name = "client-server" }
}
resource "aws_vpc_peering_connection_accepter" "link" {
  provider                  = aws.peer
  vpc_peering_connection_id = aws_vpc_peering_connection.link.id
  auto_accept               = true
}
resource "aws_route" "to_server" {
  provider                  = aws.owner
  route_table_id            = aws_vpc.client.main_route_table_id
  destination_cidr_block    = aws_vpc.server.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.link.id
}
resource "aws_route" "to_client" {
  provider                  = aws.peer
  route_table_id            = aws_vpc.server.main_route_table_id
  destination_cidr_block    = aws_vpc.client.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.link.id
}
resource "aws_security_group" "client" {
  provider    = aws.owner
  name        = "client"
  description = "calls the server"
  vpc_id      = aws_vpc.client.id
}
resource "aws_security_group" "server" {
  provider    = aws.peer
  name        = "server"
  description = "answers the client"
  vpc_id      = aws_vpc.server.id
}
resource "aws_vpc_security_group_egress_rule" "client_out" {
  provider          = aws.owner
  security_group_id = aws_security_group.client.id
  cidr_ipv4         = aws_vpc.server.cidr_block
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
}
resource "aws_vpc_security_group_ingress_rule" "client_from_server" {
  provider                     = aws.owner
  security_group_id            = aws_security_group.client.id
  referenced_security_group_id = "${PEER}/\${aws_security_group.server.id}"
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  depends_on                   = [aws_vpc_peering_connection_accepter.link]
}
resource "aws_vpc_security_group_ingress_rule" "server_https" {
  provider                     = aws.peer
  security_group_id            = aws_security_group.server.id
  referenced_security_group_id = "${OWNER}/\${aws_security_group.client.id}"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  depends_on                   = [aws_vpc_peering_connection_accepter.link]
}
resource "aws_vpc_security_group_ingress_rule" "server_postgres" {
  provider                     = aws.peer
  security_group_id            = aws_security_group.server.id
  referenced_security_group_id = "${OWNER}/\${aws_security_group.client.id}"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  depends_on                   = [aws_vpc_peering_connection_accepter.link]
}
resource "aws_network_acl" "server" {
  provider   = aws.peer
  vpc_id     = aws_vpc.server.id
  subnet_ids = [aws_subnet.server.id]
  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = aws_vpc.client.cidr_block
    from_port  = 443
    to_port    = 443
  }
  egress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = aws_vpc.client.cidr_block
    from_port  = 1024
    to_port    = 65535
  }
  tags = { Name = "server-acl" }
}
resource "aws_instance" "client" {
  provider               = aws.owner
  ami                    = "${AMI}"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.client.id
  vpc_security_group_ids = [aws_security_group.client.id]
  user_data              = "#!/bin/sh\\necho hello"
  tags                   = { Name = "client" }
}
resource "aws_instance" "plain" {
  provider      = aws.owner
  ami           = "${AMI}"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.client.id
}
resource "aws_network_interface" "spare" {
  provider          = aws.owner
  subnet_id         = aws_subnet.client.id
  private_ips       = ["10.120.1.50", "10.120.1.51"]
  security_groups   = [aws_security_group.client.id]
  source_dest_check = false
  description       = "spare interface"
  tags              = { Name = "spare" }
}
output "client_eni" {
  value = aws_instance.client.primary_network_interface_id
}
output "client_instance" {
  value = aws_instance.client.id
}
resource "aws_instance" "server" {
  provider               = aws.peer
  ami                    = "${AMI}"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.server.id
  vpc_security_group_ids = [aws_security_group.server.id]
  private_ip             = "10.121.1.10"
}
resource "aws_ec2_network_insights_path" "https" {
  provider         = aws.owner
  source           = aws_instance.client.id
  destination      = aws_instance.server.arn
  protocol         = "tcp"
  destination_port = 443
  tags             = { Name = "https" }
}
resource "aws_ec2_network_insights_path" "postgres" {
  provider         = aws.owner
  source           = aws_instance.client.id
  destination      = aws_instance.server.arn
  protocol         = "tcp"
  destination_port = 5432
}
resource "aws_ec2_network_insights_analysis" "https" {
  provider                 = aws.owner
  network_insights_path_id = aws_ec2_network_insights_path.https.id
  wait_for_completion      = true
  tags                     = { Name = "https" }
  depends_on               = [aws_route.to_server, aws_route.to_client, aws_network_acl.server, aws_vpc_security_group_ingress_rule.server_https, aws_vpc_security_group_egress_rule.client_out]
}
resource "aws_ec2_network_insights_analysis" "postgres" {
  provider                 = aws.owner
  network_insights_path_id = aws_ec2_network_insights_path.postgres.id
  wait_for_completion      = true
  depends_on               = [aws_route.to_server, aws_route.to_client, aws_network_acl.server, aws_vpc_security_group_ingress_rule.server_postgres, aws_vpc_security_group_egress_rule.client_out]
}
output "https_found" {
  value = aws_ec2_network_insights_analysis.https.path_found
}
output "https_status" {
  value = aws_ec2_network_insights_analysis.https.status
}
output "https_hops" {
  value = [for c in aws_ec2_network_insights_analysis.https.forward_path_components : c.component[0].id]
}
output "postgres_found" {
  value = aws_ec2_network_insights_analysis.postgres.path_found
}
output "postgres_code" {
  value = aws_ec2_network_insights_analysis.postgres.explanations[0].explanation_code
}
output "postgres_acl" {
  value = aws_ec2_network_insights_analysis.postgres.explanations[0].acl[0].id
}
output "server_acl" {
  value = aws_network_acl.server.id
}
output "pcx" {
  value = aws_vpc_peering_connection.link.id
}
`;

describe.skipIf(!ok)('Terraform: Network Insights paths and analyses across a cross-account peering', () => {
  const started = useTerraformServer();

  it('applies (both analyses succeeded at the first poll), reads the verdicts, plans clean and destroys without leftovers', async () => {
    const ws = workspace(config(started.current.url));
    try {
      const timings = await applyPlanDestroy(
        ws,
        async () => {
          const out = JSON.parse((await ws.must(0, 'output', '-json')).output) as Record<string, { value: unknown }>;
          const v = (k: string): unknown => out[k]?.value;
          expect(v('https_status')).toBe('succeeded');
          expect(v('https_found')).toBe(true);
          const hops = v('https_hops') as string[];
          // An instance's path starts at the instance, then its primary interface (REACHABILITY.md §2.2).
          expect(v('client_instance')).toMatch(/^i-[0-9a-f]{17}$/);
          expect(v('client_eni')).toMatch(/^eni-[0-9a-f]{17}$/);
          expect(hops.slice(0, 2)).toEqual([v('client_instance'), v('client_eni')]);
          expect(hops).toContain(v('pcx'));
          expect(hops).toContain(v('server_acl'));
          expect(v('postgres_found')).toBe(false);
          // The blocking hop is named: the server subnet's ACL admits only 443 from the client VPC.
          expect(v('postgres_code')).toBe('SUBNET_ACL_RESTRICTION');
          expect(v('postgres_acl')).toBe(v('server_acl'));
          const owner = ec2Client(started.current.url, OWNER, 'us-east-1');
          // aws_instance and aws_network_interface as written: the instance running with its
          // primary interface, the interface with both addresses and its check off.
          const client = (await owner.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['client'] }] }))).Reservations?.[0]?.Instances?.[0];
          expect(client?.InstanceId).toBe(v('client_instance'));
          expect(client?.State?.Name).toBe('running');
          expect(client?.ImageId).toBe(AMI);
          expect(v('client_eni')).toBe(client?.NetworkInterfaces?.[0]?.NetworkInterfaceId);
          const server = (await ec2Client(started.current.url, PEER, 'us-east-1').send(new DescribeInstancesCommand({}))).Reservations?.[0]?.Instances?.[0];
          expect(server?.PrivateIpAddress).toBe('10.121.1.10');
          const spare = (await owner.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'tag:Name', Values: ['spare'] }] }))).NetworkInterfaces?.[0];
          expect(spare?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress).sort()).toEqual(['10.120.1.50', '10.120.1.51']);
          expect(spare?.SourceDestCheck).toBe(false);
          const paths = (await owner.send(new DescribeNetworkInsightsPathsCommand({}))).NetworkInsightsPaths ?? [];
          expect(paths).toHaveLength(2);
          // The destination was given as an ARN: it reads back as the id, the ARN beside it.
          for (const p of paths) expect(p.DestinationArn).toBe(`arn:aws:ec2:us-east-1:${PEER}:instance/${p.Destination}`);
          expect((await owner.send(new DescribeNetworkInsightsAnalysesCommand({}))).NetworkInsightsAnalyses?.map((a) => a.Status)).toEqual(['succeeded', 'succeeded']);
        },
        started.current,
      );
      recordTimings('network-insights', timings);
      for (const account of [OWNER, PEER]) {
        const c = ec2Client(started.current.url, account, 'us-east-1');
        expect((await c.send(new DescribeNetworkInsightsPathsCommand({}))).NetworkInsightsPaths).toEqual([]);
        expect((await c.send(new DescribeNetworkInsightsAnalysesCommand({}))).NetworkInsightsAnalyses).toEqual([]);
        expect((await c.send(new DescribeNetworkInterfacesCommand({}))).NetworkInterfaces).toEqual([]);
        const live = ((await c.send(new DescribeInstancesCommand({}))).Reservations ?? []).flatMap((r) => r.Instances ?? []).filter((i) => i.State?.Name !== 'terminated');
        expect(live).toEqual([]);
        expect(await leftovers(started.current.url, account, 'us-east-1')).toEqual([]);
      }
    } finally {
      ws.remove();
    }
  }, 1_200_000);
});
