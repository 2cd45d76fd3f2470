import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { navigate } from '../router/navigate';
import { S } from '../strings';

/**
 * One entry of a resource's Actions menu, shared by its list page (acting on the selected row)
 * and its details page: a page to go to, or a dialog to open.
 */
export interface RowAction<T> {
  readonly id: string;
  readonly text: string;
  /** Why this row cannot have it (the menu item's tooltip), or undefined when it can. */
  readonly unavailable?: (row: T) => string | undefined;
  readonly href?: (row: T) => string;
  /** The dialog: `close` dismisses it, `done` closes it after a change (the page reloads). */
  readonly dialog?: (row: T, close: () => void, done: () => void) => ReactNode;
}

/** The Actions menu over a row (undefined: nothing selected, every item says `need`) and its open dialog. */
export function useRowActions<T>(actions: readonly RowAction<T>[], onDone: () => void): {
  menu: (row: T | undefined, need: string) => ReactNode;
  dialog: ReactNode;
} {
  const [open, setOpen] = useState<{ action: RowAction<T>; row: T }>();
  const close = (): void => setOpen(undefined);
  const menu = (row: T | undefined, need: string): ReactNode => (
    <ButtonDropdown
      items={actions.map((a) => {
        const reason = row === undefined ? need : a.unavailable?.(row);
        return { id: a.id, text: a.text, disabled: reason !== undefined, disabledReason: reason };
      })}
      onItemClick={({ detail }) => {
        const action = actions.find((a) => a.id === detail.id);
        if (!action || row === undefined) return;
        if (action.href) navigate(action.href(row));
        else setOpen({ action, row });
      }}
    >
      {S.actions.actions}
    </ButtonDropdown>
  );
  const dialog = open?.action.dialog?.(open.row, close, () => {
    close();
    onDone();
  });
  return { menu, dialog };
}
