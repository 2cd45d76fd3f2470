import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { Command } from 'commander';
import type { AccessOptions } from './server-access.js';
import { CliProblem, problem, serverAccess, signedGet, withAccessOptions } from './server-access.js';

/** Exit status when the command could not be started (as `env` and `nsenter` use). */
const CANNOT_RUN = 125;

/**
 * Runs COMMAND inside a running instance's (or free interface's) network namespace on a server
 * started with --dataplane: the command sees the instance's addresses and routes, and its
 * traffic goes through the VPC router as the instance's would. The server says where the
 * namespace is; `nsenter` enters the data plane's user namespace and that network namespace
 * (not its mount namespace: the command sees this machine's files).
 */
async function execIn(id: string, command: readonly string[], opts: AccessOptions): Promise<number> {
  const access = serverAccess(opts);
  const { status, body } = await signedGet(access, `/_vpcpeer/dataplane/hosts/${encodeURIComponent(id)}`);
  if (status !== 200) problem(`${String(body.message ?? `HTTP ${status}`)}`);
  const pid = Number(body.pid);
  const path = String(body.path);
  return new Promise((done) => {
    const child = spawn('nsenter', [`--user=/proc/${pid}/ns/user`, `--net=${path}`, '--', ...command], { stdio: 'inherit' });
    child.on('error', (err) => {
      process.stderr.write(`vpcpeer exec: cannot run nsenter: ${err.message}\n`);
      done(CANNOT_RUN);
    });
    // A command killed by a signal exits as a shell reports it: 128 + the signal's number.
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 + constants.signals[signal] : CANNOT_RUN)));
    // The command's own signals: Ctrl-C reaches it (same process group); don't die before it does.
    for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => child.kill(s));
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
