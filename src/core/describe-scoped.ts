import { requireAll } from './checks.js';
import type { FilterInput } from './filters/compile-filters.js';
import { compileFilters } from './filters/compile-filters.js';
import type { FilterSpec } from './filters/filter-spec.js';
import type { IdPrefix } from './ids.js';
import type { PageBounds, PageRequest } from './paginate.js';
import { checkPageRequest, paginate } from './paginate.js';
import type { ScopedCollection, ScopedResource } from './repository.js';
import type { RequestContext } from './request-context.js';
import type { Tag } from './tag.js';

/** A resource as a Describe returns it: the resource and the caller's tags on it. */
export interface Tagged<T> {
  readonly id: string;
  readonly resource: T;
  readonly tags: readonly Tag[];
}

export interface DescribeRequest extends PageRequest {
  readonly ids?: readonly string[];
  readonly filters?: readonly FilterInput[];
}

export async function withTags<T extends { readonly id: string }>(ctx: RequestContext, items: readonly T[]): Promise<Tagged<T>[]> {
  const tags = items.length === 0 ? new Map<string, Tag[]>() : await ctx.repo.tags.forResources(ctx.caller, items.map((i) => i.id));
  return items.map((resource) => ({ id: resource.id, resource, tags: tags.get(resource.id) ?? [] }));
}

/**
 * The shape every Describe of a scoped resource shares: ids must all exist, then filters, then one
 * page. Validation runs before any lookup so a bad request costs nothing. `view` turns the stored
 * resources into what is shown and filtered (route tables with their route states, say).
 */
export async function describeScopedViews<T extends ScopedResource, V>(
  ctx: RequestContext,
  kind: IdPrefix,
  collection: ScopedCollection<T>,
  spec: FilterSpec<Tagged<V>>,
  req: DescribeRequest,
  bounds: PageBounds,
  view: (items: readonly T[]) => Promise<readonly V[]>,
): Promise<{ items: Tagged<V>[]; nextToken?: string }> {
  const predicate = compileFilters(spec, req.filters);
  checkPageRequest(req, bounds);
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  const found = await collection.list(ctx.caller, ids ? { ids } : undefined);
  requireAll(kind, ids, found);
  const views = await view(found);
  const tagged = (await withTags(ctx, found)).map((t, i) => ({ id: t.id, resource: views[i] as V, tags: t.tags }));
  return paginate(tagged.filter(predicate), req, bounds);
}

export function describeScoped<T extends ScopedResource>(
  ctx: RequestContext,
  kind: IdPrefix,
  collection: ScopedCollection<T>,
  spec: FilterSpec<Tagged<T>>,
  req: DescribeRequest,
  bounds: PageBounds,
): Promise<{ items: Tagged<T>[]; nextToken?: string }> {
  return describeScopedViews(ctx, kind, collection, spec, req, bounds, (items) => Promise.resolve(items));
}
