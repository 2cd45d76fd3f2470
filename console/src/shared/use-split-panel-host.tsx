import type { AppLayoutProps } from '@cloudscape-design/components/app-layout';
import SplitPanel from '@cloudscape-design/components/split-panel';
import type { ReactNode } from 'react';
import { Fragment, useMemo, useState } from 'react';
import { EmbeddedDetails } from './embedded-details';
import type { SplitPanelSpec } from './split-panel-slot';
import { SplitPanelSlot } from './split-panel-slot';

type SplitPanelLayout = Pick<AppLayoutProps, 'splitPanel' | 'splitPanelOpen' | 'onSplitPanelToggle' | 'splitPanelPreferences' | 'onSplitPanelPreferencesChange'>;

/**
 * The frame's side of the split panel: `provide` wraps the page so a list can fill the panel,
 * `layout` goes to AppLayout. Open and at the bottom until the user says otherwise, as in the
 * AWS console; pages without a list have none.
 */
export function useSplitPanelHost(): { provide: (page: ReactNode) => ReactNode; layout: SplitPanelLayout } {
  const [spec, setSpec] = useState<SplitPanelSpec>();
  const [open, setOpen] = useState(true);
  const [preferences, setPreferences] = useState<AppLayoutProps.SplitPanelPreferences>({ position: 'bottom' });
  // Built again only when the list sets the panel anew, not on every render of the frame.
  const splitPanel = useMemo(
    () =>
      spec && (
        <SplitPanel header={spec.header} closeBehavior="collapse">
          <EmbeddedDetails.Provider value={{ refresh: spec.refresh, onChanged: spec.onChanged }}>
            {/* Keyed by what is shown: another resource starts on its Details tab. */}
            <Fragment key={spec.selection}>
              <div data-testid="split-panel-body">{spec.body()}</div>
            </Fragment>
          </EmbeddedDetails.Provider>
        </SplitPanel>
      ),
    [spec],
  );
  return {
    provide: (page) => <SplitPanelSlot.Provider value={setSpec}>{page}</SplitPanelSlot.Provider>,
    layout: {
      splitPanel,
      splitPanelOpen: open,
      onSplitPanelToggle: ({ detail }) => setOpen(detail.open),
      splitPanelPreferences: preferences,
      onSplitPanelPreferencesChange: ({ detail }) => setPreferences(detail),
    },
  };
}
