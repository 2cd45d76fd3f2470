import * as tagService from '../core/tag-service.js';
import type { OperationTable } from './operation.js';
import { reads, writes } from './operation.js';
import { wire } from './wire.js';

export const TAG_OPERATIONS: OperationTable = {
  CreateTags: writes(async (ctx, input) => {
    await tagService.createTags(ctx, input.Resources, wire.tagInputs(input.Tags));
    return {};
  }),
  DeleteTags: writes(async (ctx, input) => {
    await tagService.deleteTags(ctx, input.Resources, wire.tagInputs(input.Tags));
    return {};
  }),
  DescribeTags: reads(async (ctx, input) => {
    const page = await tagService.describeTags(ctx, { filters: wire.filters(input.Filters), ...wire.page(input) });
    return {
      Tags: page.items.map((t) => ({ ResourceId: t.resourceId, ResourceType: t.resourceType, Key: t.key, Value: t.value })),
      NextToken: page.nextToken,
    };
  }),
};
