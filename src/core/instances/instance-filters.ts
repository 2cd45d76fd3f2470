import type { Tagged } from '../describe-scoped.js';
import type { FilterSpec } from '../filters/filter-spec.js';
import type { NetworkInterfaceView } from '../network-interfaces/network-interface-view.js';
import { privateDnsName } from '../network-interfaces/network-interface-view.js';
import { taggedTags } from '../tag-filter.js';
import type { Instance } from './instance.js';
import { STATE_CODES, instanceState } from './instance-state.js';

/** An instance as reads show it: with its primary interface while it has one (not once terminated). */
export interface InstanceView {
  readonly instance: Instance;
  readonly eni?: NetworkInterfaceView;
  /** Interfaces attached besides the primary one, by device index. */
  readonly others?: readonly NetworkInterfaceView[];
}

type Item = Tagged<InstanceView>;
const inst = (i: Item) => i.resource.instance;
const eni = (i: Item) => i.resource.eni;
const nothing = (): undefined => undefined;

// DescribeInstances' filters (EC2 model), those this server holds values for; the rest answer
// nothing rather than being refused, so clients that send them (Ansible's ec2_instance_info does)
// still work.
export const INSTANCE_FILTERS: FilterSpec<Item> = {
  tags: taggedTags,
  fields: {
    'instance-id': (i) => inst(i).id,
    'instance-state-name': (i) => instanceState(inst(i)),
    'instance-state-code': (i) => String(STATE_CODES[instanceState(inst(i))]),
    'instance-type': (i) => inst(i).instanceType,
    'image-id': (i) => inst(i).imageId,
    'reservation-id': (i) => inst(i).reservationId,
    'owner-id': (i) => inst(i).accountId,
    'availability-zone': (i) => inst(i).availabilityZone,
    'vpc-id': (i) => (eni(i) ? inst(i).vpcId : undefined),
    'subnet-id': (i) => (eni(i) ? inst(i).subnetId : undefined),
    'private-ip-address': (i) => eni(i)?.eni.privateIps[0],
    'private-dns-name': (i) => {
      const ip = eni(i)?.eni.privateIps[0];
      return ip === undefined ? undefined : privateDnsName(ip, inst(i).region);
    },
    'ip-address': (i) => inst(i).publicIp ?? eni(i)?.associations.find((a) => a.privateIp === eni(i)?.eni.privateIps[0])?.publicIp,
    'key-name': (i) => inst(i).keyName,
    'launch-index': (i) => String(inst(i).launchIndex ?? 0),
    'client-token': (i) => inst(i).clientToken,
    architecture: (i) => inst(i).architecture ?? 'x86_64',
    'root-device-type': () => 'ebs',
    'root-device-name': () => '/dev/xvda',
    'virtualization-type': () => 'hvm',
    hypervisor: () => 'xen',
    tenancy: () => 'default',
    'placement-group-name': nothing,
    'monitoring-state': (i) => (inst(i).monitoring ? 'enabled' : 'disabled'),
    'source-dest-check': (i) => eni(i)?.eni.sourceDestCheck,
    'instance.group-id': (i) => eni(i)?.groups.map((g) => g.id),
    'instance.group-name': (i) => eni(i)?.groups.map((g) => g.name),
    'group-id': (i) => eni(i)?.groups.map((g) => g.id),
    'group-name': (i) => eni(i)?.groups.map((g) => g.name),
    'network-interface.network-interface-id': (i) => eni(i)?.eni.id,
    'network-interface.subnet-id': (i) => eni(i)?.eni.subnetId,
    'network-interface.vpc-id': (i) => eni(i)?.eni.vpcId,
    'network-interface.addresses.private-ip-address': (i) => eni(i)?.eni.privateIps,
    'network-interface.private-dns-name': (i) => eni(i)?.eni.privateIps.map((ip) => privateDnsName(ip, inst(i).region)),
    'network-interface.attachment.attachment-id': (i) => eni(i)?.eni.attachment?.id,
    'network-interface.source-dest-check': (i) => eni(i)?.eni.sourceDestCheck,
    'network-interface.group-id': (i) => eni(i)?.groups.map((g) => g.id),
    'network-interface.ipv6-addresses.ipv6-address': (i) => eni(i)?.eni.ipv6Addresses,
    'network-interface.mac-address': (i) => eni(i)?.eni.macAddress,
    'metadata-options.http-tokens': (i) => inst(i).metadataOptions?.httpTokens ?? 'required',
    'metadata-options.http-endpoint': (i) => inst(i).metadataOptions?.httpEndpoint ?? 'enabled',
  },
};
