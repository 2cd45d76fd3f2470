import { errors } from './errors.js';

export interface PageRequest {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

// Tokens name the last id returned (keyset pagination): stable while items are added or removed,
// unlike an offset. Opaque to clients; a versioned prefix lets the format change later.
const PREFIX = 'v1:';

function decodeToken(token: string): string {
  let text: string;
  try {
    text = Buffer.from(token, 'base64url').toString('utf8');
  } catch {
    throw errors.invalidNextToken();
  }
  if (!text.startsWith(PREFIX) || text.length > 200 || Buffer.from(text, 'utf8').toString('base64url') !== token) {
    throw errors.invalidNextToken();
  }
  return text.slice(PREFIX.length);
}

export function encodeToken(lastId: string): string {
  return Buffer.from(PREFIX + lastId, 'utf8').toString('base64url');
}

/** Bounds of MaxResults for one Describe call (from the model: e.g. 5-1000, or 5-100 for route tables). */
export interface PageBounds {
  readonly min: number;
  readonly max: number;
}

export function checkPageRequest(req: PageRequest, bounds: PageBounds): string | undefined {
  if (req.maxResults !== undefined && (req.maxResults < bounds.min || req.maxResults > bounds.max)) {
    throw errors.maxResults(req.maxResults, bounds.min, bounds.max);
  }
  return req.nextToken === undefined ? undefined : decodeToken(req.nextToken);
}

/** One page of items already sorted by id. Without MaxResults AWS returns everything. */
export function paginate<T extends { readonly id: string }>(sorted: readonly T[], req: PageRequest, bounds: PageBounds): Page<T> {
  const after = checkPageRequest(req, bounds);
  let start = 0;
  if (after !== undefined) {
    start = sorted.findIndex((item) => item.id > after);
    if (start < 0) start = sorted.length;
  }
  if (req.maxResults === undefined) return { items: sorted.slice(start) };
  const items = sorted.slice(start, start + req.maxResults);
  const more = start + req.maxResults < sorted.length;
  const last = items[items.length - 1];
  return more && last ? { items, nextToken: encodeToken(last.id) } : { items };
}
