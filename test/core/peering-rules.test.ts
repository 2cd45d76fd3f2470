import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/core/peering/effective-status.js';
import * as peering from '../../src/core/peering/peering-service.js';
import type { RequestContext } from '../../src/core/request-context.js';
import * as rtbs from '../../src/core/route-table-service.js';
import * as vpcs from '../../src/core/vpc-service.js';
import type { DomainHarness } from '../support/domain-harness.js';
import { domainHarness, fails } from '../support/domain-harness.js';

const A = '111111111111';
const B = '222222222222';
const EAST = 'us-east-1';
const WEST = 'us-west-2';

let h: DomainHarness;
beforeEach(async () => {
  h = await domainHarness();
});
afterEach(async () => {
  await h.close();
});

async function vpc(account: string, region: string, cidr: string, ipv6 = false): Promise<string> {
  return h.as(account, region, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: cidr, amazonProvidedIpv6CidrBlock: ipv6 })).id);
}

async function status(account: string, region: string, id: string): Promise<string> {
  return h.as(account, region, async (ctx) => (await peering.describePeerings(ctx, { ids: [id] })).items[0]?.status ?? 'none');
}

const create = (ctx: RequestContext, vpcId: string, peerVpcId: string, peerOwnerId?: string, peerRegion?: string) =>
  peering.createPeering(ctx, { vpcId, peerVpcId, peerOwnerId, peerRegion });

describe('CIDR rules at create (AWS-BEHAVIOUR.md §3.1, §3.2)', () => {
  it.each([
    ['identical primary blocks', '10.0.0.0/16', '10.0.0.0/16', 'failed'],
    ['one block inside the other', '10.0.0.0/16', '10.0.128.0/24', 'failed'],
    ['adjacent blocks', '10.0.0.0/16', '10.1.0.0/16', 'pending-acceptance'],
    ['different private ranges', '10.0.0.0/16', '192.168.0.0/16', 'pending-acceptance'],
  ])('%s -> %s', async (_name, a, b, expected) => {
    const v1 = await vpc(A, EAST, a);
    const v2 = await vpc(A, EAST, b);
    const created = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    expect(created.status).toBe('initiating-request');
    expect(await status(A, EAST, created.id)).toBe(expected);
  });

  it('an overlap through a secondary block fails too, even with distinct IPv6 blocks', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16', true);
    const v2 = await vpc(A, EAST, '10.1.0.0/16', true);
    await h.as(A, EAST, (ctx) => vpcs.associateVpcCidrBlock(ctx, { vpcId: v2, cidrBlock: '10.0.128.0/20' }));
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    expect(await status(A, EAST, c.id)).toBe('failed');
  });

  it('peering a VPC with itself fails (it overlaps itself)', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v1));
    expect(await status(A, EAST, c.id)).toBe('failed');
  });

  it('an unknown peer VPC in the same account and region is an error; elsewhere the request fails', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const err = await fails(h.as(A, EAST, (ctx) => create(ctx, v1, 'vpc-0000000000000abcd')));
    expect(err.code).toBe('InvalidVpcID.NotFound');
    const cross = await h.as(A, EAST, (ctx) => create(ctx, v1, 'vpc-0000000000000abcd', B));
    expect(await status(A, EAST, cross.id)).toBe('failed');
    const v2 = await vpc(B, WEST, '10.1.0.0/16');
    const wrongRegion = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, B, EAST));
    expect(await status(A, EAST, wrongRegion.id)).toBe('failed');
    const wrongOwner = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, '333333333333', WEST));
    expect(await status(A, EAST, wrongOwner.id)).toBe('failed');
  });

  it('a failed request is visible to the requester for 2 hours only, and never to the accepter', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(B, EAST, '10.0.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, B));
    expect(await status(A, EAST, c.id)).toBe('failed');
    expect((await fails(h.as(B, EAST, (ctx) => peering.describePeerings(ctx, { ids: [c.id] })))).code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    h.now += 2 * HOUR_MS;
    expect((await fails(h.as(A, EAST, (ctx) => peering.describePeerings(ctx, { ids: [c.id] })))).code).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });
});

describe('one connection per VPC pair (§3.3)', () => {
  it('a same-direction request returns the existing connection', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const first = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    const second = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    expect(second.id).toBe(first.id);
  });

  it('a reverse request is created, but cannot be accepted while the first is active', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const first = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    await h.as(A, EAST, (ctx) => peering.acceptPeering(ctx, first.id));
    const reverse = await h.as(A, EAST, (ctx) => create(ctx, v2, v1));
    expect(reverse.id).not.toBe(first.id);
    const err = await fails(h.as(A, EAST, (ctx) => peering.acceptPeering(ctx, reverse.id)));
    expect(err.code).toBe('VpcPeeringConnectionAlreadyExists');
    expect(err.message).toBe(`The vpc peering connection identified by ${reverse.id} already exists.`);
  });

  it('a duplicate inter-region request fails', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, WEST, '10.1.0.0/16');
    await h.as(A, EAST, (ctx) => create(ctx, v1, v2, A, WEST));
    const dup = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, A, WEST));
    expect(await status(A, EAST, dup.id)).toBe('failed');
  });
});

describe('who may act, and where (§3.5, §3.7)', () => {
  it('the requester of a cross-account request can neither accept nor reject it; the accepter can', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(B, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, B));
    const accept = await fails(h.as(A, EAST, (ctx) => peering.acceptPeering(ctx, c.id)));
    expect([accept.code, accept.message]).toEqual(['OperationNotPermitted', `User (${A}) cannot accept peering ${c.id}`]);
    const reject = await fails(h.as(A, EAST, (ctx) => peering.rejectPeering(ctx, c.id)));
    expect(reject.code).toBe('OperationNotPermitted');
    const del = await fails(h.as(B, EAST, (ctx) => peering.deletePeering(ctx, c.id)));
    expect(del.code).toBe('OperationNotPermitted');
    const accepted = await h.as(B, EAST, (ctx) => peering.acceptPeering(ctx, c.id));
    expect(accepted.status).toBe('provisioning');
    expect(await status(A, EAST, c.id)).toBe('active');
  });

  it('an inter-region request is accepted in the accepter region only', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, WEST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, A, WEST));
    const err = await fails(h.as(A, EAST, (ctx) => peering.acceptPeering(ctx, c.id)));
    expect(err.message).toBe(`Incorrect region (${EAST}) specified for this request. VPC peering connection ${c.id} must be accepted in region ${WEST}`);
    const rej = await fails(h.as(A, EAST, (ctx) => peering.rejectPeering(ctx, c.id)));
    expect(rej.message).toContain('must be accepted or rejected in region us-west-2');
    await h.as(A, WEST, (ctx) => peering.acceptPeering(ctx, c.id));
    expect(await status(A, EAST, c.id)).toBe('active');
  });

  it('terminal states refuse every transition with InvalidStateTransition', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(B, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, B));
    await h.as(B, EAST, (ctx) => peering.rejectPeering(ctx, c.id));
    const del = await fails(h.as(A, EAST, (ctx) => peering.deletePeering(ctx, c.id)));
    expect(del.message).toBe(`Invalid state transition for ${c.id}, attempted to transition from rejected to deleting`);
    expect((await fails(h.as(B, EAST, (ctx) => peering.acceptPeering(ctx, c.id)))).code).toBe('InvalidStateTransition');
  });
});

describe('options (§4.7)', () => {
  it('only on active connections, own side only, DNS hostnames required', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(B, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, B));
    const pending = await fails(h.as(A, EAST, (ctx) => peering.modifyPeeringOptions(ctx, { vpcPeeringConnectionId: c.id, requester: { allowDnsResolutionFromRemoteVpc: true } })));
    expect(pending.message).toBe(`Peering ${c.id} is not active. Peering options can be added only to active peerings.`);
    await h.as(B, EAST, (ctx) => peering.acceptPeering(ctx, c.id));
    const other = await fails(h.as(A, EAST, (ctx) => peering.modifyPeeringOptions(ctx, { vpcPeeringConnectionId: c.id, accepter: { allowDnsResolutionFromRemoteVpc: true } })));
    expect(other.message).toBe(`User ${A} does not have permission to modify the accepter side peering options`);
    const dns = await fails(h.as(A, EAST, (ctx) => peering.modifyPeeringOptions(ctx, { vpcPeeringConnectionId: c.id, requester: { allowDnsResolutionFromRemoteVpc: true } })));
    expect(dns.code).toBe('InvalidVpcPeeringConnectionState.DnsHostnamesDisabled');
    await h.as(A, EAST, (ctx) => vpcs.modifyVpcAttribute(ctx, v1, { enableDnsHostnames: true }));
    const ok = await h.as(A, EAST, (ctx) => peering.modifyPeeringOptions(ctx, { vpcPeeringConnectionId: c.id, requester: { allowDnsResolutionFromRemoteVpc: true } }));
    expect(ok.requester?.allowDnsResolutionFromRemoteVpc).toBe(true);
    const seen = await h.as(B, EAST, (ctx) => peering.describePeerings(ctx, { ids: [c.id] }));
    expect(seen.items[0]?.requester.options?.allowDnsResolutionFromRemoteVpc).toBe(true);
    expect(seen.items[0]?.accepter.options?.allowDnsResolutionFromRemoteVpc).toBe(false);
  });
});

describe('secondary CIDR blocks while peered (§3.11)', () => {
  it('the requester of a pending request gets no new block; the accepter may, and an overlap fails the request', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    const err = await fails(h.as(A, EAST, (ctx) => vpcs.associateVpcCidrBlock(ctx, { vpcId: v1, cidrBlock: '10.2.0.0/16' })));
    expect(err.code).toBe('OperationNotPermitted');
    await h.as(A, EAST, (ctx) => vpcs.associateVpcCidrBlock(ctx, { vpcId: v2, cidrBlock: '10.0.0.0/16' }).catch(() => undefined));
    // 10.0.0.0/16 from the 10/8 range is allowed for v2 (same private range) and overlaps v1.
    expect(await status(A, EAST, c.id)).toBe('failed');
  });

  it('an active connection refuses a block overlapping the peer, and shows a new block once added', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    await h.as(A, EAST, (ctx) => peering.acceptPeering(ctx, c.id));
    const peerOverlap = await fails(h.as(A, EAST, (ctx) => vpcs.associateVpcCidrBlock(ctx, { vpcId: v1, cidrBlock: '10.1.128.0/17' })));
    expect(peerOverlap.code).toBe('OperationNotPermitted');
    const ownOverlap = await fails(h.as(A, EAST, (ctx) => vpcs.associateVpcCidrBlock(ctx, { vpcId: v1, cidrBlock: '10.0.128.0/17' })));
    expect(ownOverlap.code).toBe('CidrConflict');
    await h.as(A, EAST, (ctx) => vpcs.associateVpcCidrBlock(ctx, { vpcId: v1, cidrBlock: '10.2.0.0/16' }));
    const seen = await h.as(A, EAST, (ctx) => peering.describePeerings(ctx, { ids: [c.id] }));
    expect(seen.items[0]?.requester.cidrBlocks).toEqual(['10.0.0.0/16', '10.2.0.0/16']);
  });
});

describe('routes to a connection (§3.10)', () => {
  it('blackhole while pending, active once accepted, blackhole after delete; the route stays', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    const table = await h.as(A, EAST, async (ctx) => (await rtbs.createRouteTable(ctx, { vpcId: v1 })).id);
    const state = async (): Promise<string | undefined> =>
      h.as(A, EAST, async (ctx) => {
        const v = (await rtbs.describeRouteTables(ctx, { ids: [table] })).items[0]?.resource;
        const i = v?.table.routes.findIndex((r) => r.destinationCidrBlock === '10.1.0.7/32') ?? -1;
        return i < 0 ? undefined : v?.routeStates[i];
      });
    await h.as(A, EAST, (ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '10.1.0.7/32', vpcPeeringConnectionId: c.id }));
    expect(await state()).toBe('blackhole');
    await h.as(A, EAST, (ctx) => peering.acceptPeering(ctx, c.id));
    expect(await state()).toBe('active');
    await h.as(A, EAST, (ctx) => peering.deletePeering(ctx, c.id));
    expect(await state()).toBe('blackhole');
    h.now += 3 * HOUR_MS;
    expect(await state()).toBe('blackhole');
  });

  it.each([
    ['the VPC itself', '10.0.0.0/16', 'InvalidParameterValue'],
    ['inside the VPC', '10.0.4.0/24', 'InvalidParameterValue'],
    ['not a CIDR', '10.0.0.0/33', 'InvalidParameterValue'],
  ])('a destination that is %s is refused', async (_name, dest, code) => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    const table = await h.as(A, EAST, async (ctx) => (await rtbs.createRouteTable(ctx, { vpcId: v1 })).id);
    const err = await fails(h.as(A, EAST, (ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: dest, vpcPeeringConnectionId: c.id })));
    expect(err.code).toBe(code);
  });

  it('destinations are canonicalised, and a second route to the same destination is refused', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    const table = await h.as(A, EAST, async (ctx) => (await rtbs.createRouteTable(ctx, { vpcId: v1 })).id);
    await h.as(A, EAST, (ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '10.1.0.18/28', vpcPeeringConnectionId: c.id }));
    const err = await fails(h.as(A, EAST, (ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationCidrBlock: '10.1.0.16/28', vpcPeeringConnectionId: c.id })));
    expect([err.code, err.message]).toEqual(['RouteAlreadyExists', 'The route identified by 10.1.0.16/28 already exists.']);
  });

  it('IPv6 routes need an intra-region connection (the product guide)', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16', true);
    const v2 = await vpc(A, WEST, '10.1.0.0/16', true);
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2, A, WEST));
    await h.as(A, WEST, (ctx) => peering.acceptPeering(ctx, c.id));
    const table = await h.as(A, EAST, async (ctx) => (await rtbs.createRouteTable(ctx, { vpcId: v1 })).id);
    const err = await fails(h.as(A, EAST, (ctx) => rtbs.createRoute(ctx, { routeTableId: table, destinationIpv6CidrBlock: '2600:1f00::/56', vpcPeeringConnectionId: c.id })));
    expect(err.message).toContain('inter-region');
  });
});

describe('DeleteVpc with peerings (§3.12)', () => {
  it('deletes an active connection with the VPC, but a pending request from another account blocks it', async () => {
    const v1 = await vpc(A, EAST, '10.0.0.0/16');
    const v2 = await vpc(A, EAST, '10.1.0.0/16');
    const c = await h.as(A, EAST, (ctx) => create(ctx, v1, v2));
    await h.as(A, EAST, (ctx) => peering.acceptPeering(ctx, c.id));
    await h.as(A, EAST, (ctx) => vpcs.deleteVpc(ctx, v2));
    expect(await status(A, EAST, c.id)).toBe('deleted');

    const v3 = await vpc(B, EAST, '10.2.0.0/16');
    const v4 = await vpc(A, EAST, '10.3.0.0/16');
    await h.as(B, EAST, (ctx) => create(ctx, v3, v4, A));
    const err = await fails(h.as(A, EAST, (ctx) => vpcs.deleteVpc(ctx, v4)));
    expect(err.code).toBe('DependencyViolation');
  });
});

describe('quotas (§3.6)', () => {
  it('25 outstanding requests per account', async () => {
    const base = await vpc(A, EAST, '10.0.0.0/16');
    for (let i = 0; i < 25; i++) {
      const peer = await vpc(B, EAST, `10.${i + 1}.0.0/16`);
      await h.as(A, EAST, (ctx) => create(ctx, base, peer, B));
    }
    const extra = await vpc(B, EAST, '10.200.0.0/16');
    const err = await fails(h.as(A, EAST, (ctx) => create(ctx, base, extra, B)));
    expect(err.code).toBe('OutstandingVpcPeeringConnectionLimitExceeded');
  });
});
