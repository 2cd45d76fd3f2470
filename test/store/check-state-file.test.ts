// The state file's checks, one by one, on a small hand-written world with fixed ids: each bad
// entry is refused with a message naming it; what the store legitimately keeps (a failed request
// naming a VPC that never was, a terminated instance outliving its subnet) is accepted.
import { describe, expect, it } from 'vitest';
import { checkStateFile } from '../../src/store/check-state-file.js';
import { StateFileError } from '../../src/store/state-file.js';

const A = '111111111111';
const B = '222222222222';
const NOW = Date.UTC(2026, 0, 1);
const scopeA = { accountId: A, region: 'us-east-1' };
const scopeB = { accountId: B, region: 'us-east-1' };
const VPC_A = 'vpc-0000000000000000a';
const VPC_B = 'vpc-0000000000000000b';
const SUBNET = 'subnet-00000000000000001';
const PCX = 'pcx-00000000000000001';

type Doc = Record<string, unknown>;
interface File {
  [member: string]: unknown;
  resources: { kind: string; doc: Doc }[];
  peerings: Doc[];
  tags: Record<string, string>[];
  meta: Record<string, unknown>;
  audit: Doc[];
}

const side = (scope: typeof scopeA, vpcId: string): Doc => ({ ...scope, vpcId, cidrBlocks: [], ipv6CidrBlocks: [], options: {} });

/** A valid world: two VPCs, a subnet, a group with one rule, an active connection tagged by both sides. */
function world(): File {
  return {
    format: 'vpcpeer-state',
    version: 1,
    clockOffsetMs: 0,
    meta: { [`default-vpc:${A}:us-east-1`]: '0' },
    resources: [
      { kind: 'vpc', doc: { id: VPC_A, ...scopeA, cidrBlock: '10.1.0.0/16' } },
      { kind: 'vpc', doc: { id: VPC_B, ...scopeB, cidrBlock: '10.2.0.0/16' } },
      { kind: 'subnet', doc: { id: SUBNET, ...scopeA, vpcId: VPC_A } },
      { kind: 'sg', doc: { id: 'sg-00000000000000001', ...scopeA, vpcId: VPC_A, rules: [{ id: 'sgr-00000000000000001' }] } },
    ],
    peerings: [{ id: PCX, requester: side(scopeA, VPC_A), accepter: side(scopeB, VPC_B), status: 'active', createdAt: NOW, statusChangedAt: NOW, expiresAt: NOW + 1 }],
    tags: [
      { resourceId: PCX, ...scopeA, key: 'side', value: 'requester', resourceType: 'vpc-peering-connection' },
      { resourceId: PCX, ...scopeB, key: 'side', value: 'accepter', resourceType: 'vpc-peering-connection' },
      { resourceId: 'sgr-00000000000000001', ...scopeA, key: 'Name', value: 'rule', resourceType: 'security-group-rule' },
    ],
    audit: [{ time: NOW, ...scopeA, action: 'CreateVpc', resourceIds: [VPC_A], code: 'OK', status: 200, requestId: 'r1' }],
  };
}

function refusal(change: (f: File) => void): string {
  const f = world();
  change(f);
  try {
    checkStateFile(JSON.stringify(f), NOW);
  } catch (err) {
    if (err instanceof StateFileError) return err.message;
    throw err;
  }
  throw new Error('the file was accepted');
}

const accepts = (change: (f: File) => void): void => {
  const f = world();
  change(f);
  expect(() => checkStateFile(JSON.stringify(f), NOW)).not.toThrow();
};

describe('checkStateFile', () => {
  it('accepts a valid world and fills in what a hand-written file may leave out', () => {
    const checked = checkStateFile(JSON.stringify({ format: 'vpcpeer-state', version: 1 }), NOW);
    expect(checked).toEqual({ format: 'vpcpeer-state', version: 1, clockOffsetMs: 0, meta: {}, resources: [], peerings: [], tags: [], audit: [] });
    expect(checkStateFile(JSON.stringify(world()), NOW).tags).toHaveLength(3);
  });

  it.each<[string, (f: File) => void, string]>([
    ['not a state file', (f) => (f.format = 'terraform'), 'format: must be "vpcpeer-state", not "terraform" (is this a vpcpeer state file?)'],
    ['an older or odd version', (f) => (f.version = '1'), 'version: must be 1, not "1"'],
    ['a misspelt member', (f) => (f.resource = []), 'the top level: unknown member "resource" (allowed: format, version, exportedAt, clockOffsetMs, meta, resources, peerings, tags, audit)'],
    ['a clock moved back', (f) => (f.clockOffsetMs = -5), 'clockOffsetMs: must not be negative, not -5'],
    ['an unknown kind', (f) => ((f.resources[0] as { kind: string }).kind = 'bucket'), 'resources[0]: kind "bucket" is not one of vpc, subnet, rtb, igw, sg, acl, eigw, eipalloc, nat, dopt, eni, i, nip, nia'],
    ['an id of another kind', (f) => ((f.resources[2] as { doc: Doc }).doc.id = 'vpc-00000000000000009'), 'resources[2] (subnet): id "vpc-00000000000000009" is not a subnet id (subnet- and 8 or 17 hex digits)'],
    ['an account that is not 12 digits', (f) => ((f.resources[0] as { doc: Doc }).doc.accountId = '1234'), `resources[0] (vpc ${VPC_A}): accountId must be 12 digits, not "1234"`],
    ['a Region not served', (f) => ((f.resources[0] as { doc: Doc }).doc.region = 'mars-1'), `resources[0] (vpc ${VPC_A}): region "mars-1" is not a Region this server serves`],
    ['a subnet in another account than its VPC', (f) => ((f.resources[2] as { doc: Doc }).doc.accountId = B), `resources[2] (subnet ${SUBNET}): vpcId ${VPC_A} is in ${A}/us-east-1, not ${B}/us-east-1`],
    ['an active connection whose VPC is not in the file', (f) => f.resources.splice(1, 1), `peerings[0] (${PCX}): accepter VPC ${VPC_B} is not in the file (the connection is active)`],
    ['a side in another scope than its VPC', (f) => ((f.peerings[0] as { accepter: Doc }).accepter.accountId = A), `peerings[0] (${PCX}): accepter VPC ${VPC_B} is in ${B}/us-east-1, not ${A}/us-east-1`],
    ['a status that is never stored', (f) => ((f.peerings[0] as Doc).status = 'provisioning'), `peerings[0] (${PCX}): status "provisioning" is not one of pending-acceptance, active, rejected, deleted, failed, expired`],
    ['a tag kept in a scope that cannot see the resource', (f) => ((f.tags[2] as Record<string, string>).accountId = B), `tags[2] ("sgr-00000000000000001" "Name"): kept for ${B}/us-east-1, but sgr-00000000000000001 is seen only from ${A}/us-east-1`],
    ['a tag of the wrong type', (f) => ((f.tags[0] as Record<string, string>).resourceType = 'vpc'), `tags[0] ("${PCX}" "side"): resourceType "vpc" should be "vpc-peering-connection" for a pcx- id`],
    ['a tag twice', (f) => f.tags.push({ ...(f.tags[0] as Record<string, string>) }), `tags[3] ("${PCX}" "side"): the same resource, account, Region and key as tags[0] ("${PCX}" "side")`],
    ['the clock in meta', (f) => (f.meta['clock-offset-ms'] = '5'), 'meta["clock-offset-ms"]: the clock goes in clockOffsetMs'],
    ['bookkeeping in meta', (f) => (f.meta['reset-generation'] = 'x'), 'meta["reset-generation"]: is the store\'s own bookkeeping, not state'],
    ['a meta value that is not text', (f) => (f.meta.n = 5), 'meta["n"]: must be a string, not 5'],
    ['an audit event without its status', (f) => delete (f.audit[0] as Doc).status, 'audit[0]: status must be a whole number, not undefined'],
  ])('refuses %s', (_what, change, message) => {
    expect(refusal(change)).toBe(message);
  });

  it('accepts what the store keeps after a VPC or subnet is gone', () => {
    // A failed request may name a VPC that never existed; a deleted connection outlives its VPCs.
    accepts((f) => {
      f.resources.splice(1, 1);
      (f.peerings[0] as Doc).status = 'failed';
    });
    // A pending request past its expiry is expired, whatever the sweeper has written.
    accepts((f) => {
      f.resources.splice(1, 1);
      Object.assign(f.peerings[0] as Doc, { status: 'pending-acceptance', expiresAt: NOW - 1 });
    });
    // A terminated instance stays readable for an hour after its subnet and VPC may be deleted.
    accepts((f) => f.resources.push({ kind: 'i', doc: { id: 'i-00000000000000001', ...scopeA, vpcId: 'vpc-00000000000000009', subnetId: 'subnet-00000000000000009', lifecycle: { target: 'terminated', since: NOW } } }));
    // The same with the instance running is not a state the store can be in.
    expect(refusal((f) => f.resources.push({ kind: 'i', doc: { id: 'i-00000000000000001', ...scopeA, vpcId: VPC_A, subnetId: 'subnet-00000000000000009', lifecycle: { target: 'running', since: NOW } } }))).toBe(
      'resources[4] (i i-00000000000000001): subnetId "subnet-00000000000000009" is not in the file',
    );
  });

  it('blames a subnet whose VPC is missing, not the interfaces in it (whatever comes first in the file)', () => {
    const eni = { kind: 'eni', doc: { id: 'eni-00000000000000001', ...scopeA, vpcId: VPC_A, subnetId: SUBNET } };
    accepts((f) => f.resources.unshift(eni));
    expect(
      refusal((f) => {
        f.resources.unshift(eni);
        (f.resources[3] as { doc: Doc }).doc.vpcId = 'vpc-00000000000000009';
      }),
    ).toBe(`resources[3] (subnet ${SUBNET}): vpcId "vpc-00000000000000009" is not in the file`);
  });

  it('a pending request still live needs its VPCs, by the file\'s own clock', () => {
    const pendingFor = (f: File, expiresAt: number): void => {
      f.resources.splice(1, 1);
      Object.assign(f.peerings[0] as Doc, { status: 'pending-acceptance', expiresAt });
    };
    expect(refusal((f) => pendingFor(f, NOW + 1000))).toBe(`peerings[0] (${PCX}): accepter VPC ${VPC_B} is not in the file (the connection is pending-acceptance)`);
    // The clock moved two seconds on: the request has expired.
    accepts((f) => {
      pendingFor(f, NOW + 1000);
      f.clockOffsetMs = 2000;
    });
  });

  it('names where JSON syntax goes wrong', () => {
    expect(() => checkStateFile('{"format": "vpcpeer-state",\n  "version": 1,,}', NOW)).toThrow(/^not valid JSON: .* at position 43 \(line 2, column 16\)$/);
    expect(() => checkStateFile('[]', NOW)).toThrow('not a vpcpeer state file: the top level must be a JSON object');
  });
});
