/**
 * StartNetworkInsightsAnalysis through a real vpcpeer server holding the 1,000-VPC world: the
 * world is created through the EC2 API as clients would (VPCs, subnets, a security group
 * admitting 10/8 on 443, interfaces, peering connections requested and accepted by their two
 * accounts, routes on the main tables), then one path per sampled pair, then each path's
 * analysis started and timed: what a CLI or SDK user waits for, loader and store included.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRequest } from '../ec2-request.js';
import type { QueryParams } from '../ec2-request.js';
import { makeRng } from '../prng.js';
import { runPool } from '../run-pool.js';
import { startVpcpeer } from '../start-vpcpeer.js';
import type { VpcpeerTarget } from '../start-vpcpeer.js';
import { xmlValues } from '../xml-values.js';
import type { BigWorld } from './thousand-vpc-world.js';

const REGION = 'us-east-1';

export interface HttpFigures {
  readonly seedCalls: number;
  readonly seedSeconds: number;
  readonly paths: number;
  readonly sequential: { readonly count: number; readonly perSecond: number; readonly p50Ms: number; readonly p99Ms: number; readonly firstP50Ms: number; readonly lastP50Ms: number };
  readonly concurrent: { readonly clients: number; readonly count: number; readonly perSecond: number; readonly p50Ms: number; readonly p99Ms: number };
  readonly found: number;
  readonly checked: number;
}

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};

export async function httpAnalyses(big: BigWorld, pathCount: number, clients: number, progress: (msg: string) => void): Promise<HttpFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vpcpeer-reach-bench-'));
  let vp: VpcpeerTarget | undefined;
  try {
    vp = await startVpcpeer({ dataDir, logDir: dataDir, connections: Math.max(8, clients) });
    const target = vp;
    let calls = 0;
    const call = async (account: string, action: string, params: QueryParams): Promise<Buffer> => {
      const reply = await target.client.send(prepareRequest({ account, region: REGION }, action, params), { keepBody: true });
      calls++;
      const body = reply.body as Buffer;
      if (reply.status !== 200) throw new Error(`${action} as ${account} answered ${reply.status}: ${body.toString('utf8').slice(0, 400)}`);
      return body;
    };
    const one = (body: Buffer, tag: string): string => {
      const v = xmlValues(body, tag)[0];
      if (v === undefined) throw new Error(`no <${tag}> in ${body.toString('utf8').slice(0, 300)}`);
      return v;
    };

    const seedStart = performance.now();
    // Stored id of each planned resource, by the plan's id.
    const ids = new Map<string, string>();
    const mainTable = new Map<string, string>();
    const accountOf = new Map(big.vpcs.map((v) => [v.id, v.accountId]));
    progress(`http: creating ${big.vpcs.length} VPCs with subnets, a group and interfaces`);
    await runPool(big.vpcs.length, 8, async (i) => {
      const v = big.vpcs[i] as BigWorld['vpcs'][number];
      const account = v.accountId;
      const vpcId = one(await call(account, 'CreateVpc', { CidrBlock: v.cidrBlock }), 'vpcId');
      ids.set(v.id, vpcId);
      mainTable.set(v.id, one(await call(account, 'DescribeRouteTables', { 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId }), 'routeTableId'));
      const groupId = one(await call(account, 'CreateSecurityGroup', { GroupName: 'app', GroupDescription: 'app tier', VpcId: vpcId }), 'groupId');
      await call(account, 'AuthorizeSecurityGroupIngress', {
        GroupId: groupId,
        'IpPermissions.1.IpProtocol': 'tcp',
        'IpPermissions.1.FromPort': '443',
        'IpPermissions.1.ToPort': '443',
        'IpPermissions.1.IpRanges.1.CidrIp': '10.0.0.0/8',
      });
      for (const s of big.subnets.filter((x) => x.vpcId === v.id)) {
        const subnetId = one(await call(account, 'CreateSubnet', { VpcId: vpcId, CidrBlock: s.cidrBlock }), 'subnetId');
        const eni = big.networkInterfaces.find((e) => e.subnetId === s.id);
        if (!eni) continue;
        const eniId = one(
          await call(account, 'CreateNetworkInterface', { SubnetId: subnetId, PrivateIpAddress: eni.privateIps[0] as string, 'SecurityGroupId.1': groupId }),
          'networkInterfaceId',
        );
        ids.set(eni.id, eniId);
      }
    });
    progress(`http: requesting and accepting ${big.peerings.length} peering connections, with routes`);
    await runPool(big.peerings.length, 8, async (i) => {
      const p = big.peerings[i] as BigWorld['peerings'][number];
      const a = p.requester;
      const b = p.accepter;
      const pcx = one(
        await call(a.accountId, 'CreateVpcPeeringConnection', { VpcId: ids.get(a.vpcId) as string, PeerVpcId: ids.get(b.vpcId) as string, PeerOwnerId: b.accountId }),
        'vpcPeeringConnectionId',
      );
      // The plan's non-active share stays pending here (what a forgotten acceptance looks like).
      if (p.status !== 'active') return;
      await call(b.accountId, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx });
      await call(a.accountId, 'CreateRoute', { RouteTableId: mainTable.get(a.vpcId) as string, DestinationCidrBlock: b.cidrBlock as string, VpcPeeringConnectionId: pcx });
      await call(b.accountId, 'CreateRoute', { RouteTableId: mainTable.get(b.vpcId) as string, DestinationCidrBlock: a.cidrBlock as string, VpcPeeringConnectionId: pcx });
    });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    progress(`http: seeded with ${calls} calls in ${seedSeconds.toFixed(1)} s`);
    const seedCalls = calls;

    // Paths: from a random interface to an interface of a peered VPC (another account's is named by ARN).
    const rnd = makeRng(99);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const peersOf = new Map<string, string[]>();
    for (const p of big.peerings) {
      peersOf.set(p.requester.vpcId, [...(peersOf.get(p.requester.vpcId) ?? []), p.accepter.vpcId]);
      peersOf.set(p.accepter.vpcId, [...(peersOf.get(p.accepter.vpcId) ?? []), p.requester.vpcId]);
    }
    // One interface per subnet was created (the plan's first): paths join those.
    const created = big.networkInterfaces.filter((e) => ids.has(e.id));
    const paths: { account: string; pathId: string; additional: string[] }[] = [];
    await runPool(pathCount, 8, async () => {
      const src = pick(created);
      const peerVpc = pick(peersOf.get(src.vpcId) ?? [src.vpcId]);
      const dst = pick(created.filter((e) => e.vpcId === peerVpc && e.id !== src.id));
      const dstAccount = accountOf.get(dst.vpcId) as string;
      const dstId = ids.get(dst.id) as string;
      const destination = dstAccount === src.accountId ? dstId : `arn:aws:ec2:${REGION}:${dstAccount}:network-interface/${dstId}`;
      const body = await call(src.accountId, 'CreateNetworkInsightsPath', {
        Source: ids.get(src.id) as string,
        Destination: destination,
        Protocol: 'tcp',
        DestinationPort: '443',
        ClientToken: randomUUID(),
      });
      paths.push({ account: src.accountId, pathId: one(body, 'networkInsightsPathId'), additional: dstAccount === src.accountId ? [] : [dstAccount] });
    });
    // Start as the SDKs and the CLI send it: with a fresh ClientToken (an idempotency token).
    const start = (p: (typeof paths)[number]) =>
      prepareRequest({ account: p.account, region: REGION }, 'StartNetworkInsightsAnalysis', { NetworkInsightsPathId: p.pathId, AdditionalAccount: p.additional, ClientToken: randomUUID() });

    progress(`http: ${paths.length} analyses started one at a time`);
    for (const p of paths.slice(0, Math.min(100, paths.length))) await target.client.send(start(p)); // warm-up
    const seq: number[] = [];
    const analysisIds: { account: string; id: string }[] = [];
    const seqStart = performance.now();
    for (const p of paths) {
      const t = performance.now();
      const reply = await target.client.send(start(p), { keepBody: true });
      seq.push(performance.now() - t);
      if (reply.status !== 200) throw new Error(`StartNetworkInsightsAnalysis answered ${reply.status}: ${(reply.body as Buffer).toString('utf8').slice(0, 300)}`);
      analysisIds.push({ account: p.account, id: one(reply.body as Buffer, 'networkInsightsAnalysisId') });
    }
    const seqSeconds = (performance.now() - seqStart) / 1000;
    const tenth = Math.max(1, Math.floor(seq.length / 10));

    progress(`http: ${paths.length} analyses started by ${clients} clients at once`);
    const conc: number[] = [];
    const concStart = performance.now();
    await runPool(paths.length, clients, async (i) => {
      const t = performance.now();
      const reply = await target.client.send(start(paths[i] as (typeof paths)[number]));
      conc.push(performance.now() - t);
      if (reply.status !== 200) throw new Error(`StartNetworkInsightsAnalysis answered ${reply.status}`);
    });
    const concSeconds = (performance.now() - concStart) / 1000;

    // The verdicts, read back (a sample: Describe is not what is timed).
    let found = 0;
    const sample = analysisIds.slice(0, 200);
    for (const a of sample) {
      const body = await call(a.account, 'DescribeNetworkInsightsAnalyses', { 'NetworkInsightsAnalysisId.1': a.id });
      if (xmlValues(body, 'networkPathFound')[0] === 'true') found++;
    }
    return {
      seedCalls,
      seedSeconds,
      paths: paths.length,
      sequential: {
        count: seq.length,
        perSecond: seq.length / seqSeconds,
        p50Ms: pct(seq, 0.5),
        p99Ms: pct(seq, 0.99),
        firstP50Ms: pct(seq.slice(0, tenth), 0.5),
        lastP50Ms: pct(seq.slice(-tenth), 0.5),
      },
      concurrent: { clients, count: conc.length, perSecond: conc.length / concSeconds, p50Ms: pct(conc, 0.5), p99Ms: pct(conc, 0.99) },
      found,
      checked: sample.length,
    };
  } finally {
    if (vp) {
      await vp.client.close();
      await vp.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
