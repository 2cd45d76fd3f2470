/** Who the console acts as, and where: the credentials sign every request, the region scopes it. */
export interface Session {
  readonly accountId: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * The sign-in, in localStorage: one per browser as in AWS's console, so a new tab or a
 * ctrl-clicked link opens signed in, and signing out anywhere signs out everywhere. It holds what
 * the per-tab entry held before (no more secrets), plus when the sign-in happened.
 */
export const SIGN_IN_KEY = 'vpcpeer.console.session';
/** This tab's region (sessionStorage): switching region in one tab leaves the others where they are. */
const TAB_REGION_KEY = 'vpcpeer.console.region';
/** A stored sign-in lasts as long as an AWS console session at most, then asks again. */
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

interface StoredSignIn extends Session {
  /** ms since the epoch; the region stored with it is the last one chosen, the default for new tabs. */
  readonly signedInAt: number;
}

function parse(raw: string | null): StoredSignIn | undefined {
  if (!raw) return undefined;
  try {
    const s = JSON.parse(raw) as Partial<StoredSignIn>;
    if (typeof s.accountId === 'string' && typeof s.region === 'string' && typeof s.accessKeyId === 'string' && typeof s.secretAccessKey === 'string') {
      return { accountId: s.accountId, region: s.region, accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey, signedInAt: typeof s.signedInAt === 'number' ? s.signedInAt : Date.now() };
    }
  } catch {
    // A damaged entry just means signing in again.
  }
  return undefined;
}

function readStored(): StoredSignIn | undefined {
  const stored = parse(window.localStorage.getItem(SIGN_IN_KEY));
  if (stored && Date.now() - stored.signedInAt > MAX_AGE_MS) {
    window.localStorage.removeItem(SIGN_IN_KEY);
    return undefined;
  }
  if (stored) return stored;
  // A tab signed in before sign-ins were shared kept it in sessionStorage under the same key: adopt it once.
  const legacy = parse(window.sessionStorage.getItem(SIGN_IN_KEY));
  window.sessionStorage.removeItem(SIGN_IN_KEY);
  if (legacy) window.localStorage.setItem(SIGN_IN_KEY, JSON.stringify(legacy));
  return legacy;
}

/** Whether two sessions are the same sign-in (the region aside). */
export function sameSignIn(a: Session, b: Session): boolean {
  return a.accountId === b.accountId && a.accessKeyId === b.accessKeyId && a.secretAccessKey === b.secretAccessKey;
}

/** The browser's sign-in in this tab's region (the last region chosen anywhere, for a new tab). */
export function loadSession(): Session | undefined {
  try {
    const stored = readStored();
    if (!stored) return undefined;
    // A tab starts in the region chosen last, anywhere, then keeps its own.
    let region = window.sessionStorage.getItem(TAB_REGION_KEY);
    if (region === null) {
      region = stored.region;
      window.sessionStorage.setItem(TAB_REGION_KEY, region);
    }
    return { accountId: stored.accountId, region, accessKeyId: stored.accessKeyId, secretAccessKey: stored.secretAccessKey };
  } catch {
    // Storage refused (private mode, quota): sign in again.
    return undefined;
  }
}

/** Signs in, switches, changes this tab's region, or (undefined) signs out every tab. */
export function saveSession(session: Session | undefined): void {
  if (!session) {
    window.localStorage.removeItem(SIGN_IN_KEY);
    window.sessionStorage.removeItem(TAB_REGION_KEY);
    return;
  }
  const previous = parse(window.localStorage.getItem(SIGN_IN_KEY));
  // A region switch is no new sign-in: it must not make the stored secret live longer.
  const signedInAt = previous && sameSignIn(previous, session) ? previous.signedInAt : Date.now();
  const stored: StoredSignIn = { accountId: session.accountId, region: session.region, accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, signedInAt };
  window.localStorage.setItem(SIGN_IN_KEY, JSON.stringify(stored));
  window.sessionStorage.setItem(TAB_REGION_KEY, session.region);
}

/**
 * Takes the sign-in another tab just changed: this tab keeps its own region (a sign-in made
 * elsewhere while this tab was signed out brings that tab's region: loadSession records it).
 * Undefined: signed out, and this tab forgets its region with the sign-in.
 */
export function adoptSession(): Session | undefined {
  const next = loadSession();
  if (!next) window.sessionStorage.removeItem(TAB_REGION_KEY);
  return next;
}

/** The secret a 12-digit sign-in signs with: the server reads the account from the key id alone. */
export const ACCOUNT_SIGN_IN_SECRET = 'console';
