import type { FlashbarProps } from '@cloudscape-design/components/flashbar';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from '../router/use-location';

export interface Notice {
  readonly type: 'success' | 'error' | 'info' | 'warning' | 'in-progress';
  readonly header?: ReactNode;
  readonly content?: ReactNode;
  readonly action?: ReactNode;
}

interface NotificationsValue {
  readonly items: FlashbarProps.MessageDefinition[];
  notify(notice: Notice): void;
  clear(): void;
}

const NotificationsContext = createContext<NotificationsValue | undefined>(undefined);

let nextId = 0;

interface Held {
  readonly message: FlashbarProps.MessageDefinition;
  /** The navigation count when it was raised. */
  readonly raisedAt: number;
}

/**
 * The Flashbar's messages: results of actions that outlive the dialog or page that caused them.
 * A message lasts through the navigation its action caused (Create -> the new resource's page)
 * and goes at the next one, so old confirmations do not pile up.
 */
export function NotificationsProvider({ children }: { children: ReactNode }): ReactNode {
  const [held, setHeld] = useState<readonly Held[]>([]);
  const { path } = useLocation();
  const navigations = useRef(0);
  const lastPath = useRef(path);
  useEffect(() => {
    if (lastPath.current === path) return;
    lastPath.current = path;
    const now = ++navigations.current;
    setHeld((all) => all.filter((h) => h.raisedAt >= now - 1));
  }, [path]);
  const notify = useCallback((notice: Notice) => {
    const id = `notice-${++nextId}`;
    const dismiss = (): void => setHeld((all) => all.filter((h) => h.message.id !== id));
    const message: FlashbarProps.MessageDefinition = { ...notice, id, dismissible: true, dismissLabel: 'Dismiss', onDismiss: dismiss };
    setHeld((all) => [{ message, raisedAt: navigations.current }, ...all].slice(0, 3));
  }, []);
  const clear = useCallback(() => setHeld([]), []);
  const items = useMemo(() => held.map((h) => h.message), [held]);
  const value = useMemo(() => ({ items, notify, clear }), [items, notify, clear]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsValue {
  const v = useContext(NotificationsContext);
  if (!v) throw new Error('useNotifications outside NotificationsProvider');
  return v;
}
