// Real packets between instances of peered VPCs (`serve --dataplane`), driven the way a user
// would: the EC2 API through the SDK, and `vpcpeer exec` to run a server in one instance and a
// client in another. Every probe is also asked of the reachability analyzer, which must agree.
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteNetworkAclEntryCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { hostLeftovers } from '../support/host-leftovers.js';
import { analyzerSays, dataplaneAvailable, listening, TCP_PROBE, TCP_SERVER, useDataplaneServer } from './dataplane-harness.js';

const A = '111111111111';
const B = '222222222222';

interface Side {
  readonly account: string;
  readonly vpc: string;
  readonly subnet: string;
  readonly group: string;
  readonly table: string;
  readonly instance: string;
  readonly ip: string;
}

async function side(ec2: EC2Client, account: string, cidr: string, subnetCidr: string): Promise<Side> {
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc?.VpcId as string;
  const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: subnetCidr }))).Subnet?.SubnetId as string;
  const group = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).SecurityGroups?.[0]?.GroupId as string;
  const table = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).RouteTables?.[0]?.RouteTableId as string;
  const i = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }))).Instances?.[0];
  return { account, vpc, subnet, group, table, instance: i?.InstanceId as string, ip: i?.PrivateIpAddress as string };
}

const arn = (s: Side): string => `arn:aws:ec2:us-east-1:${s.account}:instance/${s.instance}`;

describe.skipIf(!dataplaneAvailable)('data plane: traffic through a peering follows routes, groups, ACLs and the connection', () => {
  const suite = useDataplaneServer();

  it('opens and closes exactly when the API says, and the analyzer agrees every time', { timeout: 180_000 }, async () => {
    const ea = suite.ec2(A);
    const eb = suite.ec2(B);
    const a = await side(ea, A, '10.0.0.0/16', '10.0.1.0/24');
    const b = await side(eb, B, '10.1.0.0/16', '10.1.1.0/24');
    const c = await side(ea, A, '10.2.0.0/16', '10.2.1.0/24');
    const ab = (await ea.send(new CreateVpcPeeringConnectionCommand({ VpcId: a.vpc, PeerVpcId: b.vpc, PeerOwnerId: B }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
    await eb.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: ab }));
    // B admits A's group on 8080 only (a reference across the peering); 8081 stays closed.
    await eb.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: b.group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: a.group, UserId: A, VpcPeeringConnectionId: ab }] }] }));

    const server = suite.spawnIn(B, b.instance, ...TCP_SERVER([8080, 8081]));
    await listening(server, [8080, 8081]);

    /** The probe's outcome, checked against the analyzer's verdict for the same question. */
    const probe = async (from: Side, to: Side, port: number): Promise<boolean> => {
      await suite.settle();
      const r = await suite.exec(from.account, from.instance, ...TCP_PROBE(to.ip, port));
      const flows = r.code === 0;
      if (flows) expect(r.out).toBe(`port ${port}`);
      const said = await analyzerSays(suite.ec2(from.account), { source: from.instance, destination: arn(to), protocol: 'tcp', port });
      expect({ port, flows, analyzer: said }, r.out).toEqual({ port, flows, analyzer: flows });
      return flows;
    };

    // No route yet: nothing flows.
    expect(await probe(a, b, 8080)).toBe(false);
    await ea.send(new CreateRouteCommand({ RouteTableId: a.table, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: ab }));
    // A route out but none back: the reply has no way home.
    expect(await probe(a, b, 8080)).toBe(false);
    await eb.send(new CreateRouteCommand({ RouteTableId: b.table, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: ab }));
    expect(await probe(a, b, 8080)).toBe(true);
    expect(await probe(a, b, 8081)).toBe(false);

    // A network ACL entry on B's subnet denies 8080 from A; removing it opens the way again.
    const acl = (await eb.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [b.vpc] }] }))).NetworkAcls?.[0]?.NetworkAclId as string;
    await eb.send(new CreateNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: 50, Egress: false, Protocol: '6', RuleAction: 'deny', CidrBlock: '10.0.0.0/16', PortRange: { From: 8080, To: 8080 } }));
    expect(await probe(a, b, 8080)).toBe(false);
    await eb.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: 50, Egress: false }));
    expect(await probe(a, b, 8080)).toBe(true);

    // No transit: C is peered with A, every route is in place, B admits C's addresses; still nothing.
    const ac = (await ea.send(new CreateVpcPeeringConnectionCommand({ VpcId: a.vpc, PeerVpcId: c.vpc }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
    await ea.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: ac }));
    await ea.send(new CreateRouteCommand({ RouteTableId: a.table, DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: ac }));
    await ea.send(new CreateRouteCommand({ RouteTableId: c.table, DestinationCidrBlock: '10.0.0.0/8', VpcPeeringConnectionId: ac }));
    await eb.send(new CreateRouteCommand({ RouteTableId: b.table, DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: ab }));
    await eb.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: b.group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: [{ CidrIp: '10.2.0.0/16' }] }] }));
    expect(await probe(c, b, 8080)).toBe(false);
    expect(await probe(a, b, 8080)).toBe(true);

    // Deleting the connection turns its routes into blackholes.
    await eb.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: ab }));
    expect(await probe(a, b, 8080)).toBe(false);
  });

  it('leaves nothing on the host once the server stops', { timeout: 60_000 }, async () => {
    const status = (await (await fetch(`${suite.server.url}/_vpcpeer/dataplane`)).json()) as { agentPid: number; routers: number; hosts: number };
    expect(status.routers).toBeGreaterThan(0);
    await suite.server.stop();
    expect(() => process.kill(status.agentPid, 0)).toThrow();
    // The agent's namespaces lived in its own mount namespace: the host's lists never held
    // them (the run-wide check, test/support/host-leftovers-setup.ts, looks again at the end).
    expect(hostLeftovers()).toEqual({ netns: [], links: [], nftTables: [] });
  });
});
