import { describeDhcpOptions } from '../core/dhcp-options-service.js';
import type { OperationTable } from './operation.js';
import { reads } from './operation.js';
import { wire } from './wire.js';

/** DHCP options sets and their association with VPCs. */
export const DHCP_OPTIONS_OPERATIONS: OperationTable = {
  DescribeDhcpOptions: reads(async (ctx, input) => {
    const page = await describeDhcpOptions(ctx, { ids: input.DhcpOptionsIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return {
      DhcpOptions: page.items.map(({ resource: d, tags }) => ({
        DhcpOptionsId: d.id,
        OwnerId: d.accountId,
        DhcpConfigurations: d.configurations.map((c) => ({ Key: c.key, Values: c.values.map((v) => ({ Value: v })) })),
        Tags: wire.tags(tags),
      })),
      NextToken: page.nextToken,
    };
  }),
};
