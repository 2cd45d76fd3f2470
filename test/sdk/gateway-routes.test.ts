import {
  AttachInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  DeleteEgressOnlyInternetGatewayCommand,
  DeleteRouteCommand,
  DescribeRouteTablesCommand,
  DetachInternetGatewayCommand,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client, Route } from '@aws-sdk/client-ec2';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRY_RUN, attachedGateway, ipv6Vpc, newEgressOnlyGateway, newInternetGateway, useTwoAccounts } from './gateway-helpers.js';
import { ec2, expectEc2Error, failure, mainRouteTable, newVpc, routeTo } from './sdk-helpers.js';

const A = '717171717171';
const B = '727272727272';

const accounts = useTwoAccounts(A, B);
let a: EC2Client;
let b: EC2Client;
beforeAll(() => {
  ({ a, b } = accounts);
});

async function ipv6RouteTo(client: EC2Client, rtb: string, destination: string): Promise<Route | undefined> {
  const r = await client.send(new DescribeRouteTablesCommand({ RouteTableIds: [rtb] }));
  return r.RouteTables?.[0]?.Routes?.find((route) => route.DestinationIpv6CidrBlock === destination);
}

async function tablesWhere(client: EC2Client, name: string, value: string): Promise<string[]> {
  const r = await client.send(new DescribeRouteTablesCommand({ Filters: [{ Name: name, Values: [value] }] }));
  return (r.RouteTables ?? []).map((t) => t.RouteTableId ?? '').sort();
}

describe('routes to an internet gateway', () => {
  it('targets the VPC’s attached gateway: active, shown as GatewayId, found by route.gateway-id', async () => {
    const vpc = await newVpc(a, '10.90.0.0/16');
    const igw = await attachedGateway(a, vpc);
    const rtb = (await a.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable?.RouteTableId ?? '';
    const r = await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
    expect(r.Return).toBe(true);
    expect(await routeTo(a, rtb, '0.0.0.0/0')).toEqual({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, Origin: 'CreateRoute', State: 'active' });
    expect(await tablesWhere(a, 'route.gateway-id', igw)).toEqual([rtb]);
    expect(await tablesWhere(a, 'route.state', 'blackhole')).toEqual([]);

    // Detached: the route stays, as a blackhole; attached again: active again.
    await a.send(new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expect((await routeTo(a, rtb, '0.0.0.0/0'))?.State).toBe('blackhole');
    expect(await tablesWhere(a, 'route.state', 'blackhole')).toEqual([rtb]);
    await a.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
    expect((await routeTo(a, rtb, '0.0.0.0/0'))?.State).toBe('active');
  });

  it('refuses a gateway not attached to the table’s VPC, an unknown one, and another account’s', async () => {
    const vpc = await newVpc(a, '10.91.0.0/16');
    const elsewhere = await newVpc(a, '10.92.0.0/16');
    const rtb = await mainRouteTable(a, vpc);
    const loose = await newInternetGateway(a);
    const other = await attachedGateway(a, elsewhere);
    for (const igw of [loose, other]) {
      expectEc2Error(
        await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }))),
        'InvalidParameterValue',
        `route table ${rtb} and network gateway ${igw} belong to different networks`,
      );
    }
    for (const id of ['igw-0123456789abcdef0', 'nat-0123456789abcdef0', 'eigw-0123456789abcdef0']) {
      expectEc2Error(await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: id }))), 'InvalidGatewayID.NotFound', `The gateway ID '${id}' does not exist`);
    }
    const theirs = await attachedGateway(b, await newVpc(b, '10.91.0.0/16'));
    expectEc2Error(await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: theirs }))), 'InvalidGatewayID.NotFound', `The gateway ID '${theirs}' does not exist`);
    expect(await routeTo(a, rtb, '0.0.0.0/0')).toBeUndefined();
  });

  it('DryRun CreateRoute answers 412 and adds nothing; two targets are refused', async () => {
    const vpc = await newVpc(a, '10.93.0.0/16');
    const igw = await attachedGateway(a, vpc);
    const rtb = await mainRouteTable(a, vpc);
    expectEc2Error(await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, DryRun: true }))), 'DryRunOperation', DRY_RUN, 412);
    expect(await routeTo(a, rtb, '0.0.0.0/0')).toBeUndefined();
    expectEc2Error(
      await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, NatGatewayId: 'nat-0123456789abcdef0' }))),
      'InvalidParameterCombination',
      'The parameters gatewayId and natGatewayId cannot be used together: a route has exactly one target',
    );
  });

  it('the default VPC’s 0.0.0.0/0 route goes blackhole when its gateway is detached', async () => {
    const c = ec2(accounts.server.url, '737373737373');
    const t = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.destination-cidr-block', Values: ['0.0.0.0/0'] }] }))).RouteTables?.[0];
    const route = t?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
    expect(route).toMatchObject({ State: 'active', Origin: 'CreateRoute' });
    expect(route?.GatewayId).toMatch(/^igw-/);
    await c.send(new DetachInternetGatewayCommand({ InternetGatewayId: route?.GatewayId, VpcId: t?.VpcId }));
    expect((await routeTo(c, t?.RouteTableId ?? '', '0.0.0.0/0'))?.State).toBe('blackhole');
  });
});

describe('routes to an egress-only internet gateway', () => {
  it('IPv6 routes target the VPC’s egress-only gateway; deleting it leaves a blackhole', async () => {
    const vpc = await ipv6Vpc(a, '10.94.0.0/16');
    const eigw = await newEgressOnlyGateway(a, vpc);
    const rtb = await mainRouteTable(a, vpc);
    await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw }));
    expect(await ipv6RouteTo(a, rtb, '::/0')).toEqual({ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw, Origin: 'CreateRoute', State: 'active' });
    expect(await tablesWhere(a, 'route.egress-only-internet-gateway-id', eigw)).toEqual([rtb]);
    expect(await tablesWhere(a, 'route.gateway-id', eigw)).toEqual([]);

    await a.send(new DeleteEgressOnlyInternetGatewayCommand({ EgressOnlyInternetGatewayId: eigw }));
    expect(await ipv6RouteTo(a, rtb, '::/0')).toMatchObject({ EgressOnlyInternetGatewayId: eigw, State: 'blackhole' });
    await a.send(new DeleteRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0' }));
    expect(await ipv6RouteTo(a, rtb, '::/0')).toBeUndefined();
  });

  it('refuses an IPv4 destination, another VPC’s gateway, malformed and unknown ids', async () => {
    const vpc = await ipv6Vpc(a, '10.95.0.0/16');
    const rtb = await mainRouteTable(a, vpc);
    const mine = await newEgressOnlyGateway(a, vpc);
    const other = await newEgressOnlyGateway(a, await ipv6Vpc(a, '10.96.0.0/16'));
    expectEc2Error(
      await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', EgressOnlyInternetGatewayId: mine }))),
      'InvalidParameterValue',
      `Egress-only internet gateway ${mine} can only be the target of an IPv6 route (DestinationIpv6CidrBlock).`,
    );
    expectEc2Error(
      await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: other }))),
      'InvalidParameterValue',
      `route table ${rtb} and network gateway ${other} belong to different networks`,
    );
    expectEc2Error(await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1' }))), 'InvalidEgressOnlyInternetGatewayId.Malformed', 'Invalid id: "eigw-1"');
    expectEc2Error(
      await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-0123456789abcdef0' }))),
      'InvalidGatewayID.NotFound',
      "The eigw ID 'eigw-0123456789abcdef0' does not exist",
    );
    const theirs = await newEgressOnlyGateway(b, await ipv6Vpc(b, '10.95.0.0/16'));
    expectEc2Error(await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: theirs }))), 'InvalidGatewayID.NotFound', `The eigw ID '${theirs}' does not exist`);
  });

  it('ReplaceRoute moves an IPv6 route between the egress-only and the internet gateway', async () => {
    const vpc = await ipv6Vpc(a, '10.97.0.0/16');
    const rtb = await mainRouteTable(a, vpc);
    const eigw = await newEgressOnlyGateway(a, vpc);
    const igw = await attachedGateway(a, vpc);
    await a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw }));
    await a.send(new ReplaceRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', GatewayId: igw }));
    expect(await ipv6RouteTo(a, rtb, '::/0')).toEqual({ DestinationIpv6CidrBlock: '::/0', GatewayId: igw, Origin: 'CreateRoute', State: 'active' });
    await a.send(new ReplaceRouteCommand({ RouteTableId: rtb, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw }));
    expect(await ipv6RouteTo(a, rtb, '::/0')).toEqual({ DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw, Origin: 'CreateRoute', State: 'active' });
  });
});

describe('routes to a NAT gateway (ids only: the NAT gateways themselves come from CreateNatGateway)', () => {
  it('refuses malformed and unknown NAT gateway ids', async () => {
    const vpc = await newVpc(a, '10.98.0.0/16');
    const rtb = await mainRouteTable(a, vpc);
    expectEc2Error(await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }))), 'NatGatewayMalformed', 'Invalid id: "nat-1"');
    expectEc2Error(
      await failure(a.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0' }))),
      'InvalidNatGatewayID.NotFound',
      "The natGateway ID 'nat-0123456789abcdef0' does not exist",
    );
    expect(await tablesWhere(a, 'route.nat-gateway-id', 'nat-0123456789abcdef0')).toEqual([]);
  });
});
