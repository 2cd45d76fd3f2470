import type { FilterSpec } from '../filters/filter-spec.js';
import type { PeeringView } from './peering-view.js';

/** DescribeVpcPeeringConnections filters (EC2 model). Hidden accepter blocks cannot match. */
export const PEERING_FILTERS: FilterSpec<PeeringView> = {
  tags: (v) => v.tags,
  fields: {
    'accepter-vpc-info.cidr-block': (v) => v.accepter.cidrBlocks ?? [],
    'accepter-vpc-info.owner-id': (v) => v.accepter.accountId,
    'accepter-vpc-info.vpc-id': (v) => v.accepter.vpcId,
    'expiration-time': (v) => (v.expirationTime === undefined ? undefined : new Date(v.expirationTime).toISOString()),
    'requester-vpc-info.cidr-block': (v) => v.requester.cidrBlocks ?? [],
    'requester-vpc-info.owner-id': (v) => v.requester.accountId,
    'requester-vpc-info.vpc-id': (v) => v.requester.vpcId,
    'status-code': (v) => v.status,
    'status-message': (v) => v.message,
    'vpc-peering-connection-id': (v) => v.id,
  },
};
