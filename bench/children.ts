import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
const started: { readonly command: string; readonly pid: number }[] = [];

function signalGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, sig); // the child leads its own process group (spawned detached)
  } catch {
    try {
      child.kill(sig);
    } catch {
      /* already gone */
    }
  }
}

let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // Whatever ends the harness (an error, Ctrl-C, a kill), no server it started outlives it.
  process.on('exit', () => {
    for (const child of live) signalGroup(child, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      process.stderr.write(`\nbench: ${sig}, stopping the servers it started\n`);
      for (const child of live) signalGroup(child, 'SIGKILL');
      process.exit(130);
    });
  }
}

/**
 * Every process the harness starts goes through here: `stop` sends SIGTERM to its process
 * group, waits up to `graceMs`, then SIGKILLs; on any exit of the harness the rest are killed.
 */
export const children = {
  track(child: ChildProcess): void {
    hookExit();
    live.add(child);
    if (child.pid !== undefined) started.push({ command: child.spawnargs.slice(0, 3).join(' '), pid: child.pid });
    child.once('exit', () => live.delete(child));
  },
  async stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  },
  /** Every process started so far (pid and the start of its command line). */
  started(): readonly { readonly command: string; readonly pid: number }[] {
    return [...started];
  },
  async stopAll(): Promise<void> {
    await Promise.all([...live].map((c) => children.stop(c)));
  },
};
