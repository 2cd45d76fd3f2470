// AssumeRole sessions keep no secret at rest: their secret key and token are derived from a
// server key in a 0600 file, so neither appears in the database (file or WAL), a session still
// works after a restart on the same folder, and it stops working when the server key changes.
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/start-server.js';
import { credentialsPath, mintKey, strictArgs, type Key } from './trust-support.js';

const ACCOUNT = '121212121212';

describe('session secrets at rest', () => {
  const file = credentialsPath();
  const key = mintKey(file, ACCOUNT);
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });
  const sts = (url: string, k: Key): STSClient => new STSClient({ endpoint: url, region: 'us-east-1', credentials: k, maxAttempts: 1 });

  it('are derived, never stored, survive a restart with the same key and die with a new one', async () => {
    server = await startServer({ args: strictArgs(file) });
    const dataDir = server.dataDir;
    const c = (await sts(server.url, key).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/deployer`, RoleSessionName: 'at-rest' }))).Credentials;
    const session = { accessKeyId: c?.AccessKeyId as string, secretAccessKey: c?.SecretAccessKey as string, sessionToken: c?.SessionToken as string };
    expect(session.secretAccessKey).toHaveLength(40);
    expect((await sts(server.url, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/deployer/at-rest`);

    // Neither secret is anywhere in the store's files; the session's id is (the scan works).
    const stateFiles = readdirSync(dataDir).filter((f) => f.startsWith('vpcpeer.db')).map((f) => readFileSync(join(dataDir, f)));
    const all = Buffer.concat(stateFiles);
    expect(all.includes(Buffer.from(session.accessKeyId))).toBe(true);
    expect(all.includes(Buffer.from(session.secretAccessKey))).toBe(false);
    expect(all.includes(Buffer.from(session.sessionToken.slice(13, 60)))).toBe(false);
    const keyFile = join(dataDir, 'server.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    // A restart on the same folder and key: the session still signs.
    await server.kill();
    server = await startServer({ dataDir, args: strictArgs(file) });
    expect((await sts(server.url, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/deployer/at-rest`);

    // A new server key: what the old one derived no longer verifies.
    await server.stop();
    writeFileSync(keyFile, 'ab'.repeat(32) + '\n');
    server = await startServer({ dataDir, args: strictArgs(file) });
    await expect(sts(server.url, session).send(new GetCallerIdentityCommand({}))).rejects.toThrow();
    await server.stop();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
});
