import type { PeeringConnection } from '../core/peering/peering-connection.js';
import type { AuditEvent, ScopedResource, TagRecord } from '../core/repository.js';
import type { Scope } from '../core/scope.js';

/**
 * A store's whole state as one JSON document: what `vpcpeer state export` writes and
 * `state import` and `serve --seed` read. docs/state-format.md describes every member, the
 * version and the compatibility rule.
 */
export interface StateFile {
  readonly format: typeof STATE_FORMAT;
  readonly version: typeof STATE_VERSION;
  /** When the export was taken (ISO 8601); informative only, import ignores it. */
  readonly exportedAt?: string;
  /** How far the server's clock is moved ahead of the system time (`/_vpcpeer/clock`), in ms. */
  readonly clockOffsetMs: number;
  /** Ordered by kind, then id. */
  readonly resources: readonly StateResource[];
  /** Ordered by id. */
  readonly peerings: readonly PeeringConnection[];
  /** Ordered by resource, account, region, key. */
  readonly tags: readonly StateTag[];
  /** The meta table's state keys (stateMetaKey), keys in order. */
  readonly meta: Readonly<Record<string, string>>;
  /** The audit trail, oldest first (sequence numbers are the store's own and are not kept). */
  readonly audit: readonly AuditEvent[];
}

export const STATE_FORMAT = 'vpcpeer-state';
export const STATE_VERSION = 1;

/**
 * The kinds of the `resources` table, each also the prefix of its ids (scoped-collection-of.ts
 * maps them to the repository's collections). Security group rules (`sgr-`) live inside their
 * group's document and connections (`pcx-`) in their own table.
 */
export const RESOURCE_KINDS = ['vpc', 'subnet', 'rtb', 'igw', 'sg', 'acl', 'eigw', 'eipalloc', 'nat', 'dopt', 'eni', 'i', 'nip', 'nia'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface StateResource {
  readonly kind: ResourceKind;
  /** The domain object exactly as the store keeps it. */
  readonly doc: ScopedResource & Record<string, unknown>;
}

/** One tag in one reading scope: a peering connection has a set per side, everything else its owner's. */
export type StateTag = TagRecord & Scope;

/** The meta key of the clock's offset (build-app.ts keeps the same name); in the file it is `clockOffsetMs`. */
export const CLOCK_META_KEY = 'clock-offset-ms';
/** Changed on every reset so processes sharing a store forget the scopes they set up (build-app.ts). */
export const RESET_META_KEY = 'reset-generation';
/**
 * The digest of the state file a store was seeded from (`serve --seed`), `sha256:<hex>`: a restart
 * with the same file finds it and starts from what the store holds rather than refuse.
 */
export const SEED_META_KEY = 'seeded-from';
/** STS sessions (sts-handler.ts): short-lived secrets, not part of a world. */
const SESSION_META_PREFIX = 'sts-session:';

/**
 * Whether a meta key is part of the state a file carries: every key but the clock (carried as
 * `clockOffsetMs`) and the store's own bookkeeping. The rest (default VPC markers, default DHCP
 * options, the Elastic IP pool, ClientToken indexes) change what the API answers next.
 */
export function isStateMetaKey(key: string): boolean {
  return key !== CLOCK_META_KEY && key !== RESET_META_KEY && key !== SEED_META_KEY && !key.startsWith(SESSION_META_PREFIX);
}

/** A file the import cannot take: the message names the entry and what is wrong with it. */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

/** The file's text: two-space JSON and a final newline, so equal states export byte for byte alike. */
export function stateFileText(file: StateFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/** Byte order (as the stores sort ids), never the locale's. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
