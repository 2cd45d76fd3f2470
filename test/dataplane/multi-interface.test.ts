// An instance with a second interface in its own subnet: both interfaces carry traffic (a reply
// leaves by the interface its request came in on), and nothing else in the data plane notices.
// Before, the two interfaces both claimed the subnet's gateway, every pass failed, and each API
// call after that tore the whole data plane down, killing every instance's processes.
import { readFileSync } from 'node:fs';
import { AttachNetworkInterfaceCommand, CreateNetworkInterfaceCommand, CreateTagsCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { dataplaneAvailable, listening, sameSubnetPair, TCP_PROBE, TCP_SERVER, useDataplaneServer } from './dataplane-harness.js';

const A = '111111111111';
const B = '222222222222';

/** A live process (a zombie is dead: only its parent has not read its status yet). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe.skipIf(!dataplaneAvailable)('data plane: an instance with two interfaces in one subnet', () => {
  const suite = useDataplaneServer();

  it('both interfaces answer, and a process in an unrelated instance lives through every change', { timeout: 120_000 }, async () => {
    // Account A's instance runs a process that must survive everything below.
    const other = await sameSubnetPair(suite.server.url, A, '10.3.0.0/16', '10.3.1.0/24');
    const sleeper = suite.spawnIn(A, other.a, process.execPath, '-e', "console.log('pid ' + require('fs').readlinkSync('/proc/self')); setInterval(() => {}, 60_000)");
    const pid = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no pid after 15 s: ${out}`)), 15_000);
      sleeper.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /pid (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });

    // Account B: p gets a second interface in its own subnet (device 1); q talks to both.
    const eb = suite.ec2(B);
    const { a: p, b: q } = await sameSubnetPair(suite.server.url, B, '10.4.0.0/16', '10.4.1.0/24');
    const described = (await eb.send(new DescribeInstancesCommand({ InstanceIds: [p] }))).Reservations?.[0]?.Instances?.[0];
    const subnet = described?.SubnetId as string;
    const primary = described?.PrivateIpAddress as string;
    const eni = (await eb.send(new CreateNetworkInterfaceCommand({ SubnetId: subnet }))).NetworkInterface;
    await eb.send(new AttachNetworkInterfaceCommand({ NetworkInterfaceId: eni?.NetworkInterfaceId as string, InstanceId: p, DeviceIndex: 1 }));
    const secondary = eni?.PrivateIpAddress as string;
    // settle() fails on any error the agent reports.
    await suite.settle();
    const shown = await suite.exec(B, p, 'ip', '-br', 'address');
    expect(shown.out).toMatch(new RegExp(`eth1\\S*\\s+UP\\s+${secondary.replaceAll('.', '\\.')}/24`));

    // Traffic to either address is answered; the reply from the second leaves by eth1 (by
    // eth0 the router's source/destination check would drop it, as AWS's would).
    const server = suite.spawnIn(B, p, ...TCP_SERVER([9200]));
    await listening(server, [9200]);
    for (const ip of [primary, secondary]) expect(await suite.exec(B, q.id, ...TCP_PROBE(ip, 9200)), ip).toMatchObject({ code: 0, out: 'port 9200' });

    // An unrelated call in B (before: a full teardown on the next pass).
    await eb.send(new CreateTagsCommand({ Resources: [p], Tags: [{ Key: 'Name', Value: 'two-interfaces' }] }));
    await suite.settle();
    expect(alive(pid), "A's process must survive").toBe(true);
    for (const ip of [primary, secondary]) expect(await suite.exec(B, q.id, ...TCP_PROBE(ip, 9200)), ip).toMatchObject({ code: 0 });
    const status = (await (await fetch(`${suite.server.url}/_vpcpeer/dataplane`)).json()) as { errors: string[] };
    expect(status.errors).toEqual([]);
  });
});
