// Several servers on one PostgreSQL database: a change made through any of them reaches the data
// plane of the one that runs it (--dataplane), within about 100 ms and without waiting for a
// request to that server. Before, its data plane heard only its own writes.
import { AuthorizeSecurityGroupIngressCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, RevokeSecurityGroupIngressCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { postgresAvailable, usePostgresDatabase } from '../support/postgres.js';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { dataplaneAvailable, ec2Client, killGroup, PROBE_AGENT, type ProbeAgent, sameSubnetPair, spawnIn, startProbeAgent } from './dataplane-harness.js';

const ACCOUNT = '111111111111';

interface Status {
  readonly hosts: number;
  readonly reconciles: number;
}

/** The data plane's state as it is (no `settle`: that would make it catch up by itself). */
const statusOf = async (server: RunningServer): Promise<Status> => (await (await fetch(`${server.url}/_vpcpeer/dataplane`)).json()) as Status;

/** Polls every 5 ms until `ok`; answers how long it took (ms), or fails after 2 s naming `what`. */
async function within(what: string, ok: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await ok())) {
    if (performance.now() - started > 2_000) throw new Error(`${what}: not within 2 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

describe.skipIf(!postgresAvailable || !dataplaneAvailable)('data plane on a shared PostgreSQL store', () => {
  const db = usePostgresDatabase();

  it("hears changes made through another server's API", { timeout: 120_000 }, async () => {
    const plane = await startServer({ args: ['--dataplane', '--database', db.url] });
    const other = await startServer({ args: ['--database', db.url] });
    try {
      const idle = await statusOf(plane);
      // Two instances made through the other server appear in this one's kernel.
      const { a, b } = await sameSubnetPair(other.url, ACCOUNT);
      const appeared = await within('two instances in', async () => (await statusOf(plane)).hosts === 2);
      expect((await statusOf(plane)).reconciles).toBeGreaterThan(idle.reconciles);

      // Traffic follows a group rule revoked and given back through the other server. The probe
      // agents run on, asked over their stdin: nothing asks this server anything (an exec would
      // make it catch up by itself, as settle does).
      const ec2 = ec2Client(other.url, ACCOUNT);
      const agents = await Promise.all([a, b.id].map(async (id) => startProbeAgent(spawnIn(plane.url, ACCOUNT, id, ...PROBE_AGENT(id, [9300])), id)));
      const [fromA] = agents as [ProbeAgent, ProbeAgent];
      try {
        const reaches = async (): Promise<boolean> => (await fromA.ask({ proto: 'tcp', ip: b.ip, port: 9300 })) === b.id;
        expect(await reaches()).toBe(true);
        const vpcId = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [a] }))).Reservations?.[0]?.Instances?.[0]?.VpcId as string;
        const group = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups?.[0]?.GroupId as string;
        const selfRule = { GroupId: group, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: group }] }] };
        /** Makes a change through the other server; answers how long until this one's kernel had it. */
        const changeElsewhere = async (change: () => Promise<unknown>): Promise<number> => {
          const { reconciles } = await statusOf(plane);
          await change();
          return within('the change in', async () => (await statusOf(plane)).reconciles > reconciles);
        };
        const closed = await changeElsewhere(() => ec2.send(new RevokeSecurityGroupIngressCommand(selfRule)));
        expect(await reaches()).toBe(false);
        const open = await changeElsewhere(() => ec2.send(new AuthorizeSecurityGroupIngressCommand(selfRule)));
        expect(await reaches()).toBe(true);
        console.log(`shared store: a rule revoked through another server was in this one's kernel after ${closed.toFixed(0)} ms, given back after ${open.toFixed(0)} ms`);
      } finally {
        for (const agent of agents) killGroup(agent.child);
      }

      // Stopping an instance through the other server takes it out.
      const before = (await statusOf(plane)).hosts;
      await ec2.send(new StopInstancesCommand({ InstanceIds: [b.id] }));
      const gone = await within('instance stopped', async () => (await statusOf(plane)).hosts === before - 1);
      ec2.destroy();
      console.log(`shared store: a change through another server was in this one's data plane after ${appeared.toFixed(0)} ms (launch) and ${gone.toFixed(0)} ms (stop)`);
    } finally {
      await Promise.all([plane.stop(), other.stop()]);
    }
  });
});
