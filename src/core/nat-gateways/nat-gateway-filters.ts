import type { Tagged } from '../describe-scoped.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import { taggedTags } from '../tag-filter.js';
import type { NatGateway } from './nat-gateway.js';
import { natGatewayState } from './nat-gateway-state.js';

// DescribeNatGateways' filters (EC2 model; the request member is `Filter`, not `Filters`).
export const NAT_GATEWAY_FILTERS: FilterSpec<Tagged<NatGateway>> = {
  tags: taggedTags,
  fields: {
    'nat-gateway-id': ({ resource: g }) => g.id,
    state: ({ resource: g }) => natGatewayState(g),
    'subnet-id': ({ resource: g }) => g.subnetId,
    'vpc-id': ({ resource: g }) => g.vpcId,
  },
};
