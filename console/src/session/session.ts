/** Who the console acts as, and where: the credentials sign every request, the region scopes it. */
export interface Session {
  readonly accountId: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const KEY = 'vpcpeer.console.session';

/** Per tab (sessionStorage): two tabs or two browser contexts can be two accounts at once. */
export function loadSession(): Session | undefined {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.accountId === 'string' && typeof s.region === 'string' && typeof s.accessKeyId === 'string' && typeof s.secretAccessKey === 'string') {
      return { accountId: s.accountId, region: s.region, accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey };
    }
  } catch {
    // A damaged entry just means signing in again.
  }
  return undefined;
}

export function saveSession(session: Session | undefined): void {
  if (session) window.sessionStorage.setItem(KEY, JSON.stringify(session));
  else window.sessionStorage.removeItem(KEY);
}

/** The secret a 12-digit sign-in signs with: the server reads the account from the key id alone. */
export const ACCOUNT_SIGN_IN_SECRET = 'console';
