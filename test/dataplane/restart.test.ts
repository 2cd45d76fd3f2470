// The store is the only truth: after a graceful stop or a crash, a restarted server rebuilds the
// data plane from it, and traffic flows again as before.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { dataplaneAvailable, ec2Client, killGroup, reaches as reachesOn, sameSubnetPair, settle, spawnIn } from './dataplane-harness.js';

const ACCOUNT = '111111111111';

const ec2 = (server: RunningServer): EC2Client => ec2Client(server.url, ACCOUNT);
const reaches = (server: RunningServer, from: string, to: { id: string; ip: string }, port: number): Promise<boolean> => reachesOn(server.url, ACCOUNT, from, to, port);

interface Status {
  readonly running: boolean;
  readonly agentPid?: number;
}
const statusOf = async (server: RunningServer): Promise<Status> => (await (await fetch(`${server.url}/_vpcpeer/dataplane`)).json()) as Status;

/** Waits (up to 10 s) until a new agent runs in place of `before`. */
async function restarted(server: RunningServer, before: Status): Promise<Status> {
  let after = await statusOf(server);
  for (let waited = 0; !(after.running && after.agentPid !== before.agentPid) && waited < 10_000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    after = await statusOf(server);
  }
  expect(after.agentPid).not.toBe(before.agentPid);
  return after;
}

/** A live process (a zombie is dead: only its parent has not read its status yet). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The Node process running the agent, below the `unshare` the status names. */
function agentNode(unsharePid: number): number {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      parentOf.set(Number(name), Number(/\) \S+ (\d+)/.exec(readFileSync(`/proc/${name}/stat`, 'utf8'))?.[1]));
    } catch {
      // gone meanwhile
    }
  }
  const below = (pid: number): boolean => pid === unsharePid || (parentOf.has(pid) && pid > 1 && below(parentOf.get(pid) as number));
  const found = [...parentOf.keys()].find((pid) => pid !== unsharePid && below(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('agent-main.js'));
  if (found === undefined) throw new Error(`no agent below ${unsharePid}`);
  return found;
}

describe.skipIf(!dataplaneAvailable)('data plane: rebuilt from the store at start', () => {
  it('what runs in an instance dies with the agent, whichever of its processes is killed', { timeout: 90_000 }, async () => {
    const server = await startServer({ inMemory: true, args: ['--dataplane'] });
    try {
      const { a } = await sameSubnetPair(server.url, ACCOUNT);
      let status = await statusOf(server);
      for (const victim of ['unshare', 'agent'] as const) {
        await settle(server.url);
        // The command prints its pid as this machine sees it (/proc is the host's).
        const command = spawnIn(server.url, ACCOUNT, a, process.execPath, '-e', "console.log('pid ' + require('fs').readlinkSync('/proc/self')); setInterval(() => {}, 60_000)");
        try {
          const pid = await new Promise<number>((resolve, reject) => {
            let out = '';
            const timer = setTimeout(() => reject(new Error(`no pid after 15 s: ${out}`)), 15_000);
            const read = (d: Buffer): void => {
              out += d.toString();
              const m = /pid (\d+)/.exec(out);
              if (m) {
                clearTimeout(timer);
                resolve(Number(m[1]));
              }
            };
            command.stdout?.on('data', read);
            command.stderr?.on('data', read);
          });
          expect(alive(pid)).toBe(true);
          process.kill(victim === 'unshare' ? (status.agentPid as number) : agentNode(status.agentPid as number), 'SIGKILL');
          for (let waited = 0; alive(pid) && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
          expect(alive(pid), `${victim} killed: the command in the instance must be gone`).toBe(false);
        } finally {
          killGroup(command);
        }
        status = await restarted(server, status);
      }
    } finally {
      await server.stop();
    }
  });


  it('when the agent dies the API keeps serving, and the data plane comes back by itself', { timeout: 60_000 }, async () => {
    const server = await startServer({ inMemory: true, args: ['--dataplane'] });
    try {
      const { a, b } = await sameSubnetPair(server.url, ACCOUNT);
      expect(await reaches(server, a, b, 9100)).toBe(true);
      const before = await statusOf(server);
      process.kill(before.agentPid as number, 'SIGKILL');
      // The API answers meanwhile.
      const c = ec2(server);
      expect((await c.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }))).Instances?.length).toBe(1);
      c.destroy();
      await restarted(server, before);
      expect(await reaches(server, a, b, 9100)).toBe(true);
      expect(server.output()).toMatch(/the data plane agent exited/);
    } finally {
      await server.stop();
    }
  });

  it('after a graceful stop and after a crash, traffic flows again as the store says', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vpcpeer-dp-restart-'));
    let server = await startServer({ dataDir, args: ['--dataplane'] });
    try {
      const c = ec2(server);
      const made: { vpc: string; table: string; instance: string; ip: string }[] = [];
      for (const n of [0, 1]) {
        const vpc = (await c.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }))).Vpc?.VpcId as string;
        const subnet = (await c.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.${n}.1.0/24` }))).Subnet?.SubnetId as string;
        const group = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).SecurityGroups?.[0]?.GroupId as string;
        await c.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 9000, ToPort: 9000, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
        const table = (await c.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] }))).RouteTables?.[0]?.RouteTableId as string;
        const i = (await c.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }))).Instances?.[0];
        made.push({ vpc, table, instance: i?.InstanceId as string, ip: i?.PrivateIpAddress as string });
      }
      const [a, b] = made as [(typeof made)[number], (typeof made)[number]];
      const pcx = (await c.send(new CreateVpcPeeringConnectionCommand({ VpcId: a.vpc, PeerVpcId: b.vpc }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
      await c.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
      await c.send(new CreateRouteCommand({ RouteTableId: a.table, DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: pcx }));
      await c.send(new CreateRouteCommand({ RouteTableId: b.table, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: pcx }));
      c.destroy();
      const target = { id: b.instance, ip: b.ip };
      expect(await reaches(server, a.instance, target, 9000)).toBe(true);

      await server.stop();
      server = await startServer({ dataDir, args: ['--dataplane'] });
      expect(await reaches(server, a.instance, target, 9000)).toBe(true);

      await server.kill();
      server = await startServer({ dataDir, args: ['--dataplane'] });
      expect(await reaches(server, a.instance, target, 9000)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
