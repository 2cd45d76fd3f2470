import { errors } from '../errors.js';
import type { FieldValue, FilterSpec } from './filter-spec.js';

export interface FilterInput {
  readonly name: string;
  readonly values: readonly string[];
}

// AWS: "The maximum length for a filter value is 255 characters" (FilterLimitExceeded).
const MAX_VALUE_LENGTH = 255;
const MAX_FILTERS = 50;
const MAX_VALUES = 200;

type Token = { readonly kind: 'star' } | { readonly kind: 'one' } | { readonly kind: 'literal'; readonly ch: string };

/**
 * EC2 filter values take wildcards: `*` any run, `?` one character, a backslash escapes the
 * next character (EC2 `Filter` documentation). Matching is the classic greedy walk with one
 * backtrack point (the last `*`), so it costs at most pattern x value steps: a regular expression
 * built from a hostile pattern (`*a*a*a...b`) backtracks exponentially and would stall the server.
 */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const chars = [...pattern];
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '\\' && i + 1 < chars.length) tokens.push({ kind: 'literal', ch: chars[++i] as string });
    else if (ch === '*') tokens.push({ kind: 'star' });
    else if (ch === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'literal', ch });
  }
  return (value) => {
    const s = [...value];
    let p = 0;
    let i = 0;
    let starAt = -1;
    let resumeAt = 0;
    while (i < s.length) {
      const t = tokens[p];
      if (t && (t.kind === 'one' || (t.kind === 'literal' && t.ch === s[i]))) {
        p++;
        i++;
      } else if (t?.kind === 'star') {
        starAt = p++;
        resumeAt = i;
      } else if (starAt >= 0) {
        // Let the last star swallow one more character and try again from there.
        p = starAt + 1;
        i = ++resumeAt;
      } else {
        return false;
      }
    }
    while (tokens[p]?.kind === 'star') p++;
    return p === tokens.length;
  };
}

function matcher(values: readonly string[]): (candidate: string) => boolean {
  const exact = new Set<string>();
  const patterns: ((value: string) => boolean)[] = [];
  for (const v of values) {
    if (/[*?\\]/.test(v)) patterns.push(wildcardMatcher(v));
    else exact.add(v);
  }
  return (candidate) => exact.has(candidate) || patterns.some((p) => p(candidate));
}

function asStrings(value: FieldValue): (string | undefined)[] {
  if (Array.isArray(value)) return [...(value as readonly (string | undefined)[])];
  if (value === undefined) return [];
  return [String(value)];
}

/**
 * Turns the request's filters into one predicate: values of one filter are ORed, filters are
 * ANDed (EC2 `Filter` semantics). Unknown names are refused, as AWS does, rather than ignored.
 */
export function compileFilters<T>(spec: FilterSpec<T>, filters: readonly FilterInput[] | undefined): (item: T) => boolean {
  if (!filters || filters.length === 0) return () => true;
  if (filters.length > MAX_FILTERS) throw errors.invalidParameterValue(`The maximum number of filters is ${MAX_FILTERS}`);
  const tests = filters.map((f): ((item: T) => boolean) => {
    if (f.values.length > MAX_VALUES) throw errors.invalidParameterValue(`The maximum number of values for filter '${f.name}' is ${MAX_VALUES}`);
    if (f.values.some((v) => v.length > MAX_VALUE_LENGTH)) throw errors.filterLimitExceeded();
    const matches = matcher(f.values);
    if (f.name.startsWith('tag:') && spec.tags) {
      const key = f.name.slice(4);
      const tags = spec.tags;
      return (item) => tags(item).some((t) => t.key === key && matches(t.value));
    }
    if (f.name === 'tag-key' && spec.tags) {
      const tags = spec.tags;
      return (item) => tags(item).some((t) => matches(t.key));
    }
    if (f.name === 'tag-value' && spec.tags) {
      const tags = spec.tags;
      return (item) => tags(item).some((t) => matches(t.value));
    }
    const field = Object.hasOwn(spec.fields, f.name) ? spec.fields[f.name] : undefined;
    if (!field) throw errors.invalidFilter(f.name);
    return (item) => asStrings(field(item)).some((v) => v !== undefined && matches(v));
  });
  return (item) => tests.every((t) => t(item));
}
