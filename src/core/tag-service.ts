import { errors } from './errors.js';
import type { FilterInput } from './filters/compile-filters.js';
import { compileFilters } from './filters/compile-filters.js';
import type { FilterSpec } from './filters/filter-spec.js';
import { isWellFormedId, prefixOf } from './ids.js';
import type { IdPrefix } from './ids.js';
import type { PageRequest } from './paginate.js';
import { checkPageRequest, paginate } from './paginate.js';
import { isVisibleTo } from './peering/visibility.js';
import type { TagRecord } from './repository.js';
import type { RequestContext } from './request-context.js';
import { scopedCollectionOf } from './scoped-collection-of.js';
import type { TaggableType } from './tag.js';
import { addTags, checkTags, TYPE_OF_PREFIX } from './tags.js';

const MAX_RESOURCES = 1000;

/** The caller may tag a resource it owns, or a peering connection it is a party to (its own tag set). */
async function requireTaggable(ctx: RequestContext, id: string): Promise<TaggableType> {
  const prefix = prefixOf(id);
  const type = prefix ? TYPE_OF_PREFIX[prefix] : undefined;
  if (!prefix || !type || !isWellFormedId(prefix, id)) throw errors.invalidId(id);
  const exists = await existsFor(ctx, prefix, id);
  if (!exists) throw errors.notFound(prefix, id);
  return type;
}

async function existsFor(ctx: RequestContext, prefix: IdPrefix, id: string): Promise<boolean> {
  if (prefix === 'pcx') {
    const c = await ctx.repo.peerings.get(id);
    return c !== undefined && isVisibleTo(c, ctx.caller, ctx.now);
  }
  const collection = scopedCollectionOf(ctx.repo, prefix);
  return collection !== undefined && (await collection.get(ctx.caller, id)) !== undefined;
}

function resourceIds(ids: readonly string[] | undefined): readonly string[] {
  if (!ids || ids.length === 0) throw errors.missingParameter('resourceIdSet');
  if (ids.length > MAX_RESOURCES) throw errors.invalidParameterValue(`The maximum number of resources per request is ${MAX_RESOURCES}`);
  return ids;
}

export async function createTags(ctx: RequestContext, ids: readonly string[] | undefined, tags: readonly { key?: string; value?: string }[] | undefined): Promise<void> {
  const resources = resourceIds(ids);
  if (!tags || tags.length === 0) throw errors.missingParameter('tagSet');
  const checked = checkTags(tags);
  const types = [];
  for (const id of resources) types.push(await requireTaggable(ctx, id));
  for (const [i, id] of resources.entries()) await addTags(ctx, ctx.caller, id, types[i] as TaggableType, checked);
}

export async function deleteTags(ctx: RequestContext, ids: readonly string[] | undefined, tags: readonly { key?: string; value?: string }[] | undefined): Promise<void> {
  const resources = resourceIds(ids);
  for (const id of resources) await requireTaggable(ctx, id);
  const all = tags === undefined || tags.length === 0;
  for (const id of resources) {
    if (all) {
      // Without Tag.N, DeleteTags removes every tag of the resource (EC2 API reference).
      const current = (await ctx.repo.tags.forResources(ctx.caller, [id])).get(id) ?? [];
      await ctx.repo.tags.remove(ctx.caller, id, current.map((t) => ({ key: t.key })));
    } else {
      const selectors = tags.map((t) => {
        if (t.key === undefined) throw errors.missingParameter('Tag.N.Key');
        return t.value === undefined ? { key: t.key } : { key: t.key, value: t.value };
      });
      await ctx.repo.tags.remove(ctx.caller, id, selectors);
    }
  }
}

type TagRow = TagRecord & { readonly id: string };

const TAG_FILTERS: FilterSpec<TagRow> = {
  fields: {
    key: (t) => t.key,
    value: (t) => t.value,
    'resource-id': (t) => t.resourceId,
    'resource-type': (t) => t.resourceType,
  },
  tags: (t) => [{ key: t.key, value: t.value }],
};

export async function describeTags(ctx: RequestContext, input: PageRequest & { filters?: readonly FilterInput[] }): Promise<{ items: TagRecord[]; nextToken?: string }> {
  const predicate = compileFilters(TAG_FILTERS, input.filters);
  const bounds = { min: 5, max: 1000 };
  checkPageRequest(input, bounds);
  const rows = await ctx.repo.tags.listAll(ctx.caller);
  // Tags of a purged peering connection are gone with it, whatever the sweeper has done so far.
  const live: TagRow[] = [];
  for (const r of rows) {
    if (r.resourceType === 'vpc-peering-connection') {
      const c = await ctx.repo.peerings.get(r.resourceId);
      if (!c || !isVisibleTo(c, ctx.caller, ctx.now)) continue;
    }
    // Keys are unique per resource, so (resource, key) orders and pages the list.
    live.push({ ...r, id: `${r.resourceId}\u0000${r.key}` });
  }
  live.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const page = paginate(live.filter(predicate), input, bounds);
  return { items: page.items.map(({ id: _id, ...rest }) => rest), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
}
