import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { kernelFacts } from '../core/dataplane/kernel-facts.js';
import { planDataplane } from '../core/dataplane/plan-dataplane.js';
import type { UnitOfWork } from '../core/repository.js';
import type { AgentReply, AgentRequest } from './agent-main.js';
import { NETNS_DIR } from './fact-applier.js';

export interface DataplaneOptions {
  readonly store: UnitOfWork;
  /** The server's clock (ms): a connection's status can change with time. */
  readonly now: () => number;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export interface DataplaneStatus {
  readonly running: boolean;
  readonly agentPid?: number;
  readonly routers: number;
  readonly hosts: number;
  /** Kernel changes made by the last reconcile that changed anything, and how long it took. */
  readonly lastChanges: number;
  readonly lastMs: number;
  readonly reconciles: number;
  readonly errors: readonly string[];
}

export interface DataplaneController {
  /** The store changed: reconcile soon (coalesced with other changes). */
  changed(): void;
  /** Resolves once every change reported before the call is in the kernel. */
  settled(): Promise<void>;
  /** Where a running instance's or free interface's namespace is (`vpcpeer exec`). */
  whereIs(id: string): { readonly pid: number; readonly path: string } | undefined;
  status(): DataplaneStatus;
  stop(): Promise<void>;
}

/**
 * The agent's own namespaces (`unshare` options): user (root inside, whoever runs the server),
 * network, mount (a private /run for the named namespaces) and PID. The PID namespace is what
 * ties an instance's processes to the agent: `vpcpeer exec` starts commands inside it, and when
 * its first process dies (with the agent, or killed: `--kill-child` forwards unshare's own death
 * to it as SIGKILL) the kernel kills every process in it, so nothing started in an instance
 * survives the agent, however the agent ends. `--mount-proc` gives it a /proc of that namespace,
 * so the pids it reads (`ip netns pids`) are ones it can signal.
 */
export const AGENT_UNSHARE = ['--user', '--map-root-user', '--net', '--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child', '--mount-proc'] as const;

/** What `--dataplane` needs that this machine lacks, as sentences; empty when all is there. */
export function dataplaneMissing(): string[] {
  const missing: string[] = [];
  const works = (argv: string[]): boolean => spawnSync(argv[0] as string, argv.slice(1), { stdio: 'ignore', timeout: 10_000 }).status === 0;
  if (process.platform !== 'linux') return ['Linux network namespaces (this is ' + process.platform + ')'];
  if (!works(['unshare', '--version']) || !works(['nsenter', '--version'])) missing.push('unshare and nsenter (util-linux)');
  else if (!works(['unshare', ...AGENT_UNSHARE, 'true'])) missing.push(`user, network, mount and PID namespaces (unshare ${AGENT_UNSHARE.join(' ')} is refused: check kernel.unprivileged_userns_clone / user.max_user_namespaces, and that /proc is not masked)`);
  if (!works(['ip', '-V'])) missing.push('`ip` (apt-get install iproute2)');
  if (!works(['nft', '--version'])) missing.push('`nft` (apt-get install nftables)');
  return missing;
}

const AGENT = fileURLToPath(new URL('./agent-main.js', import.meta.url));

/**
 * The agent's command line. A tmpfs on /run inside the agent's own mount namespace holds its
 * named namespaces; the host's /run is untouched, and everything vanishes with the agent. `sh`
 * stays the PID namespace's first process (no `exec`): it reaps the processes orphaned in there,
 * which Node would leave as zombies, and ends (ending the namespace) when the agent does.
 */
export function agentCommand(agent = AGENT): [string, string[]] {
  return ['unshare', [...AGENT_UNSHARE, '--', 'sh', '-c', `mount -t tmpfs vpcpeer /run && mkdir -p ${NETNS_DIR} && "$@"`, 'vpcpeer-dataplane', process.execPath, agent]];
}

/**
 * Runs the data-plane agent and keeps the kernel equal to the store: after every committed write
 * (coalesced over a few ms; time alone never makes a connection active, so there is nothing to
 * poll for). Each pass reads the whole network, plans it (pure), and
 * sends the agent the facts only when they differ from the last ones it applied. When the agent
 * fails, the API keeps serving: the failure is logged and the agent started again.
 */
export function startDataplane(options: DataplaneOptions): DataplaneController {
  let agent: ChildProcessWithoutNullStreams | undefined;
  let stopping = false;
  let restarts = 0;
  let nextId = 1;
  const pending = new Map<number, (r: AgentReply) => void>();
  let lastKey = '';
  let hostNs = new Map<string, string>();
  let counts = { routers: 0, hosts: 0 };
  let last = { changes: 0, ms: 0, reconciles: 0, errors: [] as readonly string[] };

  const launch = (): void => {
    const child = spawn(...agentCommand(), { stdio: ['pipe', 'pipe', 'pipe'] });
    agent = child;
    lastKey = '';
    createInterface({ input: child.stdout }).on('line', (line) => {
      let reply: AgentReply;
      try {
        reply = JSON.parse(line) as AgentReply;
      } catch {
        options.log('warn', `data plane agent: ${line}`);
        return;
      }
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    });
    // A request written as the agent dies meets a closed pipe; the exit handler answers it.
    child.stdin.on('error', () => undefined);
    child.stderr.on('data', (d: Buffer) => options.log('warn', `data plane agent: ${d.toString().trim()}`));
    child.on('exit', (code, signal) => {
      if (agent === child) agent = undefined;
      for (const [id, resolve] of pending) resolve({ id, changes: 0, errors: ['the data plane agent exited'], ms: 0 });
      pending.clear();
      if (stopping) return;
      options.log('error', `the data plane agent exited (${signal ?? `code ${code}`}); the API goes on, the data plane restarts`);
      if (restarts++ < 5) setTimeout(() => { if (!stopping) { launch(); changed(); } }, 1000).unref();
    });
  };

  const request = (req: Omit<AgentRequest, 'id'>): Promise<AgentReply> =>
    new Promise((resolve) => {
      const child = agent;
      if (!child) return resolve({ id: 0, changes: 0, errors: ['the data plane agent is not running'], ms: 0 });
      const id = nextId++;
      pending.set(id, resolve);
      child.stdin.write(JSON.stringify({ id, ...req }) + '\n');
    });

  const syncOnce = async (): Promise<void> => {
    const snapshot = await options.store.read((repo) => repo.network.snapshot());
    const plan = planDataplane({ ...snapshot, now: options.now() });
    const facts = kernelFacts(plan);
    const nft = plan.routers.map((r) => [r.ns, r.nft] as const);
    const key = JSON.stringify([facts, nft]);
    if (key === lastKey) return;
    const reply = await request({ facts, nft });
    const where = new Map<string, string>();
    for (const h of plan.hosts) {
      where.set(h.id, h.ns);
      for (const i of h.interfaces) where.set(i.eniId, h.ns);
    }
    hostNs = where;
    counts = { routers: plan.routers.length, hosts: plan.hosts.length };
    last = { changes: reply.changes, ms: reply.ms, reconciles: last.reconciles + 1, errors: reply.errors };
    if (reply.errors.length > 0) {
      options.log('warn', `data plane: ${reply.errors.join('; ')}`);
      return; // lastKey stays: the next pass tries again (the agent rebuilds from nothing)
    }
    lastKey = key;
  };

  // One pass at a time; changes during a pass are picked up by one more pass.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await syncOnce();
        } catch (err) {
          options.log('error', `data plane: ${(err as Error).message}`);
        }
      } while (again && !stopping);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const changed = (): void => {
    if (timer || stopping) return;
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, 5);
  };

  launch();
  changed();

  return {
    changed,
    async settled() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      // A pass already under way may have read the store before the change: run one more.
      if (running) {
        again = true;
        await running;
        return;
      }
      await run();
    },
    whereIs(id) {
      const ns = hostNs.get(id);
      const pid = agent?.pid;
      return ns === undefined || pid === undefined ? undefined : { pid, path: `/proc/${pid}/root${NETNS_DIR}/${ns}` };
    },
    status() {
      return { running: agent !== undefined, ...(agent?.pid ? { agentPid: agent.pid } : {}), ...counts, lastChanges: last.changes, lastMs: last.ms, reconciles: last.reconciles, errors: last.errors };
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
      const child = agent;
      if (!child) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin.end();
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(kill);
    },
  };
}
