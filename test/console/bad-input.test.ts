// Bad input: every form checks what it can before sending anything; what only the server can
// judge comes back as the server's AWS error, shown word for word, with nothing left half-done;
// a request that gets no answer offers a retry.
import { AssociateVpcCidrBlockCommand, CreateRouteCommand, DescribeVpcPeeringConnectionsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2, mainRouteTable, routeTo } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

/** The error as the console prints it, from the SDK's own parse of the same refusal. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    const err = e as { name: string; message: string };
    return `${err.name}: ${err.message}`;
  }
  throw new Error('the server accepted a request it should refuse');
}

describe.skipIf(!chromiumAvailable)('console: bad input', () => {
  const harness = consoleHarness();

  it('forms validate CIDRs, account ids and VPC ids before sending anything', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const account = '555555555555';
    const app = await harness().signedIn(account);

    await app.vpcs.create({ name: 'ok', cidr: '10.0.0.0/16' });
    await app.vpcs.startCreate();
    await app.vpcs.fillCreate({ name: 'bad', cidr: '10.0.0.0/33' });
    await app.vpcs.submitCreate();
    expect(await app.vpcs.fieldError()).toBe('Enter an IPv4 CIDR block such as 10.0.0.0/16.');
    await app.vpcs.fillCreate({ name: 'bad', cidr: '10.0.0.0/8' });
    await app.vpcs.submitCreate();
    expect(await app.vpcs.fieldError()).toBe('The block size must be between /16 and /28.');

    const client = ec2(server.url, account);
    const vpcs = (await client.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(vpcs.map((v) => v.CidrBlock).sort()).toEqual(['10.0.0.0/16', '172.31.0.0/16']);
    const mine = vpcs.find((v) => v.CidrBlock === '10.0.0.0/16')?.VpcId ?? '';

    await app.peerings.open();
    await app.peerings.startCreate();
    await app.createPeering.fill({ requesterVpcId: mine, accountId: '12345', accepterVpcId: 'vpc-xyz' });
    await app.createPeering.submit();
    expect(await app.createPeering.fieldErrors()).toEqual([
      'An AWS account ID is 12 digits.',
      'A VPC ID looks like vpc-0123456789abcdef0 (vpc- and 8 or 17 hexadecimal characters).',
    ]);
    await app.screenshot('create-peering-validation');
    expect((await client.send(new DescribeVpcPeeringConnectionsCommand({}))).VpcPeeringConnections).toEqual([]);

    await app.routeTables.open();
    const rtb = await app.routeTables.mainTableOf(mine);
    await app.routeTables.select(rtb);
    await app.routeTables.chooseAction('Edit routes');
    await app.editRoutes.waitFor();
    await app.editRoutes.addRoute('10.1.0.0/16', 'local');
    await app.editRoutes.setLastDestination('10.1.0/16');
    await app.editRoutes.save();
    expect(await app.editRoutes.fieldErrors()).toEqual(['Enter a CIDR block such as 10.0.0.0/28 (a single address is 10.0.0.7/32), or an IPv6 block such as 2600:1f18::/56.']);
    expect((await mainRouteTable(client, mine)).Routes).toHaveLength(1);
  });

  it('refusals show the server\u2019s words, and nothing is left half-done', { timeout: 120_000 }, async () => {
    const { server } = harness();
    const account = '666666666666';
    const client = ec2(server.url, account);
    const app = await harness().signedIn(account);
    const a = await app.vpcs.create({ name: 'a', cidr: '10.0.0.0/16' });
    const b = await app.vpcs.create({ name: 'b', cidr: '10.1.0.0/16' });
    await app.peerings.open();
    await app.peerings.startCreate();
    const { id } = await app.createPeering.create({ requesterVpcId: a, accepterVpcId: b });
    await app.peering.waitFor(id);

    // While its request is pending, the requester VPC may not grow (AWS-BEHAVIOUR.md §3.11).
    await app.vpcs.openDetails(a);
    await app.session.expectingRefusals(async () => {
      await app.vpcs.tryAddSecondaryCidr('10.50.0.0/16');
      const shown = await app.vpcs.serverError();
      expect(shown).toBe(await refusal(client.send(new AssociateVpcCidrBlockCommand({ VpcId: a, CidrBlock: '10.50.0.0/16' }))));
      expect(shown).toMatch(/^OperationNotPermitted: /);
    });
    expect(await app.vpcs.ipv4Cidrs()).toEqual(['10.0.0.0/16']);
    await app.screenshot('edit-cidrs-refused');

    // Two new routes, the second inside the VPC's own CIDR: the first is saved, the second
    // refused with the server's message, and the page says exactly that.
    await app.routeTables.open();
    const rtb = await app.routeTables.mainTableOf(a);
    await app.routeTables.select(rtb);
    await app.routeTables.chooseAction('Edit routes');
    await app.editRoutes.waitFor();
    await app.editRoutes.addRoute('10.1.0.0/28', id);
    await app.editRoutes.addRoute('10.0.1.0/24', id);
    await app.session.expectingRefusals(async () => {
      await app.editRoutes.save();
      expect(await app.editRoutes.progressNote()).toContain('(1 of 2 changes saved before it)');
    });
    const expected = await refusal(client.send(new CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '10.0.1.0/24', VpcPeeringConnectionId: id })));
    expect(await app.editRoutes.serverError()).toBe(expected);
    expect(expected).toContain('is equal to or more specific than one of this VPC');
    const table = await mainRouteTable(client, a);
    expect(routeTo(table, '10.1.0.0/28')).toEqual({ state: 'blackhole', target: id });
    expect(routeTo(table, '10.0.1.0/24')).toBeUndefined();
    await app.screenshot('edit-routes-refused');

    // Dropping the refused row, Save sends nothing already done and finishes.
    await app.editRoutes.removeRoute('10.0.1.0/24');
    await app.editRoutes.save();
    await app.routeTable.waitFor(rtb);
    expect(await app.routeTable.route('10.1.0.0/28')).toEqual({ destination: '10.1.0.0/28', target: id, status: 'Blackhole', propagated: 'No' });
    expect((await mainRouteTable(client, a)).Routes).toHaveLength(2);
  });

  it('a request that gets no answer shows a retry that works', { timeout: 60_000 }, async () => {
    const app = await harness().signedIn('777777777777');
    await app.vpcs.open();
    await app.session.expectingRefusals(async () => {
      await app.session.setOffline(true);
      await app.vpcs.refresh();
      expect(await app.vpcs.waitForNetworkError()).toBe('The server did not answer');
      await app.screenshot('network-error');
      await app.session.setOffline(false);
      await app.vpcs.retry();
    });
    await app.vpcs.waitLoaded();
    expect((await app.vpcs.rows()).map((r) => r['IPv4 CIDR'])).toEqual(['172.31.0.0/16']);
    expect(await app.vpcs.networkErrorShown()).toBe(false);
  });
});
