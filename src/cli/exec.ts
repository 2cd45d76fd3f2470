import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { Command } from 'commander';
import type { AccessOptions } from './server-access.js';
import { CliProblem, problem, serverAccess, signedGet, withAccessOptions } from './server-access.js';

/** Exit status when the command could not be started (as `env` and `nsenter` use). */
const CANNOT_RUN = 125;

/**
 * Runs first inside the namespaces, then becomes the command (`exec`). It writes its pid on fd 3:
 * that line tells nsenter's own failures (nothing written) from the command's, whatever status
 * either exits with, and names whom to forward signals to. /proc is the host's (the mount
 * namespace is not entered), so /proc/self/stat holds the pid as this process sees it. nsenter's
 * stderr is a pipe, so that its errors can be worded; the command gets the real stderr back from
 * fd 4 (a tty stays a tty: interactive shells need that).
 */
const ENTERED = 'read -r pid rest < /proc/self/stat && printf "%s\\n" "$pid" >&3 && exec 3>&- 2>&4 4>&- && exec "$@"';

/** nsenter's failure as a sentence the user can act on. */
function cannotEnter(id: string, agentPid: number, nsenterSaid: string): string {
  const raw = nsenterSaid.trim().replace(/\s+/g, ' ');
  if (/Permission denied|Operation not permitted/.test(raw)) {
    let owner: number | undefined;
    try {
      owner = statSync(`/proc/${agentPid}`).uid;
    } catch {
      // gone meanwhile: the generic sentence below
    }
    const me = process.getuid?.();
    if (owner !== undefined && owner !== me) {
      return `cannot enter ${id}: the data plane belongs to uid ${owner} (the user the server runs as) and this is uid ${me}; run vpcpeer exec as that user or as root (${raw})`;
    }
  }
  if (/No such file or directory/.test(raw)) return `cannot enter ${id}: the data plane agent (pid ${agentPid}) is gone; it restarts by itself, try again (${raw})`;
  return `cannot enter ${id}'s namespaces: ${raw || 'nsenter failed'}`;
}

/**
 * Runs COMMAND inside a running instance's (or free interface's) network namespace on a server
 * started with --dataplane: the command sees the instance's addresses and routes, and its
 * traffic goes through the VPC router as the instance's would. The server says where the
 * namespace is; `nsenter` enters the data plane's user namespace, that network namespace and the
 * agent's PID namespace (not its mount namespace: the command sees this machine's files).
 */
async function execIn(id: string, command: readonly string[], opts: AccessOptions): Promise<number> {
  const access = serverAccess(opts);
  const { status, body } = await signedGet(access, `/_vpcpeer/dataplane/hosts/${encodeURIComponent(id)}`);
  if (status !== 200) problem(`${String(body.message ?? `HTTP ${status}`)}`);
  const pid = Number(body.pid);
  const path = String(body.path);
  return new Promise((done) => {
    // --preserve-credentials: otherwise nsenter drops supplementary groups on entering the user
    // namespace, which a user namespace made without root (setgroups denied) refuses.
    // The agent's PID namespace too: the command dies with the agent (AGENT_UNSHARE says how).
    const child = spawn('nsenter', ['--preserve-credentials', `--user=/proc/${pid}/ns/user`, `--net=${path}`, `--pid=/proc/${pid}/ns/pid_for_children`, '--', 'sh', '-c', ENTERED, 'vpcpeer-exec', ...command], {
      stdio: ['inherit', 'inherit', 'pipe', 'pipe', process.stderr.fd],
    });
    let nsenterSaid = '';
    let entered: number | undefined;
    child.stderr?.on('data', (d: Buffer) => (nsenterSaid += d.toString()));
    (child.stdio[3] as Readable).on('data', (d: Buffer) => (entered = Number.parseInt(d.toString(), 10)));
    child.on('error', (err) => {
      process.stderr.write(`vpcpeer exec: cannot run nsenter: ${err.message}\n`);
      done(CANNOT_RUN);
    });
    child.on('close', (code, signal) => {
      if (entered === undefined) {
        process.stderr.write(`vpcpeer exec: ${cannotEnter(id, pid, nsenterSaid)}\n`);
        return done(CANNOT_RUN);
      }
      if (nsenterSaid !== '') process.stderr.write(nsenterSaid);
      // A command killed by a signal exits as a shell reports it: 128 + the signal's number.
      done(code ?? (signal ? 128 + constants.signals[signal] : CANNOT_RUN));
    });
    // The command's own signals: Ctrl-C reaches it (same process group); don't die before it does.
    for (const s of ['SIGINT', 'SIGTERM'] as const) {
      process.on(s, () => {
        try {
          if (entered === undefined) child.kill(s);
          else process.kill(entered, s);
        } catch {
          // already gone
        }
      });
    }
  });
}

/** `vpcpeer exec ID -- COMMAND…` */
export function execCommand(): Command {
  return withAccessOptions(new Command('exec'))
    .description('Run COMMAND inside a running instance or network interface (server started with --dataplane); exits with its status')
    .argument('<id>', 'instance (i-…) or network interface (eni-…)')
    .argument('<command...>', 'the command and its arguments (put -- before them)')
    .passThroughOptions()
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : CANNOT_RUN))
    .action(async (id: string, given: string[], opts: AccessOptions) => {
      // With options passed through, commander keeps the `--` that ends ours.
      const command = given[0] === '--' ? given.slice(1) : given;
      try {
        if (command.length === 0) problem('no command given: vpcpeer exec ID -- COMMAND [ARGS…]');
        process.exitCode = await execIn(id, command, opts);
      } catch (err) {
        const e = err as { name?: string; message?: string };
        process.stderr.write(`vpcpeer exec: ${err instanceof CliProblem ? e.message : `${e.name ?? 'Error'}: ${e.message ?? String(err)}`}\n`);
        process.exitCode = CANNOT_RUN;
      }
    });
}
