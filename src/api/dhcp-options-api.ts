import type { Tagged } from '../core/describe-scoped.js';
import type { DhcpOptions } from '../core/dhcp-options/dhcp-options.js';
import * as dhcp from '../core/dhcp-options/dhcp-options-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

function dhcpOptionsToWire({ resource: d, tags }: Tagged<DhcpOptions>): W.DhcpOptions {
  return {
    DhcpOptionsId: d.id,
    OwnerId: d.accountId,
    DhcpConfigurations: d.configurations.map((c) => ({ Key: c.key, Values: c.values.map((v) => ({ Value: v })) })),
    Tags: wire.tags(tags),
  };
}

/** DHCP options sets and their association with VPCs. */
export const DHCP_OPTIONS_OPERATIONS: OperationTable = {
  CreateDhcpOptions: writes(async (ctx, input) => {
    const set = await dhcp.createDhcpOptions(ctx, {
      configurations: input.DhcpConfigurations.map((c) => ({ key: c.Key, values: c.Values })),
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return { DhcpOptions: dhcpOptionsToWire(set) };
  }),
  AssociateDhcpOptions: writes(async (ctx, input) => {
    await dhcp.associateDhcpOptions(ctx, input.VpcId, input.DhcpOptionsId);
    return {};
  }),
  DeleteDhcpOptions: writes(async (ctx, input) => {
    await dhcp.deleteDhcpOptions(ctx, input.DhcpOptionsId);
    return {};
  }),
  DescribeDhcpOptions: reads(async (ctx, input) => {
    const page = await dhcp.describeDhcpOptions(ctx, { ids: input.DhcpOptionsIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { DhcpOptions: page.items.map(dhcpOptionsToWire), NextToken: page.nextToken };
  }),
};
