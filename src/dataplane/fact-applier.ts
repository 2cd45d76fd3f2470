import { existsSync } from 'node:fs';
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
 * leaves its namespace's state unknown, so the next call rebuilds that namespace in place: every
 * fact in it, or about a veth with an end in it, is undone and done again (the veths too, with
 * what their other ends hold). Namespaces are kept, so no process is killed, in it or anywhere
 * else; the other namespaces are not touched.
 */
export class FactApplier {
  private applied: KernelFact[] = [];
  private nft = new Map<string, string>();
  /** Namespaces a step failed in: rebuilt by the next call. */
  private failed = new Set<string>();

  async apply(facts: readonly KernelFact[], nft: ReadonlyMap<string, string>): Promise<ApplyResult> {
    const rebuild = this.failed;
    this.failed = new Set();
    const redo = (f: KernelFact): boolean => f.phase !== 1 && (rebuild.has(f.ns) || (f.peerNs !== undefined && rebuild.has(f.peerNs)));
    const after = new Set(facts.map(keyOf));
    const removed = this.applied.filter((f) => !after.has(keyOf(f)) || redo(f));
    const stays = new Set(this.applied.filter((f) => after.has(keyOf(f)) && !redo(f)).map(keyOf));
    const added = facts.filter((f) => !stays.has(keyOf(f)));
    const goneNs = new Set(removed.flatMap((f) => (f.phase === 1 && f.namespace ? [f.namespace.name] : [])));
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
    // A namespace that is not there was not made: it is made again next time.
    const missing = new Set(created.flatMap((f) => (f.namespace && !existsSync(`${NETNS_DIR}/${f.namespace.name}`) ? [f.namespace.name] : [])));
    // Settings of new namespaces, and again of rebuilt ones (a failed setting is a failed step).
    const kinds = new Map(facts.flatMap((f) => (f.namespace ? [[f.namespace.name, f.namespace.kind] as const] : [])));
    const settle = [...new Set([...created.flatMap((f) => (f.namespace ? [f.namespace.name] : [])), ...rebuild])].filter((ns) => kinds.has(ns) && !missing.has(ns));
    await Promise.all(settle.map((ns) => this.sysctls(ns, SYSCTLS[kinds.get(ns) as 'router' | 'host'], errors)));
    for (const phase of [2, 3] as const) await this.batches(added.filter((f) => f.phase === phase).map((f) => ({ ns: f.ns, line: f.add, family: f.family })), errors);
    for (const ns of missing) this.failed.add(ns);

    // One transaction per router: the table is made if missing, dropped, and written whole, so a
    // bad rule leaves the old ruleset in place (DATAPLANE.md §4, step 6). A failed one is tried
    // again next time by itself (its text differs from the one applied).
    const nftChanged = [...nft].filter(([ns, text]) => this.nft.get(ns) !== text);
    await Promise.all(
      nftChanged.map(async ([ns, text]) => {
        const r = await runTool(['nsenter', `--net=${NETNS_DIR}/${ns}`, 'nft', '-f', '-'], `table inet vpcpeer {}\ndelete table inet vpcpeer\n${text}`);
        if (r.code === 0) this.nft.set(ns, text);
        else errors.push(`nft in ${ns}: ${r.stderr.trim()}`);
      }),
    );
    this.applied = facts.filter((f) => !(f.phase === 1 && f.namespace && missing.has(f.namespace.name)));
    return { changes: removed.length + added.length + nftChanged.length, errors };
  }

  /** Removes every namespace this applier made (their devices, routes and rules go with them). */
  async teardown(): Promise<void> {
    await this.removeNamespaces(this.applied.filter((f) => f.phase === 1));
    this.applied = [];
    this.nft.clear();
    this.failed.clear();
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
   * One `ip -batch` per namespace and family, in first-seen order; when `errors` is given, errors
   * are collected there and their namespaces marked for rebuilding (namespace creation, in the
   * agent's own, is checked by its result instead). A family's lines (policy rules) depend on no
   * other line of the phase.
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
        if (r.code === 0 || !errors) return;
        errors.push(`ip${ns ? ` -n ${ns}` : ''}: ${r.stderr.trim()}`);
        if (ns !== '') this.failed.add(ns);
      }),
    );
  }

  private async sysctls(ns: string, script: string, errors: string[]): Promise<void> {
    // /proc/sys/net shows the namespace of whoever reads it: write it from inside.
    const r = await runTool(['nsenter', `--net=${NETNS_DIR}/${ns}`, 'sh', '-c', script]);
    if (r.code === 0) return;
    errors.push(`sysctl in ${ns}: ${r.stderr.trim()}`);
    this.failed.add(ns);
  }
}
