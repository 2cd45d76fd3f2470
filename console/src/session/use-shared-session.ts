import { useCallback, useEffect, useRef, useState } from 'react';
import type { Session } from './session';
import { adoptSession, loadSession, sameSignIn, saveSession, SIGN_IN_KEY } from './session';

/**
 * The browser's sign-in as this tab sees it, and how to change it. Another tab signing in, switching
 * account or signing out fires a `storage` event here (never in the tab that wrote), and this tab
 * follows; a region switch elsewhere is ignored (each tab keeps its own region).
 * `onAccountChangedElsewhere` runs before the new account shows, so a page about one resource of
 * the old account can go up to its list.
 */
export function useSharedSession(onAccountChangedElsewhere: () => void): [Session | undefined, (next: Session | undefined) => void] {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const current = useRef(session);
  current.current = session;
  const onChanged = useRef(onAccountChangedElsewhere);
  onChanged.current = onAccountChangedElsewhere;

  const update = useCallback((next: Session | undefined) => {
    saveSession(next);
    current.current = next;
    setSession(next);
  }, []);

  useEffect(() => {
    const onStorage = (e: StorageEvent): void => {
      // key null: the whole storage was cleared.
      if (e.storageArea !== window.localStorage || (e.key !== null && e.key !== SIGN_IN_KEY)) return;
      const before = current.current;
      const next = adoptSession();
      if (before && next && sameSignIn(before, next)) return;
      if (before && next) onChanged.current();
      current.current = next;
      setSession(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  return [session, update];
}
