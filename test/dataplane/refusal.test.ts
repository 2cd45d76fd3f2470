// Where the data plane cannot run, `serve --dataplane` refuses at start and says what is missing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/start-server.js';

describe.skipIf(process.platform !== 'linux')('serve --dataplane on a machine without what it needs', () => {
  it('refuses to start, naming each missing piece, and serves nothing', () => {
    // A PATH holding `sh` only: no unshare/nsenter, no ip, no nft.
    const bin = mkdtempSync(join(tmpdir(), 'vpcpeer-nopath-'));
    mkdirSync(bin, { recursive: true });
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const r = spawnSync(process.execPath, [CLI, 'serve', '--in-memory', '--port', '0', '--dataplane'], { env: { PATH: bin }, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toMatch(/listening/);
    expect(r.stderr).toMatch(/--dataplane cannot run on this machine; missing: /);
    for (const piece of ['unshare and nsenter', '`ip` (apt-get install iproute2)', '`nft` (apt-get install nftables)']) expect(r.stderr).toContain(piece);
  });
});
