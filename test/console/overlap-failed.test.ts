// Overlapping IPv4 CIDRs do not make Create fail: the connection is created and goes to `failed`
// with AWS's message, and the console shows exactly that (status and message), as AWS does.
import { describe, expect, it } from 'vitest';
import { ec2, peering } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '111111111111';
const FAILED = 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range';

describe.skipIf(!chromiumAvailable)('console: overlapping CIDRs', () => {
  const harness = consoleHarness();

  it('creating a peering between overlapping VPCs shows the failed status and its message', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const app = await harness().signedIn(ACCOUNT);
    const wide = await app.vpcs.create({ name: 'wide', cidr: '10.0.0.0/16' });
    const inside = await app.vpcs.create({ name: 'inside', cidr: '10.0.128.0/17' });

    await app.peerings.open();
    await app.peerings.startCreate();
    const { id, status } = await app.createPeering.create({ name: 'doomed', requesterVpcId: wide, accepterVpcId: inside });
    // AWS answers Create itself with initiating-request, whatever comes next.
    expect(status).toBe('Initiating request');
    await app.peering.waitFor(id);
    await app.peering.waitForStatus('Failed');
    expect(await app.peering.statusMessage()).toBe(FAILED);
    for (const action of ['Accept request', 'Reject request', 'Delete peering connection', 'Edit DNS settings'] as const) {
      expect((await app.peering.actionState(action)).disabled).toBe(true);
    }
    expect((await app.peering.actionState('Delete peering connection')).reason).toBe('A connection in the Failed state cannot be deleted; AWS removes it on its own.');
    await app.screenshot('peering-details-failed');

    await app.peerings.open();
    expect(await app.peerings.status(id)).toBe('Failed');

    const c = await peering(ec2(server.url, ACCOUNT), id);
    expect(c.Status).toEqual({ Code: 'failed', Message: FAILED });
  });
});
