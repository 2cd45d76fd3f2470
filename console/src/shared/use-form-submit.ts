import { useState } from 'react';
import type { ApiError } from '../api/api-error';
import { toApiError } from '../api/api-error';

/**
 * A create page's submit: field errors show only once the user has tried to submit; an invalid
 * form sends nothing; a failed request shows the server's error and re-enables the button. On
 * success the button stays busy while the page navigates away, unless `idleAfterSuccess` (a page
 * that stays, e.g. to show a confirmation).
 */
export function useFormSubmit(
  invalid: boolean,
  send: () => Promise<void>,
  { idleAfterSuccess = false }: { idleAfterSuccess?: boolean } = {},
): { submitted: boolean; busy: boolean; error: ApiError | undefined; submit: () => Promise<void> } {
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async (): Promise<void> => {
    setSubmitted(true);
    setError(undefined);
    if (invalid) return;
    setBusy(true);
    try {
      await send();
      if (idleAfterSuccess) setBusy(false);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };
  return { submitted, busy, error, submit };
}
