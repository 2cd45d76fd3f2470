import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import Flashbar from '@cloudscape-design/components/flashbar';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { SignInForm } from '../pages/sign-in/sign-in-form';
import { followLink } from '../router/follow-link';
import { navigate } from '../router/navigate';
import { useLocation } from '../router/use-location';
import { useSession } from '../session/session-context';
import { EmptyState } from '../shared/empty-state';
import { useNotifications } from '../shared/notifications';
import { useSplitPanelHost } from '../shared/use-split-panel-host';
import { S } from '../strings';
import { resolveRoute } from './routes';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';

function NotFound({ path }: { path: string }): ReactNode {
  return (
    <>
      <Header variant="h1">{S.notFound.title}</Header>
      <EmptyState title={S.notFound.body(path)} action={<Button onClick={() => navigate('/peering-connections')}>{S.nav.peeringConnections}</Button>} />
    </>
  );
}

/** The AWS console frame: top bar, navigation, breadcrumbs, notifications, one page. */
export function ConsoleShell({ switcherOpen, onSwitcherClose }: { switcherOpen: boolean; onSwitcherClose: () => void }): ReactNode {
  const { session, switchSession } = useSession();
  const { items, clear } = useNotifications();
  const { path } = useLocation();
  const view = resolveRoute(path, (p) => <NotFound path={p} />);
  // Open until the user folds it, on every page alike (Cloudscape would fold it on forms).
  const [navigationOpen, setNavigationOpen] = useState(true);
  const splitPanel = useSplitPanelHost();

  // Messages belong to one account and region: a switch starts clean.
  const scope = `${session.accountId}|${session.region}`;
  const lastScope = useRef(scope);
  useEffect(() => {
    if (lastScope.current !== scope) clear();
    lastScope.current = scope;
  }, [scope, clear]);

  return (
    <>
      <div id="top-nav" className="vpcpeer-top-nav">
        <TopBar />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigation={<SideNav activeHref={view.section} />}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        breadcrumbs={<BreadcrumbGroup items={view.breadcrumbs} onFollow={followLink} ariaLabel={S.nav.breadcrumbs} />}
        notifications={<Flashbar items={items} />}
        content={splitPanel.provide(<div key={scope}>{view.content}</div>)}
        {...splitPanel.layout}
        contentType={view.contentType}
        toolsHide
        ariaLabels={{ navigation: S.nav.label, navigationClose: S.nav.close, navigationToggle: S.nav.open }}
      />
      {switcherOpen && (
        <Modal visible header={S.signIn.switchTitle} onDismiss={onSwitcherClose}>
          <SignInForm
            initial={session}
            submitLabel={S.signIn.switchSubmit}
            onCancel={onSwitcherClose}
            onSignedIn={(next) => {
              onSwitcherClose();
              switchSession(next);
            }}
          />
        </Modal>
      )}
    </>
  );
}
