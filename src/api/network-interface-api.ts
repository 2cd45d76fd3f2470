import { describeNetworkInterfaces } from '../core/network-interfaces/describe-network-interfaces.js';
import type { OperationTable } from './operation.js';
import { reads } from './operation.js';
import { wire } from './wire.js';

/** Network interfaces (none exist until instances do; the reachability work brings them). */
export const NETWORK_INTERFACE_OPERATIONS: OperationTable = {
  DescribeNetworkInterfaces: reads(async (_ctx, input) => {
    describeNetworkInterfaces({ ids: input.NetworkInterfaceIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { NetworkInterfaces: [] };
  }),
};
