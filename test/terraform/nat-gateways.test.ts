import { DescribeAddressesCommand, DescribeNatGatewaysCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, useTerraformServer, workspace } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '111111111111';

// CreateInternetGateway/AttachInternetGateway are another family's work: the public gateway sits in
// the default VPC, whose internet gateway AWS (and this server) attaches on the account's first use.
describe.skipIf(!ok)('Terraform: aws_eip, a public aws_nat_gateway and a private one', () => {
  const started = useTerraformServer();

  it('applies fast, plans no changes, and destroys to nothing but defaults', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'us-east-1', accessKey: ACCOUNT })}
data "aws_vpc" "default" {
  default = true
}
data "aws_subnet" "default_a" {
  vpc_id            = data.aws_vpc.default.id
  availability_zone = "us-east-1a"
  default_for_az    = true
}
resource "aws_eip" "nat" {
  domain = "vpc"
  tags   = { Name = "nat-eip" }
}
resource "aws_eip" "spare" {
  domain = "vpc"
}
resource "aws_nat_gateway" "public" {
  allocation_id = aws_eip.nat.id
  subnet_id     = data.aws_subnet.default_a.id
  tags          = { Name = "public-nat" }
}
resource "aws_vpc" "private" {
  cidr_block = "10.60.0.0/16"
}
resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.private.id
  cidr_block = "10.60.1.0/24"
}
resource "aws_nat_gateway" "private" {
  connectivity_type = "private"
  subnet_id         = aws_subnet.private.id
  private_ip        = "10.60.1.10"
  tags              = { Name = "private-nat" }
}
output "public_ip" {
  value = aws_nat_gateway.public.public_ip
}
`);
    try {
      const timings = await applyPlanDestroy(
        ws,
        async () => {
          const c = ec2Client(started.current.url, ACCOUNT, 'us-east-1');
          const nats = (await c.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'tag-key', Values: ['Name'] }] }))).NatGateways ?? [];
          const byName = new Map(nats.map((g) => [g.Tags?.find((t) => t.Key === 'Name')?.Value, g]));
          const pub = byName.get('public-nat');
          const priv = byName.get('private-nat');
          expect(pub?.State).toBe('available');
          expect(pub?.ConnectivityType).toBe('public');
          expect(priv?.State).toBe('available');
          expect(priv?.ConnectivityType).toBe('private');
          expect(priv?.NatGatewayAddresses?.[0]?.PrivateIp).toBe('10.60.1.10');
          const eip = (await c.send(new DescribeAddressesCommand({ Filters: [{ Name: 'tag:Name', Values: ['nat-eip'] }] }))).Addresses?.[0];
          expect(eip?.AssociationId).toBe(pub?.NatGatewayAddresses?.[0]?.AssociationId);
          expect(eip?.NetworkInterfaceId).toBe(pub?.NatGatewayAddresses?.[0]?.NetworkInterfaceId);
          const apply = await ws.must(0, 'output', '-raw', 'public_ip');
          expect(apply.output.trim()).toBe(eip?.PublicIp);
        },
        started.current,
      );
      // Timings are recorded, not asserted: speed is shown by benchmarks. That no waiter waits on
      // the server is asserted in test/sdk/nat-gateways.test.ts (one poll each).
      recordTimings('nat-gateways', timings);
      const c = ec2Client(started.current.url, ACCOUNT, 'us-east-1');
      expect((await c.send(new DescribeAddressesCommand({}))).Addresses ?? []).toEqual([]);
      const live = ((await c.send(new DescribeNatGatewaysCommand({}))).NatGateways ?? []).filter((g) => g.State !== 'deleted');
      expect(live).toEqual([]);
      expect(await leftovers(started.current.url, ACCOUNT, 'us-east-1')).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
