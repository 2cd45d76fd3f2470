import type { ReactNode } from 'react';
import { createContext } from 'react';

/** What a list page shows in the frame's split panel. */
export interface SplitPanelSpec {
  /** The selected ids, comma-joined: another selection starts the panel afresh (on its Details tab). */
  readonly selection: string;
  readonly header: string;
  readonly body: () => ReactNode;
  /** The list's data: a new load is a new object, and the details in the panel read again. */
  readonly refresh: unknown;
  /** After a change made from the panel (its tags): the list reads again. */
  readonly onChanged: () => void;
}

/**
 * How a list page reaches the frame's split panel (AppLayout's slot is outside the page); absent
 * outside the frame, where a list simply has no panel.
 */
export const SplitPanelSlot = createContext<((spec: SplitPanelSpec | undefined) => void) | undefined>(undefined);
