import type { Instance } from './instances/instance.js';
import type { NetworkSnapshot } from './network-snapshot.js';
import type { NetworkInsightsAnalysis } from './network-insights/network-insights-analysis.js';
import type { NetworkInsightsPath } from './network-insights/network-insights-path.js';
import type { NetworkInterface } from './network-interfaces/network-interface.js';
import type { ElasticIp } from './addresses/elastic-ip.js';
import type { DhcpOptions } from './dhcp-options/dhcp-options.js';
import type { EgressOnlyInternetGateway } from './egress-only-gateways/egress-only-internet-gateway.js';
import type { InternetGateway } from './internet-gateways/internet-gateway.js';
import type { NatGateway } from './nat-gateways/nat-gateway.js';
import type { NetworkAcl } from './network-acls/network-acl.js';
import type { SecurityGroup } from './security-groups/security-group.js';
import type { PeeringConnection } from './peering/peering-connection.js';
import type { RouteTable } from './route-table.js';
import type { Scope } from './scope.js';
import type { Subnet } from './subnet.js';
import type { Tag, TaggableType } from './tag.js';
import type { Vpc } from './vpc.js';

/** Resources that live in exactly one account and region. */
export interface ScopedResource extends Scope {
  readonly id: string;
}

export interface ListQuery {
  /** Only these ids (still limited to the scope). */
  readonly ids?: readonly string[];
  readonly vpcId?: string;
}

/**
 * Port: one kind of scoped resource. Lists come back ordered by id, which is what pagination
 * tokens are built on.
 */
export interface ScopedCollection<T extends ScopedResource> {
  get(scope: Scope, id: string): Promise<T | undefined>;
  list(scope: Scope, query?: ListQuery): Promise<T[]>;
  put(item: T): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Index-friendly narrowing of a scope's connections: every given condition must hold. */
export interface PeeringPrefilter {
  readonly ids?: readonly string[];
  readonly statuses?: readonly string[];
  readonly requesterVpcIds?: readonly string[];
  readonly accepterVpcIds?: readonly string[];
  /** Connections carrying this tag key in the scope's own tag set (with one of these values, if given). */
  readonly tag?: { readonly key: string; readonly values?: readonly string[] };
}

/**
 * A connection as one scope describes it: with the tags that scope keeps on it (each side has its
 * own tag set), read together so a describe costs one query.
 */
export interface ScopedPeering {
  readonly connection: PeeringConnection;
  /** Ordered by key. */
  readonly tags: readonly Tag[];
}

export interface PeeringRepository {
  /** By id, whoever owns it: callers decide visibility. */
  get(id: string): Promise<PeeringConnection | undefined>;
  /** The connections among `ids` with a side in the scope, ordered by id. */
  listForScope(scope: Scope, ids: readonly string[]): Promise<ScopedPeering[]>;
  /** Up to `limit` connections with a side in the scope, with ids after `afterId`, ordered by id. */
  pageForScope(scope: Scope, afterId: string, limit: number, prefilter?: PeeringPrefilter): Promise<ScopedPeering[]>;
  /** Connections with either side on this VPC. */
  listForVpc(vpcId: string): Promise<PeeringConnection[]>;
  /** Rows whose stored status is pending-acceptance and that were requested by this account. */
  listPendingRequestedBy(accountId: string): Promise<PeeringConnection[]>;
  /**
   * The next (at most 1000, by id after `afterId`) rows that may need the sweeper: pending ones
   * expired by `now`, and terminal ones whose status changed at or before `terminalBefore` (the
   * shortest visibility window ago).
   */
  listDueForSweep(now: number, terminalBefore: number, afterId: string): Promise<PeeringConnection[]>;
  put(c: PeeringConnection): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface TagRecord {
  readonly resourceId: string;
  readonly resourceType: TaggableType;
  readonly key: string;
  readonly value: string;
}

/**
 * Port: tags are kept per (resource, account, region). For most resources that is the owner's
 * scope; a peering connection has one tag set per side (AWS-BEHAVIOUR.md §3.9).
 */
export interface TagRepository {
  forResources(scope: Scope, resourceIds: readonly string[]): Promise<Map<string, Tag[]>>;
  listAll(scope: Scope): Promise<TagRecord[]>;
  set(scope: Scope, resourceId: string, resourceType: TaggableType, tags: readonly Tag[]): Promise<void>;
  /** Remove keys; a given value only removes the tag when it matches. */
  remove(scope: Scope, resourceId: string, tags: readonly { key: string; value?: string }[]): Promise<void>;
  /** Drop every tag of a resource, in every scope (the resource is gone). */
  removeResource(resourceId: string): Promise<void>;
}

export interface MetaRepository {
  get(key: string): Promise<string | undefined>;
  /** Several keys in one read (the values present; absent keys are left out). */
  getMany(keys: readonly string[]): Promise<Map<string, string>>;
  set(key: string, value: string): Promise<void>;
}

/**
 * One mutating call, as the audit trail keeps it: who (account, region, access key), what (action,
 * the resource ids it named or made), when (the server's clock, ms) and how it ended (AWS's result
 * code and the HTTP status; `OK` for success).
 */
export interface AuditEvent {
  readonly time: number;
  readonly accountId: string;
  readonly region: string;
  /** The access key the call was signed with (claimed in open mode, verified in strict mode). */
  readonly accessKeyId?: string;
  readonly action: string;
  readonly resourceIds: readonly string[];
  readonly code: string;
  readonly status: number;
  readonly requestId: string;
}

export interface AuditRecord extends AuditEvent {
  /** Position in the trail, increasing in the order events were recorded. */
  readonly seq: number;
}

/**
 * Port: the audit trail, append-only (there is no way to change or remove an event). A successful
 * call's event is appended in the transaction of its change, so one is never kept without the other.
 */
export interface AuditRepository {
  append(event: AuditEvent): Promise<void>;
  /** An account's events after `afterSeq`, oldest first, at most `limit`. */
  listForAccount(accountId: string, afterSeq: number, limit: number): Promise<AuditRecord[]>;
}

/** Port: everything the domain reads and writes. One instance lives for one transaction. */
/** Port: the whole store's network at once (the data plane mirrors every account and Region). */
export interface NetworkSnapshotReader {
  snapshot(): Promise<NetworkSnapshot>;
}

export interface Repository {
  readonly network: NetworkSnapshotReader;
  readonly vpcs: ScopedCollection<Vpc>;
  readonly subnets: ScopedCollection<Subnet>;
  readonly routeTables: ScopedCollection<RouteTable>;
  readonly internetGateways: ScopedCollection<InternetGateway>;
  readonly securityGroups: ScopedCollection<SecurityGroup>;
  readonly networkAcls: ScopedCollection<NetworkAcl>;
  readonly egressOnlyInternetGateways: ScopedCollection<EgressOnlyInternetGateway>;
  readonly addresses: ScopedCollection<ElasticIp>;
  readonly natGateways: ScopedCollection<NatGateway>;
  readonly dhcpOptions: ScopedCollection<DhcpOptions>;
  readonly networkInterfaces: ScopedCollection<NetworkInterface>;
  readonly instances: ScopedCollection<Instance>;
  readonly networkInsightsPaths: ScopedCollection<NetworkInsightsPath>;
  readonly networkInsightsAnalyses: ScopedCollection<NetworkInsightsAnalysis>;
  readonly peerings: PeeringRepository;
  readonly tags: TagRepository;
  readonly meta: MetaRepository;
  readonly audit: AuditRepository;
}

/** Port: runs work in a transaction. Writes are serialised; each call commits or rolls back whole. */
export interface UnitOfWork {
  read<T>(work: (repo: Repository) => Promise<T>): Promise<T>;
  write<T>(work: (repo: Repository) => Promise<T>): Promise<T>;
}
