/**
 * Decodes an `application/x-www-form-urlencoded` string strictly: a malformed percent escape or
 * bytes that are not UTF-8 are refused (the caller answers 400) rather than silently replaced,
 * so what a handler sees is exactly what the client meant.
 */
/** `+` is a space, then percent-decoding; most components have neither and are returned as they are. */
function decodeFormComponent(raw: string): string {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  return spaced.includes('%') ? decodeURIComponent(spaced) : spaced;
}

export function parseFormParams(text: string, into: [string, string][] = []): [string, string][] | undefined {
  if (text === '') return into;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      into.push([decodeFormComponent(rawKey), decodeFormComponent(rawValue)]);
    } catch {
      return undefined;
    }
  }
  return into;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
