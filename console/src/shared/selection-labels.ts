import type { TableProps } from '@cloudscape-design/components/table';
import { S } from '../strings';

/** Selection labels so each row's radio or checkbox is named after its resource (screen readers, tests). */
export function selectionLabels<T>(describe: (item: T) => string, group: string): TableProps.AriaLabels<T> {
  return {
    selectionGroupLabel: group,
    allItemsSelectionLabel: () => S.table.selectAll,
    itemSelectionLabel: (_selection, item) => describe(item),
  };
}
