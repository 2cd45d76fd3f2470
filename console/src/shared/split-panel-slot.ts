import type { ReactNode } from 'react';
import { createContext } from 'react';

/** What a list page shows in the frame's split panel. */
export interface SplitPanelSpec {
  /** Changes whenever what is shown changes (the selection, its name): the frame updates then. */
  readonly key: string;
  readonly header: string;
  readonly body: () => ReactNode;
  /** Counts the list's loads: the details in the panel read again after each. */
  readonly refresh: number;
  /** After a change made from the panel (its tags): the list reads again. */
  readonly onChanged: () => void;
}

/**
 * How a list page reaches the frame's split panel (AppLayout's slot is outside the page); absent
 * outside the frame, where a list simply has no panel.
 */
export const SplitPanelSlot = createContext<((spec: SplitPanelSpec | undefined) => void) | undefined>(undefined);
