import TopNavigation from '@cloudscape-design/components/top-navigation';
import type { ReactNode } from 'react';
import { navigate } from '../router/navigate';
import { useSession } from '../session/session-context';
import { regionName } from '../shared/region-option';
import { S } from '../strings';

/** Always shows who (account) and where (region) the console is acting. */
export function TopBar(): ReactNode {
  const { session, regions, switchRegion, signOut, openAccountSwitcher } = useSession();
  return (
    <TopNavigation
      identity={{
        href: '/',
        title: S.product.title,
        onFollow: (e) => {
          e.preventDefault();
          navigate('/');
        },
      }}
      utilities={[
        {
          type: 'menu-dropdown',
          text: session.region,
          description: regionName(session.region),
          ariaLabel: S.topBar.regionAria(session.region),
          iconName: 'globe',
          items: regions.map((r) => ({
            id: r,
            text: regionName(r),
            secondaryText: r,
            iconName: r === session.region ? 'check' : undefined,
          })),
          onItemClick: ({ detail }) => {
            if (detail.id !== session.region) switchRegion(detail.id);
          },
        },
        {
          type: 'menu-dropdown',
          text: S.topBar.account(session.accountId),
          description: session.accessKeyId === session.accountId ? S.topBar.signedInWithAccount : S.topBar.signedInWithKey(session.accessKeyId),
          ariaLabel: S.topBar.accountAria(session.accountId),
          iconName: 'user-profile',
          items: [
            { id: 'switch-account', text: S.topBar.switchAccount },
            { id: 'sign-out', text: S.topBar.signOut },
          ],
          onItemClick: ({ detail }) => {
            if (detail.id === 'switch-account') openAccountSwitcher();
            if (detail.id === 'sign-out') signOut();
          },
        },
      ]}
    />
  );
}
