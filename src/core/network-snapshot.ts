import type { Instance } from './instances/instance.js';
import type { NetworkAcl } from './network-acls/network-acl.js';
import type { NetworkInterface } from './network-interfaces/network-interface.js';
import type { PeeringConnection } from './peering/peering-connection.js';
import type { RouteTable } from './route-table.js';
import type { SecurityGroup } from './security-groups/security-group.js';
import type { Subnet } from './subnet.js';
import type { Vpc } from './vpc.js';

/** Everything that bears on packets, in every account and Region, read in one go. */
export interface NetworkSnapshot {
  readonly vpcs: readonly Vpc[];
  readonly subnets: readonly Subnet[];
  readonly routeTables: readonly RouteTable[];
  readonly securityGroups: readonly SecurityGroup[];
  readonly networkAcls: readonly NetworkAcl[];
  readonly networkInterfaces: readonly NetworkInterface[];
  readonly instances: readonly Instance[];
  readonly peerings: readonly PeeringConnection[];
}
