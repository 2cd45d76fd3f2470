import { ACCOUNT_OPERATIONS } from './account-api.js';
import type { OperationTable } from './operation.js';
import { NETWORK_OPERATIONS } from './network-api.js';
import { PEERING_OPERATIONS } from './peering-api.js';
import { ROUTE_TABLE_OPERATIONS } from './route-table-api.js';
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
  ...NETWORK_OPERATIONS,
};
