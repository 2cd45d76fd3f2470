import Box from '@cloudscape-design/components/box';
import type { ReactNode } from 'react';
import { useContext, useEffect, useRef } from 'react';
import { S } from '../strings';
import { SplitPanelSlot } from './split-panel-slot';

/** A family's split panel: its noun with article and plural, and its details for one id. */
export interface ListSplitPanel {
  readonly noun: readonly [string, string];
  readonly render: (id: string) => ReactNode;
}

/**
 * Fills the frame's split panel from a list: the one selected resource's details and tabs, or
 * what to do when none or several are selected. The panel empties when the list goes away.
 */
export function useListSplitPanel(panel: ListSplitPanel | undefined, selected: readonly { readonly id: string; readonly name: string }[], data: unknown, reload: () => void): void {
  const set = useContext(SplitPanelSlot);
  // The latest render function, without making every render of the list a change of the panel.
  const panelRef = useRef(panel);
  panelRef.current = panel;
  // What the panel shows, as values: the effect runs only when one of them changes.
  const count = selected.length;
  const selection = selected.map((r) => r.id).join(',');
  const name = count === 1 ? (selected[0]?.name ?? '') : '';
  const enabled = panel !== undefined;

  useEffect(() => {
    const p = panelRef.current;
    if (!set || !p) return;
    const [noun, plural] = p.noun;
    const shown = { selection, refresh: data, onChanged: reload };
    if (count === 1) {
      set({ ...shown, header: S.splitPanel.header(selection, name), body: () => panelRef.current?.render(selection) });
    } else if (count > 1) {
      set({ ...shown, header: S.splitPanel.selected(count, plural), body: () => <Box color="text-body-secondary">{S.splitPanel.selectedBody}</Box> });
    } else {
      set({ ...shown, header: S.splitPanel.selectOne(noun), body: () => <Box color="text-body-secondary">{S.splitPanel.selectOneBody(noun)}</Box> });
    }
  }, [set, selection, name, count, data, reload, enabled]);

  useEffect(() => () => set?.(undefined), [set]);
}
