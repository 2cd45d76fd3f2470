import type { PeeringOptions } from '../core/peering/peering-connection.js';
import * as peerings from '../core/peering/peering-service.js';
import type { PeeringSideView, PeeringView } from '../core/peering/peering-view.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

function optionsToWire(o: PeeringOptions): W.VpcPeeringConnectionOptionsDescription {
  return {
    AllowDnsResolutionFromRemoteVpc: o.allowDnsResolutionFromRemoteVpc,
    AllowEgressFromLocalClassicLinkToRemoteVpc: o.allowEgressFromLocalClassicLinkToRemoteVpc,
    AllowEgressFromLocalVpcToRemoteClassicLink: o.allowEgressFromLocalVpcToRemoteClassicLink,
  };
}

function sideToWire(s: PeeringSideView): W.VpcPeeringConnectionVpcInfo {
  return {
    OwnerId: s.accountId,
    VpcId: s.vpcId,
    Region: s.region,
    CidrBlock: s.cidrBlock,
    CidrBlockSet: s.cidrBlocks?.map((c) => ({ CidrBlock: c })),
    // The real responses in shared/parity omit the IPv6 set when a VPC has no IPv6 block.
    Ipv6CidrBlockSet: s.ipv6CidrBlocks && s.ipv6CidrBlocks.length > 0 ? s.ipv6CidrBlocks.map((c) => ({ Ipv6CidrBlock: c })) : undefined,
    PeeringOptions: s.options ? optionsToWire(s.options) : undefined,
  };
}

async function* mapChunks<T, U>(chunks: AsyncIterable<readonly T[]>, f: (t: T) => U): AsyncGenerator<U[]> {
  for await (const chunk of chunks) yield chunk.map(f);
}

export function peeringToWire(v: PeeringView): W.VpcPeeringConnection {
  return {
    VpcPeeringConnectionId: v.id,
    RequesterVpcInfo: sideToWire(v.requester),
    AccepterVpcInfo: sideToWire(v.accepter),
    Status: { Code: v.status, Message: v.message },
    ExpirationTime: wire.date(v.expirationTime),
    Tags: wire.tags(v.tags),
  };
}

function optionsInput(o: W.PeeringConnectionOptionsRequest | undefined): Partial<PeeringOptions> | undefined {
  if (!o) return undefined;
  return {
    allowDnsResolutionFromRemoteVpc: o.AllowDnsResolutionFromRemoteVpc,
    allowEgressFromLocalClassicLinkToRemoteVpc: o.AllowEgressFromLocalClassicLinkToRemoteVpc,
    allowEgressFromLocalVpcToRemoteClassicLink: o.AllowEgressFromLocalVpcToRemoteClassicLink,
  };
}

export const PEERING_OPERATIONS: OperationTable = {
  CreateVpcPeeringConnection: writes(async (ctx, input) => {
    const v = await peerings.createPeering(ctx, {
      vpcId: input.VpcId,
      peerVpcId: input.PeerVpcId,
      peerOwnerId: input.PeerOwnerId,
      peerRegion: input.PeerRegion,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return { VpcPeeringConnection: peeringToWire(v) };
  }),
  AcceptVpcPeeringConnection: writes(async (ctx, input) => ({
    VpcPeeringConnection: peeringToWire(await peerings.acceptPeering(ctx, input.VpcPeeringConnectionId)),
  })),
  RejectVpcPeeringConnection: writes(async (ctx, input) => {
    await peerings.rejectPeering(ctx, input.VpcPeeringConnectionId);
    return { Return: true };
  }),
  DeleteVpcPeeringConnection: writes(async (ctx, input) => {
    await peerings.deletePeering(ctx, input.VpcPeeringConnectionId);
    return { Return: true };
  }),
  DescribeVpcPeeringConnections: {
    ...reads<'DescribeVpcPeeringConnections'>(async (ctx, input) => {
      const page = await peerings.describePeerings(ctx, { ids: input.VpcPeeringConnectionIds, filters: wire.filters(input.Filters), ...wire.page(input) });
      return { VpcPeeringConnections: page.items.map(peeringToWire), NextToken: page.nextToken };
    }),
    stream(ctx, input) {
      const everything = !input.VpcPeeringConnectionIds?.length && input.MaxResults === undefined && input.NextToken === undefined;
      if (!everything) return undefined;
      return { listMember: 'VpcPeeringConnections', chunks: mapChunks(peerings.streamPeerings(ctx, wire.filters(input.Filters)), peeringToWire) };
    },
  },
  ModifyVpcPeeringConnectionOptions: writes(async (ctx, input) => {
    const r = await peerings.modifyPeeringOptions(ctx, {
      vpcPeeringConnectionId: input.VpcPeeringConnectionId,
      requester: optionsInput(input.RequesterPeeringConnectionOptions),
      accepter: optionsInput(input.AccepterPeeringConnectionOptions),
    });
    return {
      RequesterPeeringConnectionOptions: r.requester && {
        AllowDnsResolutionFromRemoteVpc: r.requester.allowDnsResolutionFromRemoteVpc,
        AllowEgressFromLocalClassicLinkToRemoteVpc: r.requester.allowEgressFromLocalClassicLinkToRemoteVpc,
        AllowEgressFromLocalVpcToRemoteClassicLink: r.requester.allowEgressFromLocalVpcToRemoteClassicLink,
      },
      AccepterPeeringConnectionOptions: r.accepter && {
        AllowDnsResolutionFromRemoteVpc: r.accepter.allowDnsResolutionFromRemoteVpc,
        AllowEgressFromLocalClassicLinkToRemoteVpc: r.accepter.allowEgressFromLocalClassicLinkToRemoteVpc,
        AllowEgressFromLocalVpcToRemoteClassicLink: r.accepter.allowEgressFromLocalVpcToRemoteClassicLink,
      },
    };
  }),
};
