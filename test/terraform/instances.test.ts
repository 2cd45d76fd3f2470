import { DescribeInstancesCommand, DescribeNetworkInterfacesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, useTerraformServer, workspace } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '111111111111';
// Any well-formed AMI id launches here; this one is pinned so the plan never changes.
const AMI = 'ami-0123456789abcdef0';

describe.skipIf(!ok)('Terraform: aws_network_interface and aws_instance', () => {
  const started = useTerraformServer();

  it('applies, plans no changes, and destroys to nothing but defaults', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'us-east-1', accessKey: ACCOUNT })}
resource "aws_vpc" "main" {
  cidr_block = "10.70.0.0/16"
}
resource "aws_subnet" "app" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.70.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_security_group" "app" {
  name        = "app"
  description = "app servers"
  vpc_id      = aws_vpc.main.id
}
resource "aws_network_interface" "spare" {
  subnet_id         = aws_subnet.app.id
  private_ips       = ["10.70.1.50", "10.70.1.51"]
  security_groups   = [aws_security_group.app.id]
  source_dest_check = false
  description       = "spare interface"
  tags              = { Name = "spare" }
}
resource "aws_instance" "app" {
  ami                    = "${AMI}"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.app.id]
  private_ip             = "10.70.1.10"
  user_data              = "#!/bin/sh\\necho hello"
  tags                   = { Name = "app" }
}
resource "aws_instance" "plain" {
  ami           = "${AMI}"
  instance_type = "m5.large"
  subnet_id     = aws_subnet.app.id
}
output "app_ip" {
  value = aws_instance.app.private_ip
}
output "app_eni" {
  value = aws_instance.app.primary_network_interface_id
}
`);
    try {
      const timings = await applyPlanDestroy(
        ws,
        async () => {
          const c = ec2Client(started.current.url, ACCOUNT, 'us-east-1');
          const r = await c.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['app'] }] }));
          const app = r.Reservations?.[0]?.Instances?.[0];
          expect(app?.State?.Name).toBe('running');
          expect(app?.PrivateIpAddress).toBe('10.70.1.10');
          expect(app?.ImageId).toBe(AMI);
          const out = await ws.must(0, 'output', '-raw', 'app_eni');
          expect(out.output.trim()).toBe(app?.NetworkInterfaces?.[0]?.NetworkInterfaceId);
          const spare = (await c.send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: 'tag:Name', Values: ['spare'] }] }))).NetworkInterfaces?.[0];
          expect(spare?.PrivateIpAddresses?.map((p) => p.PrivateIpAddress).sort()).toEqual(['10.70.1.50', '10.70.1.51']);
          expect(spare?.SourceDestCheck).toBe(false);
        },
        started.current,
      );
      recordTimings('instances', timings);
      const c = ec2Client(started.current.url, ACCOUNT, 'us-east-1');
      const states = ((await c.send(new DescribeInstancesCommand({}))).Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.State?.Name);
      expect(states).toEqual(['terminated', 'terminated']);
      expect(await leftovers(started.current.url, ACCOUNT, 'us-east-1')).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
