import { DescribeDhcpOptionsCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, workspace, useTerraformServer } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '515151515151';

describe.skipIf(!ok)('Terraform: DHCP options sets and subnet attributes', () => {
  const started = useTerraformServer();

  it('applies, plans no changes, and destroys to nothing but defaults', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'us-east-1', accessKey: ACCOUNT })}
resource "aws_vpc" "main" {
  cidr_block                       = "10.50.0.0/16"
  assign_generated_ipv6_cidr_block = true
  tags = { Name = "dhcp-subnets" }
}
resource "aws_vpc_dhcp_options" "corp" {
  domain_name                       = "corp.example.com"
  domain_name_servers               = ["10.50.0.2", "10.50.0.3"]
  ntp_servers                       = ["10.50.0.4"]
  netbios_name_servers              = ["10.50.0.5"]
  netbios_node_type                 = "2"
  ipv6_address_preferred_lease_time = "1440"
  tags = { Name = "corp" }
}
resource "aws_vpc_dhcp_options_association" "main" {
  vpc_id          = aws_vpc.main.id
  dhcp_options_id = aws_vpc_dhcp_options.corp.id
}
# No tags here: provider 5.100 sends no CreateTags when it adopts the default set (only
# DescribeDhcpOptions, seen in its debug log), so tags would leave a diff whatever the server
# does. Tagging the default set is covered by test/sdk/dhcp-options.test.ts.
resource "aws_default_vpc_dhcp_options" "default" {
  owner_id = "${ACCOUNT}"
}
output "default_set" {
  value = [aws_default_vpc_dhcp_options.default.id, aws_default_vpc_dhcp_options.default.domain_name, aws_default_vpc_dhcp_options.default.domain_name_servers]
}
resource "aws_subnet" "public" {
  vpc_id                                      = aws_vpc.main.id
  cidr_block                                  = "10.50.1.0/24"
  map_public_ip_on_launch                     = true
  enable_resource_name_dns_a_record_on_launch = true
  private_dns_hostname_type_on_launch         = "resource-name"
  tags = { Name = "public" }
}
resource "aws_subnet" "dual" {
  vpc_id                                         = aws_vpc.main.id
  cidr_block                                     = "10.50.2.0/24"
  ipv6_cidr_block                                = cidrsubnet(aws_vpc.main.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation                = true
  enable_dns64                                   = true
  enable_resource_name_dns_aaaa_record_on_launch = true
  tags = { Name = "dual" }
}
`);
    try {
      const c = ec2Client(started.current.url, ACCOUNT, 'us-east-1');
      const timings = await applyPlanDestroy(ws, async () => {
        const corp = (await c.send(new DescribeDhcpOptionsCommand({ Filters: [{ Name: 'tag:Name', Values: ['corp'] }] }))).DhcpOptions?.[0];
        // In the order the provider sent them; compared as a map.
        expect(Object.fromEntries(corp?.DhcpConfigurations?.map((d) => [d.Key, d.Values?.map((v) => v.Value)]) ?? [])).toEqual({
          'domain-name': ['corp.example.com'],
          'domain-name-servers': ['10.50.0.2', '10.50.0.3'],
          'ntp-servers': ['10.50.0.4'],
          'netbios-name-servers': ['10.50.0.5'],
          'netbios-node-type': ['2'],
          'ipv6-address-preferred-lease-time': ['1440'],
        });
        const vpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['dhcp-subnets'] }] }))).Vpcs?.[0];
        expect(vpc?.DhcpOptionsId).toBe(corp?.DhcpOptionsId);
        const defaultVpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
        const out = JSON.parse((await ws.must(0, 'output', '-json', 'default_set')).output) as string[];
        expect(out).toEqual([defaultVpc?.DhcpOptionsId, 'ec2.internal', 'AmazonProvidedDNS']);
        const subnets = (await c.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc?.VpcId ?? ''] }] }))).Subnets ?? [];
        const byName = (n: string) => subnets.find((s) => s.Tags?.some((t) => t.Key === 'Name' && t.Value === n));
        expect(byName('public')).toMatchObject({
          MapPublicIpOnLaunch: true,
          PrivateDnsNameOptionsOnLaunch: { HostnameType: 'resource-name', EnableResourceNameDnsARecord: true, EnableResourceNameDnsAAAARecord: false },
        });
        expect(byName('dual')).toMatchObject({
          AssignIpv6AddressOnCreation: true,
          EnableDns64: true,
          PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: true },
          Ipv6CidrBlockAssociationSet: [expect.objectContaining({ Ipv6CidrBlockState: { State: 'associated' } })],
        });
      }, started.current);
      recordTimings('dhcp-subnets', timings);
      expect(await leftovers(started.current.url, ACCOUNT, 'us-east-1')).toEqual([]);
      // Only the default set is left, the default VPC still uses it, and the corp set is gone.
      const sets = (await c.send(new DescribeDhcpOptionsCommand({}))).DhcpOptions ?? [];
      const defaultVpc = (await c.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs?.[0];
      expect(sets.map((s) => s.DhcpOptionsId)).toEqual([defaultVpc?.DhcpOptionsId]);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
