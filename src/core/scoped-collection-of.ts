import type { IdPrefix } from './ids.js';
import type { Repository, ScopedCollection, ScopedResource } from './repository.js';
import { securityGroupRuleCollection } from './security-groups/security-group-rule-collection.js';

const BY_PREFIX: Partial<Record<IdPrefix, (repo: Repository) => ScopedCollection<ScopedResource>>> = {
  vpc: (r) => r.vpcs,
  subnet: (r) => r.subnets,
  rtb: (r) => r.routeTables,
  igw: (r) => r.internetGateways,
  sg: (r) => r.securityGroups,
  sgr: (r) => securityGroupRuleCollection(r),
  acl: (r) => r.networkAcls,
  eigw: (r) => r.egressOnlyInternetGateways,
  eipalloc: (r) => r.addresses,
  nat: (r) => r.natGateways,
  dopt: (r) => r.dhcpOptions,
  eni: (r) => r.networkInterfaces,
  i: (r) => r.instances,
  nip: (r) => r.networkInsightsPaths,
  nia: (r) => r.networkInsightsAnalyses,
};

/** The collection that holds resources with ids of this prefix, for code that works on any kind (tags). */
export function scopedCollectionOf(repo: Repository, prefix: IdPrefix): ScopedCollection<ScopedResource> | undefined {
  return BY_PREFIX[prefix]?.(repo);
}
