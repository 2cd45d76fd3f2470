import { describe, expect, it } from 'vitest';
import type { Tagged } from '../../src/core/describe-scoped.js';
import { compileFilters } from '../../src/core/filters/compile-filters.js';
import type { Instance } from '../../src/core/instances/instance.js';
import type { InstanceView } from '../../src/core/instances/instance-filters.js';
import { INSTANCE_FILTERS, INSTANCE_STATUS_FILTERS, addressAssociations } from '../../src/core/instances/instance-filters.js';
import type { NetworkInterface } from '../../src/core/network-interfaces/network-interface.js';
import type { NetworkInterfaceView } from '../../src/core/network-interfaces/network-interface-view.js';
import { onlyOneAttribute } from '../../src/core/one-attribute.js';

const LAUNCHED = Date.parse('2026-03-04T05:06:07.089Z');

const instance = (over: Partial<Instance> = {}): Instance => ({
  id: 'i-0123456789abcdef0',
  accountId: '111111111111',
  region: 'eu-west-1',
  reservationId: 'r-0123456789abcdef0',
  imageId: 'ami-0123456789abcdef0',
  instanceType: 't3.micro',
  subnetId: 'subnet-1',
  vpcId: 'vpc-1',
  availabilityZone: 'eu-west-1b',
  primaryNetworkInterfaceId: 'eni-1',
  lifecycle: { target: 'running', since: LAUNCHED },
  launchedAt: LAUNCHED,
  ...over,
});

const view = (id: string, privateIps: string[], deviceIndex: number, over: Partial<NetworkInterfaceView> = {}): NetworkInterfaceView => {
  const eni: NetworkInterface = {
    id,
    accountId: '111111111111',
    region: 'eu-west-1',
    subnetId: 'subnet-1',
    vpcId: 'vpc-1',
    availabilityZone: 'eu-west-1b',
    description: '',
    groupIds: ['sg-1'],
    privateIps,
    ipv6Addresses: [],
    sourceDestCheck: true,
    macAddress: '02:00:00:00:00:01',
    interfaceType: 'interface',
    requesterManaged: false,
    createdAt: LAUNCHED,
    attachment: { id: `eni-attach-${id}`, instanceId: 'i-0123456789abcdef0', instanceOwnerId: '111111111111', deviceIndex, deleteOnTermination: deviceIndex === 0, attachedAt: LAUNCHED },
  };
  return { eni, groups: [{ id: 'sg-1', name: 'web' }], associations: [], ...over };
};

const item = (resource: InstanceView): Tagged<InstanceView> => ({ id: resource.instance.id, resource, tags: [] });
const matches = (it: Tagged<InstanceView>, name: string, value: string): boolean => compileFilters(INSTANCE_FILTERS, [{ name, values: [value] }])(it);

describe('DescribeInstances filters over what the answer shows', () => {
  const withTwo = item({
    instance: instance({ publicIp: '198.18.0.7' }),
    eni: view('eni-1', ['10.0.1.10'], 0),
    others: [view('eni-2', ['10.0.1.20', '10.0.1.21'], 1)],
  });

  it('matches every attached interface, the primary address only for private-ip-address', () => {
    expect(matches(withTwo, 'network-interface.private-ip-address', '10.0.1.20')).toBe(true);
    expect(matches(withTwo, 'network-interface.addresses.private-ip-address', '10.0.1.21')).toBe(true);
    expect(matches(withTwo, 'private-ip-address', '10.0.1.20')).toBe(false);
    expect(matches(withTwo, 'network-interface.attachment.device-index', '1')).toBe(true);
    expect(matches(withTwo, 'network-interface.addresses.private-dns-name', 'ip-10-0-1-21.eu-west-1.compute.internal')).toBe(true);
  });

  it('tells primary from secondary addresses', () => {
    const single = item({ instance: instance(), eni: view('eni-1', ['10.0.1.10'], 0) });
    expect(matches(single, 'network-interface.addresses.primary', 'false')).toBe(false);
    expect(matches(withTwo, 'network-interface.addresses.primary', 'false')).toBe(true);
  });

  it('takes the launch-time public address as the primary address association, owned by amazon; an Elastic IP wins', () => {
    expect(matches(withTwo, 'ip-address', '198.18.0.7')).toBe(true);
    expect(matches(withTwo, 'network-interface.association.ip-owner-id', 'amazon')).toBe(true);
    const eip = { privateIp: '10.0.1.10', publicIp: '198.18.0.9', allocationId: 'eipalloc-1', associationId: 'eipassoc-1', ipOwnerId: '111111111111' };
    const withEip = view('eni-1', ['10.0.1.10'], 0, { associations: [eip] });
    expect(addressAssociations(withEip, '198.18.0.7')).toEqual([{ publicIp: '198.18.0.9', ipOwnerId: '111111111111', allocationId: 'eipalloc-1', associationId: 'eipassoc-1' }]);
    // The launch-time address belongs to the primary interface, never to another one.
    expect(matches(withTwo, 'network-interface.addresses.association.public-ip', '198.18.0.7')).toBe(true);
    expect(addressAssociations(view('eni-2', ['10.0.1.20'], 1), undefined)).toEqual([undefined]);
  });

  it('derives the zone id, the launch time in ISO with wildcards, and the metadata defaults the answer shows', () => {
    expect(matches(withTwo, 'availability-zone-id', 'euw1-az2')).toBe(true);
    expect(matches(withTwo, 'launch-time', '2026-03-04T*')).toBe(true);
    expect(matches(withTwo, 'launch-time', '2026-03-04T05:06:07.089Z')).toBe(true);
    expect(matches(withTwo, 'metadata-options.http-tokens', 'optional')).toBe(true);
    expect(matches(withTwo, 'metadata-options.http-put-response-hop-limit', '1')).toBe(true);
  });

  it('a terminated instance has no interfaces left to match', () => {
    const gone = item({ instance: instance({ lifecycle: { target: 'terminated', since: LAUNCHED } }) });
    expect(matches(gone, 'network-interface.status', '*')).toBe(false);
    expect(matches(gone, 'subnet-id', 'subnet-1')).toBe(false);
    expect(matches(gone, 'state-reason-code', 'Client.UserInitiatedShutdown')).toBe(true);
  });

  it('answers nothing for what no instance here has, and refuses an undocumented name', () => {
    for (const name of ['affinity', 'host-id', 'instance-lifecycle', 'platform', 'dns-name', 'spot-instance-request-id', 'block-device-mapping.device-name']) {
      expect(matches(withTwo, name, '*'), name).toBe(false);
    }
    expect(() => matches(withTwo, 'dns_name', 'x')).toThrow("The filter 'dns_name' is invalid");
  });
});

describe('DescribeInstanceStatus filters', () => {
  const status = (i: Instance, name: string, value: string): boolean => compileFilters(INSTANCE_STATUS_FILTERS, [{ name, values: [value] }])(i);

  it('report checks passed while running, not applicable otherwise, and no events', () => {
    expect(status(instance(), 'attached-ebs-status.status', 'ok')).toBe(true);
    expect(status(instance({ lifecycle: { target: 'stopped', since: LAUNCHED } }), 'system-status.status', 'not-applicable')).toBe(true);
    expect(status(instance({ lifecycle: { target: 'stopped', since: LAUNCHED } }), 'instance-status.reachability', '*')).toBe(false);
    expect(status(instance(), 'event.code', '*')).toBe(false);
    expect(status(instance(), 'availability-zone-id', 'euw1-az2')).toBe(true);
  });
});

describe('one attribute per Modify*Attribute call', () => {
  it('returns the one given; several and none are refused as AWS refuses them', () => {
    expect(onlyOneAttribute(['description'])).toBe('description');
    expect(() => onlyOneAttribute(['description', 'sourceDestCheck'])).toThrow('Fields for multiple attribute types specified: description, sourceDestCheck');
    expect(() => onlyOneAttribute([])).toThrow('No attributes specified.');
  });
});
