import type { Tagged } from './describe-scoped.js';
import type { FilterSpec } from './filters/filter-spec.js';
import { Cidr } from './net/index.js';
import type { Subnet } from './subnet.js';
import { ipv6AssociationsWithState, launchOptions } from './subnet.js';
import { taggedTags } from './tag-filter.js';

/**
 * AWS reserves five addresses of every subnet (network, router, DNS, future use, broadcast); those
 * interfaces and NAT gateways hold are not available either. `addressesInUse` is set by reads.
 */
export function availableIpAddressCount(subnet: Subnet & { readonly addressesInUse?: number }): number {
  return Number((Cidr.parse(subnet.cidrBlock) as Cidr).addressCount()) - 5 - (subnet.addressesInUse ?? 0);
}

export function subnetArn(s: Subnet): string {
  return `arn:aws:ec2:${s.region}:${s.accountId}:subnet/${s.id}`;
}

const zone = ({ resource: s }: Tagged<Subnet>): string => s.availabilityZone;
const zoneId = ({ resource: s }: Tagged<Subnet>): string => s.availabilityZoneId;
const cidr = ({ resource: s }: Tagged<Subnet>): string => s.cidrBlock;
const defaultForAz = ({ resource: s }: Tagged<Subnet>): boolean => s.defaultForAz;

/**
 * DescribeSubnets' filters as the EC2 model lists them, with the older names it documents as
 * still accepted (availabilityZone, availabilityZoneId, cidr, cidrBlock, defaultForAz), which
 * Terraform's aws_subnet data source sends. The Outposts filters match nothing: no subnet here
 * is on an Outpost.
 */
export const SUBNET_FILTERS: FilterSpec<Tagged<Subnet>> = {
  tags: taggedTags,
  fields: {
    'availability-zone': zone,
    availabilityZone: zone,
    'availability-zone-id': zoneId,
    availabilityZoneId: zoneId,
    'available-ip-address-count': ({ resource: s }) => String(availableIpAddressCount(s)),
    'cidr-block': cidr,
    cidr,
    cidrBlock: cidr,
    'customer-owned-ipv4-pool': () => undefined,
    'default-for-az': defaultForAz,
    defaultForAz,
    'enable-dns64': ({ resource: s }) => launchOptions(s).enableDns64,
    'enable-lni-at-device-index': () => undefined,
    'ipv6-cidr-block-association.ipv6-cidr-block': ({ resource: s }) => ipv6AssociationsWithState(s).map((a) => a.association.cidr),
    'ipv6-cidr-block-association.association-id': ({ resource: s }) => ipv6AssociationsWithState(s).map((a) => a.association.associationId),
    'ipv6-cidr-block-association.state': ({ resource: s }) => ipv6AssociationsWithState(s).map((a) => a.state),
    'ipv6-native': () => false,
    'map-customer-owned-ip-on-launch': () => false,
    'map-public-ip-on-launch': ({ resource: s }) => s.mapPublicIpOnLaunch,
    'outpost-arn': () => undefined,
    'owner-id': ({ resource: s }) => s.accountId,
    'private-dns-name-options-on-launch.hostname-type': ({ resource: s }) => launchOptions(s).hostnameType,
    'private-dns-name-options-on-launch.enable-resource-name-dns-a-record': ({ resource: s }) => launchOptions(s).enableResourceNameDnsARecord,
    'private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record': ({ resource: s }) => launchOptions(s).enableResourceNameDnsAAAARecord,
    state: () => 'available',
    'subnet-arn': ({ resource: s }) => subnetArn(s),
    'subnet-id': ({ resource: s }) => s.id,
    'vpc-id': ({ resource: s }) => s.vpcId,
  },
};
