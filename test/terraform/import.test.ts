import {
  AcceptVpcPeeringConnectionCommand,
  CreateRouteCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, ec2Client, providerBlock, terraformAvailable, workspace, useTerraformServer } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '444444444444';

describe.skipIf(!ok)('Terraform: import of what was made outside Terraform', () => {
  const started = useTerraformServer();

  it('imports a peering connection and a route, then plans no changes', async () => {
    const c = ec2Client(started.current.url, ACCOUNT, 'us-east-2');
    const a = (await c.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16' }))).Vpc?.VpcId ?? '';
    const b = (await c.send(new CreateVpcCommand({ CidrBlock: '10.51.0.0/16' }))).Vpc?.VpcId ?? '';
    const pcx = (await c.send(new CreateVpcPeeringConnectionCommand({ VpcId: a, PeerVpcId: b }))).VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
    await c.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    const main = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [a] }, { Name: 'association.main', Values: ['true'] }] }))).RouteTables?.[0]?.RouteTableId ?? '';
    await c.send(new CreateRouteCommand({ RouteTableId: main, DestinationCidrBlock: '10.51.0.0/16', VpcPeeringConnectionId: pcx }));

    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'us-east-2', accessKey: ACCOUNT })}
resource "aws_vpc_peering_connection" "imported" {
  vpc_id      = "${a}"
  peer_vpc_id = "${b}"
}
resource "aws_route" "imported" {
  route_table_id            = "${main}"
  destination_cidr_block    = "10.51.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection.imported.id
}
`);
    try {
      await ws.must(0, 'init', '-input=false');
      await ws.must(0, 'import', '-input=false', 'aws_vpc_peering_connection.imported', pcx);
      await ws.must(0, 'import', '-input=false', 'aws_route.imported', `${main}_10.51.0.0/16`);
      const plan = await ws.run('plan', '-detailed-exitcode', '-input=false');
      expect(plan.code, plan.output).toBe(0);
      const state = (await ws.must(0, 'state', 'list')).output.trim().split('\n').sort();
      expect(state).toEqual(['aws_route.imported', 'aws_vpc_peering_connection.imported']);
    } finally {
      ws.remove();
    }
  }, 300_000);
});
