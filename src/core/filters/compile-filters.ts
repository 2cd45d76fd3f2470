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

/**
 * EC2 filter values take wildcards: `*` any run, `?` one character, a backslash escapes the
 * next character (EC2 `Filter` documentation). Anything else is literal.
 */
export function wildcardToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i] as string);
    } else if (ch === '*') {
      source += '[\\s\\S]*';
    } else if (ch === '?') {
      source += '[\\s\\S]';
    } else {
      source += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${source}$`, 'u');
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

function matcher(values: readonly string[]): (candidate: string) => boolean {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const v of values) {
    if (/[*?\\]/.test(v)) patterns.push(wildcardToRegExp(v));
    else exact.add(v);
  }
  return (candidate) => exact.has(candidate) || patterns.some((p) => p.test(candidate));
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
