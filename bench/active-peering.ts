import { prepareRequest } from './ec2-request.js';
import type { LoadClient } from './load-client.js';
import type { Caller, Reply } from './types.js';
import { xmlValues } from './xml-values.js';

/** One call that must answer 200 (the harness's own setup: anything else stops the run). */
export async function mustCall(client: LoadClient, caller: Caller, action: string, params: Record<string, string>): Promise<Reply> {
  const reply = await client.send(prepareRequest(caller, action, params), { keepBody: true });
  if (reply.status !== 200) throw new Error(`${action}: HTTP ${reply.status} ${reply.body?.toString().slice(0, 300)}`);
  return reply;
}

const first = (r: Reply, tag: string): string => xmlValues(r.body, tag)[0] as string;

/**
 * A VPC of `requester` with `requesterCidr` peered, active, with a VPC of `accepter` with
 * `accepterCidr`: two CreateVpc, CreateVpcPeeringConnection by the requester, Accept by the accepter.
 */
export async function activePeering(client: LoadClient, requester: Caller, requesterCidr: string, accepter: Caller, accepterCidr: string): Promise<{ vpcA: string; vpcB: string; pcx: string }> {
  const vpcA = first(await mustCall(client, requester, 'CreateVpc', { CidrBlock: requesterCidr }), 'vpcId');
  const vpcB = first(await mustCall(client, accepter, 'CreateVpc', { CidrBlock: accepterCidr }), 'vpcId');
  const params = { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: accepter.account, ...(accepter.region !== requester.region ? { PeerRegion: accepter.region } : {}) };
  const pcx = first(await mustCall(client, requester, 'CreateVpcPeeringConnection', params), 'vpcPeeringConnectionId');
  await mustCall(client, accepter, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx });
  return { vpcA, vpcB, pcx };
}
