import { checkId, requireAll, requireVpc } from '../checks.js';
import { errors } from '../errors.js';
import type { FilterInput } from '../filters/compile-filters.js';
import { compileFilters } from '../filters/compile-filters.js';
import { Cidr } from '../net/index.js';
import type { PageRequest } from '../paginate.js';
import { checkPageRequest, paginate } from '../paginate.js';
import { findRegion } from '../regions.js';
import type { RequestContext } from '../request-context.js';
import { sameScope } from '../scope.js';
import type { ScopedPeering } from '../repository.js';
import type { TagSpecificationInput } from '../tags.js';
import { addTags, tagsFromSpecifications } from '../tags.js';
import type { Vpc } from '../vpc.js';
import { EXPIRY_MS, effectiveStatus, isLive, settle } from './effective-status.js';
import type { PeeringConnection, PeeringOptions, PeeringSide, SideName } from './peering-connection.js';
import { DEFAULT_PEERING_OPTIONS } from './peering-connection.js';
import { PEERING_FILTERS } from './peering-filters.js';
import { peeringPrefilter } from './peering-prefilter.js';
import type { PeeringView } from './peering-view.js';
import { presentPeering } from './present-peering.js';
import { blocksOf } from './side-snapshot.js';
import type { PeeringEvent } from './transitions.js';
import { ATTEMPTED_TARGET, transitionFor } from './transitions.js';
import { isVisibleTo } from './visibility.js';

/** Quotas (VPC peering quotas page): both adjustable in AWS, fixed here. */
export const PEERING_QUOTAS = { activePerVpc: 50, outstandingPerAccount: 25 } as const;

const ACCOUNT_ID = /^\d{12}$/;

export interface CreatePeeringInput {
  readonly vpcId?: string;
  readonly peerVpcId?: string;
  readonly peerOwnerId?: string;
  readonly peerRegion?: string;
  readonly tagSpecifications?: readonly TagSpecificationInput[];
}

async function view(ctx: RequestContext, c: PeeringConnection, shown?: PeeringView['status']): Promise<PeeringView> {
  const tags = (await ctx.repo.tags.forResources(ctx.caller, [c.id])).get(c.id) ?? [];
  return presentPeering(c, ctx.now, tags, shown);
}

function overlapping(a: readonly string[], b: readonly string[]): boolean {
  const bs = b.map((t) => Cidr.parse(t) as Cidr);
  return a.some((t) => {
    const x = Cidr.parse(t) as Cidr;
    return bs.some((y) => y.overlaps(x));
  });
}

/**
 * Validation AWS does asynchronously, run here inside Create (AWS-BEHAVIOUR.md §2.2): the request
 * fails when the peer VPC does not exist under that owner and region, when any IPv4 (or IPv6)
 * blocks overlap — a VPC always overlaps itself — or for a duplicate inter-region request.
 */
async function validationFails(ctx: RequestContext, requester: Vpc, peer: Vpc | undefined): Promise<boolean> {
  if (!peer) return true;
  const a = blocksOf(requester);
  const b = blocksOf(peer);
  if (overlapping(a.cidrBlocks, b.cidrBlocks) || overlapping(a.ipv6CidrBlocks, b.ipv6CidrBlocks)) return true;
  if (requester.region !== peer.region) {
    const others = await ctx.repo.peerings.listForVpc(requester.id);
    return others.some((c) => joins(c, requester, peer) && isLive(effectiveStatus(c, ctx.now).status));
  }
  return false;
}

function isSide(side: PeeringSide, vpc: Pick<Vpc, 'id' | 'accountId' | 'region'>): boolean {
  return side.vpcId === vpc.id && side.accountId === vpc.accountId && side.region === vpc.region;
}

function joins(c: PeeringConnection, a: Pick<Vpc, 'id' | 'accountId' | 'region'>, b: Pick<Vpc, 'id' | 'accountId' | 'region'>): boolean {
  return (isSide(c.requester, a) && isSide(c.accepter, b)) || (isSide(c.requester, b) && isSide(c.accepter, a));
}

export async function createPeering(ctx: RequestContext, input: CreatePeeringInput): Promise<PeeringView> {
  const requesterVpc = await requireVpc(ctx, input.vpcId);
  if (input.peerVpcId === undefined || input.peerVpcId === '') throw errors.missingParameter('peerVpcId');
  const peerVpcId = checkId('vpc', input.peerVpcId, 'peerVpcId');
  const peerOwnerId = input.peerOwnerId ?? ctx.caller.accountId;
  if (!ACCOUNT_ID.test(peerOwnerId)) throw errors.invalidValueFor('peerOwnerId', peerOwnerId, 'An AWS account ID is 12 digits.');
  const peerRegion = input.peerRegion ?? ctx.caller.region;
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(peerRegion)) throw errors.invalidValueFor('peerRegion', peerRegion);
  const tags = tagsFromSpecifications('vpc-peering-connection', input.tagSpecifications);
  const peerScope = { accountId: peerOwnerId, region: peerRegion };
  const local = sameScope(peerScope, ctx.caller);
  // Only within one account and region does AWS look the peer up synchronously; elsewhere a wrong
  // peer shows as `failed`, which also keeps other accounts' VPCs from being probed (§3.2).
  const peerVpc = findRegion(peerRegion) ? await ctx.repo.vpcs.get(peerScope, peerVpcId) : undefined;
  if (local && !peerVpc) throw errors.notFound('vpc', peerVpcId);

  const mine = await ctx.repo.peerings.listForVpc(requesterVpc.id);
  const existing = mine
    .map((c) => settle(c, ctx.now))
    .find((c) => isSide(c.requester, requesterVpc) && c.accepter.vpcId === peerVpcId && c.accepter.accountId === peerOwnerId && c.accepter.region === peerRegion && isLive(c.status));
  // A same-direction request for a pair that already has a live connection returns that
  // connection's id instead of a second one (terraform-provider-aws #27750).
  if (existing && existing.requester.region === existing.accepter.region) return view(ctx, existing);

  const outstanding = (await ctx.repo.peerings.listPendingRequestedBy(ctx.caller.accountId)).filter(
    (c) => effectiveStatus(c, ctx.now).status === 'pending-acceptance',
  );
  if (outstanding.length >= PEERING_QUOTAS.outstandingPerAccount) throw errors.outstandingPeeringLimit(ctx.caller.accountId, PEERING_QUOTAS.outstandingPerAccount);

  const failed = await validationFails(ctx, requesterVpc, peerVpc);
  const c: PeeringConnection = {
    id: ctx.ids.next('pcx'),
    requester: { accountId: requesterVpc.accountId, region: requesterVpc.region, vpcId: requesterVpc.id, ...blocksOf(requesterVpc), options: DEFAULT_PEERING_OPTIONS },
    accepter: {
      accountId: peerOwnerId,
      region: peerRegion,
      vpcId: peerVpcId,
      ...(peerVpc ? blocksOf(peerVpc) : { cidrBlocks: [], ipv6CidrBlocks: [] }),
      options: DEFAULT_PEERING_OPTIONS,
    },
    status: failed ? 'failed' : 'pending-acceptance',
    createdAt: ctx.now,
    statusChangedAt: ctx.now,
    expiresAt: ctx.now + EXPIRY_MS,
  };
  await ctx.repo.peerings.put(c);
  await addTags(ctx, ctx.caller, c.id, 'vpc-peering-connection', tags);
  // AWS answers Create with `initiating-request`; the outcome shows from the next read on.
  return presentPeering(c, ctx.now, tags, 'initiating-request');
}

/** The connection by id if the caller can see it, else AWS's NotFound. */
async function requireVisible(ctx: RequestContext, id: string | undefined): Promise<PeeringConnection> {
  const pcxId = checkId('pcx', id, 'vpcPeeringConnectionId');
  const c = await ctx.repo.peerings.get(pcxId);
  if (!c || !isVisibleTo(c, ctx.caller, ctx.now)) throw errors.notFound('pcx', pcxId);
  return settle(c, ctx.now);
}

/** Applies the transition table's guards: state, then who, then where. */
function guard(ctx: RequestContext, c: PeeringConnection, event: PeeringEvent): PeeringConnection['status'] {
  const t = transitionFor(c.status, event);
  const caller = ctx.caller;
  const isRequesterOwner = caller.accountId === c.requester.accountId;
  const isAccepterOwner = caller.accountId === c.accepter.accountId;
  if (event !== 'delete' && !isAccepterOwner) {
    // A requester cannot accept or reject a request it sent to another account (moto's wording,
    // said to mirror AWS).
    throw errors.operationNotPermitted(`User (${caller.accountId}) cannot ${event} peering ${c.id}`);
  }
  if (!t) throw errors.invalidStateTransition(c.id, c.status, ATTEMPTED_TARGET[event]);
  const allowed = t.actor === 'either-owner' || (t.actor === 'requester-owner' ? isRequesterOwner : isAccepterOwner);
  if (!allowed) {
    throw errors.operationNotPermitted(
      event === 'delete'
        ? `User (${caller.accountId}) cannot delete peering ${c.id} while it is ${c.status}: the accepter of a pending request rejects it instead.`
        : `User (${caller.accountId}) cannot ${event} peering ${c.id}`,
    );
  }
  if (t.inAccepterRegion && caller.region !== c.accepter.region) {
    const verb = event === 'accept' ? 'accepted' : 'accepted or rejected';
    throw errors.operationNotPermitted(
      `Incorrect region (${caller.region}) specified for this request. VPC peering connection ${c.id} must be ${verb} in region ${c.accepter.region}`,
    );
  }
  return t.to;
}

export async function acceptPeering(ctx: RequestContext, id: string | undefined): Promise<PeeringView> {
  const c = await requireVisible(ctx, id);
  const to = guard(ctx, c, 'accept');
  const others = (await ctx.repo.peerings.listForVpc(c.requester.vpcId)).map((o) => settle(o, ctx.now));
  const duplicate = others.find(
    (o) => o.id !== c.id && (o.status === 'active' || o.status === 'provisioning') &&
      joins(o, { id: c.requester.vpcId, accountId: c.requester.accountId, region: c.requester.region }, { id: c.accepter.vpcId, accountId: c.accepter.accountId, region: c.accepter.region }),
  );
  if (duplicate) throw errors.peeringAlreadyExists(c.id);
  for (const side of [c.requester, c.accepter]) {
    const active = (await ctx.repo.peerings.listForVpc(side.vpcId)).filter((o) => isSide(o.requester, { id: side.vpcId, ...side }) || isSide(o.accepter, { id: side.vpcId, ...side }));
    if (active.filter((o) => effectiveStatus(o, ctx.now).status === 'active').length >= PEERING_QUOTAS.activePerVpc) {
      throw errors.activePeeringLimit(side.vpcId, PEERING_QUOTAS.activePerVpc);
    }
  }
  const accepterVpc = await ctx.repo.vpcs.get(c.accepter, c.accepter.vpcId);
  const accepted: PeeringConnection = {
    ...c,
    status: to,
    statusChangedAt: ctx.now,
    acceptedAt: ctx.now,
    accepter: { ...c.accepter, ...(accepterVpc ? blocksOf(accepterVpc) : {}) },
  };
  await ctx.repo.peerings.put(accepted);
  // AWS answers Accept with `provisioning`; it is `active` by the next read.
  return view(ctx, accepted, 'provisioning');
}

export async function rejectPeering(ctx: RequestContext, id: string | undefined): Promise<void> {
  const c = await requireVisible(ctx, id);
  const to = guard(ctx, c, 'reject');
  await ctx.repo.peerings.put({ ...c, status: to, statusChangedAt: ctx.now, changedBy: ctx.caller.accountId });
}

export async function deletePeering(ctx: RequestContext, id: string | undefined): Promise<void> {
  const c = await requireVisible(ctx, id);
  const to = guard(ctx, c, 'delete');
  // An inter-region delete passes through `deleting` in AWS; it resolves within this request.
  await ctx.repo.peerings.put({ ...c, status: to, statusChangedAt: ctx.now, changedBy: ctx.caller.accountId });
}

export interface DescribePeeringsInput extends PageRequest {
  readonly ids?: readonly string[];
  readonly filters?: readonly FilterInput[];
}

export async function describePeerings(ctx: RequestContext, input: DescribePeeringsInput): Promise<{ items: PeeringView[]; nextToken?: string }> {
  const predicate = compileFilters(PEERING_FILTERS, input.filters);
  const bounds = { min: 5, max: 1000 };
  const after = checkPageRequest(input, bounds);
  const ids = input.ids && input.ids.length > 0 ? input.ids : undefined;
  if (ids) {
    const visible = (await ctx.repo.peerings.listForScope(ctx.caller, ids)).filter((p) => isVisibleTo(p.connection, ctx.caller, ctx.now));
    requireAll('pcx', ids, visible.map((p) => p.connection));
    return paginate(visible.map((p) => presentPeering(p.connection, ctx.now, p.tags)).filter(predicate), input, bounds);
  }
  // Without ids, read page by page until the page is full: work follows the size of the answer,
  // not of the store. One match beyond MaxResults tells whether a NextToken is due.
  const want = input.maxResults === undefined ? Infinity : input.maxResults + 1;
  const found: PeeringView[] = [];
  for await (const chunk of matchingPeerings(ctx, input.filters, predicate, after ?? '', Math.min(want, STREAM_CHUNK))) {
    found.push(...chunk);
    if (found.length >= want) break;
  }
  return paginate(found, { maxResults: input.maxResults }, bounds);
}

const STREAM_CHUNK = 500;

/** The caller's visible connections after `afterId` that pass the filters, a store page at a time. */
async function* matchingPeerings(
  ctx: RequestContext,
  filters: readonly FilterInput[] | undefined,
  predicate: (v: PeeringView) => boolean,
  afterId: string,
  chunk: number,
): AsyncGenerator<PeeringView[]> {
  const prefilter = peeringPrefilter(filters);
  let after = afterId;
  for (;;) {
    const page = await ctx.repo.peerings.pageForScope(ctx.caller, after, chunk, prefilter);
    if (page.length === 0) return;
    after = (page[page.length - 1] as ScopedPeering).connection.id;
    yield page.filter((p) => isVisibleTo(p.connection, ctx.caller, ctx.now)).map((p) => presentPeering(p.connection, ctx.now, p.tags)).filter(predicate);
    if (page.length < chunk) return;
  }
}

/**
 * Every connection the caller sees that passes the filters, as views in chunks: for a Describe
 * with no MaxResults over a large store, so the answer streams with memory bounded by one chunk.
 * Filters are checked before anything is read, so a bad request still fails as a whole.
 */
export function streamPeerings(ctx: RequestContext, filters: readonly FilterInput[] | undefined, chunk = STREAM_CHUNK): AsyncIterable<PeeringView[]> {
  const predicate = compileFilters(PEERING_FILTERS, filters);
  return matchingPeerings(ctx, filters, predicate, '', chunk);
}

export interface ModifyOptionsInput {
  readonly vpcPeeringConnectionId?: string;
  readonly requester?: Partial<PeeringOptions>;
  readonly accepter?: Partial<PeeringOptions>;
}

export interface ModifyOptionsResult {
  readonly requester?: PeeringOptions;
  readonly accepter?: PeeringOptions;
}

/**
 * Options exist only on active connections; each owner changes only its own side, in its own
 * region; with both VPCs in one account and region one call may set both (AWS-BEHAVIOUR.md §4.7).
 */
export async function modifyPeeringOptions(ctx: RequestContext, input: ModifyOptionsInput): Promise<ModifyOptionsResult> {
  const c = await requireVisible(ctx, input.vpcPeeringConnectionId);
  if (!input.requester && !input.accepter) {
    throw errors.missingParameter('requesterPeeringConnectionOptions or accepterPeeringConnectionOptions');
  }
  if (c.status !== 'active') throw errors.operationNotPermitted(`Peering ${c.id} is not active. Peering options can be added only to active peerings.`);
  let next = c;
  const result: { requester?: PeeringOptions; accepter?: PeeringOptions } = {};
  for (const sideName of ['requester', 'accepter'] as const satisfies readonly SideName[]) {
    const change = input[sideName];
    if (!change) continue;
    const side = next[sideName];
    if (ctx.caller.accountId !== side.accountId) {
      throw errors.operationNotPermitted(`User ${ctx.caller.accountId} does not have permission to modify the ${sideName} side peering options`);
    }
    if (ctx.caller.region !== side.region) {
      const label = sideName === 'requester' ? "Requester's" : "Accepter's";
      throw errors.operationNotPermitted(`${label} VPC Peering connection options cannot be modified for a different region`);
    }
    if (change.allowDnsResolutionFromRemoteVpc) {
      const vpc = await ctx.repo.vpcs.get(side, side.vpcId);
      if (!vpc || !vpc.enableDnsHostnames) throw errors.dnsHostnamesDisabled(side.vpcId);
    }
    const options: PeeringOptions = {
      allowDnsResolutionFromRemoteVpc: change.allowDnsResolutionFromRemoteVpc ?? side.options.allowDnsResolutionFromRemoteVpc,
      allowEgressFromLocalClassicLinkToRemoteVpc: change.allowEgressFromLocalClassicLinkToRemoteVpc ?? side.options.allowEgressFromLocalClassicLinkToRemoteVpc,
      allowEgressFromLocalVpcToRemoteClassicLink: change.allowEgressFromLocalVpcToRemoteClassicLink ?? side.options.allowEgressFromLocalVpcToRemoteClassicLink,
    };
    next = { ...next, [sideName]: { ...side, options } };
    result[sideName] = options;
  }
  await ctx.repo.peerings.put(next);
  return result;
}
