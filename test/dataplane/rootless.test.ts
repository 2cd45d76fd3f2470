// The data plane and `vpcpeer exec` run by a user who is not root, as DATAPLANE.md recommends: the
// server as uid 65534 (`setpriv --reuid=65534 --regid=65534 --clear-groups`), and exec by that
// user, by root, and refused (with a sentence, status 125) to a user who does not own it.
import { statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/start-server.js';
import { execAs, HERE, reaches, sameSubnetPair } from './dataplane-harness.js';
import { NOBODY, nobodyAvailable, nobodyRunner, removeNobodyViews } from './as-nobody.js';

const ACCOUNT = '111111111111';

describe.skipIf(!nobodyAvailable)('data plane run by a user who is not root', () => {
  afterAll(removeNobodyViews);

  it('serves as that user; exec by that user (and by root) enters its instances, and traffic flows', { timeout: 120_000 }, async () => {
    const nobody = nobodyRunner();
    const server = await startServer({ inMemory: true, args: ['--dataplane'], launcher: nobody.cli });
    try {
      const { a, b } = await sameSubnetPair(server.url, ACCOUNT);
      const status = (await (await fetch(`${server.url}/_vpcpeer/dataplane?settle=1`)).json()) as { agentPid: number; errors: string[] };
      expect(status.errors).toEqual([]);
      expect(statSync(`/proc/${status.agentPid}`).uid).toBe(NOBODY);

      expect(await reaches(server.url, ACCOUNT, a, b, 9100, nobody)).toBe(true);
      // The command's status is passed on; a command that cannot be found is 127, as in a shell.
      expect((await execAs(nobody, server.url, ACCOUNT, a, ['sh', '-c', 'exit 7'])).code).toBe(7);
      expect((await execAs(nobody, server.url, ACCOUNT, a, ['/no/such/command'])).code).toBe(127);
      // Root may enter anyone's namespaces.
      const asRoot = await execAs(HERE, server.url, ACCOUNT, a, ['ip', '-br', 'address']);
      expect(asRoot).toMatchObject({ code: 0 });
      expect(asRoot.out).toMatch(/eth0\S*\s+UP\s+10\.7\.1\.\d+\/24/);
    } finally {
      await server.stop();
    }
  });

  it("refuses, with a sentence and status 125, to enter another user's data plane", { timeout: 60_000 }, async () => {
    const server = await startServer({ inMemory: true, args: ['--dataplane'] });
    try {
      const { a } = await sameSubnetPair(server.url, ACCOUNT);
      const r = await execAs(nobodyRunner(), server.url, ACCOUNT, a, ['true']);
      expect(r.code).toBe(125);
      expect(r.out).toMatch(new RegExp(`^vpcpeer exec: cannot enter ${a}: the data plane belongs to uid 0 .* this is uid ${NOBODY}; run vpcpeer exec as that user or as root`));
    } finally {
      await server.stop();
    }
  });
});
