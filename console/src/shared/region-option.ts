import type { SelectProps } from '@cloudscape-design/components/select';
import { S } from '../strings';

export function regionName(code: string): string {
  return S.regionNames[code] ?? code;
}

/** A region as AWS's selector shows it: its name, and its code beside it. */
export function regionOption(code: string): SelectProps.Option {
  return { value: code, label: regionName(code), labelTag: code };
}
