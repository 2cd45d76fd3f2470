import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toolAvailable } from '../support/require-tool.js';
import { dataplaneAvailable, type Runner } from './dataplane-harness.js';

/** The user every `AS_NOBODY` command runs as: not root, no groups (the brief's `setpriv` line). */
export const NOBODY = 65534;

/**
 * Whether this machine can run vpcpeer as another user: `setpriv` (util-linux) changing uid needs
 * root. In CI a missing piece fails the run; elsewhere the suite skips and says why.
 */
export const nobodyAvailable =
  dataplaneAvailable && toolAvailable('setpriv as root (util-linux; changing uid needs root)', ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'true']);

const REPO = resolve(import.meta.dirname, '../..');

const views: string[] = [];

/**
 * Removes the folders `nobodyRunner` made. Only the commands' own mount namespaces ever bound
 * anything there: on the host each is an empty folder and an empty file.
 */
export function removeNobodyViews(): void {
  for (const view of views.splice(0)) rmSync(view, { recursive: true, force: true });
}

/**
 * Runs the CLI as uid/gid 65534 with no supplementary groups. A checkout under /root (mode 0700),
 * or Node under a home directory, is out of that user's reach, so each command first binds the
 * repository and this Node into a world-readable folder, in a mount namespace of its own (the
 * host's mounts are untouched and nothing is left behind), then drops to that user.
 */
export function nobodyRunner(): Runner {
  const view = mkdtempSync(join(tmpdir(), 'vpcpeer-nobody-'));
  views.push(view);
  chmodSync(view, 0o755);
  const repo = join(view, 'repo');
  const node = join(view, 'node');
  mkdirSync(repo, { mode: 0o755 });
  writeFileSync(node, '', { mode: 0o755 });
  const runner: Runner = {
    cli: [
      'unshare', '--mount', '--propagation', 'private', '--',
      'sh', '-c', 'mount --bind "$1" "$2" && mount --bind "$3" "$4" && shift 4 && exec setpriv --reuid=$0 --regid=$0 --clear-groups -- "$@"',
      String(NOBODY), REPO, repo, process.execPath, node, node, join(repo, 'dist/src/cli/main.js'),
    ],
    node,
  };
  // The files themselves must be readable too (a checkout made with umask 077 is not): say so.
  const check = spawnSync(runner.cli[0] as string, [...runner.cli.slice(1), '--help'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`the CLI cannot run as uid ${NOBODY} (${check.stderr.trim()}); the checkout, its dist/ and node_modules/, and ${process.execPath} must be readable by others`);
  return runner;
}
