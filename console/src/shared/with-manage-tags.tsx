import { S } from '../strings';
import { ManageTagsModal } from './manage-tags-modal';
import type { RowAction } from './row-actions';

/** Actions AWS's menus keep last, after Manage tags: the ones that remove the resource. */
const REMOVING = new Set(['delete', 'release', 'terminate']);

/**
 * A resource's Actions with Manage tags added where AWS's menus have it (before the removing
 * actions). A tag change only reloads the page: it is not the change an action's `done` expects
 * (a details page leaves for the list after a delete).
 */
export function withManageTags<T extends { readonly id: string }>(actions: readonly RowAction<T>[], onChanged: () => void): RowAction<T>[] {
  const manage: RowAction<T> = {
    id: 'manage-tags',
    text: S.tags.manage,
    dialog: (row, close) => <ManageTagsModal resourceId={row.id} onDismiss={close} onSaved={onChanged} />,
  };
  const at = actions.findIndex((a) => REMOVING.has(a.id));
  return at < 0 ? [...actions, manage] : [...actions.slice(0, at), manage, ...actions.slice(at)];
}
