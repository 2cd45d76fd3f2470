import type { PropertyFilterOption, PropertyFilterProperty, PropertyFilterQuery, UseCollectionResult } from '@cloudscape-design/collection-hooks';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { S } from '../strings';
import { EmptyState } from './empty-state';
import type { TablePreferences } from './table-preferences';
import { useTablePreferences } from './table-preferences';

/** A row the list pages can select, filter and name: every resource row has an id and a Name tag. */
interface ListRow {
  readonly id: string;
  readonly name: string;
}

/** What a list page's table needs: the collection's state plus the table's remembered preferences. */
interface ResourceCollection<T extends ListRow> extends UseCollectionResult<T> {
  readonly columns: readonly TableProps.ColumnDefinition<T>[];
  readonly preferences: TablePreferences;
  readonly setPreferences: (p: TablePreferences) => void;
  /** How many rows were loaded, before filtering: the header's counter. */
  readonly total: number;
  /** The one selected row, looked up in the current rows so a reload shows its fresh data. */
  readonly selected: T | undefined;
}

/**
 * The collection behind every list page, so they all filter, paginate, sort and select the same
 * way: single selection kept across pages by id, page size from the remembered preferences, and a
 * "no match" state that clears the filter.
 */
export function useResourceCollection<T extends ListRow>(rows: readonly T[], options: {
  /** Names the table's remembered preferences. */
  preferencesKey: string;
  columns: readonly TableProps.ColumnDefinition<T>[];
  properties: readonly PropertyFilterProperty[];
  filteringOptions: PropertyFilterOption[];
  defaultQuery?: PropertyFilterQuery;
  /** What shows when there are no rows at all. */
  empty: ReactNode;
  /** Sorted by this field until the user picks a column; unsorted without it. */
  sortingField?: string;
}): ResourceCollection<T> {
  const { columns, sortingField } = options;
  const [preferences, setPreferences] = useTablePreferences(options.preferencesKey, columns);
  const collection = useCollection(rows, {
    propertyFiltering: {
      filteringProperties: options.properties,
      filteringOptions: options.filteringOptions,
      defaultQuery: options.defaultQuery,
      empty: options.empty,
      noMatch: <EmptyState title={S.filter.noMatch} action={<Button onClick={() => collection.actions.setPropertyFiltering({ tokens: [], operation: 'and' })}>{S.filter.clear}</Button>} />,
    },
    pagination: { pageSize: preferences.pageSize },
    sorting: sortingField ? { defaultState: { sortingColumn: { sortingField } } } : {},
    selection: { keepSelection: true, trackBy: 'id' },
  });
  const selected = rows.find((r) => r.id === collection.collectionProps.selectedItems?.[0]?.id);
  return { ...collection, columns, preferences, setPreferences, total: rows.length, selected };
}
