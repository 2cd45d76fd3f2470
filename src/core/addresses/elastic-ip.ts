import type { Scope } from '../scope.js';

/** What an Elastic IP is associated with, when it is. */
export interface ElasticIpAssociation {
  /** `eipassoc-...` */
  readonly associationId: string;
  readonly networkInterfaceId?: string;
  readonly networkInterfaceOwnerId?: string;
  readonly instanceId?: string;
  readonly privateIpAddress?: string;
  /**
   * Set when a NAT gateway holds the address on its own (requester-managed) interface: AWS then
   * lets neither DisassociateAddress nor ReleaseAddress take it away (they answer AuthFailure).
   */
  readonly natGatewayId?: string;
}

/** An Elastic IP address of domain `vpc`, allocated from Amazon's pool; its id is the allocation id. */
export interface ElasticIp extends Scope {
  /** `eipalloc-...` */
  readonly id: string;
  readonly publicIp: string;
  readonly networkBorderGroup: string;
  readonly association?: ElasticIpAssociation;
  readonly createdAt: number;
}
