import type { Tag } from '@aws-sdk/client-ec2';

export function nameTag(tags: readonly Tag[] | undefined): string {
  return tags?.find((t) => t.Key === 'Name')?.Value ?? '';
}

/** `key=value` per tag: what the tag property of a filter bar matches. */
export function tagStrings(tags: readonly Tag[] | undefined): string[] {
  return (tags ?? []).map((t) => `${t.Key ?? ''}=${t.Value ?? ''}`);
}
