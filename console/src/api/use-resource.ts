import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from './api-error';
import { isAbort, toApiError } from './api-error';

export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  /** Loads again, keeping what is shown until the answer arrives. */
  reload(): void;
  /** Replaces the shown data with what a write just returned (e.g. a transitional status). */
  replace(update: (current: T | undefined) => T | undefined): void;
}

/**
 * Data loaded from the API for one key (account, region and whatever else identifies it). A new
 * key drops the old data at once, so one account's or region's resources are never shown under
 * another; a failed load keeps nothing half-updated: the error replaces the data.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: ApiError; loading: boolean }>({ key, loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.key === key ? { ...s, loading: true } : { key, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (e: unknown) => {
        if (controller.signal.aborted || isAbort(e)) return;
        setState({ key, error: toApiError(e), loading: false });
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((update: (current: T | undefined) => T | undefined) => {
    setState((s) => ({ ...s, data: update(s.data) }));
  }, []);
  const current = state.key === key ? state : { key, loading: true };
  return { data: current.data, error: current.error, loading: current.loading, reload, replace };
}
