/** How the server authenticates: `open` (the access key names the account) or `strict` (signatures checked). */
export type ServerAuth = 'open' | 'strict';

let known: Promise<ServerAuth | undefined> | undefined;

/**
 * Read once from `GET /_vpcpeer/health`, which needs no signature. Unknown (an older server, a
 * failed read) leaves the choice to the user.
 */
export function serverAuth(): Promise<ServerAuth | undefined> {
  known ??= fetch('/_vpcpeer/health').then(
    async (r) => {
      if (!r.ok) return undefined;
      const body = (await r.json()) as { auth?: unknown };
      return body.auth === 'strict' || body.auth === 'open' ? body.auth : undefined;
    },
    () => undefined,
  );
  return known;
}
