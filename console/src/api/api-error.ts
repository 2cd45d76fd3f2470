/**
 * An API failure as the console shows it: the server's AWS error code and message verbatim, or a
 * network failure (nothing answered), which the console offers to retry.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly network: boolean,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static network(cause: unknown): ApiError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new ApiError('NetworkError', `The server could not be reached (${detail}).`, true);
  }

  /** `Code: message`, the form AWS's own tools print. */
  get text(): string {
    return `${this.code}: ${this.message}`;
  }
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Anything a request can throw, as an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const err = (typeof e === 'object' && e !== null ? e : {}) as SdkErrorShape;
  const status = err.$metadata?.httpStatusCode;
  // The SDK sets an HTTP status only when the server answered; a failed fetch has none.
  if (typeof status === 'number' && typeof err.name === 'string') {
    return new ApiError(err.name, typeof err.message === 'string' ? err.message : '', false);
  }
  return ApiError.network(e);
}

export function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
