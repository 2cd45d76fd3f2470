// Security-group references through a peering, driven through the domain over a real in-memory
// store: what the client suites cannot reach (a purged connection, a network interface carrying a
// group, a new connection after the old one was deleted). REACHABILITY.md §3.4.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NetworkInterface } from '../../src/core/network-interfaces/network-interface.js';
import * as peerings from '../../src/core/peering/peering-service.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { describeStaleSecurityGroups } from '../../src/core/security-groups/security-group-references.js';
import { modifySecurityGroupRules } from '../../src/core/security-groups/security-group-rule-edits.js';
import * as groups from '../../src/core/security-groups/security-group-service.js';
import * as vpcs from '../../src/core/vpc-service.js';
import type { DomainHarness } from '../support/domain-harness.js';
import { domainHarness, fails } from '../support/domain-harness.js';

const A = '828282828282';
const B = '838383838383';
const EAST = 'us-east-1';

let h: DomainHarness;
beforeEach(async () => {
  h = await domainHarness();
});
afterEach(async () => {
  await h.close();
});

const as = <T>(account: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> => h.as(account, EAST, work);

interface World {
  readonly vpcA: string;
  readonly vpcB: string;
  readonly sgA: string;
  readonly sgB: string;
  readonly pcx: string;
  readonly ruleId: string;
}

/** Two accounts, an active peering, and A's group admitting B's group on 5432. */
async function world(): Promise<World> {
  const vpcA = await as(A, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.1.0.0/16' })).id);
  const vpcB = await as(B, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: '10.2.0.0/16' })).id);
  const sgA = await as(A, async (ctx) => (await groups.createSecurityGroup(ctx, { groupName: 'app', description: 'app', vpcId: vpcA })).id);
  const sgB = await as(B, async (ctx) => (await groups.createSecurityGroup(ctx, { groupName: 'db', description: 'db', vpcId: vpcB })).id);
  const pcx = await as(A, async (ctx) => (await peerings.createPeering(ctx, { vpcId: vpcA, peerVpcId: vpcB, peerOwnerId: B })).id);
  await as(B, (ctx) => peerings.acceptPeering(ctx, pcx));
  const added = await as(A, (ctx) =>
    groups.authorizeRules(ctx, { egress: false, groupId: sgA, permissions: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, groups: [{ groupId: sgB, userId: B }] }] }),
  );
  const [rule, ...more] = added.added;
  if (!rule || more.length > 0) throw new Error(`expected exactly one rule added, got ${added.added.length}`);
  return { vpcA, vpcB, sgA, sgB, pcx, ruleId: rule.id };
}

const staleOf = (vpcId: string) =>
  as(A, async (ctx) => (await describeStaleSecurityGroups(ctx, { vpcId })).items.map((s) => s.rules.map((r) => ({ rule: r.rule.id, peering: r.peering }))));

describe('security group references through a peering', () => {
  it('a rule made through a connection that is later purged still names it, as deleted', async () => {
    const w = await world();
    await as(B, (ctx) => peerings.deletePeering(ctx, w.pcx));
    expect(await staleOf(w.vpcA)).toEqual([[{ rule: w.ruleId, peering: { id: w.pcx, status: 'deleted' } }]]);
    // The sweeper drops the row once nobody may see it; the rule keeps the id it was made through.
    await as(A, (ctx) => ctx.repo.peerings.remove(w.pcx));
    expect(await staleOf(w.vpcA)).toEqual([[{ rule: w.ruleId, peering: { id: w.pcx, status: 'deleted' } }]]);
  });

  it('a new active connection between the same VPCs makes the reference live again, through it', async () => {
    const w = await world();
    await as(B, (ctx) => peerings.deletePeering(ctx, w.pcx));
    const again = await as(A, async (ctx) => (await peerings.createPeering(ctx, { vpcId: w.vpcA, peerVpcId: w.vpcB, peerOwnerId: B })).id);
    // Pending is not enough: still stale.
    expect(await staleOf(w.vpcA)).toHaveLength(1);
    await as(B, (ctx) => peerings.acceptPeering(ctx, again));
    expect(await staleOf(w.vpcA)).toEqual([]);
    const rules = await as(A, async (ctx) => (await groups.describeSecurityGroupRules(ctx, { ids: [w.ruleId] })).items);
    expect(rules[0]?.resource.peering).toEqual({ id: again, status: 'active' });
  });

  it('ModifySecurityGroupRules cannot point a rule at a peer group once the connection is gone, and changes nothing', async () => {
    const w = await world();
    await as(B, (ctx) => peerings.deletePeering(ctx, w.pcx));
    const e = await fails(
      as(A, (ctx) => modifySecurityGroupRules(ctx, { groupId: w.sgA, updates: [{ ruleId: w.ruleId, rule: { protocol: 'tcp', fromPort: 1, toPort: 1, referencedGroupId: `${B}/${w.sgB}` } }] })),
    );
    expect([e.code, e.message]).toEqual(['InvalidGroup.NotFound', 'You have specified two resources that belong to different networks.']);
    const [rule] = await as(A, async (ctx) => (await groups.describeSecurityGroupRules(ctx, { ids: [w.ruleId] })).items);
    expect(rule?.resource.rule).toMatchObject({ fromPort: 5432, toPort: 5432 });
  });

  it('two rules may not be made the same by ModifySecurityGroupRules', async () => {
    const w = await world();
    const other = await as(A, async (ctx) => (await groups.authorizeRules(ctx, { egress: false, groupId: w.sgA, permissions: [{ protocol: 'tcp', fromPort: 80, toPort: 80, ipRanges: [{ cidr: '10.0.0.0/8' }] }] })).added[0]?.id ?? '');
    const e = await fails(as(A, (ctx) => modifySecurityGroupRules(ctx, { groupId: w.sgA, updates: [{ ruleId: other, rule: { protocol: 'tcp', fromPort: 5432, toPort: 5432, referencedGroupId: `${B}/${w.sgB}` } }] })));
    expect(e.code).toBe('InvalidPermission.Duplicate');
  });

  it('a group carried by a network interface cannot be deleted', async () => {
    const w = await world();
    await as(A, async (ctx) => {
      const eni: NetworkInterface = {
        id: ctx.ids.next('eni'),
        accountId: A,
        region: EAST,
        subnetId: 'subnet-0123456789abcdef0',
        vpcId: w.vpcA,
        availabilityZone: 'us-east-1a',
        description: '',
        groupIds: [w.sgA],
        privateIps: ['10.1.0.10'],
        ipv6Addresses: [],
        sourceDestCheck: true,
        macAddress: '02:00:00:00:00:01',
        interfaceType: 'interface',
        requesterManaged: false,
        createdAt: ctx.now,
      };
      await ctx.repo.networkInterfaces.put(eni);
    });
    const e = await fails(as(A, (ctx) => groups.deleteSecurityGroup(ctx, { groupId: w.sgA })));
    expect([e.code, e.message]).toEqual(['DependencyViolation', `resource ${w.sgA} has a dependent object`]);
    // B's group, named only from A's VPC across the peering, can go: A's rule goes stale.
    await as(B, (ctx) => groups.deleteSecurityGroup(ctx, { groupId: w.sgB }));
    expect(await staleOf(w.vpcA)).toEqual([[{ rule: w.ruleId, peering: { id: w.pcx, status: 'active' } }]]);
  });
});
