// The guide's cross-account flow with two people at once: two browser contexts signed in as two
// accounts. The requester cannot accept its own request; the accepter sees the peer-phishing
// warning naming the requester's account, in the list and again in the accept dialog, and
// accepts; each side's Name tag is its own.
import { describe, expect, it } from 'vitest';
import { ec2, peering } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const REQUESTER = '111111111111';
const ACCEPTER = '222222222222';

describe.skipIf(!chromiumAvailable)('console: two accounts', () => {
  const harness = consoleHarness();

  it('requester cannot accept; accepter is warned and accepts; each sees only its own Name', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const [alice, bob] = await Promise.all([harness().signedIn(REQUESTER), harness().signedIn(ACCEPTER)]);
    expect(await alice.topBar.account()).toBe(REQUESTER);
    expect(await bob.topBar.account()).toBe(ACCEPTER);

    const [aliceVpc, bobVpc] = await Promise.all([alice.vpcs.create({ name: 'alice-app', cidr: '10.0.0.0/16' }), bob.vpcs.create({ name: 'bob-data', cidr: '10.5.0.0/16' })]);

    await alice.peerings.open();
    await alice.peerings.startCreate();
    const { id } = await alice.createPeering.create({ name: 'to-bob', requesterVpcId: aliceVpc, accountId: ACCEPTER, accepterVpcId: bobVpc });
    await alice.peering.waitFor(id);
    await alice.peering.waitForStatus('Pending acceptance');
    expect(await alice.peering.statusMessage()).toBe(`Pending Acceptance by ${ACCEPTER}`);

    // The requester's own view: Accept and Reject are not for it, and say why; no warning.
    const accept = await alice.peering.actionState('Accept request');
    expect(accept).toEqual({ disabled: true, reason: `You sent this request: only the owner of the accepter VPC (account ${ACCEPTER}) can accept it.` });
    expect((await alice.peering.actionState('Reject request')).disabled).toBe(true);
    expect((await alice.peering.actionState('Delete peering connection')).disabled).toBe(false);
    expect(await alice.peering.phishingAccount()).toBeUndefined();

    // The accepter: the request is listed, with the warning naming the requester's account.
    await bob.peerings.open();
    await bob.peerings.waitForStatus(id, 'Pending acceptance');
    const row = await bob.peerings.cells(id);
    expect(row['Name']).toBe('-');
    expect(row['Requester owner ID']).toBe(REQUESTER);
    await bob.peerings.select(id);
    expect(await bob.peerings.phishingAccount()).toBe(REQUESTER);
    await bob.screenshot('peering-connections-phishing-warning');
    await bob.peerings.chooseAction('Accept request');
    expect(await bob.dialogs.acceptDialogPhishingAccount()).toBe(REQUESTER);
    await bob.screenshot('accept-dialog');
    await bob.dialogs.yesAccept();
    await bob.dialogs.closeEstablished();
    await bob.peerings.waitForStatus(id, 'Active');

    // Each names it for itself.
    await bob.peerings.openDetails(id);
    await bob.peering.waitFor(id);
    await bob.peering.tags.add('Name', 'from-alice');
    expect(await bob.peering.tags.read()).toEqual({ Name: 'from-alice' });
    await bob.screenshot('peering-details-tags');
    await alice.peerings.open();
    await alice.peerings.waitForStatus(id, 'Active');
    expect((await alice.peerings.cells(id))['Name']).toBe('to-bob');
    await bob.peerings.open();
    expect((await bob.peerings.cells(id))['Name']).toBe('from-alice');

    const a = await peering(ec2(server.url, REQUESTER), id);
    const b = await peering(ec2(server.url, ACCEPTER), id);
    expect(a.Status?.Code).toBe('active');
    expect(b.Status?.Code).toBe('active');
    expect(a.Tags).toEqual([{ Key: 'Name', Value: 'to-bob' }]);
    expect(b.Tags).toEqual([{ Key: 'Name', Value: 'from-alice' }]);
    expect(b.AccepterVpcInfo).toMatchObject({ OwnerId: ACCEPTER, VpcId: bobVpc });
  });
});
