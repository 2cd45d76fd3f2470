/**
 * libpq's connection parameters that carry a secret or name a private key: a URL may give them in
 * its query string (`?password=…`) as well as before the host (`user:password@`).
 */
const SECRET_PARAMETERS: ReadonlySet<string> = new Set(['password', 'sslpassword', 'sslkey']);

/** A PostgreSQL URL as the start-up line and messages may show it: every secret in it masked. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const name of new Set(u.searchParams.keys())) if (SECRET_PARAMETERS.has(name.toLowerCase())) u.searchParams.set(name, '***');
    return u.toString();
  } catch {
    return '(not a URL)';
  }
}
