// boto3 through network interfaces and instances: test/boto3/interfaces_instances.py records what
// botocore parsed, paginated, waited for and raised; this file asserts it.
import { describe, expect, it } from 'vitest';
import type { CallError } from './boto-script.js';
import { BOTO3, botoScriptDocument } from './boto-script.js';

type State = { Code: number; Name: string };

interface Observations {
  readonly eniCreate: Record<string, unknown> & { addresses: [string, boolean][]; groups: { GroupId: string; GroupName: string }[] };
  readonly eniWaiter: string;
  readonly eniPages: number[];
  readonly eniByGroup: boolean[];
  readonly eniByTag: boolean[];
  readonly eniAttr: { sourceDestCheck: { Value: boolean }; description: { Value: string }; groupSet: { GroupName: string }[] };
  readonly eniAssigned: string[];
  readonly eniAfterUnassign: number;
  readonly eniErrors: Readonly<Record<'inUseAddress' | 'reserved' | 'unknown' | 'malformed' | 'dryRun' | 'otherAccount' | 'subnetInUse' | 'groupInUse', CallError>>;
  readonly eniDeleted: CallError;
  readonly run: { reservation: string; states: State[]; count: number };
  readonly runningWaiter: string;
  readonly described: Record<string, unknown>;
  readonly filters: { running: number; byTag: boolean; byGroup: number };
  readonly instancePages: number;
  readonly stop: { current: State; previous: State };
  readonly stoppedWaiter: string;
  readonly start: { current: State; previous: State };
  readonly status: string[];
  readonly instanceErrors: Readonly<Record<'unknown' | 'malformed' | 'badAmi' | 'dryRun' | 'otherAccount', CallError>>;
  readonly terminate: string[];
  readonly terminatedWaiter: string;
  readonly startTerminated: CallError;
  readonly interfacesLeft: number;
}

describe.skipIf(!BOTO3)('boto3: network interfaces and instances', () => {
  const doc = botoScriptDocument<Observations>('interfaces_instances.py', 90_000);

  it('create_network_interface answers an available interface with its addresses and groups; the waiter passes', () => {
    expect(doc('eniCreate')).toMatchObject({
      Status: 'available',
      PrivateIpAddress: '10.90.1.4',
      PrivateDnsName: 'ip-10-90-1-4.eu-west-1.compute.internal',
      InterfaceType: 'interface',
      SourceDestCheck: true,
      RequesterManaged: false,
      OwnerId: '333333333333',
      Description: 'boto',
    });
    expect(doc('eniCreate').addresses).toEqual([['10.90.1.4', true], ['10.90.1.5', false]]);
    expect(doc('eniCreate').groups.map((g) => g.GroupName)).toEqual(['b3']);
    expect(doc('eniWaiter')).toBe('ok');
  });

  it('describe_network_interfaces pages five at a time and filters by group and tag', () => {
    expect(doc('eniPages')).toEqual([5, 2]);
    expect(doc('eniByGroup')).toEqual([true]);
    expect(doc('eniByTag')).toEqual([true]);
  });

  it('attributes and secondary addresses change and read back', () => {
    expect(doc('eniAttr').sourceDestCheck).toEqual({ Value: false });
    expect(doc('eniAttr').description).toEqual({ Value: 'changed' });
    expect(doc('eniAttr').groupSet.map((g) => g.GroupName)).toEqual(['b3']);
    expect(doc('eniAssigned')).toEqual(['10.90.1.200']);
    expect(doc('eniAfterUnassign')).toBe(2);
  });

  it('interface errors carry AWS codes; the interface blocks its subnet and group until deleted', () => {
    expect(doc('eniErrors').inUseAddress).toEqual({ code: 'InvalidIPAddress.InUse', message: 'The specified address is already in use.', http: 400 });
    expect(doc('eniErrors').reserved).toEqual({ code: 'InvalidParameterValue', message: "Address 10.90.1.2 is in subnet's reserved address range.", http: 400 });
    expect(doc('eniErrors').unknown.code).toBe('InvalidNetworkInterfaceID.NotFound');
    expect(doc('eniErrors').malformed.code).toBe('InvalidNetworkInterfaceID.Malformed');
    expect(doc('eniErrors').dryRun).toEqual({ code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', http: 412 });
    expect(doc('eniErrors').otherAccount.code).toBe('InvalidNetworkInterfaceID.NotFound');
    expect(doc('eniErrors').subnetInUse.code).toBe('DependencyViolation');
    expect(doc('eniErrors').groupInUse.code).toBe('DependencyViolation');
    expect(doc('eniDeleted').code).toBe('InvalidNetworkInterfaceID.NotFound');
  });

  it('run_instances answers pending in one reservation; reads show running with the primary interface; waiters pass', () => {
    expect(doc('run').reservation).toMatch(/^r-[0-9a-f]{17}$/);
    expect(doc('run').states).toEqual([{ Code: 0, Name: 'pending' }, { Code: 0, Name: 'pending' }]);
    expect(doc('runningWaiter')).toBe('ok');
    expect(doc('described')).toMatchObject({ reservations: 1, instances: 2, state: { Code: 16, Name: 'running' }, subnet: true, eniStatus: 'in-use', deviceIndex: 0, launchTimeType: 'datetime' });
    expect(doc('described').privateDnsName).toMatch(/^ip-10-90-1-\d+\.eu-west-1\.compute\.internal$/);
    expect(doc('filters')).toEqual({ running: 2, byTag: true, byGroup: 2 });
    expect(doc('instancePages')).toBe(2);
  });

  it('stop, start and terminate answer the transitional states; the waiters see the settled ones', () => {
    expect(doc('stop')).toEqual({ current: { Code: 64, Name: 'stopping' }, previous: { Code: 16, Name: 'running' } });
    expect(doc('stoppedWaiter')).toBe('ok');
    expect(doc('start')).toEqual({ current: { Code: 0, Name: 'pending' }, previous: { Code: 80, Name: 'stopped' } });
    expect(doc('status')).toEqual(['ok', 'ok']);
    expect(doc('terminate')).toEqual(['shutting-down', 'shutting-down']);
    expect(doc('terminatedWaiter')).toBe('ok');
    expect(doc('startTerminated').code).toBe('IncorrectInstanceState');
    expect(doc('interfacesLeft')).toBe(6);
  });

  it('instance errors carry AWS codes', () => {
    expect(doc('instanceErrors').unknown).toEqual({ code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-0123456789abcdef0' does not exist", http: 400 });
    expect(doc('instanceErrors').malformed).toEqual({ code: 'InvalidInstanceID.Malformed', message: 'Invalid id: "i-nope"', http: 400 });
    expect(doc('instanceErrors').badAmi.code).toBe('InvalidAMIID.Malformed');
    expect(doc('instanceErrors').dryRun.code).toBe('DryRunOperation');
    expect(doc('instanceErrors').otherAccount.code).toBe('InvalidInstanceID.NotFound');
  });
});
