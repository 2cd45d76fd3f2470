import type { KernelFact } from '../core/dataplane/kernel-facts.js';
import { runTool } from './run-tool.js';

/** Where named namespaces live inside the agent's own mount namespace. */
export const NETNS_DIR = '/run/netns';

// Routers forward; nothing waits on IPv6 duplicate address detection (DATAPLANE.md pitfall 3).
const NO_DAD = 'echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad; echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad';
const SYSCTLS = { router: `echo 1 > /proc/sys/net/ipv4/ip_forward; echo 1 > /proc/sys/net/ipv6/conf/all/forwarding; ${NO_DAD}`, host: NO_DAD } as const;

const keyOf = (f: KernelFact): string => `${f.ns}\u0000${f.family ?? ''}\u0000${f.add}`;

/** A line for `ip -batch` in a namespace ('' is the agent's own), in a family when it needs one. */
interface BatchLine {
  readonly ns: string;
  readonly line: string;
  readonly family?: 'inet6' | undefined;
}

export interface ApplyResult {
  readonly changes: number;
  readonly errors: readonly string[];
}

/**
 * Keeps the kernel equal to the last facts given: applies only the difference from what it
 * applied before (the agent owns these namespaces; nothing else changes them). A failed step
 * leaves what was applied unknown, so the next call starts again from nothing (tears every
 * namespace down and rebuilds: about 30 ms per VPC, DATAPLANE.md §3.8).
 */
export class FactApplier {
  private applied: KernelFact[] = [];
  private nft = new Map<string, string>();
  private dirty = false;

  async apply(facts: readonly KernelFact[], nft: ReadonlyMap<string, string>): Promise<ApplyResult> {
    if (this.dirty) await this.teardown();
    const before = new Set(this.applied.map(keyOf));
    const after = new Set(facts.map(keyOf));
    const removed = this.applied.filter((f) => !after.has(keyOf(f)));
    const added = facts.filter((f) => !before.has(keyOf(f)));
    const goneNs = new Set(removed.flatMap((f) => (f.namespace ? [f.namespace.name] : [])));
    const errors: string[] = [];

    // Undo first, innermost first. Settings inside a namespace being removed go with it, but its
    // veths are deleted by hand: a process still running in the namespace (started with `vpcpeer
    // exec`) keeps it alive, and with it the router's end of the pair.
    for (const phase of [3, 2] as const) {
      const undo = removed.filter((f) => f.phase === phase && (phase === 2 || !goneNs.has(f.ns)) && f.del !== undefined).reverse();
      await this.batches(undo.map((f) => ({ ns: f.ns, line: f.del as string, family: f.family })), undefined);
    }
    await this.removeNamespaces(removed.filter((f) => f.phase === 1));
    for (const ns of goneNs) this.nft.delete(ns);

    const created = added.filter((f) => f.phase === 1);
    await this.batches(created.map((f) => ({ ns: '', line: f.add })), errors);
    await Promise.all(created.flatMap((f) => (f.namespace ? [this.sysctls(f.namespace.name, SYSCTLS[f.namespace.kind], errors)] : [])));
    for (const phase of [2, 3] as const) await this.batches(added.filter((f) => f.phase === phase).map((f) => ({ ns: f.ns, line: f.add, family: f.family })), errors);

    // One transaction per router: the table is made if missing, dropped, and written whole, so a
    // bad rule leaves the old ruleset in place (DATAPLANE.md §4, step 6).
    const nftChanged = [...nft].filter(([ns, text]) => this.nft.get(ns) !== text);
    await Promise.all(
      nftChanged.map(async ([ns, text]) => {
        const r = await runTool(['nsenter', `--net=${NETNS_DIR}/${ns}`, 'nft', '-f', '-'], `table inet vpcpeer {}\ndelete table inet vpcpeer\n${text}`);
        if (r.code === 0) this.nft.set(ns, text);
        else errors.push(`nft in ${ns}: ${r.stderr.trim()}`);
      }),
    );
    this.applied = [...facts];
    if (errors.length > 0) this.dirty = true;
    return { changes: removed.length + added.length + nftChanged.length, errors };
  }

  /** Removes every namespace this applier made (their devices, routes and rules go with them). */
  async teardown(): Promise<void> {
    await this.removeNamespaces(this.applied.filter((f) => f.phase === 1));
    this.applied = [];
    this.nft.clear();
    this.dirty = false;
  }

  /**
   * Deletes namespaces. What runs in an instance's namespace (started with `vpcpeer exec`) goes
   * with it, as an instance's processes end when it stops or terminates: left alive, such a
   * process would keep the namespace, cut off, and outlive the server.
   */
  private async removeNamespaces(facts: readonly KernelFact[]): Promise<void> {
    await Promise.all(
      facts.flatMap((f) => (f.namespace?.kind === 'host' ? [f.namespace.name] : [])).map(async (ns) => {
        const pids = await runTool(['ip', 'netns', 'pids', ns], '', 5_000, true);
        for (const pid of pids.stdout.split('\n').map(Number).filter((n) => Number.isInteger(n) && n > 1)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }),
    );
    await this.batches(facts.map((f) => ({ ns: '', line: f.del as string })), undefined);
  }

  /**
   * One `ip -batch` per namespace and family, in first-seen order; errors are collected when
   * `errors` is given. A family's lines (policy rules) depend on no other line of the phase.
   */
  private async batches(lines: readonly BatchLine[], errors: string[] | undefined): Promise<void> {
    const groups = new Map<string, { ns: string; family: string | undefined; lines: string[] }>();
    for (const { ns, line, family } of lines) {
      const key = `${ns}\u0000${family ?? ''}`;
      const group = groups.get(key);
      if (group) group.lines.push(line);
      else groups.set(key, { ns, family, lines: [line] });
    }
    // Different namespaces are independent within a phase: run them together.
    await Promise.all(
      [...groups.values()].map(async ({ ns, family, lines: nsLines }) => {
        const argv = ['ip', ...(ns === '' ? [] : ['-n', ns]), ...(family ? ['-family', family] : []), '-force', '-batch', '-'];
        const r = await runTool(argv, nsLines.join('\n') + '\n');
        if (r.code !== 0 && errors) errors.push(`ip${ns ? ` -n ${ns}` : ''}: ${r.stderr.trim()}`);
      }),
    );
  }

  private async sysctls(ns: string, script: string, errors: string[]): Promise<void> {
    // /proc/sys/net shows the namespace of whoever reads it: write it from inside.
    const r = await runTool(['nsenter', `--net=${NETNS_DIR}/${ns}`, 'sh', '-c', script]);
    if (r.code !== 0) errors.push(`sysctl in ${ns}: ${r.stderr.trim()}`);
  }
}
