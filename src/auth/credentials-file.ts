import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { mintSecret } from './session-keys.js';

/**
 * The credentials of strict mode: a JSON file an operator owns,
 *
 *   {"credentials": [{"accessKeyId": "AKIA...", "secretAccessKey": "...", "accountId": "111122223333"}]}
 *
 * Optional per key: `"admin": true` lets the key call the admin endpoints (reset, clock) in strict
 * mode; `"assumeRoleAccounts": ["222222222222"]` lets it AssumeRole into roles of those accounts
 * (AssumeRole into its own account is always allowed). Nothing else grants anything.
 */
export interface StaticCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
  readonly admin?: boolean;
  readonly assumeRoleAccounts?: readonly string[];
}

export class CredentialsFileError extends Error {}

const ACCOUNT = /^\d{12}$/;
// AWS's own access key ids are 16-128 word characters; 12-digit keys are allowed too so scripts that
// used the open-mode convention (key = account) can move to strict mode by adding secrets.
const ACCESS_KEY_ID = /^[A-Za-z0-9]{12,128}$/;
/** The shape of our AssumeRole session keys (session-keys.ts): never a static key, to keep the two apart. */
const SESSION_KEY_SHAPE = /^ASIA[A-Z2-7]{16}$/;

/** Parses and validates the file's text; every problem is reported with where it is. */
export function parseCredentials(text: string, source: string): StaticCredential[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CredentialsFileError(`${source} is not valid JSON (${(err as Error).message})`);
  }
  const list = (doc as { credentials?: unknown } | null)?.credentials;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(list)) {
    throw new CredentialsFileError(`${source} must be a JSON object with a "credentials" array`);
  }
  const seen = new Set<string>();
  return list.map((entry: unknown, i): StaticCredential => {
    const where = `${source}: credentials[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new CredentialsFileError(`${where} must be an object`);
    const { accessKeyId, secretAccessKey, accountId, admin, assumeRoleAccounts } = entry as Record<string, unknown>;
    if (typeof accessKeyId !== 'string' || !ACCESS_KEY_ID.test(accessKeyId)) {
      throw new CredentialsFileError(`${where}.accessKeyId must be 12 to 128 letters and digits`);
    }
    if (SESSION_KEY_SHAPE.test(accessKeyId)) throw new CredentialsFileError(`${where}.accessKeyId has the shape of an STS session key (ASIA...); use another`);
    if (seen.has(accessKeyId)) throw new CredentialsFileError(`${where}.accessKeyId ${accessKeyId} is listed twice`);
    seen.add(accessKeyId);
    if (typeof secretAccessKey !== 'string' || secretAccessKey.length < 16 || secretAccessKey.length > 128) {
      throw new CredentialsFileError(`${where}.secretAccessKey must be a string of 16 to 128 characters`);
    }
    if (typeof accountId !== 'string' || !ACCOUNT.test(accountId)) throw new CredentialsFileError(`${where}.accountId must be a 12-digit account id`);
    if (admin !== undefined && typeof admin !== 'boolean') throw new CredentialsFileError(`${where}.admin must be true or false`);
    if (assumeRoleAccounts !== undefined && (!Array.isArray(assumeRoleAccounts) || !assumeRoleAccounts.every((a) => typeof a === 'string' && ACCOUNT.test(a)))) {
      throw new CredentialsFileError(`${where}.assumeRoleAccounts must be a list of 12-digit account ids`);
    }
    return {
      accessKeyId,
      secretAccessKey,
      accountId,
      ...(admin === true ? { admin: true } : {}),
      ...(assumeRoleAccounts ? { assumeRoleAccounts: assumeRoleAccounts as string[] } : {}),
    };
  });
}

export function readCredentialsFile(path: string): StaticCredential[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CredentialsFileError(`cannot read the credentials file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseCredentials(text, path);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `AKIA` + 16 characters of AWS's key alphabet, as long-term AWS access key ids look. */
export function mintAccessKeyId(): string {
  const bytes = randomBytes(16);
  let out = 'AKIA';
  for (const b of bytes) out += BASE32[b & 31];
  return out;
}

export interface MintOptions {
  readonly admin?: boolean;
  readonly assumeRoleAccounts?: readonly string[];
}

/**
 * Mints a key pair for an account and adds it to the file (created if absent, mode 0600), writing
 * a temporary file and renaming it so a running server never reads half a file.
 */
export function addCredential(path: string, accountId: string, options: MintOptions = {}): StaticCredential {
  if (!ACCOUNT.test(accountId)) throw new CredentialsFileError(`--account must be a 12-digit account id, not '${accountId}'`);
  for (const a of options.assumeRoleAccounts ?? []) {
    if (!ACCOUNT.test(a)) throw new CredentialsFileError(`--assume-role-account must be a 12-digit account id, not '${a}'`);
  }
  const existing = existsSync(path) ? readCredentialsFile(path) : [];
  let accessKeyId = mintAccessKeyId();
  while (existing.some((c) => c.accessKeyId === accessKeyId)) accessKeyId = mintAccessKeyId();
  const credential: StaticCredential = {
    accessKeyId,
    secretAccessKey: mintSecret(),
    accountId,
    ...(options.admin ? { admin: true } : {}),
    ...(options.assumeRoleAccounts && options.assumeRoleAccounts.length > 0 ? { assumeRoleAccounts: [...options.assumeRoleAccounts] } : {}),
  };
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ credentials: [...existing, credential] }, null, 2) + '\n', { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
  return credential;
}

/**
 * The file as a running server sees it: looked up by access key id, and re-read whenever the file
 * changes (a key added by `vpcpeer credentials create` works at once, a key removed stops working
 * at once). A change that leaves the file invalid keeps the last good list and is reported once.
 */
export class CredentialsFile {
  private byKey: Map<string, StaticCredential>;
  private stamp: string;

  constructor(
    readonly path: string,
    private readonly onReloadError: (err: Error) => void = () => undefined,
  ) {
    this.byKey = CredentialsFile.index(readCredentialsFile(path));
    this.stamp = this.currentStamp();
  }

  get size(): number {
    this.refresh();
    return this.byKey.size;
  }

  lookup(accessKeyId: string): StaticCredential | undefined {
    this.refresh();
    return this.byKey.get(accessKeyId);
  }

  private static index(list: readonly StaticCredential[]): Map<string, StaticCredential> {
    return new Map(list.map((c) => [c.accessKeyId, c]));
  }

  private currentStamp(): string {
    try {
      const s = statSync(this.path, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch {
      return 'missing';
    }
  }

  private refresh(): void {
    const stamp = this.currentStamp();
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    try {
      this.byKey = CredentialsFile.index(readCredentialsFile(this.path));
    } catch (err) {
      this.onReloadError(err as Error);
    }
  }
}
