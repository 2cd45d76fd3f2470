import type { EC2Client } from '@aws-sdk/client-ec2';
import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useResource } from '../api/use-resource';
import { followLink } from '../router/follow-link';
import { navigate } from '../router/navigate';
import { useScopeKey, useSession } from '../session/session-context';
import { EmptyState } from './empty-state';
import { LIST_OPERATORS, textProperty } from './list-operators';
import { ResourceTable } from './resource-table';
import type { RowAction } from './row-actions';
import { useRowActions } from './row-actions';
import type { ListSplitPanel } from './use-list-split-panel';
import { useResourceCollection } from './use-resource-collection';
import { withManageTags } from './with-manage-tags';
import { S } from '../strings';

interface ListRow {
  readonly id: string;
  readonly name: string;
}

const values = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);

/** The filter bar's property for a row field: text, or a list (`=` one element equals, `:` one contains). */
export function filterProperty(key: string, label: string, list = false): PropertyFilterProperty {
  return list ? { key, propertyLabel: label, groupValuesLabel: S.filter.values(label), operators: LIST_OPERATORS, defaultOperator: ':' } : textProperty(key, label, S.filter.values(label));
}

/** A resource's id linking to its details page, the column every list leads with. */
export function idLink(href: (id: string) => string) {
  return function IdLink(r: { readonly id: string }): ReactNode {
    return <Link href={href(r.id)} onFollow={followLink}>{r.id}</Link>;
  };
}

/** The Name column a list leads with. */
export function nameColumn<T extends ListRow>(): TableProps.ColumnDefinition<T> {
  return { id: 'name', header: S.common.name, cell: (r) => r.name || '-', sortingField: 'name' };
}

/** The id column, the row's header, linking to its details page under `base`. */
export function idColumn<T extends ListRow>(header: string, base: string): TableProps.ColumnDefinition<T> {
  return { id: 'id', header, cell: idLink((id) => `${base}/${id}`), sortingField: 'id', isRowHeader: true };
}

/** A list's filter properties: Name first, the family's own, then Tag (`key=value`, one of them). */
export function listFilters(...own: readonly PropertyFilterProperty[]): PropertyFilterProperty[] {
  return [filterProperty('name', S.common.name), ...own, filterProperty('tags', S.filter.tag, true)];
}

/**
 * A list page as the VPC, subnet and route table lists are: one Describe (all pages), rows with
 * Name and id, the filter bar (its suggestions are the rows' own values), single selection, the
 * Actions menu over the selected row, and Create.
 */
export function ListPage<T extends ListRow>({ preferencesKey, load, columns, properties, text, createHref, actions, sortingField, splitPanel }: {
  preferencesKey: string;
  load: (ec2: EC2Client, signal: AbortSignal) => Promise<T[]>;
  columns: readonly TableProps.ColumnDefinition<T>[];
  properties: readonly PropertyFilterProperty[];
  text: { title: string; description: string; loadError: string; loading: string; filterPlaceholder: string; create: string; empty: string; selectFirst: string };
  createHref: string;
  actions: readonly RowAction<T>[];
  sortingField?: string;
  /** The selected row's details page, shown in the split panel under the table. */
  splitPanel?: ListSplitPanel;
}): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey(preferencesKey), (signal) => load(ec2, signal));
  const rows = useMemo(() => resource.data ?? [], [resource.data]);
  const filteringOptions = useMemo(() => {
    const seen = new Set<string>();
    return rows.flatMap((r) =>
      properties.flatMap((p) =>
        values((r as unknown as Record<string, unknown>)[p.key]).flatMap((value) => {
          const k = `${p.key}\u0000${value}`;
          if (seen.has(k)) return [];
          seen.add(k);
          return [{ propertyKey: p.key, value }];
        }),
      ),
    );
  }, [rows, properties]);
  const collection = useResourceCollection(rows, {
    preferencesKey,
    columns,
    properties: [...properties],
    filteringOptions,
    empty: <EmptyState title={text.empty} action={<Button onClick={() => navigate(createHref)}>{text.create}</Button>} />,
    sortingField,
  });
  const { menu, dialog } = useRowActions(withManageTags(actions, resource.reload), () => {
    collection.actions.setSelectedItems([]);
    resource.reload();
  });
  return (
    <ResourceTable resource={resource} collection={collection} text={text} createHref={createHref} actions={menu(collection.selected, text.selectFirst)} splitPanel={splitPanel}>
      {dialog}
    </ResourceTable>
  );
}
