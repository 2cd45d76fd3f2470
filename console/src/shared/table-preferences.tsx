import type { CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { S } from '../strings';

/** A table's page size and visible columns. */
export interface TablePreferences {
  readonly pageSize: number;
  readonly contentDisplay: readonly CollectionPreferencesProps.ContentDisplayItem[];
}

/** Page size and visible columns, remembered per table in this browser. */
export function useTablePreferences(key: string, columns: readonly { id?: string }[]): [TablePreferences, (p: TablePreferences) => void] {
  const storageKey = `vpcpeer.console.table.${key}`;
  const [prefs, setPrefs] = useState<TablePreferences>(() => {
    const fallback: TablePreferences = { pageSize: 10, contentDisplay: columns.map((c) => ({ id: c.id ?? '', visible: true })) };
    try {
      const raw = window.localStorage.getItem(storageKey);
      if (raw) {
        const saved = JSON.parse(raw) as Partial<TablePreferences>;
        const known = new Set(columns.map((c) => c.id));
        const display = (saved.contentDisplay ?? []).filter((d) => known.has(d.id));
        // Columns added since the preferences were saved still show.
        for (const c of fallback.contentDisplay) if (!display.some((d) => d.id === c.id)) display.push(c);
        return { pageSize: typeof saved.pageSize === 'number' ? saved.pageSize : 10, contentDisplay: display };
      }
    } catch {
      // Unreadable preferences: the defaults.
    }
    return fallback;
  });
  const update = (p: TablePreferences): void => {
    setPrefs(p);
    window.localStorage.setItem(storageKey, JSON.stringify(p));
  };
  return [prefs, update];
}

export function TablePreferencesButton({ preferences, onChange, columns, alwaysVisible }: {
  preferences: TablePreferences;
  onChange: (p: TablePreferences) => void;
  columns: readonly { id?: string; header: ReactNode }[];
  /** The column that names each row (its id) cannot be hidden. */
  alwaysVisible: string;
}): ReactNode {
  return (
    <CollectionPreferences
      title={S.table.preferences}
      confirmLabel={S.actions.confirm}
      cancelLabel={S.actions.cancel}
      preferences={{ pageSize: preferences.pageSize, contentDisplay: preferences.contentDisplay }}
      pageSizePreference={{ title: S.table.pageSize, options: [10, 20, 50, 100].map((n) => ({ value: n, label: S.table.rows(n) })) }}
      contentDisplayPreference={{
        title: S.table.columns,
        options: columns.map((c) => ({ id: c.id ?? '', label: typeof c.header === 'string' ? c.header : (c.id ?? ''), alwaysVisible: c.id === alwaysVisible })),
      }}
      onConfirm={({ detail }) => onChange({ pageSize: detail.pageSize ?? preferences.pageSize, contentDisplay: detail.contentDisplay ?? preferences.contentDisplay })}
    />
  );
}
