// The README's two-instance curl example, run as it stands in README.md (the block is read from
// there, so the two cannot drift apart): from `npx vpcpeer serve --dataplane &` to the curl that
// must get python's directory listing from an instance of the peered VPC.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import { dataplaneAvailable } from './dataplane-harness.js';

const REPO = resolve(import.meta.dirname, '../..');

/** The first `sh` block after the line that introduces the example. */
function readmeExample(readme: string): string {
  const intro = readme.indexOf('Two instances in peered VPCs, end to end');
  const start = readme.indexOf('```sh\n', intro);
  const end = readme.indexOf('\n```', start + 6);
  if (intro < 0 || start < 0 || end < 0) throw new Error('README.md has no two-instance example');
  return readme.slice(start + 6, end + 1);
}

const clients =
  dataplaneAvailable &&
  toolAvailable('aws (AWS CLI)', ['aws', '--version']) &&
  toolAvailable('curl', ['curl', '--version']) &&
  toolAvailable('python3', ['python3', '--version']);

describe.skipIf(!clients)("README's two-instance example", () => {
  it('runs as written: curl in A gets the directory listing served in B', { timeout: 300_000 }, () => {
    const block = readmeExample(readFileSync(resolve(REPO, 'README.md'), 'utf8'));
    expect(block).toContain('npx vpcpeer serve --dataplane &');
    // Port 4566 as written, but in a network namespace of the test's own (the host's port and
    // network are untouched; only its loopback is brought up). The block's background server and
    // http.server end with the PID namespace when the block does. State stays in memory.
    const r = spawnSync(
      'unshare',
      ['--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', '--kill-child', '--mount-proc', '--', 'sh', '-c', 'ip link set lo up && exec bash -e -c "$1"', 'readme', block],
      { cwd: REPO, env: { ...process.env, VPCPEER_IN_MEMORY: 'true', VPCPEER_LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 280_000 },
    );
    expect(r.stdout, `status ${r.status}\n${r.stderr}`).toContain('Directory listing for /');
    expect(r.status, r.stderr).toBe(0);
  });
});
