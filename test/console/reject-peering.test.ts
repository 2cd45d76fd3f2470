// The guide's Reject flow: the accepter refuses a request from another account ("Yes, Reject");
// both sides then see it rejected, and nothing more can be done with it. Then time passes: an
// unanswered request shows as expired, and the rejected one leaves the list when AWS drops it.
import { describe, expect, it } from 'vitest';
import { advanceClock } from '../support/start-server.js';
import { ec2, peering } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const REQUESTER = '111111111111';
const ACCEPTER = '333333333333';

describe.skipIf(!chromiumAvailable)('console: reject', () => {
  const harness = consoleHarness();

  it('the accepter rejects a request; both see Rejected; nothing else is offered; an unanswered one expires', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const [alice, carol] = await Promise.all([harness().signedIn(REQUESTER), harness().signedIn(ACCEPTER)]);
    const [aliceVpc, carolVpc] = await Promise.all([alice.vpcs.create({ name: 'alice', cidr: '10.0.0.0/16' }), carol.vpcs.create({ name: 'carol', cidr: '10.7.0.0/16' })]);
    await alice.peerings.open();
    await alice.peerings.startCreate();
    const { id } = await alice.createPeering.create({ requesterVpcId: aliceVpc, accountId: ACCEPTER, accepterVpcId: carolVpc });

    await carol.peerings.open();
    await carol.peerings.waitForStatus(id, 'Pending acceptance');
    await carol.peerings.select(id);
    expect((await carol.peerings.actionState('Delete peering connection')).reason).toBe('You received this request: reject it instead of deleting it.');
    await carol.peerings.chooseAction('Reject request');
    await carol.dialogs.yesReject();
    await carol.peerings.waitForStatus(id, 'Rejected');
    for (const action of ['Accept request', 'Reject request'] as const) {
      const state = await carol.peerings.actionState(action);
      expect(state.disabled).toBe(true);
      expect(state.reason).toMatch(/^Only a request in the Pending acceptance state can be (accepted|rejected); this one is Rejected\.$/);
    }
    expect((await carol.peerings.actionState('Delete peering connection')).disabled).toBe(true);

    await alice.peerings.open();
    await alice.peerings.waitForStatus(id, 'Rejected');

    for (const account of [REQUESTER, ACCEPTER]) {
      const c = await peering(ec2(server.url, account), id);
      expect(c.Status?.Code).toBe('rejected');
    }

    // Nobody answers the next request for 7 days: it expires. The rejected one is gone by then
    // (shown to the requester for 2 days), as the API says too.
    await alice.peerings.startCreate();
    const { id: unanswered } = await alice.createPeering.create({ requesterVpcId: aliceVpc, accountId: ACCEPTER, accepterVpcId: carolVpc });
    await alice.peering.waitForStatus('Pending acceptance');
    await advanceClock(server, 7 * 24 * 3600 + 60);
    await alice.peerings.open();
    await alice.peerings.waitForStatus(unanswered, 'Expired');
    expect(await alice.peerings.visibleIds()).toEqual([unanswered]);
    expect((await peering(ec2(server.url, REQUESTER), unanswered)).Status?.Code).toBe('expired');
  });
});
