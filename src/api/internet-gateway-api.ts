import { describeInternetGateways } from '../core/gateway-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads } from './operation.js';
import { wire } from './wire.js';

/** Internet gateways and egress-only internet gateways. */
export const INTERNET_GATEWAY_OPERATIONS: OperationTable = {
  DescribeInternetGateways: reads(async (ctx, input) => {
    const page = await describeInternetGateways(ctx, { ids: input.InternetGatewayIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return {
      InternetGateways: page.items.map(({ resource: g, tags }) => ({
        InternetGatewayId: g.id,
        OwnerId: g.accountId,
        // Real AWS answers `available` for an attached internet gateway, a value the model's
        // AttachmentStatus enum lacks (Terraform's provider waits for exactly this string).
        Attachments: g.attachedVpcId ? [{ State: 'available' as W.AttachmentStatus, VpcId: g.attachedVpcId }] : [],
        Tags: wire.tags(tags),
      })),
      NextToken: page.nextToken,
    };
  }),
};
