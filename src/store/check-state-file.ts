import { isWellFormedId, prefixOf } from '../core/ids.js';
import type { IdPrefix } from '../core/ids.js';
import type { PeeringConnection } from '../core/peering/peering-connection.js';
import { defaultDhcpOptionsKey, NO_DHCP_OPTIONS } from '../core/dhcp-options/default-dhcp-options.js';
import { Cidr, type IpVersion } from '../core/net/index.js';
import { findRegion } from '../core/regions.js';
import type { AuditEvent } from '../core/repository.js';
import type { Scope } from '../core/scope.js';
import { TYPE_OF_PREFIX } from '../core/tags.js';
import type { ResourceKind, StateFile, StateResource, StateTag } from './state-file.js';
import { CLOCK_META_KEY, isStateMetaKey, RESOURCE_KINDS, STATE_FORMAT, STATE_VERSION, StateFileError } from './state-file.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value from the file as a message may show it: quoted, on one line, not too long. */
function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function refuse(where: string, what: string): never {
  throw new StateFileError(`${where}: ${what}`);
}

/** Refuses members the format does not have: a misspelt member in a hand-written file would otherwise be dropped unseen. */
function onlyMembers(where: string, o: Json, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) refuse(where, `unknown member ${shown(key)} (allowed: ${allowed.join(', ')})`);
}

function stringMember(where: string, o: Json, name: string): string {
  const v = o[name];
  if (typeof v !== 'string') refuse(where, `${name} must be a string, not ${shown(v)}`);
  return v;
}

function numberMember(where: string, o: Json, name: string, integer = false): number {
  const v = o[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isSafeInteger(v))) refuse(where, `${name} must be ${integer ? 'a whole number' : 'a number'}, not ${shown(v)}`);
  return v;
}

function arrayMember(where: string, o: Json, name: string): unknown[] {
  const v = o[name] ?? [];
  if (!Array.isArray(v)) refuse(where, `${name} must be an array, not ${shown(v)}`);
  return v;
}

/** An account and a Region this server serves (regions.ts): anything else could never be reached through the API. */
function checkScope(where: string, o: Json, label = ''): Scope {
  const accountId = o.accountId;
  if (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId)) refuse(where, `${label}accountId must be 12 digits, not ${shown(accountId)}`);
  const region = o.region;
  if (typeof region !== 'string' || !findRegion(region)) refuse(where, `${label}region ${shown(region)} is not a Region this server serves`);
  return { accountId, region };
}

const scopeText = (s: Scope): string => `${s.accountId}/${s.region}`;
const sameScope = (a: Scope, b: Scope): boolean => a.accountId === b.accountId && a.region === b.region;

/** JSON.parse's complaint with the line and column of its position, when it gives one. */
function syntaxProblem(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1])).split('\n');
  return `${message} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

interface Found {
  readonly where: string;
  readonly kind: ResourceKind | 'pcx';
  readonly doc: Json;
}

/** An id a resource names, and what that id must be. */
interface Reference {
  /** How a message names the member: `vpcId`, `associations[1].subnetId`, `routes[2].target.id`. */
  readonly member: string;
  readonly id: unknown;
  readonly target: ResourceKind | 'pcx';
  /** Absent is fine (a detached gateway, the main route table association). */
  readonly optional?: boolean;
  /**
   * The target may be gone while this is not, as the store keeps it: a route to a deleted gateway
   * or purged connection (a blackhole), a path whose source was deleted or whose destination was
   * taken on trust. Checked only when the target is in the file.
   */
  readonly mayBeGone?: boolean;
  /** The target must be in this VPC (a subnet or group of the resource's own VPC). */
  readonly inVpc?: unknown;
}

/** A resource's references; `meta` is the file's (a VPC's default DHCP options may be remembered only there). */
type Refs = (doc: Json, where: string, meta: Readonly<Record<string, string>>) => Reference[];

/** A member that is a list of objects: absent reads as none, anything else is refused. */
function listOf(where: string, doc: Json, name: string): Json[] {
  const v = doc[name] ?? [];
  if (!Array.isArray(v) || !v.every(isObject)) refuse(where, `${name} must be an array of objects, not ${shown(v)}`);
  return v;
}

const ownVpc = (doc: Json): Reference => ({ member: 'vpcId', id: doc.vpcId, target: 'vpc' });
const ownSubnet = (doc: Json): Reference => ({ member: 'subnetId', id: doc.subnetId, target: 'subnet', inVpc: doc.vpcId });
const attachedVpc = (doc: Json): Reference => ({ member: 'attachedVpcId', id: doc.attachedVpcId, target: 'vpc', optional: true });

/** The kind of id each route target names (an internet gateway's target kept its first name, `gateway`). */
const ROUTE_TARGETS: Readonly<Record<string, ResourceKind | 'pcx' | undefined>> = {
  local: undefined,
  gateway: 'igw',
  'egress-only-internet-gateway': 'eigw',
  'nat-gateway': 'nat',
  'vpc-peering-connection': 'pcx',
};

function routeReferences(doc: Json, where: string): Reference[] {
  return listOf(where, doc, 'routes').flatMap((route, i): Reference[] => {
    const target = isObject(route.target) ? route.target : {};
    const kind = target.kind;
    if (typeof kind !== 'string' || !Object.hasOwn(ROUTE_TARGETS, kind)) refuse(where, `routes[${i}].target.kind ${shown(kind)} is not one of ${Object.keys(ROUTE_TARGETS).join(', ')}`);
    const named = ROUTE_TARGETS[kind];
    // A route outlives what it targets: it reads `blackhole` once the gateway or connection is gone.
    return named === undefined ? [] : [{ member: `routes[${i}].target.id`, id: target.id, target: named, mayBeGone: true }];
  });
}

/**
 * A path's source or destination: an interface, an instance or a peering connection
 * (path-endpoint.ts). Deleting one leaves the paths that name it, and a destination in another
 * account is taken on trust, so either may be missing from the file.
 */
function endpoint(where: string, member: string, id: unknown, optional: boolean): Reference {
  const kind = typeof id === 'string' ? ENDPOINT_KINDS.find((k) => isWellFormedId(k, id)) : undefined;
  if (kind === undefined && !(optional && id === undefined)) refuse(where, `${member} ${shown(id)} is not the id of a network interface, an instance or a peering connection`);
  return { member, id, target: kind ?? 'eni', optional, mayBeGone: true };
}
const ENDPOINT_KINDS = ['eni', 'i', 'pcx'] as const;

const isTerminated = (doc: Json): boolean => isObject(doc.lifecycle) && doc.lifecycle.target === 'terminated';

/**
 * What each kind of resource names, where the store keeps it true: DeleteVpc, DeleteSubnet,
 * DeleteSecurityGroup, DeleteDhcpOptions, ReleaseAddress, DeleteNetworkInsightsPath and the rest
 * refuse while something depends on what they would delete, or take the reference away with it
 * (a subnet's route table associations, an interface's Elastic IPs). Not checked, because the
 * store keeps them after their target is gone: what a terminated instance or a deleted NAT
 * gateway named (they stay readable for a while), a network ACL's association of a deleted subnet
 * (ignored when read, acl-associations.ts), a rule naming a peer VPC's deleted group (stale), an
 * Elastic IP association's instance (the interface may have moved since).
 */
const REFERENCES: Readonly<Record<ResourceKind, Refs>> = {
  // `default` is no options. A default set minted before sets were stored is remembered in meta
  // alone and made on first need (default-dhcp-options.ts).
  vpc: (doc, _where, meta) =>
    doc.dhcpOptionsId === NO_DHCP_OPTIONS ? [] : [{ member: 'dhcpOptionsId', id: doc.dhcpOptionsId, target: 'dopt', mayBeGone: meta[defaultDhcpOptionsKey(doc as unknown as Scope)] === doc.dhcpOptionsId }],
  subnet: (doc) => [ownVpc(doc)],
  rtb: (doc, where) => [
    ownVpc(doc),
    ...listOf(where, doc, 'associations').map((a, i): Reference => ({ member: `associations[${i}].subnetId`, id: a.subnetId, target: 'subnet', optional: a.main === true, inVpc: doc.vpcId })),
    ...routeReferences(doc, where),
  ],
  igw: (doc) => [attachedVpc(doc)],
  sg: (doc, where) => [
    ownVpc(doc),
    // A group named by a rule of its own VPC cannot be deleted; a peer VPC's can (the rule goes stale).
    ...listOf(where, doc, 'rules').flatMap((r, i): Reference[] => {
      const peer = isObject(r.peer) ? r.peer : {};
      return peer.kind === 'group' && peer.vpcId === doc.vpcId ? [{ member: `rules[${i}].peer.groupId`, id: peer.groupId, target: 'sg', inVpc: doc.vpcId }] : [];
    }),
  ],
  acl: (doc) => [ownVpc(doc)],
  eigw: (doc) => [attachedVpc(doc)],
  eipalloc: (doc) => {
    const a = doc.association;
    if (!isObject(a)) return [];
    // A NAT gateway's address sits on the gateway's own interface, which is no stored resource.
    if (a.natGatewayId !== undefined) return [{ member: 'association.natGatewayId', id: a.natGatewayId, target: 'nat' }];
    return [{ member: 'association.networkInterfaceId', id: a.networkInterfaceId, target: 'eni' }];
  },
  nat: (doc, where) => {
    if (doc.deletedAt !== undefined) return [];
    // A failed gateway holds no address: its Elastic IP may have been released since.
    const addresses = doc.failure === undefined ? listOf(where, doc, 'addresses') : [];
    return [ownVpc(doc), ownSubnet(doc), ...addresses.map((a, i): Reference => ({ member: `addresses[${i}].allocationId`, id: a.allocationId, target: 'eipalloc', optional: true }))];
  },
  dopt: () => [],
  eni: (doc) => {
    const groups = Array.isArray(doc.groupIds) ? doc.groupIds : [doc.groupIds];
    const attachment: Reference[] = isObject(doc.attachment) ? [{ member: 'attachment.instanceId', id: doc.attachment.instanceId, target: 'i' }] : [];
    return [ownVpc(doc), ownSubnet(doc), ...groups.map((id, i): Reference => ({ member: `groupIds[${i}]`, id, target: 'sg', inVpc: doc.vpcId })), ...attachment];
  },
  i: (doc) => (isTerminated(doc) ? [] : [ownVpc(doc), ownSubnet(doc), { member: 'primaryNetworkInterfaceId', id: doc.primaryNetworkInterfaceId, target: 'eni' }]),
  nip: (doc, where) => [endpoint(where, 'source', doc.source, false), endpoint(where, 'destination', doc.destination, true)],
  // A path cannot be deleted while an analysis of it exists.
  nia: (doc) => [{ member: 'pathId', id: doc.pathId, target: 'nip' }],
};

/** Stored statuses: transitional ones are only ever answered, never kept (docs/architecture.md). */
const STORED_STATUSES = new Set(['pending-acceptance', 'active', 'rejected', 'deleted', 'failed', 'expired']);

function readResources(list: readonly unknown[], found: Map<string, Found>): StateResource[] {
  return list.map((entry, i) => {
    let where = `resources[${i}]`;
    if (!isObject(entry)) refuse(where, 'must be an object {"kind": ..., "doc": {...}}');
    onlyMembers(where, entry, ['kind', 'doc']);
    const kind = entry.kind as ResourceKind;
    if (!RESOURCE_KINDS.includes(kind)) refuse(where, `kind ${shown(kind)} is not one of ${RESOURCE_KINDS.join(', ')}`);
    const doc = entry.doc;
    if (!isObject(doc)) refuse(`${where} (${kind})`, 'doc must be an object');
    if (typeof doc.id !== 'string' || !isWellFormedId(kind, doc.id)) refuse(`${where} (${kind})`, `id ${shown(doc.id)} is not a ${kind} id (${kind}- and 8 or 17 hex digits)`);
    where = `${where} (${kind} ${doc.id})`;
    checkScope(where, doc);
    const first = found.get(doc.id);
    if (first) refuse(where, `id ${doc.id} appears twice (first at ${first.where})`);
    found.set(doc.id, { where, kind, doc });
    return { kind, doc: doc as StateResource['doc'] };
  });
}

/** What messages call each kind. */
const NAMES: Readonly<Record<ResourceKind | 'pcx', string>> = {
  vpc: 'a VPC',
  subnet: 'a subnet',
  rtb: 'a route table',
  igw: 'an internet gateway',
  sg: 'a security group',
  acl: 'a network ACL',
  eigw: 'an egress-only internet gateway',
  eipalloc: 'an Elastic IP',
  nat: 'a NAT gateway',
  dopt: 'a DHCP options set',
  eni: 'a network interface',
  i: 'an instance',
  nip: 'a Network Insights path',
  nia: 'a Network Insights analysis',
  pcx: 'a peering connection',
};

/** VPCs first, then subnets: a subnet naming a missing VPC is the fault, not the interfaces in it. */
const rank = (r: Reference): number => (r.target === 'vpc' ? 0 : r.target === 'subnet' ? 1 : 2);

function checkReferences(found: ReadonlyMap<string, Found>, meta: Readonly<Record<string, string>>): void {
  const all: { from: Found; ref: Reference }[] = [];
  for (const from of found.values()) {
    if (from.kind !== 'pcx') for (const ref of REFERENCES[from.kind](from.doc, from.where, meta)) all.push({ from, ref });
  }
  for (const { from, ref } of all.sort((x, y) => rank(x.ref) - rank(y.ref))) checkReference(from, ref, found);
}

function checkReference({ where, doc }: Found, ref: Reference, found: ReadonlyMap<string, Found>): void {
  const { member, id } = ref;
  if (id === undefined && ref.optional) return;
  if (typeof id !== 'string' || !isWellFormedId(ref.target, id)) refuse(where, `${member} ${shown(id)} is not the id of ${NAMES[ref.target]}`);
  const target = found.get(id);
  if (!target && ref.mayBeGone) return;
  if (!target || target.kind !== ref.target) refuse(where, `${member} ${shown(id)} is not in the file`);
  // A connection is seen from both its sides' scopes; everything else from its owner's.
  const scopes = tagScopes(target);
  if (!scopes.some((s) => sameScope(s, doc as unknown as Scope))) refuse(where, `${member} ${id} is in ${scopes.map(scopeText).join(' and ')}, not ${scopeText(doc as unknown as Scope)}`);
  if (ref.inVpc !== undefined && target.doc.vpcId !== ref.inVpc) refuse(where, `${member} ${id} is in ${shown(target.doc.vpcId)}, not in vpcId ${shown(ref.inVpc)}`);
}

/**
 * A connection that is active, or pending and not yet expired, has both its VPCs (DeleteVpc marks
 * such connections deleted or is refused). Others may outlive a VPC, or name one that never
 * existed (a failed request), as the store keeps them.
 */
function readPeerings(list: readonly unknown[], found: Map<string, Found>, now: number): PeeringConnection[] {
  return list.map((entry, i) => {
    let where = `peerings[${i}]`;
    if (!isObject(entry)) refuse(where, 'must be an object (a connection as the store keeps it)');
    if (typeof entry.id !== 'string' || !isWellFormedId('pcx', entry.id)) refuse(where, `id ${shown(entry.id)} is not a pcx id (pcx- and 8 or 17 hex digits)`);
    where = `${where} (${entry.id})`;
    const first = found.get(entry.id);
    if (first) refuse(where, `id ${entry.id} appears twice (first at ${first.where})`);
    found.set(entry.id, { where, kind: 'pcx', doc: entry });
    const status = entry.status;
    if (typeof status !== 'string' || !STORED_STATUSES.has(status)) refuse(where, `status ${shown(status)} is not one of ${[...STORED_STATUSES].join(', ')}`);
    for (const name of ['createdAt', 'statusChangedAt', 'expiresAt']) numberMember(where, entry, name);
    const live = status === 'active' || (status === 'pending-acceptance' && (entry.expiresAt as number) > now);
    for (const side of ['requester', 'accepter'] as const) {
      const s = entry[side];
      if (!isObject(s)) refuse(where, `${side} must be an object`);
      const scope = checkScope(where, s, `${side} `);
      if (typeof s.vpcId !== 'string' || !isWellFormedId('vpc', s.vpcId)) refuse(where, `${side} vpcId ${shown(s.vpcId)} is not a vpc id`);
      if (!live) continue;
      const vpc = found.get(s.vpcId);
      if (!vpc || vpc.kind !== 'vpc') refuse(where, `${side} VPC ${s.vpcId} is not in the file (the connection is ${status})`);
      if (!sameScope(vpc.doc as unknown as Scope, scope)) refuse(where, `${side} VPC ${s.vpcId} is in ${scopeText(vpc.doc as unknown as Scope)}, not ${scopeText(scope)}`);
    }
    return entry as unknown as PeeringConnection;
  });
}

/**
 * Where each security group rule id lives (rules are tagged like resources, `sgr-`): every rule
 * has one, of its kind, and no two rules of the file share one.
 */
function ruleOwners(found: ReadonlyMap<string, Found>): Map<string, Found> {
  const owners = new Map<string, { readonly owner: Found; readonly where: string }>();
  for (const f of found.values()) {
    if (f.kind !== 'sg') continue;
    listOf(f.where, f.doc, 'rules').forEach((rule, i) => {
      const id = rule.id;
      if (typeof id !== 'string' || !isWellFormedId('sgr', id)) refuse(f.where, `rules[${i}].id ${shown(id)} is not the id of a security group rule`);
      const first = owners.get(id);
      if (first) refuse(f.where, `rules[${i}].id ${id} appears twice (first at ${first.where})`);
      owners.set(id, { owner: f, where: `${f.where} rules[${i}]` });
    });
  }
  return new Map([...owners].map(([id, { owner }]) => [id, owner]));
}

/** A member that must be an IPv4 or IPv6 CIDR block. */
function cidrMember(where: string, member: string, value: unknown, version: IpVersion): Cidr {
  const cidr = typeof value === 'string' ? Cidr.parse(value) : undefined;
  if (!cidr || cidr.version !== version) refuse(where, `${member} ${shown(value)} is not an IPv${version} CIDR block`);
  return cidr;
}

/** Associations that take part in routing (vpc.ts's liveIpv4Cidrs): their blocks cannot be let go while a subnet uses them. */
const isLive = (a: Json): boolean => a.state === 'associated' || a.state === 'associating';

/**
 * Every block a VPC or subnet keeps is a CIDR of its family, and a subnet's lie inside one of its
 * VPC's live blocks (CreateSubnet and AssociateSubnetCidrBlock check it, DisassociateVpcCidrBlock
 * refuses while a subnet uses the block). A VPC's primary block can never be let go.
 */
function checkBlocks(found: ReadonlyMap<string, Found>): void {
  const live = new Map<string, { readonly v4: Cidr[]; readonly v6: Cidr[] }>();
  for (const { where, kind, doc } of found.values()) {
    if (kind !== 'vpc') continue;
    const blocks = (name: string, version: IpVersion): Cidr[] =>
      listOf(where, doc, name).flatMap((a, i) => {
        const cidr = cidrMember(where, `${name}[${i}].cidr`, a.cidr, version);
        return isLive(a) ? [cidr] : [];
      });
    live.set(doc.id as string, { v4: [cidrMember(where, 'cidrBlock', doc.cidrBlock, 4), ...blocks('cidrAssociations', 4)], v6: blocks('ipv6Associations', 6) });
  }
  for (const { where, kind, doc } of found.values()) {
    if (kind !== 'subnet') continue;
    const vpc = live.get(doc.vpcId as string) as { readonly v4: Cidr[]; readonly v6: Cidr[] };
    const inside = (member: string, value: unknown, version: IpVersion): void => {
      const cidr = cidrMember(where, member, value, version);
      const blocks = version === 4 ? vpc.v4 : vpc.v6;
      if (blocks.some((b) => b.contains(cidr))) return;
      const held = blocks.length > 0 ? ` (${[...new Set(blocks.map(String))].join(', ')})` : `, which has no IPv${version} block`;
      refuse(where, `${member} ${cidr} is not inside a block of ${String(doc.vpcId)}${held}`);
    };
    inside('cidrBlock', doc.cidrBlock, 4);
    listOf(where, doc, 'ipv6Associations').forEach((a, i) => inside(`ipv6Associations[${i}].cidr`, a.cidr, 6));
  }
}

/** The scopes that may keep tags on a resource: its owner's, or each side's of a connection. */
function tagScopes(owner: Found): Scope[] {
  if (owner.kind !== 'pcx') return [owner.doc as unknown as Scope];
  return [owner.doc.requester as Scope, owner.doc.accepter as Scope];
}

const TAG_MEMBERS = ['resourceId', 'accountId', 'region', 'key', 'value', 'resourceType'];

function readTags(list: readonly unknown[], found: ReadonlyMap<string, Found>, rules: ReadonlyMap<string, Found>): StateTag[] {
  const seen = new Map<string, string>();
  return list.map((entry, i) => {
    let where = `tags[${i}]`;
    if (!isObject(entry)) refuse(where, `must be an object {${TAG_MEMBERS.join(', ')}}`);
    onlyMembers(where, entry, TAG_MEMBERS);
    for (const name of TAG_MEMBERS) stringMember(where, entry, name);
    const t = entry as unknown as StateTag;
    where = `${where} (${shown(t.resourceId)} ${shown(t.key)})`;
    const scope = checkScope(where, entry);
    const prefix = prefixOf(t.resourceId) as IdPrefix | undefined;
    const type = prefix ? TYPE_OF_PREFIX[prefix] : undefined;
    if (!prefix || !type || !isWellFormedId(prefix, t.resourceId)) refuse(where, `resourceId ${shown(t.resourceId)} is not the id of anything taggable`);
    if (t.resourceType !== type) refuse(where, `resourceType ${shown(t.resourceType)} should be ${shown(type)} for a ${prefix}- id`);
    const owner = prefix === 'sgr' ? rules.get(t.resourceId) : found.get(t.resourceId);
    if (!owner) refuse(where, `resource ${t.resourceId} is not in the file`);
    const scopes = tagScopes(owner);
    if (!scopes.some((s) => sameScope(s, scope))) refuse(where, `kept for ${scopeText(scope)}, but ${t.resourceId} is seen only from ${scopes.map(scopeText).join(' and ')}`);
    const key = [t.resourceId, t.accountId, t.region, t.key].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) refuse(where, `the same resource, account, Region and key as ${first}`);
    seen.set(key, where);
    return { resourceId: t.resourceId, accountId: t.accountId, region: t.region, key: t.key, value: t.value, resourceType: t.resourceType };
  });
}

function readMeta(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value)) refuse('meta', `must be an object of strings, not ${shown(value)}`);
  for (const [key, v] of Object.entries(value)) {
    const where = `meta[${shown(key)}]`;
    if (key === CLOCK_META_KEY) refuse(where, 'the clock goes in clockOffsetMs');
    if (!isStateMetaKey(key)) refuse(where, "is the store's own bookkeeping, not state");
    if (typeof v !== 'string') refuse(where, `must be a string, not ${shown(v)}`);
  }
  return value as Record<string, string>;
}

const AUDIT_MEMBERS = ['time', 'accountId', 'region', 'accessKeyId', 'action', 'resourceIds', 'code', 'status', 'requestId'];

function readAudit(list: readonly unknown[]): AuditEvent[] {
  return list.map((entry, i) => {
    const where = `audit[${i}]`;
    if (!isObject(entry)) refuse(where, 'must be an object (an audit event)');
    onlyMembers(where, entry, AUDIT_MEMBERS);
    const ids = entry.resourceIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) refuse(where, `resourceIds must be an array of strings, not ${shown(ids)}`);
    if (entry.accessKeyId !== undefined) stringMember(where, entry, 'accessKeyId');
    return {
      time: numberMember(where, entry, 'time', true),
      accountId: stringMember(where, entry, 'accountId'),
      region: stringMember(where, entry, 'region'),
      ...(entry.accessKeyId !== undefined ? { accessKeyId: entry.accessKeyId as string } : {}),
      action: stringMember(where, entry, 'action'),
      resourceIds: ids as string[],
      code: stringMember(where, entry, 'code'),
      status: numberMember(where, entry, 'status', true),
      requestId: stringMember(where, entry, 'requestId'),
    };
  });
}

const TOP_MEMBERS = ['format', 'version', 'exportedAt', 'clockOffsetMs', 'meta', 'resources', 'peerings', 'tags', 'audit'];

/**
 * Reads a state file and checks all of it before anything is written: the format and version,
 * every entry's shape (ids of the right kind, 12-digit accounts, served Regions), duplicate ids
 * (security group rules' too), what entries name being in the file wherever the store keeps it
 * so (REFERENCES; connections' VPCs, tagged resources), and a VPC's and subnet's blocks being
 * CIDRs, a subnet's inside its VPC's. `now` is the system time in ms; with the file's clock offset it says which pending
 * connections are still live. Throws StateFileError naming the first offending entry.
 */
export function checkStateFile(text: string, now: number): StateFile {
  let root: unknown;
  try {
    // A byte-order mark (some editors write one) is not JSON.
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new StateFileError(`not valid JSON: ${syntaxProblem(text, err)}`);
  }
  if (!isObject(root)) throw new StateFileError('not a vpcpeer state file: the top level must be a JSON object');
  if (root.format !== STATE_FORMAT) refuse('format', `must be ${shown(STATE_FORMAT)}, not ${shown(root.format)} (is this a vpcpeer state file?)`);
  const version = root.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > STATE_VERSION) {
    refuse('version', `${version} is newer than this vpcpeer reads (${STATE_VERSION}): import it with a newer vpcpeer`);
  }
  if (version !== STATE_VERSION) refuse('version', `must be ${STATE_VERSION}, not ${shown(version)}`);
  onlyMembers('the top level', root, TOP_MEMBERS);
  if (root.exportedAt !== undefined && (typeof root.exportedAt !== 'string' || Number.isNaN(Date.parse(root.exportedAt)))) refuse('exportedAt', `must be an ISO 8601 time, not ${shown(root.exportedAt)}`);
  const clockOffsetMs = root.clockOffsetMs === undefined ? 0 : numberMember('the top level', root, 'clockOffsetMs', true);
  // The clock only ever moves forward from the system time (/_vpcpeer/clock).
  if (clockOffsetMs < 0) refuse('clockOffsetMs', `must not be negative, not ${clockOffsetMs}`);

  const meta = readMeta(root.meta);
  const found = new Map<string, Found>();
  const resources = readResources(arrayMember('the top level', root, 'resources'), found);
  const rules = ruleOwners(found);
  const peerings = readPeerings(arrayMember('the top level', root, 'peerings'), found, now + clockOffsetMs);
  checkReferences(found, meta);
  checkBlocks(found);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    ...(typeof root.exportedAt === 'string' ? { exportedAt: root.exportedAt } : {}),
    clockOffsetMs,
    meta,
    resources,
    peerings,
    tags: readTags(arrayMember('the top level', root, 'tags'), found, rules),
    audit: readAudit(arrayMember('the top level', root, 'audit')),
  };
}
