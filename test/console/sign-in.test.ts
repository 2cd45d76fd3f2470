// Who and where: the sign-in panel (a 12-digit account, or an access key and secret), the
// region list the server serves, the top bar, a reload that keeps the session, and sign out.
import { DescribeRegionsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

describe.skipIf(!chromiumAvailable)('console: sign in', () => {
  const harness = consoleHarness();

  it('signs in by account id in a chosen region, keeps the session over a reload, signs out, signs in by key', { timeout: 90_000 }, async () => {
    const { server } = harness();
    const app = await harness().fresh();
    await app.screenshot('sign-in');
    await app.signIn.submitAccount('12345');
    expect(await app.signIn.accountError()).toBe('An AWS account ID is 12 digits.');
    expect(await app.signIn.isShown()).toBe(true);

    await app.signIn.signIn('121212121212', 'eu-west-1');
    expect(await app.topBar.account()).toBe('121212121212');
    expect(await app.topBar.region()).toBe('eu-west-1');
    const served = (await ec2(server.url, '121212121212').send(new DescribeRegionsCommand({}))).Regions?.map((r) => r.RegionName ?? '') ?? [];
    expect(await app.topBar.regions()).toEqual([...served].sort());

    await app.vpcs.open();
    const rows = await app.vpcs.rows();
    const api = (await ec2(server.url, '121212121212', 'eu-west-1').send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    expect(rows.map((r) => r['VPC ID'])).toEqual(api.map((v) => v.VpcId));
    expect(rows.map((r) => r['Default VPC'])).toEqual(['Yes']);

    await app.reload();
    await app.vpcs.waitLoaded();
    expect(app.path()).toBe('/vpcs');
    expect(await app.topBar.account()).toBe('121212121212');
    expect(await app.topBar.region()).toBe('eu-west-1');

    await app.topBar.signOut();
    expect(await app.signIn.isShown()).toBe(true);
    // A key that is not an account id belongs to the server's default account (README).
    await app.signIn.signInWithKeys('AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(await app.topBar.account()).toBe('000000000000');
  });
});
