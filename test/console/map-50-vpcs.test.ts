// The topology map at scale: 50 VPCs of 3 accounts in 2 regions, joined by peering connections
// (some VPCs with several), seen by the account that requested them all. Groups per account and
// region, VPCs in grids, every label readable and clear of every other, the whole map fitted in
// view, zoom buttons and an overview minimap.
import type { EC2Client } from '@aws-sdk/client-ec2';
import { AcceptVpcPeeringConnectionCommand, CreateTagsCommand, CreateVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { createVpc, ec2, waitForPeeringStatus } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const A = '311111111111';
const B = '322222222222';
const C = '333333333333';
const EAST = 'us-east-1';
const WEST = 'us-west-2';

/** Where the 50 VPCs are: 20 of A's here (its default VPC and 19 more), the other 30 spread over the other five groups. */
const REMOTE: readonly { account: string; region: string; count: number }[] = [
  { account: A, region: WEST, count: 8 },
  { account: B, region: EAST, count: 8 },
  { account: B, region: WEST, count: 5 },
  { account: C, region: EAST, count: 5 },
  { account: C, region: WEST, count: 4 },
];

let nextCidr = 0;
/** A VPC in a block of its own: 10.0/16, 10.1/16 and so on. */
const anotherVpc = (client: EC2Client): Promise<string> => createVpc(client, `10.${nextCidr++}.0.0/16`);

describe.skipIf(!chromiumAvailable)('console: topology map with 50 VPCs', () => {
  const harness = consoleHarness();

  it('groups 3 accounts x 2 regions, lays VPCs out in grids, keeps every label clear, fits, zooms, minimap', { timeout: 240_000 }, async () => {
    const { server } = harness();
    const home = ec2(server.url, A, EAST);
    // A's default VPC is the 20th of its VPCs here.
    const own = await Promise.all(Array.from({ length: 19 }, () => anotherVpc(home)));
    const remote = await Promise.all(REMOTE.map(async (g) => ({ ...g, vpcs: await Promise.all(Array.from({ length: g.count }, () => anotherVpc(ec2(server.url, g.account, g.region)))) })));

    // Each remote VPC is peered with one of A's (so 10 of A's VPCs have two connections leaving
    // them), and A's first six VPCs are also peered among themselves. Every third is accepted at
    // once (active, green; the rest stay pending, blue), which also keeps A under AWS's limit of
    // 25 outstanding requests.
    const links: string[] = [];
    const request = async (input: { VpcId: string | undefined; PeerVpcId: string; PeerOwnerId?: string; PeerRegion?: string }, accepter: EC2Client, name?: string): Promise<void> => {
      const r = await home.send(new CreateVpcPeeringConnectionCommand(input));
      const id = r.VpcPeeringConnection?.VpcPeeringConnectionId ?? '';
      if (name) await home.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: name }] }));
      if (links.length % 3 === 0) {
        await waitForPeeringStatus(accepter, id, 'pending-acceptance');
        await accepter.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
      }
      links.push(id);
    };
    let k = 0;
    for (const g of remote) {
      for (const vpc of g.vpcs) await request({ VpcId: own[k++ % own.length], PeerVpcId: vpc, PeerOwnerId: g.account, PeerRegion: g.region }, ec2(server.url, g.account, g.region));
    }
    const firstInside = links.length;
    for (const [x, y] of [[0, 1], [0, 2], [1, 3], [2, 3], [4, 5], [0, 5]] as const) await request({ VpcId: own[x], PeerVpcId: own[y] ?? '' }, home, `a${x}-a${y}`);
    for (const [i, id] of links.entries()) {
      if (i % 3 === 0) await waitForPeeringStatus(home, id, 'active');
    }

    const app = await harness().signedIn(A);
    await app.map.open();
    await expect.poll(() => app.map.vpcCount(), { timeout: 30_000 }).toBe(50);
    await expect.poll(() => app.map.peeringLabelCount()).toBe(links.length);
    await app.map.waitForFit();

    expect(await app.map.groups()).toEqual([
      `Account ${A} in ${EAST}`, `Account ${A} in ${WEST}`, `Account ${B} in ${EAST}`, `Account ${B} in ${WEST}`, `Account ${C} in ${EAST}`, `Account ${C} in ${WEST}`,
    ]);
    expect(await app.map.groupsOutsideView()).toEqual([]);
    expect(await app.map.labelOverlaps()).toEqual([]);
    // A's 20 VPCs are a grid, not a column: several of them share a row.
    const rows = await app.map.rowsOf(own);
    expect(rows).toBeGreaterThan(1);
    expect(rows).toBeLessThanOrEqual(Math.ceil(20 / 3));
    // Readable at the fitted zoom: names at 11px or more, connection labels at 9px or more.
    const text = await app.map.smallestText();
    expect(text.vpcNames).toBeGreaterThanOrEqual(11);
    expect(text.edgeLabels).toBeGreaterThanOrEqual(9);
    expect(await app.map.hasZoomControls()).toBe(true);
    expect(await app.map.minimapNodeCount()).toBeGreaterThanOrEqual(56);
    await app.screenshot('map-50-vpcs', true);

    // The labels still select their connection.
    // The first connection inside A's group (a0-a1) was accepted: its label says so and selects it.
    const a0a1 = links[firstInside] ?? '?';
    await app.map.clickEdge('a0-a1 · Active');
    expect(await app.map.details()).toContain(a0a1);
  });
});
