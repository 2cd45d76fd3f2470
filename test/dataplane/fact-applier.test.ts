// The agent on its own, fed facts by hand: a namespace where a step fails is rebuilt alone on the
// next request, in place. Processes in it and in every other namespace live on (before, any
// error made the next request tear everything down, killing every instance's processes).
import { type ChildProcess, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { KernelFact } from '../../src/core/dataplane/kernel-facts.js';
import type { AgentReply } from '../../src/dataplane/agent-main.js';
import { agentCommand } from '../../src/dataplane/dataplane-controller.js';
import { dataplaneAvailable } from './dataplane-harness.js';

const ROUTER = 'vpcp-r-t';
const GOOD = 'vpcp-h-good';
const OTHER = 'vpcp-h-other';

const ns = (name: string, kind: 'router' | 'host'): KernelFact => ({ ns: '', phase: 1, add: `netns add ${name}`, del: `netns del ${name}`, namespace: { name, kind } });
const inNs = (name: string, add: string, del?: string, peerNs?: string): KernelFact => ({ ns: name, phase: 3, add, ...(del ? { del } : {}), ...(peerNs ? { peerNs } : {}) });

/** A host with eth0 plugged into the router, as kernelFacts writes it. */
function host(name: string, routerDev: string, ip: string): KernelFact[] {
  return [
    ns(name, 'host'),
    { ns: name, phase: 2, add: `link add eth0 type veth peer name ${routerDev} netns ${ROUTER}`, del: 'link del eth0', peerNs: ROUTER },
    inNs(name, 'link set eth0 up', undefined, ROUTER),
    inNs(name, `address add ${ip}/24 dev eth0 noprefixroute`, `address del ${ip}/24 dev eth0`, ROUTER),
    inNs(ROUTER, `link set ${routerDev} up`, undefined, name),
    inNs(ROUTER, `route add ${ip}/32 dev ${routerDev}`, `route del ${ip}/32 dev ${routerDev}`, name),
  ];
}

describe.skipIf(!dataplaneAvailable)('data plane agent: a failed step', () => {
  let agent: ChildProcessWithoutNullStreams | undefined;
  afterAll(() => {
    agent?.stdin.end();
  });

  it('rebuilds only the namespace it failed in, in place: no process anywhere is killed', { timeout: 60_000 }, async () => {
    // The compiled agent, as the server runs it (`npm test` builds first).
    const [command, args] = agentCommand(resolve(import.meta.dirname, '../../dist/src/dataplane/agent-main.js'));
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    agent = child;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    let id = 0;
    const send = async (facts: readonly KernelFact[]): Promise<AgentReply> => {
      child.stdin.write(JSON.stringify({ id: ++id, facts, nft: [] }) + '\n');
      const line = await replies.next();
      if (line.done) throw new Error(`the agent ended: ${stderr}`);
      return JSON.parse(line.value) as AgentReply;
    };
    /** Runs in one of the agent's namespaces, as `vpcpeer exec` enters it. */
    const enter = (name: string): string[] => ['nsenter', '--preserve-credentials', `--user=/proc/${child.pid}/ns/user`, `--net=/proc/${child.pid}/root/run/netns/${name}`, `--pid=/proc/${child.pid}/ns/pid_for_children`, '--'];
    const addresses = (name: string): string => spawnSync(enter(name)[0] as string, [...enter(name).slice(1), 'ip', '-br', 'address', 'show', 'eth0'], { encoding: 'utf8' }).stdout;

    const healthy = [ns(ROUTER, 'router'), inNs(ROUTER, 'link set lo up'), ...host(GOOD, 'egood', '10.9.1.10'), ...host(OTHER, 'eother', '10.9.1.11')];
    // A step that fails in the router (no such device), every time.
    const failing = inNs(ROUTER, 'route add 10.8.0.0/16 dev nosuchdev', 'route del 10.8.0.0/16 dev nosuchdev');
    const first = await send([...healthy, failing]);
    expect(first.errors.join(' ')).toMatch(/Cannot find device "nosuchdev"/);
    expect(addresses(GOOD)).toMatch(/10\.9\.1\.10\/24/);

    // A process in each host, as `vpcpeer exec` starts one.
    const sleepers = [GOOD, OTHER].map((name) => spawn(enter(name)[0] as string, [...enter(name).slice(1), 'sleep', '600'], { stdio: 'ignore' }));
    // nsenter waits for its command and dies of the signal that killed it.
    const running = (s: ChildProcess): boolean => s.exitCode === null && s.signalCode === null;
    await new Promise((r) => setTimeout(r, 500));
    for (const s of sleepers) expect(running(s)).toBe(true);

    // The same facts again (a later pass after an unrelated API call): the router is rebuilt,
    // and with it the veths ending there; the hosts keep their namespaces and their processes.
    const second = await send([...healthy, failing]);
    expect(second.errors.join(' ')).toMatch(/Cannot find device "nosuchdev"/);
    expect(second.changes).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    for (const s of sleepers) expect(running(s), 'a process in a host was killed').toBe(true);
    expect(addresses(GOOD)).toMatch(/UP\s+10\.9\.1\.10\/24/);
    expect(addresses(OTHER)).toMatch(/UP\s+10\.9\.1\.11\/24/);

    // Fixed: nothing failed, so nothing is redone next time.
    expect((await send(healthy)).errors).toEqual([]);
    expect(await send(healthy)).toMatchObject({ changes: 0, errors: [] });
    for (const s of sleepers) expect(running(s)).toBe(true);
    for (const s of sleepers) s.kill('SIGKILL');
  });
});
