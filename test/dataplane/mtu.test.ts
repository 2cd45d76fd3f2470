// MTU as AWS gives it (EC2 User Guide, "Network maximum transmission unit (MTU) for your EC2
// instance"): jumbo frames (9001) within a Region, 8500 over an inter-Region peering. Pings with
// Don't Fragment set find the limits, as path MTU discovery would.
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { pingAvailable, useDataplaneServer } from './dataplane-harness.js';

const ACCOUNT = '111111111111';
/** IPv4 and ICMP headers: a ping's payload is the packet less these. */
const HEADERS = 28;

describe.skipIf(!pingAvailable)('data plane: MTU', () => {
  const suite = useDataplaneServer();

  it('9001 on instances and within a Region, 8500 across Regions', { timeout: 120_000 }, async () => {
    const client = (region: string): EC2Client => new EC2Client({ endpoint: suite.server.url, region, credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' }, maxAttempts: 1 });
    /** A VPC with an instance that answers pings from 10/8, and its main route table. */
    const vpc = async (c: EC2Client, cidr: string): Promise<{ vpc: string; table: string; ip: string; id: string }> => {
      const id = (await c.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId as string;
      const subnet = (await c.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: cidr.replace('.0.0/16', '.1.0/24') }))).Subnet?.SubnetId as string;
      const group = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).SecurityGroups?.[0]?.GroupId as string;
      await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group, IpPermissions: [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
      const table = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).RouteTables?.[0]?.RouteTableId as string;
      const i = (await c.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }))).Instances?.[0];
      return { vpc: id, table, ip: i?.PrivateIpAddress as string, id: i?.InstanceId as string };
    };
    const east = client('us-east-1');
    const west = client('us-west-2');
    const a = await vpc(east, '10.5.0.0/16');
    const same = await vpc(east, '10.7.0.0/16');
    const far = await vpc(west, '10.6.0.0/16');
    for (const [peer, peerClient, region] of [[same, east, 'us-east-1'], [far, west, 'us-west-2']] as const) {
      const pcx = (await east.send(new CreateVpcPeeringConnectionCommand({ VpcId: a.vpc, PeerVpcId: peer.vpc, PeerRegion: region }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
      await peerClient.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
      await east.send(new CreateRouteCommand({ RouteTableId: a.table, DestinationCidrBlock: peer.ip + '/32', VpcPeeringConnectionId: pcx }));
      await peerClient.send(new CreateRouteCommand({ RouteTableId: peer.table, DestinationCidrBlock: a.ip + '/32', VpcPeeringConnectionId: pcx }));
    }
    await suite.settle();

    expect((await suite.exec(ACCOUNT, a.id, 'ip', '-o', 'link', 'show', 'eth0')).out).toMatch(/ mtu 9001 /);
    /** One ping of `size` bytes (headers included) with Don't Fragment set. */
    const fits = async (to: string, size: number): Promise<boolean> => (await suite.exec(ACCOUNT, a.id, 'ping', '-n', '-c', '1', '-W', '2', '-M', 'do', '-s', String(size - HEADERS), to)).code === 0;
    expect(await fits(same.ip, 9001)).toBe(true);
    expect(await fits(far.ip, 8500)).toBe(true);
    // One byte more is refused by the router (fragmentation needed), not delivered in pieces.
    expect(await fits(far.ip, 8501)).toBe(false);
    east.destroy();
    west.destroy();
  });
});
