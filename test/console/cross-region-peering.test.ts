// The guide's inter-region flow: the request is made from the requester VPC's region and must be
// accepted in the accepter VPC's region. The console says so where it cannot be done, offers the
// switch, and keeps the page when the region changes.
import { describe, expect, it } from 'vitest';
import { ec2, peering } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '111111111111';

describe.skipIf(!chromiumAvailable)('console: same account, two regions', () => {
  const harness = consoleHarness();

  it('request in us-east-1, switch region, accept in us-west-2', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const app = await harness().signedIn(ACCOUNT);
    const requester = await app.vpcs.create({ name: 'east', cidr: '10.0.0.0/16' });

    // Switching region keeps the page: still the VPC list, now for us-west-2.
    await app.vpcs.open();
    await app.topBar.switchRegion('us-west-2');
    expect(await app.topBar.region()).toBe('us-west-2');
    expect(app.path()).toBe('/vpcs');
    expect((await app.vpcs.rows()).map((r) => r['VPC ID'])).not.toContain(requester);
    const accepter = await app.vpcs.create({ name: 'west', cidr: '10.2.0.0/16' });

    await app.topBar.switchRegion('us-east-1');
    await app.peerings.open();
    await app.peerings.startCreate();
    const { id } = await app.createPeering.create({ name: 'east-west', requesterVpcId: requester, region: 'us-west-2', accepterVpcId: accepter });
    await app.peering.waitFor(id);
    await app.peering.waitForStatus('Pending acceptance');

    // Seen from the requester's region: not acceptable here, and the console says where.
    const accept = await app.peering.actionState('Accept request');
    expect(accept.disabled).toBe(true);
    expect(accept.reason).toContain('must be accepted in region us-west-2');
    expect(await app.peering.acceptElsewhereRegion()).toBe('us-west-2');
    await app.screenshot('peering-details-accept-elsewhere');

    await app.peering.switchToAcceptingRegion();
    expect(await app.topBar.region()).toBe('us-west-2');
    await app.peering.waitFor(id);
    await app.peering.waitForStatus('Pending acceptance');
    expect(await app.peering.acceptElsewhereRegion()).toBeUndefined();
    expect((await app.peering.actionState('Accept request')).disabled).toBe(false);
    await app.peering.chooseAction('Accept request');
    await app.dialogs.yesAccept();
    await app.dialogs.closeEstablished();
    await app.peering.waitForStatus('Active');

    // Tags belong to the region they were made in: the accepter's view has no Name.
    expect(await app.peering.title()).toBe(id);

    for (const region of ['us-east-1', 'us-west-2']) {
      const c = await peering(ec2(server.url, ACCOUNT, region), id);
      expect(c.Status?.Code).toBe('active');
      expect(c.RequesterVpcInfo).toMatchObject({ VpcId: requester, Region: 'us-east-1', OwnerId: ACCOUNT });
      expect(c.AccepterVpcInfo).toMatchObject({ VpcId: accepter, Region: 'us-west-2', OwnerId: ACCOUNT });
    }
    expect((await peering(ec2(server.url, ACCOUNT, 'us-east-1'), id)).Tags).toEqual([{ Key: 'Name', Value: 'east-west' }]);
  });
});
