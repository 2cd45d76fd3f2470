// Strict authentication (`serve --auth strict`): the console signs in with an access key and its
// secret from the server's credentials file, every request carries a real SigV4 signature, and a
// wrong secret is refused in the server's words.
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const KEY = { accessKeyId: 'AKIACONSOLETEST00001', secretAccessKey: 'console-test-secret-0123456789abcdefghij', accountId: '123456789012' };

function credentialsFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vpcpeer-console-strict-')), 'credentials.json');
  writeFileSync(file, JSON.stringify({ credentials: [KEY] }), { mode: 0o600 });
  return file;
}

describe.skipIf(!chromiumAvailable)('console: strict authentication', () => {
  const harness = consoleHarness(() => ({ inMemory: true, args: ['--auth', 'strict', '--credentials', credentialsFile()] }));

  it('takes keys only; a wrong secret is refused; the right one signs every call', { timeout: 90_000 }, async () => {
    const { server } = harness();
    const app = await harness().fresh();
    expect(await app.signIn.offersAccountId()).toBe(false);

    await app.session.expectingRefusals(async () => {
      await app.signIn.submitKeys(KEY.accessKeyId, 'not-the-secret');
      expect(await app.signIn.serverError()).toMatch(/^SignatureDoesNotMatch: /);
    });
    await app.signIn.signInWithKeys(KEY.accessKeyId, KEY.secretAccessKey);
    expect(await app.topBar.account()).toBe(KEY.accountId);
    const vpc = await app.vpcs.create({ name: 'signed', cidr: '10.0.0.0/16' });
    await app.screenshot('sign-in-strict');

    const client = new EC2Client({ endpoint: server.url, region: 'us-east-1', credentials: KEY, maxAttempts: 1 });
    const vpcs = (await client.send(new DescribeVpcsCommand({ VpcIds: [vpc] }))).Vpcs ?? [];
    expect(vpcs.map((v) => [v.VpcId, v.OwnerId])).toEqual([[vpc, KEY.accountId]]);
  });
});
