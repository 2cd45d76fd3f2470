// "Use the filter search bar to narrow your results": status, VPC id, CIDR, tag and free text,
// alone and combined, over connections in several states.
import { DescribeVpcPeeringConnectionsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '111111111111';

describe.skipIf(!chromiumAvailable)('console: the filter bar', () => {
  const harness = consoleHarness();

  it('narrows the list by status, VPC, CIDR, tag and free text', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const app = await harness().signedIn(ACCOUNT);
    const alpha = await app.vpcs.create({ name: 'alpha', cidr: '10.0.0.0/16' });
    const beta = await app.vpcs.create({ name: 'beta', cidr: '10.1.0.0/16' });
    const gamma = await app.vpcs.create({ name: 'gamma', cidr: '10.2.0.0/16' });
    const delta = await app.vpcs.create({ name: 'delta', cidr: '10.0.64.0/18' });

    const create = async (name: string, requesterVpcId: string, accepterVpcId: string): Promise<string> => {
      await app.peerings.open();
      await app.peerings.startCreate();
      const { id } = await app.createPeering.create({ name, requesterVpcId, accepterVpcId });
      await app.peering.waitFor(id);
      return id;
    };
    const active = await create('alpha-beta', alpha, beta);
    await app.peering.chooseAction('Accept request');
    await app.dialogs.yesAccept();
    await app.dialogs.closeEstablished();
    await app.peering.waitForStatus('Active');
    const pending = await create('alpha-gamma', alpha, gamma);
    const failed = await create('alpha-delta', alpha, delta);
    await app.peering.waitForStatus('Failed');

    await app.peerings.open();
    const all = [active, pending, failed].sort();
    expect(await app.peerings.visibleIds()).toEqual(all);

    await app.peerings.filter('Status = Active');
    expect(await app.peerings.visibleIds()).toEqual([active]);
    expect(await app.peerings.matchCount()).toBe('1 match');
    await app.peerings.clearFilters();

    await app.peerings.filter('Status = Failed');
    expect(await app.peerings.visibleIds()).toEqual([failed]);
    await app.peerings.clearFilters();

    // A VPC on either side.
    await app.peerings.filter(`VPC ID = ${gamma}`);
    expect(await app.peerings.visibleIds()).toEqual([pending]);
    await app.peerings.clearFilters();

    // The accepter's CIDR shows only once accepted: 10.1.0.0/16 matches the active one alone.
    await app.peerings.filter('CIDR = 10.1.0.0/16');
    expect(await app.peerings.visibleIds()).toEqual([active]);
    await app.peerings.clearFilters();

    await app.peerings.filter('Tag : Name=alpha-d');
    expect(await app.peerings.visibleIds()).toEqual([failed]);
    await app.peerings.clearFilters();

    await app.peerings.filter('gamma');
    expect(await app.peerings.visibleIds()).toEqual([pending]);
    await app.peerings.clearFilters();

    // Tokens combine with AND.
    await app.peerings.filter(`VPC ID = ${alpha}`);
    await app.peerings.filter('Status != Failed');
    expect(await app.peerings.visibleIds()).toEqual([active, pending].sort());
    await app.screenshot('peering-connections-filtered');
    await app.peerings.clearFilters();
    expect(await app.peerings.visibleIds()).toEqual(all);

    // The list is what the API says this account sees here.
    const r = await ec2(server.url, ACCOUNT).send(new DescribeVpcPeeringConnectionsCommand({}));
    expect((r.VpcPeeringConnections ?? []).map((c) => c.VpcPeeringConnectionId).sort()).toEqual(all);
  });
});
