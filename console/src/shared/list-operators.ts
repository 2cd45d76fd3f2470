import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)]);
const lower = (v: unknown): string => String(v ?? '').toLowerCase();

/**
 * Operators for a property whose value is a list (CIDRs, tags, the VPCs on both sides): `=` means
 * one element equals the value, `:` one element contains it; the negations mean none does.
 */
export const LIST_OPERATORS: NonNullable<PropertyFilterProperty['operators']> = [
  { operator: '=', match: (item: unknown, token: unknown) => asList(item).some((x) => lower(x) === lower(token)) },
  { operator: '!=', match: (item: unknown, token: unknown) => !asList(item).some((x) => lower(x) === lower(token)) },
  { operator: ':', match: (item: unknown, token: unknown) => asList(item).some((x) => lower(x).includes(lower(token))) },
  { operator: '!:', match: (item: unknown, token: unknown) => !asList(item).some((x) => lower(x).includes(lower(token))) },
];

/** A text property (string value); equality ignores case, as the AWS console's filters do. */
export function textProperty(key: string, propertyLabel: string, groupValuesLabel: string): PropertyFilterProperty {
  return { key, propertyLabel, groupValuesLabel, operators: LIST_OPERATORS, defaultOperator: '=' };
}
