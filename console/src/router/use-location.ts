import { useSyncExternalStore } from 'react';
import { subscribeToLocation } from './navigate';

export interface ConsoleLocation {
  readonly path: string;
  readonly query: URLSearchParams;
}

const snapshot = (): string => window.location.pathname + window.location.search;

/** The current path and query; re-renders on every navigation. */
export function useLocation(): ConsoleLocation {
  const href = useSyncExternalStore(subscribeToLocation, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname.replace(/\/+$/, '') || '/', query: url.searchParams };
}
