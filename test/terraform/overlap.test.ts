import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, leftovers, providerBlock, terraformAvailable, workspace, useTerraformServer } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '555555555555';

describe.skipIf(!ok)('Terraform: overlapping CIDRs', () => {
  const started = useTerraformServer();

  it('apply fails with the failed state and AWS message; destroy leaves nothing', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'us-east-1', accessKey: ACCOUNT })}
resource "aws_vpc" "a" {
  cidr_block = "10.60.0.0/16"
}
resource "aws_vpc" "b" {
  cidr_block = "10.60.128.0/17"
}
resource "aws_vpc_peering_connection" "overlap" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.b.id
  auto_accept = true
}
`);
    try {
      await ws.must(0, 'init', '-input=false');
      const apply = await ws.run('apply', '-auto-approve', '-input=false');
      expect(apply.code).toBe(1);
      expect(apply.output).toMatch(/unexpected state 'failed'/);
      expect(apply.output).toContain('Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range');
      await ws.must(0, 'destroy', '-auto-approve', '-input=false');
      expect(await leftovers(started.current.url, ACCOUNT, 'us-east-1')).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
