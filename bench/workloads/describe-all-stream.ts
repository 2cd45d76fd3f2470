import { prepareRequest } from '../ec2-request.js';
import { QUERY_ACCOUNT } from '../population-plan.js';
import type { Target } from '../types.js';

export interface StreamRun {
  readonly status: number;
  readonly items: number;
  readonly bytes: number;
  readonly firstByteMs: number;
  readonly totalMs: number;
  readonly mbPerSecond: number;
  readonly rssBeforeMb: number;
  /** The idle RSS the growth is measured from (before the first describe-all). */
  readonly baselineMb: number;
  readonly peakRssMb: number;
  readonly rssGrowthMb: number;
  readonly endsWell: boolean;
}

/**
 * Workload e: the query account's DescribeVpcPeeringConnections with no filter and no
 * MaxResults, which answers with every stored connection in one response. The client never
 * holds the body: it counts bytes and items as chunks arrive (and checks that the document
 * closes). Memory is the server's: its high-water mark during the answer, less `baselineBytes`,
 * its idle RSS before the first describe-all (V8 keeps what an earlier answer grew the heap to,
 * so growth is not measured from the RSS just before a repeat).
 */
export async function describeAllStream(target: Target, baselineBytes: number): Promise<StreamRun> {
  const req = prepareRequest({ account: QUERY_ACCOUNT, region: 'us-east-1' }, 'DescribeVpcPeeringConnections');
  await new Promise((r) => setTimeout(r, 500)); // let the server settle before the baseline
  const rssBefore = target.memory.rssBytes();
  target.memory.resetPeak();
  const started = performance.now();
  let firstByte = 0;
  let tail = '';
  const reply = await target.client.send(req, {
    onHeaders: () => {
      firstByte = performance.now() - started;
    },
    onData: (chunk) => {
      tail = (tail + chunk.toString('latin1', Math.max(0, chunk.length - 64))).slice(-64);
    },
  });
  const totalMs = performance.now() - started;
  const peak = target.memory.peakBytes();
  return {
    status: reply.status,
    items: reply.items,
    bytes: reply.bytes,
    firstByteMs: firstByte,
    totalMs,
    mbPerSecond: reply.bytes / 1048576 / (totalMs / 1000),
    rssBeforeMb: rssBefore / 1048576,
    baselineMb: baselineBytes / 1048576,
    peakRssMb: peak / 1048576,
    rssGrowthMb: (peak - Math.min(baselineBytes, rssBefore)) / 1048576,
    endsWell: /<\/DescribeVpcPeeringConnectionsResponse>\s*$/.test(tail),
  };
}
