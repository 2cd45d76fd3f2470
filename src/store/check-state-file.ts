import { isWellFormedId, prefixOf } from '../core/ids.js';
import type { IdPrefix } from '../core/ids.js';
import type { PeeringConnection } from '../core/peering/peering-connection.js';
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

interface Reference {
  readonly member: 'vpcId' | 'subnetId' | 'attachedVpcId';
  readonly target: 'vpc' | 'subnet';
  /** Whether the store leaves it unset (igw detached). */
  readonly optional?: boolean;
}

const VPC: Reference = { member: 'vpcId', target: 'vpc' };
const SUBNET: Reference = { member: 'subnetId', target: 'subnet' };
const ATTACHED: Reference = { member: 'attachedVpcId', target: 'vpc', optional: true };

/**
 * What a resource names that the store keeps alive while it exists: DeleteVpc and DeleteSubnet
 * refuse while these depend on them (vpc-service.ts, subnet-service.ts). A terminated instance and
 * a deleted NAT gateway stay readable for a while after their subnet and VPC may be gone, so
 * their references are not checked.
 */
const REFERENCES: Partial<Record<ResourceKind, readonly Reference[]>> = {
  subnet: [VPC],
  rtb: [VPC],
  sg: [VPC],
  acl: [VPC],
  eni: [VPC, SUBNET],
  i: [VPC, SUBNET],
  nat: [VPC, SUBNET],
  igw: [ATTACHED],
  eigw: [ATTACHED],
};

function gone(kind: ResourceKind, doc: Json): boolean {
  if (kind === 'i') return isObject(doc.lifecycle) && doc.lifecycle.target === 'terminated';
  return kind === 'nat' && doc.deletedAt !== undefined;
}

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

/** VPC references first: a subnet naming a missing VPC is the fault, not the interfaces in it. */
function checkReferences(found: ReadonlyMap<string, Found>): void {
  for (const pass of ['vpc', 'subnet'] as const) checkReferencesTo(pass, found);
}

function checkReferencesTo(targetKind: Reference['target'], found: ReadonlyMap<string, Found>): void {
  for (const { where, kind, doc } of found.values()) {
    if (kind === 'pcx' || gone(kind, doc)) continue;
    for (const ref of REFERENCES[kind] ?? []) {
      if (ref.target !== targetKind) continue;
      const id = doc[ref.member];
      if (id === undefined && ref.optional) continue;
      if (typeof id !== 'string') refuse(where, `${ref.member} must be a string, not ${shown(id)}`);
      const target = found.get(id);
      if (!target || target.kind !== ref.target) refuse(where, `${ref.member} ${shown(id)} is not in the file`);
      if (!sameScope(target.doc as unknown as Scope, doc as unknown as Scope)) {
        refuse(where, `${ref.member} ${id} is in ${scopeText(target.doc as unknown as Scope)}, not ${scopeText(doc as unknown as Scope)}`);
      }
      if (ref.target === 'subnet' && target.doc.vpcId !== doc.vpcId) refuse(where, `subnetId ${id} is in ${shown(target.doc.vpcId)}, not in vpcId ${shown(doc.vpcId)}`);
    }
  }
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

/** Where each security group rule id lives: rules are tagged like resources (`sgr-`). */
function ruleOwners(found: ReadonlyMap<string, Found>): Map<string, Found> {
  const owners = new Map<string, Found>();
  for (const f of found.values()) {
    if (f.kind !== 'sg' || !Array.isArray(f.doc.rules)) continue;
    for (const r of f.doc.rules) if (isObject(r) && typeof r.id === 'string') owners.set(r.id, f);
  }
  return owners;
}

/** The scopes that may keep tags on a resource: its owner's, or each side's of a connection. */
function tagScopes(owner: Found): Scope[] {
  if (owner.kind !== 'pcx') return [owner.doc as unknown as Scope];
  return [owner.doc.requester as Scope, owner.doc.accepter as Scope];
}

const TAG_MEMBERS = ['resourceId', 'accountId', 'region', 'key', 'value', 'resourceType'];

function readTags(list: readonly unknown[], found: ReadonlyMap<string, Found>): StateTag[] {
  const rules = ruleOwners(found);
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
 * every entry's shape (ids of the right kind, 12-digit accounts, served Regions), duplicate ids,
 * and what entries name (VPCs and subnets, connections' VPCs, tagged resources) being in the
 * file. `now` is the system time in ms; with the file's clock offset it says which pending
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

  const found = new Map<string, Found>();
  const resources = readResources(arrayMember('the top level', root, 'resources'), found);
  checkReferences(found);
  const peerings = readPeerings(arrayMember('the top level', root, 'peerings'), found, now + clockOffsetMs);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    ...(typeof root.exportedAt === 'string' ? { exportedAt: root.exportedAt } : {}),
    clockOffsetMs,
    meta: readMeta(root.meta),
    resources,
    peerings,
    tags: readTags(arrayMember('the top level', root, 'tags'), found),
    audit: readAudit(arrayMember('the top level', root, 'audit')),
  };
}
