import type { FilterInput } from '../core/filters/compile-filters.js';
import type { Tag } from '../core/tag.js';
import type { TagSpecificationInput } from '../core/tags.js';
import type * as W from '../protocol/index.js';

/** Small conversions every resource file needs between wire shapes and domain values. */
export const wire = {
  tags(tags: readonly Tag[]): W.Tag[] {
    return tags.map((t) => ({ Key: t.key, Value: t.value }));
  },
  filters(filters: readonly W.Filter[] | undefined): FilterInput[] | undefined {
    return filters?.map((f) => ({ name: f.Name ?? '', values: f.Values ?? [] }));
  },
  tagSpecs(specs: readonly W.TagSpecification[] | undefined): TagSpecificationInput[] | undefined {
    return specs?.map((s) => ({ resourceType: s.ResourceType, tags: (s.Tags ?? []).map((t) => ({ key: t.Key, value: t.Value })) }));
  },
  tagInputs(tags: readonly W.Tag[] | undefined): { key?: string; value?: string }[] | undefined {
    return tags?.map((t) => ({ key: t.Key, value: t.Value }));
  },
  date(ms: number | undefined): Date | undefined {
    return ms === undefined ? undefined : new Date(ms);
  },
  page(input: { readonly MaxResults?: number; readonly NextToken?: string }): { maxResults?: number; nextToken?: string } {
    return { maxResults: input.MaxResults, nextToken: input.NextToken };
  },
  /** The names of the members present (an empty list is absent: the Query protocol sends nothing for it). */
  present(members: readonly (readonly [string, unknown])[]): string[] {
    return members.filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)).map(([name]) => name);
  },
};
