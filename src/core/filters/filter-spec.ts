import type { Tag } from '../tag.js';

/** A value a filter can match: one string, several (any may match), a boolean, or nothing. */
export type FieldValue = string | boolean | number | undefined | readonly (string | undefined)[];

/**
 * The filters one Describe call understands: each name maps to the values of an item it is
 * matched against. `tag:<key>` and `tag-key` come for free from `tags`.
 */
export interface FilterSpec<T> {
  readonly fields: Readonly<Record<string, (item: T) => FieldValue>>;
  readonly tags?: (item: T) => readonly Tag[];
}
