import type { CredentialsFile } from '../auth/credentials-file.js';
import type { AuthProblem, SignatureClaim, SignedRequest } from '../auth/sigv4-verify.js';
import { checkCredentialScope, checkSigningTime, constantTimeEqual, readSignatureClaim, SIGNATURE_MISMATCH_MESSAGE, signatureMatches } from '../auth/sigv4-verify.js';
import type { StsSession } from './sts-handler.js';

/** A caller whose signature has been verified (strict mode). */
export interface VerifiedCaller {
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
  readonly accessKeyId: string;
  /** The long-term key at the root: the key itself, or the key a session was issued to. */
  readonly rootAccessKeyId: string;
  /** May call the admin endpoints (reset, clock). */
  readonly admin: boolean;
  /** Accounts whose roles this caller may assume (its own is always allowed). */
  readonly assumeRoleAccounts: readonly string[];
  /** For AWS's AccessDenied wording: `arn:aws:iam::<acct>:root` or the assumed-role ARN. */
  readonly principalArn: string;
}

export type AuthOutcome =
  | { readonly ok: true; readonly caller: VerifiedCaller }
  | { readonly ok: false; readonly problem: AuthProblem; readonly claim?: SignatureClaim };

export interface Authenticator {
  /** Reads only the claim (who the request says it is), for routing and for wording errors. */
  claim(req: SignedRequest): SignatureClaim | AuthProblem;
  /**
   * Verifies the request. `service` is the signing name the answering service expects in the
   * credential scope (`ec2`, `sts`), or undefined where any is accepted.
   */
  authenticate(req: SignedRequest, service: string | undefined): Promise<AuthOutcome>;
}

export interface StrictAuthOptions {
  readonly credentials: CredentialsFile;
  /** The STS session behind an ASIA key, if we issued one. */
  loadSession(accessKeyId: string): Promise<StsSession | undefined>;
  /** Real time (ms): signatures are checked against the wall clock, never the movable server clock. */
  readonly now?: () => number;
}

/**
 * Strict mode: only keys in the credentials file, and session keys our AssumeRole issued to them,
 * are accepted, and only with a valid signature made within the time window.
 */
export function strictAuthenticator(options: StrictAuthOptions): Authenticator {
  const now = options.now ?? Date.now;
  return {
    claim: readSignatureClaim,
    async authenticate(req, service) {
      const claim = readSignatureClaim(req);
      if ('kind' in claim) return { ok: false, problem: claim };
      const fail = (problem: AuthProblem): AuthOutcome => ({ ok: false, problem, claim });
      const timing = checkSigningTime(claim, now());
      if (timing) return fail(timing);
      const scope = checkCredentialScope(claim, service);
      if (scope) return fail(scope);

      const key = options.credentials.lookup(claim.accessKeyId);
      if (key) {
        // A long-term key never comes with a session token (STS: InvalidClientTokenId).
        if (claim.sessionToken !== undefined) return fail({ kind: 'token-invalid' });
        if (!(await signatureMatches(req, claim, key.secretAccessKey))) return fail({ kind: 'mismatch' });
        return {
          ok: true,
          caller: {
            accountId: key.accountId,
            region: claim.region,
            service: claim.service,
            accessKeyId: key.accessKeyId,
            rootAccessKeyId: key.accessKeyId,
            admin: key.admin === true,
            assumeRoleAccounts: key.assumeRoleAccounts ?? [],
            principalArn: `arn:aws:iam::${key.accountId}:root`,
          },
        };
      }

      const session = await options.loadSession(claim.accessKeyId);
      if (!session) return fail({ kind: 'unknown-key' });
      // Sessions count only while the key they were issued to is still listed: removing a key
      // from the file revokes its sessions too. Sessions issued in open mode have no such key.
      const root = session.sourceAccessKeyId !== undefined ? options.credentials.lookup(session.sourceAccessKeyId) : undefined;
      if (!root || claim.sessionToken === undefined || !constantTimeEqual(claim.sessionToken, session.sessionToken)) return fail({ kind: 'token-invalid' });
      if (now() >= session.expiration) return fail({ kind: 'token-expired' });
      if (!(await signatureMatches(req, claim, session.secretAccessKey))) return fail({ kind: 'mismatch' });
      return {
        ok: true,
        caller: {
          accountId: session.accountId,
          region: claim.region,
          service: claim.service,
          accessKeyId: session.accessKeyId,
          rootAccessKeyId: root.accessKeyId,
          admin: false,
          assumeRoleAccounts: root.assumeRoleAccounts ?? [],
          principalArn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
        },
      };
    },
  };
}

export interface WordedError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

const EC2_AUTH_FAILURE = 'AWS was not able to validate the provided access credentials';
const REQUEST_EXPIRED = 'Request has expired.';
const STS_INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * How each service words an authentication problem. EC2 answers `AuthFailure` (401) for an
 * unknown key, a wrong signature or a bad session token, and `RequestExpired` (400) for a signing
 * time outside the window or an expired session - what the AWS CLI, SDKs and Terraform show for
 * EC2 (e.g. aws/aws-sdk-java-v2#2981, hashicorp/terraform-provider-aws#9597: `AuthFailure: AWS was
 * not able to validate the provided access credentials, status code: 401`; RequestExpired in the
 * EC2 error code list). STS, like the other Query services, is more specific: InvalidClientTokenId,
 * SignatureDoesNotMatch (with the skew details), ExpiredToken, all 403. Both answer
 * MissingAuthenticationToken (403) for an unsigned request and IncompleteSignature (400) for a
 * malformed one (the common error lists of the EC2 and STS API references).
 */
export function wordAuthProblem(problem: AuthProblem, service: 'ec2' | 'sts'): WordedError {
  switch (problem.kind) {
    case 'missing':
      return { code: 'MissingAuthenticationToken', status: 403, message: 'Request is missing Authentication Token' };
    case 'incomplete':
      return { code: 'IncompleteSignature', status: 400, message: problem.message };
    case 'forbidden':
      return { code: 'AccessDenied', status: 403, message: problem.message };
    case 'presign-expired':
      return { code: 'RequestExpired', status: 400, message: REQUEST_EXPIRED };
    default:
  }
  if (service === 'ec2') {
    if (problem.kind === 'skew' || problem.kind === 'token-expired') return { code: 'RequestExpired', status: 400, message: REQUEST_EXPIRED };
    return { code: 'AuthFailure', status: 401, message: EC2_AUTH_FAILURE };
  }
  switch (problem.kind) {
    case 'unknown-key':
    case 'token-invalid':
      return { code: 'InvalidClientTokenId', status: 403, message: STS_INVALID_TOKEN };
    case 'token-expired':
      return { code: 'ExpiredToken', status: 403, message: 'The security token included in the request is expired' };
    case 'skew':
      return { code: 'SignatureDoesNotMatch', status: 403, message: problem.message };
    case 'mismatch':
    default:
      return { code: 'SignatureDoesNotMatch', status: 403, message: problem.kind === 'mismatch' && problem.message ? problem.message : SIGNATURE_MISMATCH_MESSAGE };
  }
}
