/**
 * The stored population, the same for every target and every scale, planned as an endless
 * sequence of peering connections so that a larger store extends a smaller one (seeding 10k
 * after 1k only adds connections 1,000..9,999).
 *
 * - Every connection has the query account Q (111111111111) on one side, so Q sees the whole
 *   store: DescribeVpcPeeringConnections without filters answers with everything (workload e),
 *   and filtered describes by Q run over all of it (workload d).
 * - The query set comes first and never changes with scale: three groups of `hubs x spokes`
 *   connections (100 in the full shape) that the filtered describes select:
 *     `hub`      hub VPCs in Q -> spokes in 222222222222, active; selected by
 *                requester-vpc-info.vpc-id = the hub VPCs;
 *     `tagged`   other Q VPCs -> the same spokes, active, tagged Name=bench-tagged; selected by
 *                tag:Name=bench-tagged;
 *     `rejected` other Q VPCs -> the same spokes, rejected by the spokes' owner; selected by
 *                status-code=rejected.
 * - Then background blocks, each a complete bipartite graph `blockRows x blockCols` (20 x 50 in
 *   the full shape: 1,000 connections): `blockRows` VPCs in Q request a peering with each of
 *   `blockCols` VPCs in another account (one of eight, by block), which accepts. Each Q VPC has
 *   exactly 50 active connections (AWS's quota), each peer 20; every pair is peered once; every
 *   VPC has its own /24 carved from 10.0.0.0/8, so no peered pair overlaps. Background names are
 *   `blk<block>-c<column>` (20 connections per value), so `tag:Name` has many other values to
 *   skip.
 * The requests are accepted (or rejected) right after each is created, so Q never has more
 * pending requests than the seeder has clients (AWS's quota is 25).
 */
export interface PopulationShape {
  readonly hubs: number;
  readonly spokes: number;
  readonly blockRows: number;
  readonly blockCols: number;
}

export interface PlannedVpc {
  readonly index: number;
  readonly account: string;
  readonly cidr: string;
}

export type QueryGroup = 'hub' | 'tagged' | 'rejected';

export interface PlannedPeering {
  readonly index: number;
  readonly requester: PlannedVpc;
  readonly accepter: PlannedVpc;
  readonly name: string;
  readonly fate: 'active' | 'rejected';
}

export const QUERY_ACCOUNT = '111111111111';
const SPOKE_ACCOUNT = '222222222222';
const OTHER_ACCOUNTS = ['222222222222', '333333333333', '444444444444', '555555555555', '666666666666', '777777777777', '888888888888', '999999999999'];
const GROUPS: readonly QueryGroup[] = ['hub', 'tagged', 'rejected'];
export const TAGGED_NAME = 'bench-tagged';

export class PopulationPlan {
  readonly querySetSize: number;
  private readonly queryVpcs: number;

  constructor(readonly shape: PopulationShape) {
    this.querySetSize = GROUPS.length * shape.hubs * shape.spokes;
    this.queryVpcs = GROUPS.length * shape.hubs + shape.spokes;
  }

  private vpc(index: number, account: string): PlannedVpc {
    if (index >= 65536) throw new Error(`population too large: VPC #${index} has no /24 left in 10.0.0.0/8`);
    return { index, account, cidr: `10.${index >> 8}.${index & 255}.0/24` };
  }

  /** The VPCs of one query group (the requesters of its connections), by hub number. */
  groupVpc(group: QueryGroup, hub: number): PlannedVpc {
    return this.vpc(GROUPS.indexOf(group) * this.shape.hubs + hub, QUERY_ACCOUNT);
  }

  private spoke(s: number): PlannedVpc {
    return this.vpc(GROUPS.length * this.shape.hubs + s, SPOKE_ACCOUNT);
  }

  peering(i: number): PlannedPeering {
    const { hubs, spokes, blockRows, blockCols } = this.shape;
    if (i < this.querySetSize) {
      const group = GROUPS[Math.floor(i / (hubs * spokes))] as QueryGroup;
      const within = i % (hubs * spokes);
      const hub = within % hubs;
      const spoke = Math.floor(within / hubs);
      const name = group === 'tagged' ? TAGGED_NAME : `${group}-${hub}`;
      return { index: i, requester: this.groupVpc(group, hub), accepter: this.spoke(spoke), name, fate: group === 'rejected' ? 'rejected' : 'active' };
    }
    const j = i - this.querySetSize;
    const perBlock = blockRows * blockCols;
    const block = Math.floor(j / perBlock);
    const within = j % perBlock;
    const col = Math.floor(within / blockRows);
    const row = within % blockRows;
    const base = this.queryVpcs + block * (blockRows + blockCols);
    const peerAccount = OTHER_ACCOUNTS[block % OTHER_ACCOUNTS.length] as string;
    return {
      index: i,
      requester: this.vpc(base + row, QUERY_ACCOUNT),
      accepter: this.vpc(base + blockRows + col, peerAccount),
      name: `blk${block}-c${col}`,
      fate: 'active',
    };
  }
}
