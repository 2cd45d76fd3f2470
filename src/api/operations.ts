import { ACCOUNT_OPERATIONS } from './account-api.js';
import { ADDRESS_OPERATIONS } from './address-api.js';
import { CLASSIC_LINK_OPERATIONS } from './classic-link-api.js';
import { DHCP_OPTIONS_OPERATIONS } from './dhcp-options-api.js';
import { IMAGE_OPERATIONS } from './image-api.js';
import { INSTANCE_OPERATIONS, INSTANCE_TYPE_OPERATIONS } from './instance-api.js';
import { INTERNET_GATEWAY_OPERATIONS } from './internet-gateway-api.js';
import { NAT_GATEWAY_OPERATIONS } from './nat-gateway-api.js';
import { NETWORK_ACL_OPERATIONS } from './network-acl-api.js';
import { NETWORK_INSIGHTS_OPERATIONS } from './network-insights-api.js';
import { NETWORK_INTERFACE_OPERATIONS } from './network-interface-api.js';
import type { OperationTable } from './operation.js';
import { PEERING_OPERATIONS } from './peering-api.js';
import { ROUTE_TABLE_OPERATIONS } from './route-table-api.js';
import { SECURITY_GROUP_OPERATIONS } from './security-group-api.js';
import { SUBNET_OPERATIONS } from './subnet-api.js';
import { TAG_OPERATIONS } from './tag-api.js';
import { VPC_OPERATIONS } from './vpc-api.js';

/** Every EC2 action this server answers; anything else is `InvalidAction`. */
export const OPERATIONS: OperationTable = {
  ...VPC_OPERATIONS,
  ...SUBNET_OPERATIONS,
  ...ROUTE_TABLE_OPERATIONS,
  ...PEERING_OPERATIONS,
  ...TAG_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  ...SECURITY_GROUP_OPERATIONS,
  ...NETWORK_ACL_OPERATIONS,
  ...NETWORK_INTERFACE_OPERATIONS,
  ...INSTANCE_OPERATIONS,
  ...INSTANCE_TYPE_OPERATIONS,
  ...INTERNET_GATEWAY_OPERATIONS,
  ...DHCP_OPTIONS_OPERATIONS,
  ...ADDRESS_OPERATIONS,
  ...NAT_GATEWAY_OPERATIONS,
  ...IMAGE_OPERATIONS,
  ...CLASSIC_LINK_OPERATIONS,
  ...NETWORK_INSIGHTS_OPERATIONS,
};
