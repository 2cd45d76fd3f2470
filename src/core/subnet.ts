import type { Scope } from './scope.js';

export interface Subnet extends Scope {
  readonly id: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly ipv6Associations: readonly { readonly associationId: string; readonly cidr: string }[];
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly defaultForAz: boolean;
  readonly mapPublicIpOnLaunch: boolean;
  readonly assignIpv6AddressOnCreation: boolean;
  readonly createdAt: number;
}
