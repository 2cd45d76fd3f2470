import { prepareRequest } from '../ec2-request.js';
import type { PopulationPlan } from '../population-plan.js';
import { QUERY_ACCOUNT, TAGGED_NAME } from '../population-plan.js';
import type { SeedState } from '../seed-population.js';
import type { StreamItem } from '../stream-units.js';

/**
 * Workloads c and d (filtered): the query account's DescribeVpcPeeringConnections with one
 * filter each, rotating, each selecting one query group of the plan (100 connections in the full
 * shape) out of everything the account sees:
 *   status-code = rejected; tag:Name = bench-tagged; requester-vpc-info.vpc-id = the hub VPCs.
 * No MaxResults: the whole answer in one page, as the AWS CLI's first call and Terraform's reads.
 */
export function filteredDescribeStream(plan: PopulationPlan, state: SeedState): StreamItem[] {
  const caller = { account: QUERY_ACCOUNT, region: 'us-east-1' };
  const hubs = Array.from({ length: plan.shape.hubs }, (_, h) => state.vpcIds.get(plan.groupVpc('hub', h).index) as string);
  const filter = (name: string, values: readonly string[]) => prepareRequest(caller, 'DescribeVpcPeeringConnections', { 'Filter.1.Name': name, 'Filter.1.Value': values });
  return [
    { kind: 'status-code', req: filter('status-code', ['rejected']) },
    { kind: 'tag:Name', req: filter('tag:Name', [TAGGED_NAME]) },
    { kind: 'requester-vpc-info.vpc-id', req: filter('requester-vpc-info.vpc-id', hubs) },
  ];
}
