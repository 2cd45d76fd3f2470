import type { Tagged } from '../describe-scoped.js';
import type { FieldValue, FilterSpec } from '../filters/filter-spec.js';
import type { NetworkInterfaceView } from '../network-interfaces/network-interface-view.js';
import { eniStatus, privateDnsName } from '../network-interfaces/network-interface-view.js';
import { zoneIdIn } from '../regions.js';
import type { Tag } from '../tag.js';
import { taggedTags } from '../tag-filter.js';
import type { Instance } from './instance.js';
import { INSTANCE_FACTS, metadataOptionsOf } from './instance-facts.js';
import { STATE_CODES, instanceState, stateReason, stateTransitionReason } from './instance-state.js';

/** An instance as reads show it: with its primary interface while it has one (not once terminated). */
export interface InstanceView {
  readonly instance: Instance;
  readonly eni?: NetworkInterfaceView;
  /** Interfaces attached besides the primary one, by device index. */
  readonly others?: readonly NetworkInterfaceView[];
  /**
   * The caller's tags on the attached interfaces, by interface id: read only when a filter asks
   * for them (`network-interface.tag-key`, `network-interface.tag-value`).
   */
  readonly interfaceTags?: ReadonlyMap<string, readonly Tag[]>;
}

/** The public IPv4 address on one private address of an interface, as the instance's answer shows it. */
export interface AddressAssociation {
  readonly publicIp: string;
  readonly ipOwnerId: string;
  readonly allocationId?: string;
  readonly associationId?: string;
}

/**
 * The association of each private address of an interface, in address order: its Elastic IP, or
 * for the primary address of the primary interface the public IPv4 address given at launch, which
 * AWS shows with the owner `amazon` (EC2 user guide, "Public IPv4 addresses").
 */
export function addressAssociations(view: NetworkInterfaceView, launchPublicIp: string | undefined): (AddressAssociation | undefined)[] {
  return view.eni.privateIps.map((ip, n) => {
    const eip = view.associations.find((a) => a.privateIp === ip);
    if (eip) return { publicIp: eip.publicIp, ipOwnerId: eip.ipOwnerId, allocationId: eip.allocationId, associationId: eip.associationId };
    return n === 0 && launchPublicIp !== undefined ? { publicIp: launchPublicIp, ipOwnerId: 'amazon' } : undefined;
  });
}

type Item = Tagged<InstanceView>;
const inst = (i: Item) => i.resource.instance;
const eni = (i: Item) => i.resource.eni;
/** Every attached interface, the primary first; none once terminated. */
const enis = (i: Item): NetworkInterfaceView[] => [...(i.resource.eni ? [i.resource.eni] : []), ...(i.resource.others ?? [])];
/** A value of each attached interface. */
const perEni = (f: (v: NetworkInterfaceView, i: Item) => string | boolean | number | undefined) => (i: Item): string[] =>
  enis(i).flatMap((v) => {
    const x = f(v, i);
    return x === undefined ? [] : [String(x)];
  });
/** The launch-time public address belongs to the primary interface only. */
const launchIp = (v: NetworkInterfaceView, i: Item): string | undefined => (v === eni(i) ? inst(i).publicIp : undefined);
const associations = (i: Item): AddressAssociation[] => enis(i).flatMap((v) => addressAssociations(v, launchIp(v, i)).filter((a) => a !== undefined));
/** The association each interface shows at its top: that of its primary address. */
const primaryAssociations = (i: Item): AddressAssociation[] => enis(i).flatMap((v) => addressAssociations(v, launchIp(v, i))[0] ?? []);
const interfaceTags = (i: Item): readonly Tag[] => enis(i).flatMap((v) => i.resource.interfaceTags?.get(v.eni.id) ?? []);
const iso = (ms: number): string => new Date(ms).toISOString();
const fixed = (value: string | boolean) => (): FieldValue => value;
/** Filters on attributes no instance here has (Dedicated Hosts, Spot, Outposts, EBS volumes, ...): nothing matches, as on AWS for an instance without them. */
const nothing = (): undefined => undefined;

/**
 * The seven filters on a public address association, under `prefix`: every address's
 * (`network-interface.addresses.association.*`) or each interface's primary one
 * (`network-interface.association.*`). Carrier and customer-owned addresses and public DNS names
 * are never given here.
 */
function associationFilters(prefix: string, of: (i: Item) => AddressAssociation[]): Record<string, (i: Item) => FieldValue> {
  return {
    [`${prefix}.allocation-id`]: (i) => of(i).map((a) => a.allocationId),
    [`${prefix}.association-id`]: (i) => of(i).map((a) => a.associationId),
    [`${prefix}.carrier-ip`]: nothing,
    [`${prefix}.customer-owned-ip`]: nothing,
    [`${prefix}.ip-owner-id`]: (i) => of(i).map((a) => a.ipOwnerId),
    [`${prefix}.public-dns-name`]: nothing,
    [`${prefix}.public-ip`]: (i) => of(i).map((a) => a.publicIp),
  };
}

/**
 * DescribeInstances' filters: every name botocore's EC2 model documents for it (the `Filters`
 * member of DescribeInstancesRequest), plus `group-id` and `group-name`, which AWS still takes.
 * Each matches what DescribeInstances shows for that field; a filter on an attribute no instance
 * here can have answers nothing rather than being refused, so clients that send it (Ansible's
 * ec2_instance_info does) still work. A name the model does not document is refused as AWS
 * refuses it: `InvalidParameterValue: The filter 'x' is invalid`.
 */
export const INSTANCE_FILTERS: FilterSpec<Item> = {
  tags: taggedTags,
  fields: {
    affinity: nothing,
    architecture: (i) => inst(i).architecture ?? 'x86_64',
    'availability-zone': (i) => inst(i).availabilityZone,
    'availability-zone-id': (i) => zoneIdIn(inst(i).region, inst(i).availabilityZone),
    'block-device-mapping.attach-time': nothing,
    'block-device-mapping.delete-on-termination': nothing,
    'block-device-mapping.device-name': nothing,
    'block-device-mapping.status': nothing,
    'block-device-mapping.volume-id': nothing,
    'boot-mode': fixed(INSTANCE_FACTS.bootMode),
    'capacity-reservation-id': nothing,
    'capacity-reservation-specification.capacity-reservation-preference': fixed(INSTANCE_FACTS.capacityReservationPreference),
    'capacity-reservation-specification.capacity-reservation-target.capacity-reservation-id': nothing,
    'capacity-reservation-specification.capacity-reservation-target.capacity-reservation-resource-group-arn': nothing,
    'client-token': (i) => inst(i).clientToken,
    'current-instance-boot-mode': fixed(INSTANCE_FACTS.currentInstanceBootMode),
    // PublicDnsName is empty here: no public DNS names are given.
    'dns-name': nothing,
    'ebs-optimized': (i) => inst(i).ebsOptimized ?? false,
    'ena-support': fixed(INSTANCE_FACTS.enaSupport),
    'enclave-options.enabled': fixed(INSTANCE_FACTS.enclaves),
    'hibernation-options.configured': fixed(INSTANCE_FACTS.hibernation),
    'host-id': nothing,
    hypervisor: fixed(INSTANCE_FACTS.hypervisor),
    'iam-instance-profile.arn': nothing,
    'iam-instance-profile.id': nothing,
    'image-id': (i) => inst(i).imageId,
    'instance-id': (i) => inst(i).id,
    // On-Demand instances have no InstanceLifecycle (only spot, scheduled and capacity-block do).
    'instance-lifecycle': nothing,
    'instance-state-code': (i) => String(STATE_CODES[instanceState(inst(i))]),
    'instance-state-name': (i) => instanceState(inst(i)),
    'instance-type': (i) => inst(i).instanceType,
    'instance.group-id': (i) => eni(i)?.groups.map((g) => g.id),
    'instance.group-name': (i) => eni(i)?.groups.map((g) => g.name),
    'group-id': (i) => eni(i)?.groups.map((g) => g.id),
    'group-name': (i) => eni(i)?.groups.map((g) => g.name),
    'ip-address': (i) => {
      const primary = eni(i);
      return primary ? addressAssociations(primary, inst(i).publicIp)[0]?.publicIp : undefined;
    },
    'ipv6-address': (i) => enis(i).flatMap((v) => v.eni.ipv6Addresses),
    'kernel-id': nothing,
    'key-name': (i) => inst(i).keyName,
    'launch-index': (i) => String(inst(i).launchIndex ?? 0),
    // ISO 8601 in UTC with milliseconds, so `2021-09-29T*` matches a day (the model's example).
    'launch-time': (i) => iso(inst(i).launchedAt),
    'maintenance-options.auto-recovery': fixed(INSTANCE_FACTS.autoRecovery),
    'metadata-options.http-endpoint': (i) => metadataOptionsOf(inst(i)).httpEndpoint,
    'metadata-options.http-protocol-ipv4': fixed(INSTANCE_FACTS.httpProtocolIpv4),
    'metadata-options.http-protocol-ipv6': (i) => metadataOptionsOf(inst(i)).httpProtocolIpv6,
    'metadata-options.http-put-response-hop-limit': (i) => String(metadataOptionsOf(inst(i)).httpPutResponseHopLimit),
    'metadata-options.http-tokens': (i) => metadataOptionsOf(inst(i)).httpTokens,
    'metadata-options.instance-metadata-tags': (i) => metadataOptionsOf(inst(i)).instanceMetadataTags,
    'metadata-options.state': fixed(INSTANCE_FACTS.metadataState),
    'monitoring-state': (i) => (inst(i).monitoring === true ? 'enabled' : 'disabled'),
    ...associationFilters('network-interface.addresses.association', associations),
    // Each address is primary or not: an interface with secondary addresses has both values.
    'network-interface.addresses.primary': (i) => enis(i).flatMap((v) => v.eni.privateIps.map((_, n) => String(n === 0))),
    'network-interface.addresses.private-dns-name': (i) => enis(i).flatMap((v) => v.eni.privateIps.map((ip) => privateDnsName(ip, v.eni.region))),
    'network-interface.addresses.private-ip-address': (i) => enis(i).flatMap((v) => v.eni.privateIps),
    ...associationFilters('network-interface.association', primaryAssociations),
    'network-interface.attachment.attach-time': perEni((v) => (v.eni.attachment ? iso(v.eni.attachment.attachedAt) : undefined)),
    'network-interface.attachment.attachment-id': perEni((v) => v.eni.attachment?.id),
    'network-interface.attachment.delete-on-termination': perEni((v) => v.eni.attachment?.deleteOnTermination),
    'network-interface.attachment.device-index': perEni((v) => v.eni.attachment?.deviceIndex),
    'network-interface.attachment.instance-id': perEni((v) => v.eni.attachment?.instanceId),
    'network-interface.attachment.instance-owner-id': perEni((v) => v.eni.attachment?.instanceOwnerId),
    // One network card here (AttachNetworkInterface refuses any other).
    'network-interface.attachment.network-card-index': perEni((v) => (v.eni.attachment ? 0 : undefined)),
    'network-interface.attachment.status': perEni((v) => (v.eni.attachment ? 'attached' : undefined)),
    'network-interface.availability-zone': perEni((v) => v.eni.availabilityZone),
    'network-interface.deny-all-igw-traffic': perEni(() => false),
    'network-interface.description': perEni((v) => v.eni.description),
    'network-interface.group-id': (i) => enis(i).flatMap((v) => v.groups.map((g) => g.id)),
    'network-interface.group-name': (i) => enis(i).flatMap((v) => v.groups.map((g) => g.name)),
    'network-interface.ipv4-prefixes.ipv4-prefix': nothing,
    'network-interface.ipv6-address': (i) => enis(i).flatMap((v) => v.eni.ipv6Addresses),
    'network-interface.ipv6-addresses.ipv6-address': (i) => enis(i).flatMap((v) => v.eni.ipv6Addresses),
    // No address is made the primary IPv6 address here (EnablePrimaryIpv6 is not taken).
    'network-interface.ipv6-addresses.is-primary-ipv6': (i) => enis(i).flatMap((v) => v.eni.ipv6Addresses.map(() => 'false')),
    'network-interface.ipv6-native': perEni(() => false),
    'network-interface.ipv6-prefixes.ipv6-prefix': nothing,
    'network-interface.mac-address': perEni((v) => v.eni.macAddress),
    'network-interface.network-interface-id': perEni((v) => v.eni.id),
    'network-interface.operator.managed': perEni(() => false),
    'network-interface.operator.principal': nothing,
    'network-interface.outpost-arn': nothing,
    'network-interface.owner-id': perEni((v) => v.eni.accountId),
    'network-interface.private-dns-name': perEni((v) => (v.eni.privateIps[0] === undefined ? undefined : privateDnsName(v.eni.privateIps[0], v.eni.region))),
    'network-interface.private-ip-address': perEni((v) => v.eni.privateIps[0]),
    'network-interface.public-dns-name': nothing,
    'network-interface.requester-id': nothing,
    'network-interface.requester-managed': perEni((v) => v.eni.requesterManaged),
    'network-interface.status': perEni((v) => eniStatus(v.eni)),
    'network-interface.source-dest-check': perEni((v) => v.eni.sourceDestCheck),
    'network-interface.subnet-id': perEni((v) => v.eni.subnetId),
    'network-interface.tag-key': (i) => interfaceTags(i).map((t) => t.key),
    'network-interface.tag-value': (i) => interfaceTags(i).map((t) => t.value),
    'network-interface.vpc-id': perEni((v) => v.eni.vpcId),
    'network-performance-options.bandwidth-weighting': fixed(INSTANCE_FACTS.bandwidthWeighting),
    'operator.managed': fixed(false),
    'operator.principal': nothing,
    'outpost-arn': nothing,
    'owner-id': (i) => inst(i).accountId,
    // The placement group name is shown empty: no instance is in one.
    'placement-group-name': nothing,
    'placement-partition-number': nothing,
    // "To list only Windows instances, use windows": Linux instances have no Platform.
    platform: nothing,
    'platform-details': fixed(INSTANCE_FACTS.platformDetails),
    'private-dns-name': (i) => {
      const ip = eni(i)?.eni.privateIps[0];
      return ip === undefined ? undefined : privateDnsName(ip, inst(i).region);
    },
    'private-dns-name-options.enable-resource-name-dns-a-record': fixed(false),
    'private-dns-name-options.enable-resource-name-dns-aaaa-record': fixed(false),
    'private-dns-name-options.hostname-type': fixed(INSTANCE_FACTS.hostnameType),
    'private-ip-address': (i) => eni(i)?.eni.privateIps[0],
    'product-code': nothing,
    'product-code.type': nothing,
    'ramdisk-id': nothing,
    reason: (i) => stateTransitionReason(inst(i)) || undefined,
    'requester-id': nothing,
    'reservation-id': (i) => inst(i).reservationId,
    'root-device-name': fixed(INSTANCE_FACTS.rootDeviceName),
    'root-device-type': fixed(INSTANCE_FACTS.rootDeviceType),
    'source-dest-check': (i) => eni(i)?.eni.sourceDestCheck,
    'spot-instance-request-id': nothing,
    'state-reason-code': (i) => stateReason(inst(i))?.code,
    'state-reason-message': (i) => stateReason(inst(i))?.message,
    'subnet-id': (i) => (eni(i) ? inst(i).subnetId : undefined),
    tenancy: fixed(INSTANCE_FACTS.tenancy),
    'tpm-support': nothing,
    'usage-operation': fixed(INSTANCE_FACTS.usageOperation),
    'usage-operation-update-time': (i) => iso(inst(i).launchedAt),
    'virtualization-type': fixed(INSTANCE_FACTS.virtualizationType),
    'vpc-id': (i) => (eni(i) ? inst(i).vpcId : undefined),
  },
};

/** Whether these filters read the interfaces' tags (so the Describe must load them). */
export function filtersNeedInterfaceTags(filters: readonly { readonly name: string }[] | undefined): boolean {
  return filters?.some((f) => f.name === 'network-interface.tag-key' || f.name === 'network-interface.tag-value') ?? false;
}

/**
 * What DescribeInstanceStatus reports for each of its three checks (instance, system, attached
 * EBS): `ok` with reachability `passed` while running, `not-applicable` with no details otherwise.
 * Nothing here fails, so no check is ever `impaired`, `initializing` or `insufficient-data`.
 */
export function statusCheck(i: Instance): { readonly status: 'ok' | 'not-applicable'; readonly reachability?: 'passed' } {
  return instanceState(i) === 'running' ? { status: 'ok', reachability: 'passed' } : { status: 'not-applicable' };
}

/**
 * DescribeInstanceStatus' filters: every name botocore's EC2 model documents for it. No instance
 * here has scheduled events or an operator, so `event.*` and `operator.principal` match nothing.
 */
export const INSTANCE_STATUS_FILTERS: FilterSpec<Instance> = {
  fields: {
    'availability-zone': (i) => i.availabilityZone,
    'availability-zone-id': (i) => zoneIdIn(i.region, i.availabilityZone),
    'event.code': nothing,
    'event.description': nothing,
    'event.instance-event-id': nothing,
    'event.not-after': nothing,
    'event.not-before': nothing,
    'event.not-before-deadline': nothing,
    'instance-state-code': (i) => String(STATE_CODES[instanceState(i)]),
    'instance-state-name': (i) => instanceState(i),
    'instance-status.reachability': (i) => statusCheck(i).reachability,
    'instance-status.status': (i) => statusCheck(i).status,
    'operator.managed': fixed(false),
    'operator.principal': nothing,
    'system-status.reachability': (i) => statusCheck(i).reachability,
    'system-status.status': (i) => statusCheck(i).status,
    'attached-ebs-status.status': (i) => statusCheck(i).status,
  },
};
