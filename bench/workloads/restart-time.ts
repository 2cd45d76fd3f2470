import { prepareRequest } from '../ec2-request.js';
import type { SeededPeering } from '../seed-population.js';
import type { VpcpeerOptions, VpcpeerTarget } from '../start-vpcpeer.js';
import { startVpcpeer } from '../start-vpcpeer.js';

export interface RestartRun {
  readonly stopMs: number;
  /** Spawn of `vpcpeer serve` to its "listening" line. */
  readonly listeningMs: number;
  /** Spawn to the first DescribeVpcPeeringConnections answered (200). */
  readonly firstAnswerMs: number;
  /** RSS after the first answer and two idle seconds. */
  readonly idleRssMb: number;
}

/**
 * Workload f: stops the server (SIGTERM, as a user would) and starts it again on the same data
 * folder, timing the start until it listens and until it answers a describe by id. Returns the
 * runs and the server left running.
 */
export async function measureRestarts(server: VpcpeerTarget, options: VpcpeerOptions, restarts: number, probe: SeededPeering): Promise<{ runs: RestartRun[]; server: VpcpeerTarget }> {
  const runs: RestartRun[] = [];
  const req = prepareRequest({ account: probe.requesterAccount, region: 'us-east-1' }, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionId: [probe.id] });
  let current = server;
  for (let i = 0; i < restarts; i++) {
    const t0 = performance.now();
    await current.client.close();
    await current.stop();
    const stopMs = performance.now() - t0;
    const spawned = performance.now();
    current = await startVpcpeer(options);
    const reply = await current.client.send(req);
    const firstAnswerMs = performance.now() - spawned;
    if (reply.status !== 200 || reply.items !== 1) throw new Error(`after restart, describing ${probe.id} answered ${reply.status} with ${reply.items} items`);
    await new Promise((r) => setTimeout(r, 2000));
    runs.push({ stopMs, listeningMs: current.startMs, firstAnswerMs, idleRssMb: current.memory.rssBytes() / 1048576 });
  }
  return { runs, server: current };
}
