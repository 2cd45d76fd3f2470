import { prepareRequest } from '../ec2-request.js';
import { makeRng } from '../prng.js';
import type { SeededPeering } from '../seed-population.js';
import type { StreamItem } from '../stream-units.js';

/**
 * Workloads a and d (by id): DescribeVpcPeeringConnections for one connection id, picked at
 * random (seeded, so every target gets the same picks) from everything stored, asked by one of
 * its two owners at random.
 */
export function describeByIdStream(peerings: readonly SeededPeering[], length: number, seed: number): StreamItem[] {
  const rng = makeRng(seed);
  return Array.from({ length }, () => {
    const p = peerings[Math.floor(rng() * peerings.length)] as SeededPeering;
    const account = rng() < 0.5 ? p.requesterAccount : p.accepterAccount;
    return { kind: 'by-id', req: prepareRequest({ account, region: 'us-east-1' }, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionId: [p.id] }) };
  });
}
