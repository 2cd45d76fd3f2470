import type { Tagged } from '../describe-scoped.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import { taggedTags } from '../tag-filter.js';
import type { ElasticIp } from './elastic-ip.js';

// DescribeAddresses' filters (EC2 model), plus `domain`, which AWS still answers (CLI examples).
export const ADDRESS_FILTERS: FilterSpec<Tagged<ElasticIp>> = {
  tags: taggedTags,
  fields: {
    'allocation-id': ({ resource: a }) => a.id,
    'association-id': ({ resource: a }) => a.association?.associationId,
    domain: () => 'vpc',
    'instance-id': ({ resource: a }) => a.association?.instanceId,
    'network-border-group': ({ resource: a }) => a.networkBorderGroup,
    'network-interface-id': ({ resource: a }) => a.association?.networkInterfaceId,
    'network-interface-owner-id': ({ resource: a }) => a.association?.networkInterfaceOwnerId,
    'private-ip-address': ({ resource: a }) => a.association?.privateIpAddress,
    'public-ip': ({ resource: a }) => a.publicIp,
  },
};
