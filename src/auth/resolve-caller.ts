import { accountOfSessionKey } from './session-keys.js';

/**
 * Open mode: who is calling, read from the SigV4 credential scope,
 *   Authorization: AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, ...
 * or, for presigned URLs, X-Amz-Credential in the query string. The signature is not checked here;
 * strict mode verifies it instead (sigv4-verify.ts) and takes the account from the credentials file.
 */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export interface CallerIdentity {
  readonly accountId: string;
  readonly region: string;
  readonly accessKeyId?: string;
  readonly service?: string;
}

export interface CallerDefaults {
  readonly defaultAccount: string;
  readonly defaultRegion: string;
}

const SCOPE = /Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

export function parseCredentialScope(authorization: string | undefined, presignedCredential: string | undefined): CredentialScope | undefined {
  const text = authorization ?? (presignedCredential !== undefined ? `Credential=${presignedCredential}` : undefined);
  if (text === undefined) return undefined;
  const m = SCOPE.exec(text);
  if (!m) return undefined;
  return { accessKeyId: m[1] as string, date: m[2] as string, region: m[3] as string, service: m[4] as string };
}

/**
 * A 12-digit access key id is that account (the convention LocalStack and others share, so
 * users' multi-account scripts carry over); a session key from our AssumeRole carries its
 * account; any other key belongs to the default account.
 */
export function accountForAccessKey(accessKeyId: string | undefined, defaultAccount: string): string {
  if (accessKeyId === undefined) return defaultAccount;
  if (/^\d{12}$/.test(accessKeyId)) return accessKeyId;
  return accountOfSessionKey(accessKeyId) ?? defaultAccount;
}

export function resolveCaller(scope: CredentialScope | undefined, defaults: CallerDefaults): CallerIdentity {
  if (!scope) return { accountId: defaults.defaultAccount, region: defaults.defaultRegion };
  return {
    accountId: accountForAccessKey(scope.accessKeyId, defaults.defaultAccount),
    region: scope.region,
    accessKeyId: scope.accessKeyId,
    service: scope.service,
  };
}
