import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ec2Error } from '../../src/core/ec2-error.js';
import { Cidr } from '../../src/core/net/index.js';
import { HOUR_MS, effectiveStatus, isLive } from '../../src/core/peering/effective-status.js';
import type { PeeringConnection } from '../../src/core/peering/peering-connection.js';
import * as peering from '../../src/core/peering/peering-service.js';
import { sweepPeeringsPage } from '../../src/core/peering/sweep.js';
import { createTags } from '../../src/core/tag-service.js';
import * as vpcs from '../../src/core/vpc-service.js';
import { liveIpv4Cidrs } from '../../src/core/vpc.js';
import type { Vpc } from '../../src/core/vpc.js';
import { domainHarness } from '../support/domain-harness.js';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'] as const;
const REGIONS = ['us-east-1', 'us-west-2'] as const;
// A small set of blocks so that overlaps (and non-overlaps) are both common.
const BLOCKS = ['10.0.0.0/16', '10.0.0.0/20', '10.1.0.0/16', '192.168.0.0/16', '172.16.0.0/16'] as const;

const scopeArb = fc.record({ account: fc.constantFrom(...ACCOUNTS), region: fc.constantFrom(...REGIONS) });
const command = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), actor: scopeArb, vpc: fc.nat(20), peer: fc.nat(20) }),
  fc.record({ kind: fc.constant('accept' as const), actor: scopeArb, pcx: fc.nat(30) }),
  fc.record({ kind: fc.constant('reject' as const), actor: scopeArb, pcx: fc.nat(30) }),
  fc.record({ kind: fc.constant('delete' as const), actor: scopeArb, pcx: fc.nat(30) }),
  fc.record({ kind: fc.constant('tag' as const), actor: scopeArb, pcx: fc.nat(30), value: fc.string({ maxLength: 5 }) }),
  fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 8 }) }),
  fc.record({ kind: fc.constant('sweep' as const) }),
);

function overlaps(a: Vpc, b: Vpc): boolean {
  return liveIpv4Cidrs(a).some((x) => liveIpv4Cidrs(b).some((y) => (Cidr.parse(x) as Cidr).overlaps(Cidr.parse(y) as Cidr)));
}

describe('peering invariants under random operations by random accounts', () => {
  it('hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 40 }), async (commands) => {
        const h = await domainHarness();
        try {
          const allVpcs: Vpc[] = [];
          for (const account of ACCOUNTS) {
            for (const region of REGIONS) {
              for (const block of BLOCKS.slice(0, 3 + (account.charCodeAt(0) % 2))) {
                allVpcs.push(await h.as(account, region, async (ctx) => (await vpcs.createVpc(ctx, { cidrBlock: block })).resource));
              }
            }
          }
          const pcxIds: string[] = [];
          // What each (account, region) wrote as the Name tag of each connection.
          const written = new Map<string, string>();
          for (const cmd of commands) {
            try {
              if (cmd.kind === 'advance') {
                h.now += cmd.hours * HOUR_MS;
              } else if (cmd.kind === 'sweep') {
                await h.store.write((repo) => sweepPeeringsPage(repo, h.now));
              } else if (cmd.kind === 'create') {
                const own = allVpcs.filter((v) => v.accountId === cmd.actor.account && v.region === cmd.actor.region);
                const vpc = own[cmd.vpc % own.length] as Vpc;
                const peer = allVpcs[cmd.peer % allVpcs.length] as Vpc;
                const c = await h.as(cmd.actor.account, cmd.actor.region, (ctx) =>
                  peering.createPeering(ctx, { vpcId: vpc.id, peerVpcId: peer.id, peerOwnerId: peer.accountId, peerRegion: peer.region }),
                );
                if (!pcxIds.includes(c.id)) pcxIds.push(c.id);
              } else if (pcxIds.length > 0) {
                const id = pcxIds[cmd.pcx % pcxIds.length] as string;
                const { account, region } = cmd.actor;
                if (cmd.kind === 'accept') await h.as(account, region, (ctx) => peering.acceptPeering(ctx, id));
                if (cmd.kind === 'reject') await h.as(account, region, (ctx) => peering.rejectPeering(ctx, id));
                if (cmd.kind === 'delete') await h.as(account, region, (ctx) => peering.deletePeering(ctx, id));
                if (cmd.kind === 'tag') {
                  await h.as(account, region, (ctx) => createTags(ctx, [id], [{ key: 'Name', value: cmd.value }]));
                  written.set(`${id}/${account}/${region}`, cmd.value);
                }
              }
            } catch (err) {
              // Refusals are part of the game; anything but a catalogued EC2 error is a bug.
              if (!(err instanceof Ec2Error)) throw err;
              expect(err.httpStatus).toBeLessThan(500);
            }

            // Invariants, read back through the store at the current instant.
            const all = new Map<string, PeeringConnection>();
            for (const v of allVpcs) for (const c of await h.store.read((r) => r.peerings.listForVpc(v.id))) all.set(c.id, c);
            const byId = new Map(allVpcs.map((v) => [v.id, v]));
            const activePairs = new Set<string>();
            const liveDirected = new Set<string>();
            for (const c of all.values()) {
              const s = effectiveStatus(c, h.now).status;
              const pair = [c.requester.vpcId, c.accepter.vpcId].sort().join('|');
              if (s === 'active') {
                expect(activePairs.has(pair), `two active connections join ${pair}`).toBe(false);
                activePairs.add(pair);
                const a = byId.get(c.requester.vpcId);
                const b = byId.get(c.accepter.vpcId);
                if (a && b) expect(overlaps(a, b), `active connection ${c.id} joins overlapping VPCs`).toBe(false);
              }
              if (isLive(s) && c.requester.region === c.accepter.region) {
                const directed = `${c.requester.vpcId}>${c.accepter.vpcId}`;
                expect(liveDirected.has(directed), `two live same-direction connections ${directed}`).toBe(false);
                liveDirected.add(directed);
              }
            }
            for (const account of ACCOUNTS) {
              for (const region of REGIONS) {
                const seen = await h.as(account, region, (ctx) => peering.describePeerings(ctx, {}));
                for (const v of seen.items) {
                  const mine = written.get(`${v.id}/${account}/${region}`);
                  expect(v.tags, `${account}/${region} sees tags on ${v.id} it did not set`).toEqual(mine === undefined ? [] : [{ key: 'Name', value: mine }]);
                }
              }
            }
          }
        } finally {
          await h.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
