import type { Tagged } from '../core/describe-scoped.js';
import type { EgressOnlyInternetGateway } from '../core/egress-only-gateways/egress-only-internet-gateway.js';
import * as eigws from '../core/egress-only-gateways/egress-only-gateway-service.js';
import type { InternetGateway } from '../core/internet-gateways/internet-gateway.js';
import * as igws from '../core/internet-gateways/internet-gateway-service.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

function internetGatewayToWire({ resource: g, tags }: Tagged<InternetGateway>): W.InternetGateway {
  return {
    InternetGatewayId: g.id,
    OwnerId: g.accountId,
    // Real AWS answers `available` for an attached internet gateway, a value the model's
    // AttachmentStatus enum lacks (Terraform's provider waits for exactly this string).
    Attachments: g.attachedVpcId ? [{ State: 'available' as W.AttachmentStatus, VpcId: g.attachedVpcId }] : [],
    Tags: wire.tags(tags),
  };
}

function egressOnlyToWire({ resource: g, tags }: Tagged<EgressOnlyInternetGateway>): W.EgressOnlyInternetGateway {
  return {
    EgressOnlyInternetGatewayId: g.id,
    Attachments: g.attachedVpcId ? [{ State: 'attached', VpcId: g.attachedVpcId }] : [],
    Tags: wire.tags(tags),
  };
}

/** Internet gateways and egress-only internet gateways. */
export const INTERNET_GATEWAY_OPERATIONS: OperationTable = {
  CreateInternetGateway: writes(async (ctx, input) => {
    const g = await igws.createInternetGateway(ctx, wire.tagSpecs(input.TagSpecifications));
    return { InternetGateway: internetGatewayToWire(g) };
  }),
  AttachInternetGateway: writes(async (ctx, input) => {
    await igws.attachInternetGateway(ctx, { internetGatewayId: input.InternetGatewayId, vpcId: input.VpcId });
    return {};
  }),
  DetachInternetGateway: writes(async (ctx, input) => {
    await igws.detachInternetGateway(ctx, { internetGatewayId: input.InternetGatewayId, vpcId: input.VpcId });
    return {};
  }),
  DeleteInternetGateway: writes(async (ctx, input) => {
    await igws.deleteInternetGateway(ctx, input.InternetGatewayId);
    return {};
  }),
  DescribeInternetGateways: reads(async (ctx, input) => {
    const page = await igws.describeInternetGateways(ctx, { ids: input.InternetGatewayIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { InternetGateways: page.items.map(internetGatewayToWire), NextToken: page.nextToken };
  }),
  CreateEgressOnlyInternetGateway: writes(async (ctx, input) => {
    const g = await eigws.createEgressOnlyGateway(ctx, { vpcId: input.VpcId, clientToken: input.ClientToken, tagSpecifications: wire.tagSpecs(input.TagSpecifications) });
    return { ClientToken: input.ClientToken, EgressOnlyInternetGateway: egressOnlyToWire(g) };
  }),
  DeleteEgressOnlyInternetGateway: writes(async (ctx, input) => {
    await eigws.deleteEgressOnlyGateway(ctx, input.EgressOnlyInternetGatewayId);
    return { ReturnCode: true };
  }),
  DescribeEgressOnlyInternetGateways: reads(async (ctx, input) => {
    const page = await eigws.describeEgressOnlyGateways(ctx, { ids: input.EgressOnlyInternetGatewayIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { EgressOnlyInternetGateways: page.items.map(egressOnlyToWire), NextToken: page.nextToken };
  }),
};
