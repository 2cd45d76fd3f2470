import { prepareRequest } from './ec2-request.js';
import type { PlannedVpc, PopulationPlan } from './population-plan.js';
import { runPool } from './run-pool.js';
import type { SeedReport, Target } from './types.js';
import { xmlValues } from './xml-values.js';

const REGION = 'us-east-1';

export interface SeededPeering {
  readonly id: string;
  readonly requesterAccount: string;
  readonly accepterAccount: string;
}

/** What one target holds so far: VPC ids by plan index, and the connections seeded, in plan order. */
export interface SeedState {
  readonly vpcIds: Map<number, string>;
  readonly peerings: SeededPeering[];
}


async function call(target: Target, account: string, action: string, params: Record<string, string | string[]>): Promise<Buffer> {
  const reply = await target.client.send(prepareRequest({ account, region: REGION }, action, params), { keepBody: true });
  const body = reply.body as Buffer;
  if (reply.status !== 200) {
    throw new Error(`seeding ${target.kind}: ${action} as ${account} answered ${reply.status}: ${body.toString('utf8').slice(0, 500)}`);
  }
  return body;
}

/**
 * Brings a target's store up to `upTo` connections of the plan through the public API, exactly
 * as clients would and under the same domain rules: CreateVpc for each VPC not made yet, then
 * for each connection CreateVpcPeeringConnection (with its Name tag) by the requester's account
 * and, right after, AcceptVpcPeeringConnection (or Reject) by the accepter's account.
 */
export async function seedPopulation(target: Target, plan: PopulationPlan, state: SeedState, upTo: number, concurrency: number): Promise<SeedReport> {
  const started = performance.now();
  const from = state.peerings.length;
  let calls = 0;
  const wanted = new Map<number, PlannedVpc>();
  for (let i = from; i < upTo; i++) {
    const p = plan.peering(i);
    for (const v of [p.requester, p.accepter]) if (!state.vpcIds.has(v.index)) wanted.set(v.index, v);
  }
  const vpcs = [...wanted.values()];
  await runPool(vpcs.length, concurrency, async (k) => {
    const v = vpcs[k] as PlannedVpc;
    const body = await call(target, v.account, 'CreateVpc', { CidrBlock: v.cidr });
    calls++;
    const id = xmlValues(body, 'vpcId')[0];
    if (!id) throw new Error(`seeding ${target.kind}: CreateVpc gave no vpcId: ${body.toString('utf8').slice(0, 300)}`);
    state.vpcIds.set(v.index, id);
  });
  const created = new Array<SeededPeering | undefined>(upTo - from);
  await runPool(upTo - from, concurrency, async (k) => {
    const p = plan.peering(from + k);
    const body = await call(target, p.requester.account, 'CreateVpcPeeringConnection', {
      VpcId: state.vpcIds.get(p.requester.index) as string,
      PeerVpcId: state.vpcIds.get(p.accepter.index) as string,
      PeerOwnerId: p.accepter.account,
      'TagSpecification.1.ResourceType': 'vpc-peering-connection',
      'TagSpecification.1.Tag.1.Key': 'Name',
      'TagSpecification.1.Tag.1.Value': p.name,
    });
    const id = xmlValues(body, 'vpcPeeringConnectionId')[0];
    if (!id) throw new Error(`seeding ${target.kind}: CreateVpcPeeringConnection gave no id: ${body.toString('utf8').slice(0, 300)}`);
    const answer = await call(target, p.accepter.account, p.fate === 'active' ? 'AcceptVpcPeeringConnection' : 'RejectVpcPeeringConnection', { VpcPeeringConnectionId: id });
    if (p.fate === 'active' && !/<code>(provisioning|active)<\/code>/.test(answer.toString('utf8'))) {
      throw new Error(`seeding ${target.kind}: accepting ${id} did not activate it: ${answer.toString('utf8').slice(0, 300)}`);
    }
    calls += 2;
    created[k] = { id, requesterAccount: p.requester.account, accepterAccount: p.accepter.account };
  });
  for (const c of created) state.peerings.push(c as SeededPeering);
  const seconds = (performance.now() - started) / 1000;
  return { from, to: upTo, vpcsCreated: vpcs.length, calls, seconds, connectionsPerSecond: (upTo - from) / seconds, callsPerSecond: calls / seconds };
}
