import { createHash } from 'node:crypto';
import { mintSessionAccessKeyId } from '../auth/session-keys.js';
import type { SessionSecrets } from '../auth/session-secrets.js';
import type { Repository, UnitOfWork } from '../core/repository.js';
import { escapeXml } from '../protocol/index.js';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export interface StsCaller {
  readonly accountId: string;
  readonly accessKeyId?: string;
  /**
   * Strict mode: the accounts whose roles this caller may assume besides its own, the key at the
   * root of its chain (recorded in the session) and its ARN (for AccessDenied). Open mode leaves
   * them out: any role may be assumed, as before.
   */
  readonly assumeRoleAccounts?: readonly string[];
  readonly rootAccessKeyId?: string;
  readonly principalArn?: string;
}

/** An AssumeRole session, kept so GetCallerIdentity can name it and strict mode can verify it. */
export interface StsSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly accountId: string;
  readonly roleArn: string;
  readonly roleName: string;
  readonly sessionName: string;
  readonly roleId: string;
  readonly expiration: number;
  /** The long-term key the session was issued to (strict mode verifies it is still listed). */
  readonly sourceAccessKeyId?: string;
}

export interface StsResult {
  readonly status: number;
  readonly code: string;
  readonly body: string;
  /** AssumeRole: the role assumed and the session key issued, for the audit trail. */
  readonly assumed?: { readonly roleArn: string; readonly accountId: string; readonly accessKeyId: string };
}

const sessionKey = (accessKeyId: string): string => `sts-session:${accessKeyId}`;

/** What the store keeps of a session: everything but its secrets, which are derived (SessionSecrets). */
type StoredSession = Omit<StsSession, 'secretAccessKey' | 'sessionToken'>;

/** The session behind a key our AssumeRole issued, if any, with its secrets derived again. */
export async function loadSession(store: UnitOfWork, secrets: SessionSecrets, accessKeyId: string): Promise<StsSession | undefined> {
  if (!accessKeyId.startsWith('ASIA')) return undefined;
  const text = await store.read((r) => r.meta.get(sessionKey(accessKeyId)));
  if (text === undefined) return undefined;
  // Sessions stored before the secrets were derived carried them: they are not used any more.
  const { secretAccessKey: _secret, sessionToken: _token, ...stored } = JSON.parse(text) as StoredSession & Partial<StsSession>;
  return { ...stored, secretAccessKey: secrets.secretOf(accessKeyId), sessionToken: secrets.tokenOf(accessKeyId) };
}

function ok(action: string, result: string, requestId: string): StsResult {
  return {
    status: 200,
    code: 'OK',
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${STS_NS}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** STS errors use the awsQuery shape: ErrorResponse/Error/{Type,Code,Message} and RequestId. */
export function stsError(code: string, message: string, requestId: string, status = 400): StsResult {
  return {
    status,
    code,
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code>` +
      `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

/**
 * GetCallerIdentity must agree with the access-key -> account mapping of EC2 calls: Terraform
 * compares it with peering owner ids to decide whether it is the requester or the accepter
 * (AWS-BEHAVIOUR.md §5.4). A plain key is the account's root; a session key is its assumed role.
 */
async function getCallerIdentity(store: UnitOfWork, caller: StsCaller, requestId: string): Promise<StsResult> {
  const session = caller.accessKeyId?.startsWith('ASIA') ? await store.read((r) => r.meta.get(sessionKey(caller.accessKeyId as string))) : undefined;
  if (session) {
    const s = JSON.parse(session) as StsSession;
    return ok(
      'GetCallerIdentity',
      `<Arn>arn:aws:sts::${s.accountId}:assumed-role/${escapeXml(s.roleName)}/${escapeXml(s.sessionName)}</Arn>` +
        `<UserId>${s.roleId}:${escapeXml(s.sessionName)}</UserId><Account>${s.accountId}</Account>`,
      requestId,
    );
  }
  return ok('GetCallerIdentity', `<Arn>arn:aws:iam::${caller.accountId}:root</Arn><UserId>${caller.accountId}</UserId><Account>${caller.accountId}</Account>`, requestId);
}

// STS's documented constraints (AssumeRole API reference).
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64}))$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function param(params: readonly (readonly [string, string])[], name: string): string | undefined {
  let value: string | undefined;
  for (const [k, v] of params) if (k === name) value = v;
  return value;
}

/** Runs in the transaction that stores an issued session (the audit trail records it there). */
export type OnAssumed = (repo: Repository, assumed: NonNullable<StsResult['assumed']>) => Promise<void>;

async function assumeRole(
  store: UnitOfWork,
  secrets: SessionSecrets,
  params: readonly (readonly [string, string])[],
  caller: StsCaller,
  requestId: string,
  onAssumed?: OnAssumed,
): Promise<StsResult> {
  const roleArn = param(params, 'RoleArn');
  const sessionName = param(params, 'RoleSessionName');
  if (roleArn === undefined) return stsError('MissingParameter', 'The request must contain the parameter RoleArn', requestId);
  if (sessionName === undefined) return stsError('MissingParameter', 'The request must contain the parameter RoleSessionName', requestId);
  const arn = ROLE_ARN.exec(roleArn);
  if (!arn) return stsError('ValidationError', `Value '${roleArn}' at 'roleArn' failed to satisfy constraint: it must be an IAM role ARN such as arn:aws:iam::123456789012:role/name`, requestId);
  if (!SESSION_NAME.test(sessionName)) {
    return stsError('ValidationError', `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length 2 to 64`, requestId);
  }
  const durationText = param(params, 'DurationSeconds') ?? '3600';
  const duration = Number(durationText);
  if (!/^\d+$/.test(durationText) || duration < 900 || duration > 43200) {
    return stsError('ValidationError', `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`, requestId);
  }
  const accountId = arn[1] as string;
  const roleName = arn[3] as string;
  // Strict mode has no IAM trust policies: a key may assume roles of its own account and of the
  // accounts its credentials entry lists, nothing else. AWS's wording for a denied AssumeRole.
  if (caller.assumeRoleAccounts !== undefined && accountId !== caller.accountId && !caller.assumeRoleAccounts.includes(accountId)) {
    return stsError('AccessDenied', `User: ${caller.principalArn ?? `arn:aws:iam::${caller.accountId}:root`} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, requestId, 403);
  }
  // A stable role id per role ARN, in AWS's `AROA` form.
  const roleId = 'AROA' + createHash('sha256').update(roleArn).digest('hex').toUpperCase().slice(0, 17);
  const accessKeyId = mintSessionAccessKeyId(accountId);
  const stored: StoredSession = {
    accessKeyId,
    accountId,
    roleArn,
    roleName,
    sessionName,
    roleId,
    // Real time, not the server's movable clock: clients compare it with their own clock.
    expiration: Date.now() + duration * 1000,
    ...(caller.rootAccessKeyId !== undefined ? { sourceAccessKeyId: caller.rootAccessKeyId } : {}),
  };
  const session: StsSession = { ...stored, secretAccessKey: secrets.secretOf(accessKeyId), sessionToken: secrets.tokenOf(accessKeyId) };
  const assumed = { roleArn, accountId, accessKeyId: session.accessKeyId };
  await store.write(async (r) => {
    await r.meta.set(sessionKey(session.accessKeyId), JSON.stringify(stored));
    await onAssumed?.(r, assumed);
  });
  const result = ok(
    'AssumeRole',
    `<Credentials><AccessKeyId>${session.accessKeyId}</AccessKeyId><SecretAccessKey>${session.secretAccessKey}</SecretAccessKey>` +
      `<SessionToken>${escapeXml(session.sessionToken)}</SessionToken><Expiration>${new Date(session.expiration).toISOString()}</Expiration></Credentials>` +
      `<AssumedRoleUser><AssumedRoleId>${roleId}:${escapeXml(sessionName)}</AssumedRoleId>` +
      `<Arn>arn:aws:sts::${accountId}:assumed-role/${escapeXml(roleName)}/${escapeXml(sessionName)}</Arn></AssumedRoleUser>` +
      `<PackedPolicySize>0</PackedPolicySize>`,
    requestId,
  );
  return { ...result, assumed };
}

export const STS_ACTIONS = new Set(['GetCallerIdentity', 'AssumeRole']);

/** One STS Query request (Version 2011-06-15). */
export async function handleSts(
  store: UnitOfWork,
  secrets: SessionSecrets,
  action: string,
  params: readonly (readonly [string, string])[],
  caller: StsCaller,
  requestId: string,
  onAssumed?: OnAssumed,
): Promise<StsResult> {
  if (action === 'GetCallerIdentity') return getCallerIdentity(store, caller, requestId);
  if (action === 'AssumeRole') return assumeRole(store, secrets, params, caller, requestId, onAssumed);
  return stsError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`, requestId);
}
