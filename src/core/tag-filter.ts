import type { Tagged } from './describe-scoped.js';
import type { Tag } from './tag.js';

/** The `tags` accessor every Describe filter spec over Tagged items uses. */
export const taggedTags = <T>(item: Tagged<T>): readonly Tag[] => item.tags;
