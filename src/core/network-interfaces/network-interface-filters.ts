import type { Tagged } from '../describe-scoped.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import { zoneIdIn } from '../regions.js';
import { taggedTags } from '../tag-filter.js';
import type { NetworkInterfaceView } from './network-interface-view.js';
import { eniStatus, privateDnsName } from './network-interface-view.js';

type Item = Tagged<NetworkInterfaceView>;
const eni = (i: Item) => i.resource.eni;
const attachment = (i: Item) => i.resource.eni.attachment;
const assoc = (i: Item) => i.resource.associations;
const nothing = (): undefined => undefined;

// DescribeNetworkInterfaces' filters: every name botocore's EC2 model documents for it, plus
// `group-name`, which AWS still takes. `operator.principal` and `requester-id` match nothing, as
// the answer shows neither (no interface here has an operator; a NAT gateway's shows no RequesterId).
export const NETWORK_INTERFACE_FILTERS: FilterSpec<Item> = {
  tags: taggedTags,
  fields: {
    'association.allocation-id': (i) => assoc(i).map((a) => a.allocationId),
    'association.association-id': (i) => assoc(i).map((a) => a.associationId),
    'association.ip-owner-id': (i) => assoc(i).map((a) => a.ipOwnerId),
    'association.public-ip': (i) => assoc(i).map((a) => a.publicIp),
    'association.public-dns-name': nothing,
    'addresses.association.owner-id': (i) => assoc(i).map((a) => a.ipOwnerId),
    'addresses.association.public-ip': (i) => assoc(i).map((a) => a.publicIp),
    // Each address is primary or not: an interface with secondary addresses has both values.
    'addresses.primary': (i) => eni(i).privateIps.map((_, n) => String(n === 0)),
    'addresses.private-ip-address': (i) => eni(i).privateIps,
    'attachment.attach-time': (i) => (attachment(i) ? new Date(attachment(i)?.attachedAt ?? 0).toISOString() : undefined),
    'attachment.attachment-id': (i) => attachment(i)?.id,
    'attachment.delete-on-termination': (i) => attachment(i)?.deleteOnTermination,
    'attachment.device-index': (i) => (attachment(i) ? String(attachment(i)?.deviceIndex) : undefined),
    'attachment.instance-id': (i) => attachment(i)?.instanceId,
    'attachment.instance-owner-id': (i) => attachment(i)?.instanceOwnerId,
    'attachment.status': (i) => (attachment(i) ? 'attached' : undefined),
    'availability-zone': (i) => eni(i).availabilityZone,
    'availability-zone-id': (i) => zoneIdIn(eni(i).region, eni(i).availabilityZone),
    description: (i) => eni(i).description,
    'group-id': (i) => i.resource.groups.map((g) => g.id),
    'group-name': (i) => i.resource.groups.map((g) => g.name),
    'ipv6-addresses.ipv6-address': (i) => eni(i).ipv6Addresses,
    'interface-type': (i) => eni(i).interfaceType,
    'mac-address': (i) => eni(i).macAddress,
    'network-interface-id': (i) => eni(i).id,
    'operator.managed': () => 'false',
    'operator.principal': nothing,
    'owner-id': (i) => eni(i).accountId,
    'private-dns-name': (i) => eni(i).privateIps.map((ip) => privateDnsName(ip, eni(i).region)),
    'private-ip-address': (i) => eni(i).privateIps[0],
    'requester-id': nothing,
    'requester-managed': (i) => eni(i).requesterManaged,
    'source-dest-check': (i) => eni(i).sourceDestCheck,
    status: (i) => eniStatus(eni(i)),
    'subnet-id': (i) => eni(i).subnetId,
    'vpc-id': (i) => eni(i).vpcId,
  },
};
