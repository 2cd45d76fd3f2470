// The state file's checks, one by one, on a small hand-written world with fixed ids: each bad
// entry is refused with a message naming it; what the store legitimately keeps (a failed request
// naming a VPC that never was, a terminated instance outliving its subnet, a route to a deleted
// gateway, a stale rule) is accepted.
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
const DOPT = 'dopt-00000000000000001';
const SG = 'sg-00000000000000001';
const SG_DB = 'sg-00000000000000002';
const ENI = 'eni-00000000000000001';
const INSTANCE = 'i-00000000000000001';
const EIP = 'eipalloc-00000000000000001';
const NAT_EIP = 'eipalloc-00000000000000002';
const NAT = 'nat-00000000000000001';
const IGW = 'igw-00000000000000001';
const RTB = 'rtb-00000000000000001';
const PATH = 'nip-00000000000000001';
const GONE = '00000000000000009';

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

/**
 * A valid world: two VPCs, a subnet, a route table, a gateway, two groups (one rule naming the
 * other), an instance with its interface, an Elastic IP on it, a NAT gateway with its own, a path
 * and its analysis, and an active connection tagged by both sides.
 */
function world(): File {
  const rule = (id: string, peer: Doc): Doc => ({ id, egress: false, protocol: 'tcp', fromPort: 5432, toPort: 5432, peer });
  return {
    format: 'vpcpeer-state',
    version: 1,
    clockOffsetMs: 0,
    meta: { [`default-vpc:${A}:us-east-1`]: '0' },
    resources: [
      { kind: 'vpc', doc: { id: VPC_A, ...scopeA, cidrBlock: '10.1.0.0/16', cidrAssociations: [{ associationId: 'vpc-cidr-assoc-00000000000000001', cidr: '10.1.0.0/16', state: 'associated' }], ipv6Associations: [], dhcpOptionsId: DOPT } },
      { kind: 'vpc', doc: { id: VPC_B, ...scopeB, cidrBlock: '10.2.0.0/16', dhcpOptionsId: 'default' } },
      { kind: 'subnet', doc: { id: SUBNET, ...scopeA, vpcId: VPC_A, cidrBlock: '10.1.1.0/24' } },
      { kind: 'sg', doc: { id: SG, ...scopeA, vpcId: VPC_A, rules: [{ id: 'sgr-00000000000000001' }, rule('sgr-00000000000000002', { kind: 'group', groupId: SG_DB, userId: A, vpcId: VPC_A })] } },
      { kind: 'sg', doc: { id: SG_DB, ...scopeA, vpcId: VPC_A, rules: [] } },
      { kind: 'dopt', doc: { id: DOPT, ...scopeA, configurations: [] } },
      { kind: 'igw', doc: { id: IGW, ...scopeA, attachedVpcId: VPC_A } },
      {
        kind: 'rtb',
        doc: {
          id: RTB,
          ...scopeA,
          vpcId: VPC_A,
          associations: [{ id: 'rtbassoc-00000000000000001', main: true }, { id: 'rtbassoc-00000000000000002', main: false, subnetId: SUBNET }],
          routes: [
            { destinationCidrBlock: '10.1.0.0/16', target: { kind: 'local' }, origin: 'CreateRouteTable' },
            { destinationCidrBlock: '0.0.0.0/0', target: { kind: 'gateway', id: IGW }, origin: 'CreateRoute' },
            { destinationCidrBlock: '10.2.0.0/16', target: { kind: 'vpc-peering-connection', id: PCX }, origin: 'CreateRoute' },
            { destinationCidrBlock: '10.3.0.0/16', target: { kind: 'nat-gateway', id: NAT }, origin: 'CreateRoute' },
          ],
        },
      },
      { kind: 'eni', doc: { id: ENI, ...scopeA, vpcId: VPC_A, subnetId: SUBNET, groupIds: [SG], attachment: { id: 'eni-attach-00000000000000001', instanceId: INSTANCE, instanceOwnerId: A, deviceIndex: 0 } } },
      { kind: 'i', doc: { id: INSTANCE, ...scopeA, vpcId: VPC_A, subnetId: SUBNET, primaryNetworkInterfaceId: ENI, lifecycle: { target: 'running', since: NOW } } },
      { kind: 'eipalloc', doc: { id: EIP, ...scopeA, association: { associationId: 'eipassoc-00000000000000001', networkInterfaceId: ENI, instanceId: INSTANCE } } },
      { kind: 'eipalloc', doc: { id: NAT_EIP, ...scopeA, association: { associationId: 'eipassoc-00000000000000002', networkInterfaceId: `eni-${GONE}`, natGatewayId: NAT } } },
      { kind: 'nat', doc: { id: NAT, ...scopeA, vpcId: VPC_A, subnetId: SUBNET, connectivityType: 'public', addresses: [{ allocationId: NAT_EIP, networkInterfaceId: `eni-${GONE}`, isPrimary: true }], createdAt: NOW } },
      { kind: 'nip', doc: { id: PATH, ...scopeA, source: INSTANCE, destination: PCX, protocol: 'tcp' } },
      { kind: 'nia', doc: { id: 'nia-00000000000000001', ...scopeA, pathId: PATH, status: 'succeeded' } },
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

/** The document of the resource with this id, to change in place. */
const doc = (f: File, id: string): Doc => {
  const found = f.resources.find((r) => r.doc.id === id);
  if (!found) throw new Error(`no ${id} in the world`);
  return found.doc;
};
/** Where an id stands in the world's resources, as messages name it. */
const at = (id: string): string => {
  const i = world().resources.findIndex((r) => r.doc.id === id);
  return `resources[${i}] (${world().resources[i]?.kind} ${id})`;
};
const without = (f: File, id: string): void => {
  f.resources = f.resources.filter((r) => r.doc.id !== id);
};

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
    ['the seed digest in meta', (f) => (f.meta['seeded-from'] = 'sha256:00'), 'meta["seeded-from"]: is the store\'s own bookkeeping, not state'],
  ])('refuses %s', (_what, change, message) => {
    expect(refusal(change)).toBe(message);
  });

  // Each reference the store keeps true, broken, and the blocks of VPCs and subnets.
  const route = (f: File, i: number): Doc => ((doc(f, RTB).routes as Doc[])[i] as { target: Doc }).target;
  it.each<[string, (f: File) => void, string]>([
    ['a VPC whose DHCP options are missing', (f) => without(f, DOPT), `${at(VPC_A)}: dhcpOptionsId "${DOPT}" is not in the file`],
    ['a VPC whose block is not a CIDR', (f) => (doc(f, VPC_A).cidrBlock = 'not-a-cidr'), `${at(VPC_A)}: cidrBlock "not-a-cidr" is not an IPv4 CIDR block`],
    ['a VPC whose IPv6 block is IPv4', (f) => (doc(f, VPC_A).ipv6Associations = [{ cidr: '10.0.0.0/16', state: 'associated' }]), `${at(VPC_A)}: ipv6Associations[0].cidr "10.0.0.0/16" is not an IPv6 CIDR block`],
    ['a subnet outside its VPC\'s blocks', (f) => (doc(f, SUBNET).cidrBlock = '10.9.1.0/24'), `${at(SUBNET)}: cidrBlock 10.9.1.0/24 is not inside a block of ${VPC_A} (10.1.0.0/16)`],
    ['a subnet in a block its VPC let go', (f) => {
      (doc(f, VPC_A).cidrAssociations as Doc[]).push({ associationId: 'vpc-cidr-assoc-00000000000000002', cidr: '10.5.0.0/16', state: 'disassociated' });
      doc(f, SUBNET).cidrBlock = '10.5.1.0/24';
    }, `${at(SUBNET)}: cidrBlock 10.5.1.0/24 is not inside a block of ${VPC_A} (10.1.0.0/16)`],
    ['a subnet IPv6 block in a VPC without one', (f) => (doc(f, SUBNET).ipv6Associations = [{ associationId: 'subnet-cidr-assoc-00000000000000001', cidr: '2600:1f18:aa00:1201::/64' }]), `${at(SUBNET)}: ipv6Associations[0].cidr 2600:1f18:aa00:1201::/64 is not inside a block of ${VPC_A}, which has no IPv6 block`],
    ['a route table associated with a missing subnet', (f) => (((doc(f, RTB).associations as Doc[])[1] as Doc).subnetId = `subnet-${GONE}`), `${at(RTB)}: associations[1].subnetId "subnet-${GONE}" is not in the file`],
    ['a route to a target of no known kind', (f) => Object.assign(route(f, 1), { kind: 'instance', id: INSTANCE }), `${at(RTB)}: routes[1].target.kind "instance" is not one of local, gateway, egress-only-internet-gateway, nat-gateway, vpc-peering-connection`],
    ['a route to a gateway by another kind of id', (f) => (route(f, 1).id = VPC_A), `${at(RTB)}: routes[1].target.id "${VPC_A}" is not the id of an internet gateway`],
    ['two rules with one id', (f) => (doc(f, SG_DB).rules = [{ id: 'sgr-00000000000000002' }]), `${at(SG_DB)}: rules[0].id sgr-00000000000000002 appears twice (first at ${at(SG)} rules[1])`],
    ['a rule without an sgr- id', (f) => (doc(f, SG_DB).rules = [{ id: 'rule-1' }]), `${at(SG_DB)}: rules[0].id "rule-1" is not the id of a security group rule`],
    ['a rule naming a missing group of its own VPC', (f) => without(f, SG_DB), `${at(SG)}: rules[1].peer.groupId "${SG_DB}" is not in the file`],
    ['an interface in a missing group', (f) => (doc(f, ENI).groupIds = [`sg-${GONE}`]), `${at(ENI)}: groupIds[0] "sg-${GONE}" is not in the file`],
    ['an interface attached to a missing instance', (f) => ((doc(f, ENI).attachment as Doc).instanceId = `i-${GONE}`), `${at(ENI)}: attachment.instanceId "i-${GONE}" is not in the file`],
    ['an instance whose primary interface is missing', (f) => (doc(f, INSTANCE).primaryNetworkInterfaceId = `eni-${GONE}`), `${at(INSTANCE)}: primaryNetworkInterfaceId "eni-${GONE}" is not in the file`],
    ['an Elastic IP on a missing interface', (f) => ((doc(f, EIP).association as Doc).networkInterfaceId = `eni-${GONE}`), `${at(EIP)}: association.networkInterfaceId "eni-${GONE}" is not in the file`],
    ['an Elastic IP held by a missing NAT gateway', (f) => ((doc(f, NAT_EIP).association as Doc).natGatewayId = `nat-${GONE}`), `${at(NAT_EIP)}: association.natGatewayId "nat-${GONE}" is not in the file`],
    ['a NAT gateway whose Elastic IP is missing', (f) => (((doc(f, NAT).addresses as Doc[])[0] as Doc).allocationId = `eipalloc-${GONE}`), `${at(NAT)}: addresses[0].allocationId "eipalloc-${GONE}" is not in the file`],
    ['a NAT gateway whose subnet is missing', (f) => (doc(f, NAT).subnetId = `subnet-${GONE}`), `${at(NAT)}: subnetId "subnet-${GONE}" is not in the file`],
    ['an analysis whose path is missing', (f) => without(f, PATH), `resources[13] (nia nia-00000000000000001): pathId "${PATH}" is not in the file`],
    ['a path from something no path starts at', (f) => (doc(f, PATH).source = VPC_A), `${at(PATH)}: source "${VPC_A}" is not the id of a network interface, an instance or a peering connection`],
    ['a path from another account\'s instance', (f) => (doc(f, PATH).accountId = B), `${at(PATH)}: source ${INSTANCE} is in ${A}/us-east-1, not ${B}/us-east-1`],
  ])('refuses %s, naming the entry', (_what, change, message) => {
    expect(refusal(change)).toBe(message);
  });

  it('accepts what the store keeps after what it names is gone', () => {
    // Routes outlive their targets as blackholes: a deleted gateway, a deleted NAT gateway, a purged connection.
    accepts((f) => {
      route(f, 1).id = `igw-${GONE}`;
      route(f, 2).id = `pcx-${GONE}`;
      route(f, 3).id = `nat-${GONE}`;
    });
    // A path keeps naming a source that was deleted, and a destination taken on trust.
    accepts((f) => Object.assign(doc(f, PATH), { source: `i-${GONE}`, destination: `eni-${GONE}` }));
    // A rule naming a peer VPC's group that was deleted is stale, not wrong.
    accepts((f) => ((doc(f, SG).rules as Doc[])[1] = { id: 'sgr-00000000000000002', egress: false, protocol: '-1', fromPort: -1, toPort: -1, peer: { kind: 'group', groupId: `sg-${GONE}`, userId: B, vpcId: VPC_B } }));
    // A deleted NAT gateway no longer holds its subnet or address; a failed one never held an address.
    accepts((f) => Object.assign(doc(f, NAT), { deletedAt: NOW, subnetId: `subnet-${GONE}`, addresses: [{ allocationId: `eipalloc-${GONE}`, networkInterfaceId: `eni-${GONE}`, isPrimary: true }] }));
    accepts((f) => Object.assign(doc(f, NAT), { failure: { code: 'InternalError', message: 'x' }, addresses: [{ allocationId: `eipalloc-${GONE}`, networkInterfaceId: `eni-${GONE}`, isPrimary: true }] }));
    // A default DHCP options set minted before sets were stored is remembered in meta alone.
    accepts((f) => {
      without(f, DOPT);
      f.meta[`dhcp-options:${A}:us-east-1`] = DOPT;
    });
    // A subnet may use any live block of its VPC.
    accepts((f) => {
      (doc(f, VPC_A).cidrAssociations as Doc[]).push({ associationId: 'vpc-cidr-assoc-00000000000000002', cidr: '10.5.0.0/16', state: 'associated' });
      doc(f, SUBNET).cidrBlock = '10.5.1.0/24';
    });
    // A network ACL's association of a deleted subnet is ignored when read.
    accepts((f) => f.resources.push({ kind: 'acl', doc: { id: 'acl-00000000000000001', ...scopeA, vpcId: VPC_A, associations: [{ id: 'aclassoc-00000000000000001', subnetId: `subnet-${GONE}` }] } }));
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
    // A terminated instance stays readable for an hour after its subnet, VPC and interface may be deleted.
    accepts((f) => f.resources.push({ kind: 'i', doc: { id: 'i-00000000000000002', ...scopeA, vpcId: `vpc-${GONE}`, subnetId: `subnet-${GONE}`, primaryNetworkInterfaceId: `eni-${GONE}`, lifecycle: { target: 'terminated', since: NOW } } }));
    // The same with the instance running is not a state the store can be in.
    expect(refusal((f) => f.resources.push({ kind: 'i', doc: { id: 'i-00000000000000002', ...scopeA, vpcId: VPC_A, subnetId: `subnet-${GONE}`, primaryNetworkInterfaceId: ENI, lifecycle: { target: 'running', since: NOW } } }))).toBe(
      `resources[15] (i i-00000000000000002): subnetId "subnet-${GONE}" is not in the file`,
    );
  });

  it('blames a subnet whose VPC is missing, not the interfaces in it (whatever comes first in the file)', () => {
    const eni = { kind: 'eni', doc: { id: 'eni-00000000000000002', ...scopeA, vpcId: VPC_A, subnetId: SUBNET, groupIds: [SG] } };
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
