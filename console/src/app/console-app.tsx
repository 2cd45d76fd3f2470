import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import { describeRegions } from '../api/describe';
import { createEc2Client } from '../api/ec2-client';
import type { Session } from '../session/session';
import type { SessionValue } from '../session/session-context';
import { SessionProvider } from '../session/session-context';
import { useSharedSession } from '../session/use-shared-session';
import { NotificationsProvider } from '../shared/notifications';
import { SignInPage } from '../pages/sign-in/sign-in-page';
import { navigate } from '../router/navigate';
import { ConsoleShell } from './console-shell';
import { pathAfterScopeSwitch } from './routes';

function leaveResourcePage(): void {
  const here = window.location.pathname + window.location.search;
  const target = pathAfterScopeSwitch(window.location.pathname, window.location.search);
  if (target !== here) navigate(target, { replace: true });
}

/** Signed out: the sign-in panel. Signed in: the console, for one account in one region. */
export function ConsoleApp(): ReactNode {
  // One sign-in for every tab of the browser; another tab's switch of account moves this one too.
  const [session, update] = useSharedSession(leaveResourcePage);
  const [regions, setRegions] = useState<readonly string[]>([]);
  const [switcherOpen, setSwitcherOpen] = useState(false);

  const accountKey = session ? `${session.accessKeyId}|${session.secretAccessKey}` : '';
  useEffect(() => {
    if (!session) return;
    const controller = new AbortController();
    describeRegions(createEc2Client(session), controller.signal).then(setRegions, () => {
      // The selector then offers the current region only; every page reports its own errors.
    });
    return () => controller.abort();
    // The list does not depend on the region; fetch it again only for other credentials.
  }, [accountKey]);

  const value = useMemo<SessionValue | undefined>(() => {
    if (!session) return undefined;
    return {
      session,
      ec2: createEc2Client(session),
      ec2In: (region: string) => createEc2Client(session, region),
      regions: regions.length > 0 ? regions : [session.region],
      switchRegion: (region: string, options?: { keepResource?: boolean }) => {
        if (!options?.keepResource) leaveResourcePage();
        update({ ...session, region });
      },
      switchSession: (next: Session) => {
        leaveResourcePage();
        update(next);
      },
      signOut: () => update(undefined),
      openAccountSwitcher: () => setSwitcherOpen(true),
    };
  }, [session, regions, update]);

  if (!value) return <SignInPage onSignedIn={update} />;
  return (
    <SessionProvider value={value}>
      <NotificationsProvider>
        <ConsoleShell switcherOpen={switcherOpen} onSwitcherClose={() => setSwitcherOpen(false)} />
      </NotificationsProvider>
    </SessionProvider>
  );
}
