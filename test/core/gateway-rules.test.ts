// Gateway rules that need resources other families create (NAT gateways, custom security groups
// and network ACLs): driven through the domain over a real in-memory store, the resources put in
// as their own services would store them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as igws from '../../src/core/internet-gateways/internet-gateway-service.js';
import type { NatGateway } from '../../src/core/nat-gateways/nat-gateway.js';
import type { ScopedCollection, ScopedResource } from '../../src/core/repository.js';
import type { RequestContext } from '../../src/core/request-context.js';
import * as rtbs from '../../src/core/route-table-service.js';
import * as vpcs from '../../src/core/vpc-service.js';
import type { DomainHarness } from '../support/domain-harness.js';
import { domainHarness, fails } from '../support/domain-harness.js';

const A = '818181818181';
const EAST = 'us-east-1';

let h: DomainHarness;
beforeEach(async () => {
  h = await domainHarness();
});
afterEach(async () => {
  await h.close();
});

const as = <T>(work: (ctx: RequestContext) => Promise<T>): Promise<T> => h.as(A, EAST, work);

async function vpc(cidr: string): Promise<string> {
  return as(async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: cidr })).id);
}

/** A NAT gateway as its service stores one: in a subnet of the VPC, public unless said otherwise. */
async function putNat(vpcId: string, extra: Partial<NatGateway> = {}): Promise<string> {
  return as(async (ctx) => {
    const nat: NatGateway = {
      id: ctx.ids.next('nat'),
      accountId: A,
      region: EAST,
      vpcId,
      subnetId: 'subnet-0123456789abcdef0',
      connectivityType: 'public',
      addresses: [{ networkInterfaceId: 'eni-0123456789abcdef0', privateIp: '10.0.0.5', publicIp: '203.0.113.5', allocationId: 'eipalloc-0123456789abcdef0', isPrimary: true }],
      createdAt: ctx.now,
      ...extra,
    };
    await ctx.repo.natGateways.put(nat);
    return nat.id;
  });
}

async function routeState(table: string, destination: string): Promise<string | undefined> {
  return as(async (ctx) => {
    const v = (await rtbs.describeRouteTables(ctx, { ids: [table] })).items[0]?.resource;
    const i = v?.table.routes.findIndex((r) => r.destinationCidrBlock === destination) ?? -1;
    return i < 0 ? undefined : v?.routeStates[i];
  });
}

describe('routes to a NAT gateway', () => {
  it('active while the NAT gateway lives, blackhole once its deletion starts; route.nat-gateway-id finds it', async () => {
    const v = await vpc('10.0.0.0/16');
    const nat = await putNat(v);
    const table = await as(async (ctx) => (await rtbs.createRouteTable(ctx, { vpcId: v })).id);
    await as((ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat }));
    expect(await routeState(table, '0.0.0.0/0')).toBe('active');
    const found = await as((ctx) => rtbs.describeRouteTables(ctx, { filters: [{ name: 'route.nat-gateway-id', values: [nat] }] }));
    expect(found.items.map((t) => t.id)).toEqual([table]);
    const route = found.items[0]?.resource.table.routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0');
    expect(route).toEqual({ destinationCidrBlock: '0.0.0.0/0', target: { kind: 'nat-gateway', id: nat }, origin: 'CreateRoute' });

    await as(async (ctx) => {
      const n = (await ctx.repo.natGateways.get(ctx.caller, nat)) as NatGateway;
      await ctx.repo.natGateways.put({ ...n, deletedAt: ctx.now });
    });
    expect(await routeState(table, '0.0.0.0/0')).toBe('blackhole');
    // A deleted NAT gateway takes no new route.
    const e = await fails(as((ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '192.0.2.0/24', natGatewayId: nat })));
    expect([e.code, e.message]).toEqual(['InvalidNatGatewayID.NotFound', `The natGateway ID '${nat}' does not exist`]);
  });

  it('a failed NAT gateway is a blackhole and takes no route; another VPC’s is refused', async () => {
    const v = await vpc('10.0.0.0/16');
    const failed = await putNat(v, { failure: { code: 'Gateway.NotAttached', message: `Network ${v} has no Internet gateway attached` } });
    const elsewhere = await putNat(await vpc('10.1.0.0/16'));
    const table = await as(async (ctx) => (await rtbs.createRouteTable(ctx, { vpcId: v })).id);
    const e = await fails(as((ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '0.0.0.0/0', natGatewayId: failed })));
    expect([e.code, e.message]).toEqual(['InvalidNatGatewayID.NotFound', `The natGateway ID '${failed}' does not exist`]);
    const wrong = await fails(as((ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '0.0.0.0/0', natGatewayId: elsewhere })));
    expect([wrong.code, wrong.message]).toEqual(['InvalidParameterValue', `route table ${table} and network gateway ${elsewhere} belong to different networks`]);

    // A route made while it was healthy shows blackhole once it has failed.
    const healthy = await putNat(v);
    await as((ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '0.0.0.0/0', natGatewayId: healthy }));
    await as(async (ctx) => {
      const n = (await ctx.repo.natGateways.get(ctx.caller, healthy)) as NatGateway;
      await ctx.repo.natGateways.put({ ...n, failure: { code: 'InternalError', message: 'x' } });
    });
    expect(await routeState(table, '0.0.0.0/0')).toBe('blackhole');
  });

  it('ReplaceRoute moves a route from the internet gateway to a NAT gateway', async () => {
    const v = await vpc('10.0.0.0/16');
    const nat = await putNat(v);
    const igw = await as(async (ctx) => (await igws.createInternetGateway(ctx, undefined)).id);
    await as((ctx) => igws.attachInternetGateway(ctx, { internetGatewayId: igw, vpcId: v }));
    const table = await as(async (ctx) => (await rtbs.createRouteTable(ctx, { vpcId: v })).id);
    await as((ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw }));
    await as((ctx) => rtbs.replaceRoute(ctx, { routeTableId: table, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat }));
    const t = await as(async (ctx) => (await rtbs.describeRouteTables(ctx, { ids: [table] })).items[0]?.resource.table);
    expect(t?.routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0')?.target).toEqual({ kind: 'nat-gateway', id: nat });
  });
});

describe('DetachInternetGateway and mapped public addresses', () => {
  it('a live public NAT gateway in the VPC blocks the detach; a private, failed or deleted one does not', async () => {
    const v = await vpc('10.0.0.0/16');
    const igw = await as(async (ctx) => (await igws.createInternetGateway(ctx, undefined)).id);
    await as((ctx) => igws.attachInternetGateway(ctx, { internetGatewayId: igw, vpcId: v }));
    await putNat(v, { connectivityType: 'private', addresses: [{ networkInterfaceId: 'eni-0123456789abcdef1', privateIp: '10.0.0.6', isPrimary: true }] });
    await putNat(v, { failure: { code: 'InternalError', message: 'x' } });
    const live = await putNat(v);
    const e = await fails(as((ctx) => igws.detachInternetGateway(ctx, { internetGatewayId: igw, vpcId: v })));
    expect([e.code, e.message]).toEqual(['DependencyViolation', `Network ${v} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`]);
    await as(async (ctx) => {
      const n = (await ctx.repo.natGateways.get(ctx.caller, live)) as NatGateway;
      await ctx.repo.natGateways.put({ ...n, deletedAt: ctx.now });
    });
    await as((ctx) => igws.detachInternetGateway(ctx, { internetGatewayId: igw, vpcId: v }));
    const g = await as(async (ctx) => (await igws.describeInternetGateways(ctx, { ids: [igw] })).items[0]?.resource);
    expect(g?.attachedVpcId).toBeUndefined();
  });
});

describe('DeleteVpc and what the VPC still holds', () => {
  const extras: { what: string; collection: (ctx: RequestContext) => ScopedCollection<ScopedResource>; put: (ctx: RequestContext, vpcId: string) => Promise<void> }[] = [
    {
      what: 'a security group other than default',
      collection: (ctx: RequestContext) => ctx.repo.securityGroups,
      put: (ctx: RequestContext, vpcId: string) =>
        ctx.repo.securityGroups.put({ id: ctx.ids.next('sg'), accountId: A, region: EAST, vpcId, name: 'web', description: 'web', ingress: [], egress: [], createdAt: ctx.now }),
    },
    {
      what: 'a network ACL other than the default',
      collection: (ctx: RequestContext) => ctx.repo.networkAcls,
      put: (ctx: RequestContext, vpcId: string) => ctx.repo.networkAcls.put({ id: ctx.ids.next('acl'), accountId: A, region: EAST, vpcId, isDefault: false, entries: [], createdAt: ctx.now }),
    },
  ];
  it.each(extras)('$what blocks it; the default one goes with the VPC', async ({ collection, put }) => {
    const v = await vpc('10.0.0.0/16');
    const defaults = await as(async (ctx) => (await collection(ctx).list(ctx.caller, { vpcId: v })).map((x) => x.id));
    await as((ctx) => put(ctx, v));
    const e = await fails(as((ctx) => vpcs.deleteVpc(ctx, v)));
    expect([e.code, e.message]).toEqual(['DependencyViolation', `The vpc '${v}' has dependencies and cannot be deleted.`]);
    await as(async (ctx) => {
      for (const x of await collection(ctx).list(ctx.caller, { vpcId: v })) if (!defaults.includes(x.id)) await collection(ctx).remove(x.id);
    });
    await as((ctx) => vpcs.deleteVpc(ctx, v));
    expect(await as((ctx) => collection(ctx).list(ctx.caller, { vpcId: v }))).toEqual([]);
  });
});
