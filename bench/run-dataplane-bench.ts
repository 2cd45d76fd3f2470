/**
 * The data plane's figures (BENCHMARKS.md, "Data plane"), against `vpcpeer serve --dataplane`
 * started with its defaults:
 *  1. set-up: 20 VPCs with 5 instances each, every VPC peered with the first (routes both
 *     ways): the API calls, then the time until the kernel holds it all;
 *  2. an API change to traffic: a route is deleted and created again, N times (after one
 *     unmeasured warm-up); each time a client in one instance keeps trying to connect, and the time from CreateRoute's answer
 *     to the first connection that gets through is recorded (p50, p99, max);
 *  3. TCP throughput (iperf3, 3 s) between two instances across a peering, next to a bare veth
 *     pair between two namespaces.
 *
 * npm run build && node dist/bench/run-dataplane-bench.js [--flips 100]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteRouteCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { spawnServer } from './spawn-server.js';

const CLI = resolve(import.meta.dirname, '../src/cli/main.js');
const ACCOUNT = '111111111111';
const flipsArg = process.argv.indexOf('--flips');
const FLIPS = flipsArg > 0 ? Number(process.argv[flipsArg + 1]) : 100;

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
};

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const logDir = mkdtempSync(join(tmpdir(), 'vpcpeer-dp-bench-'));
  const server = await spawnServer({
    command: process.execPath,
    args: [CLI, 'serve', '--host', '127.0.0.1', '--port', '0', '--in-memory', '--dataplane'],
    logFile: join(logDir, 'vpcpeer.log'),
    readyLine: /vpcpeer listening on (http:\/\/[^\s]+)/,
  });
  const url = server.url;
  const ec2 = new EC2Client({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' }, maxAttempts: 1 });
  const settle = async (): Promise<{ lastMs: number; lastChanges: number; routers: number; hosts: number }> =>
    (await (await fetch(`${url}/_vpcpeer/dataplane?settle=1`)).json()) as { lastMs: number; lastChanges: number; routers: number; hosts: number };
  const children: ChildProcess[] = [];
  const execIn = (id: string, ...command: string[]): ChildProcess => {
    const c = spawn(process.execPath, [CLI, 'exec', '--endpoint', url, '--account', ACCOUNT, id, '--', ...command], { stdio: ['pipe', 'pipe', 'inherit'], detached: true });
    children.push(c);
    return c;
  };
  try {
    // 1. Set-up.
    const apiStarted = performance.now();
    const vpcs: { id: string; table: string; instances: { id: string; ip: string }[] }[] = [];
    for (let n = 0; n < 20; n++) {
      const id = (await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${n}.0.0/16` }))).Vpc?.VpcId as string;
      const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: `10.${n}.1.0/24` }))).Subnet?.SubnetId as string;
      const group = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).SecurityGroups?.[0]?.GroupId as string;
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: group, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }));
      const table = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [id] }] }))).RouteTables?.[0]?.RouteTableId as string;
      const launched = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 5, MaxCount: 5, SubnetId: subnet }))).Instances ?? [];
      vpcs.push({ id, table, instances: launched.map((i) => ({ id: i.InstanceId as string, ip: i.PrivateIpAddress as string })) });
    }
    const hub = vpcs[0] as (typeof vpcs)[number];
    for (const [n, v] of vpcs.entries()) {
      if (n === 0) continue;
      const pcx = (await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: hub.id, PeerVpcId: v.id }))).VpcPeeringConnection?.VpcPeeringConnectionId as string;
      await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
      await ec2.send(new CreateRouteCommand({ RouteTableId: hub.table, DestinationCidrBlock: `10.${n}.0.0/16`, VpcPeeringConnectionId: pcx }));
      await ec2.send(new CreateRouteCommand({ RouteTableId: v.table, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: pcx }));
    }
    const apiMs = performance.now() - apiStarted;
    const settleStarted = performance.now();
    const built = await settle();
    const settleMs = performance.now() - settleStarted;
    console.log(`set-up: ${built.hosts} instances in ${built.routers} VPCs: API calls ${apiMs.toFixed(0)} ms, then kernel in step after ${settleMs.toFixed(0)} ms`);

    // 2. API change -> traffic.
    const spoke = vpcs[1] as (typeof vpcs)[number];
    const target = hub.instances[0] as { id: string; ip: string };
    const listener = execIn(target.id, process.execPath, '-e', "require('net').createServer((s) => s.end('x')).listen(7000, () => console.log('ready'))");
    await new Promise<void>((r) => createInterface({ input: listener.stdout as NodeJS.ReadableStream }).once('line', () => r()));
    const waiter = execIn(
      (spoke.instances[0] as { id: string }).id,
      process.execPath,
      '-e',
      // On each line: try to connect again and again (5 ms limit each: a dropped SYN is never
      // answered) until one attempt gets an answer, then say so.
      `const net = require('net'); require('readline').createInterface({ input: process.stdin }).on('line', () => { const tryOnce = () => { const s = net.connect(7000, '${target.ip}'); const t = setTimeout(() => { s.destroy(); setImmediate(tryOnce); }, 5); s.on('data', () => { clearTimeout(t); s.destroy(); console.log('open'); }); s.on('error', () => { clearTimeout(t); setImmediate(tryOnce); }); }; tryOnce(); });`,
    );
    const opened = createInterface({ input: waiter.stdout as NodeJS.ReadableStream });
    const latencies: number[] = [];
    // One flip more than measured: the first warms up the waiter and the server's code paths.
    for (let k = -1; k < FLIPS; k++) {
      await ec2.send(new DeleteRouteCommand({ RouteTableId: spoke.table, DestinationCidrBlock: '10.0.0.0/16' }));
      await settle();
      const open = new Promise<number>((r) => opened.once('line', () => r(performance.now())));
      waiter.stdin?.write('go\n');
      const pcx = (await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [hub.table] }))).RouteTables?.[0]?.Routes?.find((r) => r.DestinationCidrBlock === '10.1.0.0/16')?.VpcPeeringConnectionId;
      await ec2.send(new CreateRouteCommand({ RouteTableId: spoke.table, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: pcx }));
      const acknowledged = performance.now();
      const ms = (await open) - acknowledged;
      if (k >= 0) latencies.push(ms);
    }
    console.log(`API change -> traffic (CreateRoute answered -> first connection through), ${FLIPS} flips: p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`);
    if (process.argv.includes('--verbose')) console.log(`  slowest: ${[...latencies].sort((a, b) => b - a).slice(0, 10).map((x) => x.toFixed(1)).join(', ')}`);

    // 3. Throughput.
    const hasIperf = (() => {
      try {
        execFileSync('iperf3', ['--version'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    if (!hasIperf) {
      console.log('throughput: skipped (iperf3 is not installed: apt-get install iperf3)');
      return;
    }
    const iperfServer = execIn(target.id, 'iperf3', '-s', '-1');
    await new Promise((r) => setTimeout(r, 500));
    const client = execFileSync(process.execPath, [CLI, 'exec', '--endpoint', url, '--account', ACCOUNT, (spoke.instances[1] as { id: string }).id, '--', 'iperf3', '-c', target.ip, '-t', '3', '-J'], { encoding: 'utf8' });
    iperfServer.kill();
    const peered = (JSON.parse(client) as { end: { sum_received: { bits_per_second: number } } }).end.sum_received.bits_per_second / 1e9;
    const bare = execFileSync(
      'unshare',
      ['-Urnm', 'sh', '-c', 'mount -t tmpfs x /run && mkdir /run/netns && ip netns add a && ip netns add b && ip -n a link add v type veth peer name v netns b && ip -n a addr add 192.168.9.1/24 dev v && ip -n b addr add 192.168.9.2/24 dev v && ip -n a link set v up && ip -n b link set v up && ip -n a link set lo up && ip -n b link set lo up && (ip netns exec b iperf3 -s -1 >/dev/null &) && sleep 0.5 && ip netns exec a iperf3 -c 192.168.9.2 -t 3 -J'],
      { encoding: 'utf8' },
    );
    const veth = (JSON.parse(bare) as { end: { sum_received: { bits_per_second: number } } }).end.sum_received.bits_per_second / 1e9;
    console.log(`TCP throughput (iperf3, 3 s, one stream): across a peering ${peered.toFixed(1)} Gbit/s; bare veth pair ${veth.toFixed(1)} Gbit/s`);
  } finally {
    // Each exec is a process group (exec -> nsenter -> the command).
    for (const c of children) {
      try {
        if (c.pid !== undefined) process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    ec2.destroy();
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
