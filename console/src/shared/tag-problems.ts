// With its extension: the unit test (test/console/tag-problems.test.ts) loads this under NodeNext.
import { S } from '../strings.js';

/** A tag as the editor holds it: a row marked for removal is still shown but no longer checked. */
export interface EditedTag {
  readonly key: string;
  readonly value: string;
  readonly markedForRemoval?: boolean;
}

// EC2's tag rules (Tag your Amazon EC2 resources, "Tag restrictions"): at most 50 per resource,
// keys 1-128 and values 0-256 Unicode characters, `aws:` reserved; and the characters the AWS
// console's tag editor accepts, so Save is never offered for a row the editor marks as wrong.
const MAX_TAGS = 50;
const MAX_KEY = 128;
const MAX_VALUE = 256;
const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** What keeps these tags from being saved, one sentence each; empty when they can be. */
export function tagProblems(tags: readonly EditedTag[]): string[] {
  const kept = tags.filter((t) => !t.markedForRemoval);
  const problems: string[] = [];
  const seen = new Set<string>();
  tags.forEach((t, i) => {
    if (t.markedForRemoval) return;
    const n = i + 1;
    const key = t.key.trim();
    if (key === '') problems.push(S.manageTags.emptyKey(n));
    else if (key.toLowerCase().startsWith('aws:')) problems.push(S.manageTags.reservedPrefix(n));
    else if (!ALLOWED.test(key)) problems.push(S.manageTags.badCharacters(n, S.manageTags.key));
    else if ([...key].length > MAX_KEY) problems.push(S.manageTags.keyTooLong(n));
    else if (seen.has(key)) problems.push(S.manageTags.duplicateKey(n, key));
    seen.add(key);
    if (!ALLOWED.test(t.value)) problems.push(S.manageTags.badCharacters(n, S.manageTags.value));
    else if ([...t.value].length > MAX_VALUE) problems.push(S.manageTags.valueTooLong(n));
  });
  if (kept.length > MAX_TAGS) problems.push(S.manageTags.tooMany(kept.length));
  return problems;
}
