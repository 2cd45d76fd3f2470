import { prepareRequest } from '../ec2-request.js';
import type { QueryParams } from '../ec2-request.js';
import type { Unit, UnitFactory } from '../measure-interleaved.js';
import type { SeriesRecorder } from '../series-recorder.js';
import type { Reply, Target } from '../types.js';
import { xmlValues } from '../xml-values.js';

const REGION = 'us-east-1';

/** Accounts of the lifecycle clients (apart from the seeded population's). */
function lifecycleAccount(i: number): string {
  return `1000000000${String(i + 1).padStart(2, '0')}`;
}

/**
 * Workload b: the peering lifecycle as Terraform drives it, one loop per unit, by several clients
 * in several accounts. Client w acts as account w mod A for its requester VPC and (w+1) mod A for
 * the accepter VPC (cross-account whenever A > 1). One loop is 12 requests:
 *   CreateVpc x2 (one per account, /28 blocks of the client's own) -> CreateVpcPeeringConnection
 *   -> AcceptVpcPeeringConnection (by the accepter) -> DescribeRouteTables (main table of the
 *   requester VPC) -> CreateRoute to the peer's block via the connection -> the same two for the
 *   accepter -> DescribeVpcPeeringConnections by id -> DeleteVpcPeeringConnection -> DeleteVpc x2.
 * The VPCs go with each loop, so the store stays small (deleted connections stay visible for
 * their 2-hour window, as in AWS). Answers are parsed for the next step's ids; against the ceiling
 * (canned answers) a missing id is no error.
 */
export function lifecycleUnits(accounts: number): UnitFactory {
  return (target: Target, w: number): Unit => {
    const a = { account: lifecycleAccount(w % accounts), region: REGION };
    const b = { account: lifecycleAccount((w + 1) % accounts), region: REGION };
    const cidrA = `10.${200 + Math.floor(w / 256)}.${w % 256}.0/28`;
    const cidrB = `10.${200 + Math.floor(w / 256)}.${w % 256}.16/28`;
    const lenient = target.kind === 'ceiling';
    return async (rec: SeriesRecorder) => {
      const send = async (caller: typeof a, action: string, params: QueryParams): Promise<Reply> => {
        const t0 = performance.now();
        let reply: Reply | undefined;
        try {
          reply = await target.client.send(prepareRequest(caller, action, params), { keepBody: true });
        } finally {
          rec.record(action, performance.now() - t0, reply);
        }
        if (reply.status !== 200) throw Object.assign(new Error(`${action}: ${reply.status}`), { code: `${action}-${reply.status}` });
        return reply;
      };
      const id = (reply: Reply, tag: string, action: string, fallback: string): string => {
        const v = xmlValues(reply.body, tag)[0];
        if (v) return v;
        if (lenient) return fallback;
        throw Object.assign(new Error(`${action}: no ${tag}`), { code: `${action}-no-${tag}` });
      };
      const vpcA = id(await send(a, 'CreateVpc', { CidrBlock: cidrA }), 'vpcId', 'CreateVpc', 'vpc-0a');
      const vpcB = id(await send(b, 'CreateVpc', { CidrBlock: cidrB }), 'vpcId', 'CreateVpc', 'vpc-0b');
      const pcx = id(
        await send(a, 'CreateVpcPeeringConnection', { VpcId: vpcA, PeerVpcId: vpcB, PeerOwnerId: b.account }),
        'vpcPeeringConnectionId',
        'CreateVpcPeeringConnection',
        'pcx-0',
      );
      await send(b, 'AcceptVpcPeeringConnection', { VpcPeeringConnectionId: pcx });
      const mainTable = (vpc: string) => ({ 'Filter.1.Name': 'vpc-id', 'Filter.1.Value': [vpc], 'Filter.2.Name': 'association.main', 'Filter.2.Value': ['true'] });
      const rtbA = id(await send(a, 'DescribeRouteTables', mainTable(vpcA)), 'routeTableId', 'DescribeRouteTables', 'rtb-0a');
      await send(a, 'CreateRoute', { RouteTableId: rtbA, DestinationCidrBlock: cidrB, VpcPeeringConnectionId: pcx });
      const rtbB = id(await send(b, 'DescribeRouteTables', mainTable(vpcB)), 'routeTableId', 'DescribeRouteTables', 'rtb-0b');
      await send(b, 'CreateRoute', { RouteTableId: rtbB, DestinationCidrBlock: cidrA, VpcPeeringConnectionId: pcx });
      await send(a, 'DescribeVpcPeeringConnections', { VpcPeeringConnectionId: [pcx] });
      await send(a, 'DeleteVpcPeeringConnection', { VpcPeeringConnectionId: pcx });
      await send(a, 'DeleteVpc', { VpcId: vpcA });
      await send(b, 'DeleteVpc', { VpcId: vpcB });
    };
  };
}
