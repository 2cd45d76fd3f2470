import { useEffect, useRef } from 'react';

const FIRST_DELAY_MS = 1500;
const MAX_DELAY_MS = 5000;

/**
 * Reads again while something shown is transitional (`initiating-request`, `provisioning`,
 * `deleting`), until it settles. The wait grows from 1.5 s to at most 5 s so a slow server is not
 * flooded. No timer runs while a read is in flight, so reads
 * never overlap or abort each other. A new `scope` (another connection, account or region) starts
 * again from the short wait.
 */
export function useSettlePoll(settling: boolean, loading: boolean, reload: () => void, scope: string): void {
  const attempts = useRef(0);

  // Declared before the timer effect so it runs first in the same commit: a status that has
  // settled, or a new scope, starts the next wait from the short delay again.
  useEffect(() => {
    attempts.current = 0;
  }, [settling, scope]);

  useEffect(() => {
    if (!settling || loading) return;
    const delay = Math.min(FIRST_DELAY_MS * 1.5 ** attempts.current, MAX_DELAY_MS);
    const t = window.setTimeout(() => {
      attempts.current += 1;
      reload();
    }, delay);
    // Unmounting, a new scope, a settled status or a read starting clears the pending look.
    return () => window.clearTimeout(t);
  }, [settling, loading, reload, scope]);
}
