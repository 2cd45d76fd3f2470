import type { Tagged } from '../core/describe-scoped.js';
import * as enis from '../core/network-interfaces/network-interface-service.js';
import type { EniAssociation, NetworkInterfaceView } from '../core/network-interfaces/network-interface-view.js';
import { eniStatus, privateDnsName } from '../core/network-interfaces/network-interface-view.js';
import type { NetworkInterfaceAttachment } from '../core/network-interfaces/network-interface.js';
import { zoneIdIn } from '../core/regions.js';
import type * as W from '../protocol/index.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

function associationToWire(a: EniAssociation): W.NetworkInterfaceAssociation {
  return { AllocationId: a.allocationId, AssociationId: a.associationId, IpOwnerId: a.ipOwnerId, PublicIp: a.publicIp, PublicDnsName: '' };
}

export function attachmentToWire(a: NetworkInterfaceAttachment): W.NetworkInterfaceAttachment {
  return {
    AttachTime: new Date(a.attachedAt),
    AttachmentId: a.id,
    DeleteOnTermination: a.deleteOnTermination,
    DeviceIndex: a.deviceIndex,
    NetworkCardIndex: 0,
    InstanceId: a.instanceId,
    InstanceOwnerId: a.instanceOwnerId,
    Status: 'attached',
  };
}

/** The groups of an interface as `groupSet` items. */
export function groupsToWire(view: NetworkInterfaceView): W.GroupIdentifier[] {
  return view.groups.map((g) => ({ GroupId: g.id, GroupName: g.name }));
}

/** The addresses of an interface, primary first, each with its DNS name and Elastic IP. */
export function privateAddressesToWire(view: NetworkInterfaceView): W.NetworkInterfacePrivateIpAddress[] {
  const e = view.eni;
  return e.privateIps.map((ip, i) => {
    const a = view.associations.find((x) => x.privateIp === ip);
    return { Association: a ? associationToWire(a) : undefined, Primary: i === 0, PrivateDnsName: privateDnsName(ip, e.region), PrivateIpAddress: ip };
  });
}

function networkInterfaceToWire({ resource: view, tags }: Tagged<NetworkInterfaceView>): W.NetworkInterface {
  const e = view.eni;
  const primary = e.privateIps[0];
  const primaryAssociation = view.associations.find((a) => a.privateIp === primary);
  return {
    Association: primaryAssociation ? associationToWire(primaryAssociation) : undefined,
    Attachment: e.attachment ? attachmentToWire(e.attachment) : undefined,
    AvailabilityZone: e.availabilityZone,
    AvailabilityZoneId: zoneIdIn(e.region, e.availabilityZone),
    Description: e.description,
    Groups: groupsToWire(view),
    InterfaceType: e.interfaceType as W.NetworkInterfaceType,
    Ipv6Addresses: e.ipv6Addresses.map((ip) => ({ Ipv6Address: ip, IsPrimaryIpv6: false })),
    MacAddress: e.macAddress,
    NetworkInterfaceId: e.id,
    OwnerId: e.accountId,
    PrivateDnsName: primary === undefined ? undefined : privateDnsName(primary, e.region),
    PrivateIpAddress: primary,
    PrivateIpAddresses: privateAddressesToWire(view),
    RequesterManaged: e.requesterManaged,
    SourceDestCheck: e.sourceDestCheck,
    Status: eniStatus(e),
    SubnetId: e.subnetId,
    TagSet: wire.tags(tags),
    VpcId: e.vpcId,
    DenyAllIgwTraffic: false,
    Ipv6Native: false,
    Operator: { Managed: false },
  };
}

const value = <T>(v: { readonly Value?: T } | undefined): T | undefined => v?.Value;

/** Network interfaces: create, describe, delete, their attributes and their secondary addresses. */
export const NETWORK_INTERFACE_OPERATIONS: OperationTable = {
  CreateNetworkInterface: writes(async (ctx, input) => {
    const prefixes = (input.Ipv4Prefixes?.length ?? 0) + (input.Ipv6Prefixes?.length ?? 0) + (input.Ipv4PrefixCount ?? 0) + (input.Ipv6PrefixCount ?? 0);
    if (prefixes > 0) throw enis.prefixesUnsupported();
    const created = await enis.createNetworkInterface(ctx, {
      subnetId: input.SubnetId,
      description: input.Description,
      groupIds: input.Groups,
      privateIpAddress: input.PrivateIpAddress,
      privateIpAddresses: input.PrivateIpAddresses?.map((p) => ({ address: p.PrivateIpAddress, primary: p.Primary })),
      secondaryPrivateIpAddressCount: input.SecondaryPrivateIpAddressCount,
      ipv6Addresses: input.Ipv6Addresses?.map((a) => a.Ipv6Address ?? ''),
      ipv6AddressCount: input.Ipv6AddressCount,
      interfaceType: input.InterfaceType,
      clientToken: input.ClientToken,
      tagSpecifications: wire.tagSpecs(input.TagSpecifications),
    });
    return { ClientToken: input.ClientToken, NetworkInterface: networkInterfaceToWire(created) };
  }),
  DescribeNetworkInterfaces: reads(async (ctx, input) => {
    const page = await enis.describeNetworkInterfaces(ctx, { ids: input.NetworkInterfaceIds, filters: wire.filters(input.Filters), ...wire.page(input) });
    return { NetworkInterfaces: page.items.map(networkInterfaceToWire), NextToken: page.nextToken };
  }),
  DeleteNetworkInterface: writes(async (ctx, input) => {
    await enis.deleteNetworkInterface(ctx, input.NetworkInterfaceId);
    return {};
  }),
  ModifyNetworkInterfaceAttribute: writes(async (ctx, input) => {
    await enis.modifyNetworkInterfaceAttribute(ctx, input.NetworkInterfaceId, {
      description: value(input.Description),
      sourceDestCheck: value(input.SourceDestCheck),
      groupIds: input.Groups,
      attachment: input.Attachment ? { attachmentId: input.Attachment.AttachmentId, deleteOnTermination: input.Attachment.DeleteOnTermination } : undefined,
      unmodelled: wire.present([
        ['enaSrdSpecification', input.EnaSrdSpecification],
        ['enablePrimaryIpv6', input.EnablePrimaryIpv6],
        ['connectionTrackingSpecification', input.ConnectionTrackingSpecification],
        ['associatePublicIpAddress', input.AssociatePublicIpAddress],
        ['associatedSubnetIds', input.AssociatedSubnetIds],
      ]),
    });
    return {};
  }),
  DescribeNetworkInterfaceAttribute: reads(async (ctx, input) => {
    const { view, attribute } = await enis.describeNetworkInterfaceAttribute(ctx, input.NetworkInterfaceId, input.Attribute);
    const e = view.eni;
    const all = attribute === undefined;
    return {
      NetworkInterfaceId: e.id,
      Description: all || attribute === 'description' ? { Value: e.description } : undefined,
      Groups: all || attribute === 'groupSet' ? groupsToWire(view) : undefined,
      SourceDestCheck: all || attribute === 'sourceDestCheck' ? { Value: e.sourceDestCheck } : undefined,
      Attachment: (all || attribute === 'attachment') && e.attachment ? attachmentToWire(e.attachment) : undefined,
      AssociatePublicIpAddress: all || attribute === 'associatePublicIpAddress' ? view.associations.length > 0 : undefined,
    };
  }),
  AssignPrivateIpAddresses: writes(async (ctx, input) => {
    if ((input.Ipv4Prefixes?.length ?? 0) > 0 || input.Ipv4PrefixCount !== undefined) throw enis.prefixesUnsupported();
    const r = await enis.assignPrivateIpAddresses(ctx, input.NetworkInterfaceId, {
      addresses: input.PrivateIpAddresses,
      count: input.SecondaryPrivateIpAddressCount,
      allowReassignment: input.AllowReassignment,
    });
    return { NetworkInterfaceId: r.eniId, AssignedPrivateIpAddresses: r.assigned.map((ip) => ({ PrivateIpAddress: ip })), AssignedIpv4Prefixes: [] };
  }),
  UnassignPrivateIpAddresses: writes(async (ctx, input) => {
    if ((input.Ipv4Prefixes?.length ?? 0) > 0) throw enis.prefixesUnsupported();
    await enis.unassignPrivateIpAddresses(ctx, input.NetworkInterfaceId, input.PrivateIpAddresses);
    return {};
  }),
  AssignIpv6Addresses: writes(async (ctx, input) => {
    if ((input.Ipv6Prefixes?.length ?? 0) > 0 || input.Ipv6PrefixCount !== undefined) throw enis.prefixesUnsupported();
    const r = await enis.assignIpv6Addresses(ctx, input.NetworkInterfaceId, { addresses: input.Ipv6Addresses, count: input.Ipv6AddressCount });
    return { NetworkInterfaceId: r.eniId, AssignedIpv6Addresses: r.assigned, AssignedIpv6Prefixes: [] };
  }),
  UnassignIpv6Addresses: writes(async (ctx, input) => {
    if ((input.Ipv6Prefixes?.length ?? 0) > 0) throw enis.prefixesUnsupported();
    const r = await enis.unassignIpv6Addresses(ctx, input.NetworkInterfaceId, input.Ipv6Addresses);
    return { NetworkInterfaceId: r.eniId, UnassignedIpv6Addresses: r.unassigned, UnassignedIpv6Prefixes: [] };
  }),
};
