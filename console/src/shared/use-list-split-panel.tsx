import Box from '@cloudscape-design/components/box';
import type { ReactNode } from 'react';
import { useContext, useEffect, useRef, useState } from 'react';
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
  const [refresh, setRefresh] = useState(0);
  useEffect(() => setRefresh((n) => n + 1), [data]);
  // The latest render function, without making every render of the list a change of the panel.
  const panelRef = useRef(panel);
  panelRef.current = panel;
  const one = selected.length === 1 ? selected[0] : undefined;
  const key = `${selected.map((r) => r.id).join(',')}|${one?.name ?? ''}`;
  const enabled = panel !== undefined;

  useEffect(() => {
    const p = panelRef.current;
    if (!set || !p) return;
    const [noun, plural] = p.noun;
    if (one) {
      set({ key, header: S.splitPanel.header(one.id, one.name), body: () => panelRef.current?.render(one.id), refresh, onChanged: reload });
    } else if (selected.length > 1) {
      set({ key, header: S.splitPanel.selected(selected.length, plural), body: () => <Box color="text-body-secondary">{S.splitPanel.selectedBody}</Box>, refresh, onChanged: reload });
    } else {
      set({ key, header: S.splitPanel.selectOne(noun), body: () => <Box color="text-body-secondary">{S.splitPanel.selectOneBody(noun)}</Box>, refresh, onChanged: reload });
    }
    // `one` and `selected` are summed up by `key`.
  }, [set, key, refresh, reload, enabled]);

  useEffect(() => () => set?.(undefined), [set]);
}
