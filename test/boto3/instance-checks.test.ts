// boto3 against the filters of DescribeInstances, DescribeInstanceStatus and
// DescribeNetworkInterfaces, and the refusals of RunInstances and the Modify*Attribute calls:
// test/boto3/instance-checks.py records what botocore parsed and raised; this file asserts it.
import { describe, expect, it } from 'vitest';
import type { CallError } from './boto-script.js';
import { BOTO3, botoScriptDocument } from './boto-script.js';

interface Observations {
  readonly world: { readonly secondary: string; readonly eip: string };
  readonly documented: Readonly<Record<'DescribeInstances' | 'DescribeInstanceStatus' | 'DescribeNetworkInterfaces', { count: number; refused: Record<string, CallError> }>>;
  readonly unknown: Readonly<Record<'instances' | 'status' | 'interfaces', CallError>>;
  readonly shown: Record<string, unknown>;
  readonly instanceFilters: Record<string, string[]>;
  readonly statusFilters: Record<string, unknown>;
  readonly interfaceFilters: Record<string, unknown>;
  readonly runRefusals: Readonly<Record<'otherVpcGroup' | 'otherVpcGroupDefaultSubnet' | 'groupNamesWithSubnet', CallError>> & {
    readonly names: Readonly<Record<'otherSg' | 'sg' | 'subnet' | 'defaultSubnet', string>>;
    readonly groupNamesInDefaultVpc: string[];
  };
  readonly modifyRefusals: Readonly<Record<'interfaceNone' | 'interfaceTwo' | 'instanceNone' | 'instanceTwo' | 'instanceAttributeFormAndMember', CallError>> & {
    readonly unchanged: unknown[];
    readonly oneApplies: string;
  };
  readonly ipv6WithoutBlock: Readonly<Record<'createNetworkInterface' | 'runInstances', CallError>> & { readonly subnet: string };
}

const err = (code: string, message: string): CallError => ({ code, message, http: 400 });

describe.skipIf(!BOTO3)('boto3: instance and interface filters, launch and attribute refusals', () => {
  const doc = botoScriptDocument<Observations>('instance-checks.py', 90_000);

  it('takes every filter name botocore documents for the three Describe calls', () => {
    // The counts show the names were read from the model (136, 17 and 37 in botocore 1.43).
    expect(doc('documented').DescribeInstances.count).toBeGreaterThan(130);
    expect(doc('documented').DescribeInstanceStatus.count).toBeGreaterThan(15);
    expect(doc('documented').DescribeNetworkInterfaces.count).toBeGreaterThan(35);
    expect(doc('documented').DescribeInstances.refused).toEqual({});
    expect(doc('documented').DescribeInstanceStatus.refused).toEqual({});
    expect(doc('documented').DescribeNetworkInterfaces.refused).toEqual({});
  });

  it('refuses a name the model does not document, in AWS words', () => {
    const invalid = err('InvalidParameterValue', "The filter 'dns_name' is invalid");
    expect(doc('unknown')).toEqual({ instances: invalid, status: invalid, interfaces: invalid });
  });

  it('shows what the filters match: the zone id, the Elastic IP, the metadata options', () => {
    expect(doc('shown')).toEqual({
      zoneId: 'euw1-az1',
      publicIp: doc('world').eip,
      httpTokens: 'required',
      platformDetails: 'Linux/UNIX',
      interfaces: ['web-primary', 'extra'],
      dbReason: 'Client.UserInitiatedShutdown',
    });
  });

  it('DescribeInstances matches addresses, names and interfaces as shown', () => {
    const f = doc('instanceFilters');
    expect(f['network-interface.private-ip-address']).toEqual(['web']);
    expect(f['network-interface.addresses.private-ip-address']).toEqual(['web']);
    // `private-ip-address` is the primary interface's primary address only (the model says so).
    expect(f['private-ip-address of a second interface']).toEqual([]);
    expect(f['private-dns-name']).toEqual(['web']);
    expect(f['dns-name']).toEqual([]);
    expect(f['network-interface.addresses.primary=false']).toEqual(['web']);
    expect(f['network-interface.addresses.primary=true']).toEqual(['db', 'web']);
    expect(f['network-interface.status']).toEqual(['db', 'web']);
    expect(f['network-interface.attachment.instance-id']).toEqual(['web']);
    expect(f['network-interface.attachment.device-index']).toEqual(['web']);
    expect(f['network-interface.subnet-id']).toEqual(['db']);
    expect(f['network-interface.vpc-id']).toEqual(['db', 'web']);
    expect(f['network-interface.group-id']).toEqual(['web']);
    expect(f['network-interface.tag-key']).toEqual(['web']);
    expect(f['network-interface.tag-value']).toEqual(['web']);
    expect(f['ip-address']).toEqual(['web']);
    expect(f['network-interface.association.public-ip']).toEqual(['web']);
    expect(f['network-interface.addresses.association.allocation-id']).toEqual(['web']);
  });

  it('DescribeInstances matches placement, times, state reasons and the fixed facts; what no instance has matches nothing', () => {
    const f = doc('instanceFilters');
    expect(f['availability-zone-id']).toEqual(['web']);
    expect(f['launch-time that day']).toEqual(['db', 'web']);
    expect(f['launch-time another day']).toEqual([]);
    expect(f['usage-operation-update-time']).toEqual(['db', 'web']);
    expect(f['state-reason-code']).toEqual(['db']);
    expect(f.reason).toEqual(['db']);
    // The default the answer shows (optional), not another one.
    expect(f['metadata-options.http-tokens=required']).toEqual(['web']);
    expect(f['metadata-options.http-tokens=optional']).toEqual(['db']);
    for (const name of ['platform-details', 'tenancy', 'ebs-optimized', 'ena-support', 'monitoring-state', 'architecture']) expect(f[name], name).toEqual(['db', 'web']);
    for (const name of ['instance-lifecycle', 'platform', 'iam-instance-profile.arn', 'block-device-mapping.volume-id']) expect(f[name], name).toEqual([]);
  });

  it('DescribeInstanceStatus shows and matches the zone id, the checks and the operator; no events', () => {
    expect(doc('statusFilters')).toEqual({
      zoneIdShown: 'euw1-az1',
      'availability-zone-id': ['web'],
      'attached-ebs-status.status': ['web'],
      'instance-status.reachability': ['web'],
      'system-status.status': ['db'],
      'operator.managed': ['db', 'web'],
      'event.code': [],
    });
  });

  it('DescribeNetworkInterfaces shows and matches the zone id, and each address as primary or not', () => {
    expect(doc('interfaceFilters')).toEqual({
      zoneIdShown: 'euw1-az1',
      'availability-zone-id': ['extra', 'web-primary'],
      'addresses.private-ip-address of a secondary address': ['extra'],
      'addresses.primary=false': ['extra'],
    });
  });

  it('RunInstances refuses a group of another VPC than the subnet, and group names with a subnet, as AWS does', () => {
    const r = doc('runRefusals');
    expect(r.otherVpcGroup).toEqual(err('InvalidParameter', `Security group ${r.names.otherSg} and subnet ${r.names.subnet} belong to different networks.`));
    expect(r.otherVpcGroupDefaultSubnet).toEqual(err('InvalidParameter', `Security group ${r.names.sg} and subnet ${r.names.defaultSubnet} belong to different networks.`));
    expect(r.groupNamesWithSubnet).toEqual(err('InvalidParameterCombination', 'The parameter groupName cannot be used with the parameter subnet'));
    // Without a subnet, names name the default VPC's groups.
    expect(r.groupNamesInDefaultVpc).toEqual(['default']);
  });

  it('ModifyNetworkInterfaceAttribute and ModifyInstanceAttribute take exactly one attribute', () => {
    const m = doc('modifyRefusals');
    const none = err('InvalidParameterCombination', 'No attributes specified.');
    expect(m.interfaceNone).toEqual(none);
    expect(m.instanceNone).toEqual(none);
    expect(m.interfaceTwo).toEqual(err('InvalidParameterCombination', 'Fields for multiple attribute types specified: description, sourceDestCheck'));
    expect(m.instanceTwo).toEqual(err('InvalidParameterCombination', 'Fields for multiple attribute types specified: sourceDestCheck, disableApiTermination'));
    expect(m.instanceAttributeFormAndMember).toEqual(err('InvalidParameterCombination', 'Fields for multiple attribute types specified: sourceDestCheck, disableApiTermination'));
    // A refused call changes nothing; one attribute applies.
    expect(m.unchanged).toEqual(['before', true, false]);
    expect(m.oneApplies).toBe('one');
  });

  it('IPv6 addresses in a subnet without an IPv6 block are refused as a bad value, not as a full subnet', () => {
    const noBlock = err('InvalidParameterValue', `The subnet ${doc('ipv6WithoutBlock').subnet} has no IPv6 CIDR block: IPv6 addresses cannot be assigned.`);
    expect(doc('ipv6WithoutBlock').createNetworkInterface).toEqual(noBlock);
    expect(doc('ipv6WithoutBlock').runInstances).toEqual(noBlock);
  });
});
