import { Sha256 } from '@aws-crypto/sha256-js';
import { ALGORITHM_IDENTIFIER, getCanonicalHeaders, getCanonicalQuery, KEY_TYPE_IDENTIFIER, MAX_PRESIGNED_TTL, SignatureV4 } from '@smithy/signature-v4';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Strict verification of AWS Signature Version 4, for header-signed requests and presigned query
 * strings. The canonical request, the string to sign, the signing key and the HMAC are the AWS
 * SDK's own (@smithy/signature-v4 over @aws-crypto/sha256-js): we only gather what the client
 * signed - the listed headers as received, the URL's query, the SHA-256 of the body as received -
 * and compare the signature the SDK computes with the one sent, in constant time.
 *
 * Reference: "Create a signed AWS API request" and "Authenticating requests: using query
 * parameters" in the IAM user guide; the checks and their order follow AWS's own answers as
 * reproduced by python-aws-sig / scratchstack-aws-signature (time window, then credential scope,
 * then the key, then the signature).
 */

/** The HTTP request exactly as it arrived. */
export interface SignedRequest {
  readonly method: string;
  /** The path as sent, without the query string. */
  readonly path: string;
  /** The URL's query parameters, decoded, in order (not the body's form parameters). */
  readonly query: readonly (readonly [string, string])[];
  /** Header name/value pairs as received (Node's rawHeaders), names in any case. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
}

/** What the request claims: who signed it, for which scope, when, and how. */
export interface SignatureClaim {
  readonly presigned: boolean;
  readonly accessKeyId: string;
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** The signing time (X-Amz-Date, or the Date header), ms since the epoch. */
  readonly requestTime: number;
  /** The signing time in ISO 8601 basic format, as it enters the string to sign. */
  readonly amzDate: string;
  readonly expiresSeconds?: number;
  readonly sessionToken?: string;
}

/** Why a request is not authenticated; the server words it per service (EC2 and STS differ). */
export type AuthProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'incomplete'; readonly message: string }
  | { readonly kind: 'unknown-key' }
  | { readonly kind: 'mismatch'; readonly message?: string }
  /** Outside the 15-minute window; `message` is AWS's wording (STS shows it, EC2 does not). */
  | { readonly kind: 'skew'; readonly message: string }
  | { readonly kind: 'presign-expired' }
  | { readonly kind: 'token-invalid' }
  | { readonly kind: 'token-expired' }
  | { readonly kind: 'forbidden'; readonly message: string };

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** AWS accepts a signing time up to 15 minutes either side of its own clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function isoBasic(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function parseIsoBasic(text: string): number | undefined {
  const m = ISO_BASIC.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  // Reject dates that do not exist (20261331T...) rather than letting Date roll them over.
  return isoBasic(ms) === text ? ms : undefined;
}

function headerValues(req: SignedRequest, name: string): string[] {
  const out: string[] = [];
  for (const [k, v] of req.headers) if (k.toLowerCase() === name) out.push(v);
  return out;
}

function queryValue(req: SignedRequest, name: string): string | undefined {
  let value: string | undefined;
  for (const [k, v] of req.query) if (k === name) value = v;
  return value;
}

const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'] as const;
const PRESIGN_INCOMPLETE =
  'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.';

function badDate(text: string): AuthProblem {
  return { kind: 'incomplete', message: `Date must be in ISO-8601 'basic format'. Got '${text}'. See http://en.wikipedia.org/wiki/ISO_8601` };
}

function splitCredential(credential: string): { parts: string[] } | AuthProblem {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    return { kind: 'incomplete', message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'` };
  }
  return { parts };
}

/**
 * Reads the claim of a request: from the Authorization header, or from the X-Amz-* query
 * parameters of a presigned URL. `missing` when the request carries neither.
 */
export function readSignatureClaim(req: SignedRequest): SignatureClaim | AuthProblem {
  const authorizations = headerValues(req, 'authorization');
  const presignedParams = PRESIGN_PARAMS.filter((p) => queryValue(req, p) !== undefined);
  if (authorizations.length > 0 && presignedParams.length > 0) {
    return { kind: 'incomplete', message: 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified' };
  }
  if (authorizations.length > 1) return { kind: 'incomplete', message: 'Only one Authorization header is allowed' };
  const sessionTokens = authorizations.length > 0 ? headerValues(req, 'x-amz-security-token') : [];
  if (sessionTokens.length > 1) return { kind: 'incomplete', message: 'Only one X-Amz-Security-Token header is allowed' };

  if (authorizations.length === 1) {
    const header = (authorizations[0] as string).trim();
    const space = header.indexOf(' ');
    const algorithm = space < 0 ? header : header.slice(0, space);
    const fields = new Map<string, string>();
    for (const part of (space < 0 ? '' : header.slice(space + 1)).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const dateHeader = headerValues(req, 'x-amz-date')[0] ?? headerValues(req, 'date')[0];
    const lacks: string[] = [];
    if (algorithm !== ALGORITHM_IDENTIFIER) lacks.push(`Unsupported AWS 'algorithm': '${algorithm.slice(0, 64)}'.`);
    for (const name of ['Credential', 'Signature', 'SignedHeaders']) if (!fields.get(name)) lacks.push(`Authorization header requires '${name}' parameter.`);
    if (dateHeader === undefined) lacks.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    if (lacks.length > 0) return { kind: 'incomplete', message: `${lacks.join(' ')} Authorization=${header.slice(0, 512)}` };

    const credential = splitCredential(fields.get('Credential') as string);
    if ('kind' in credential) return credential;
    let requestTime: number | undefined;
    const amzDate = headerValues(req, 'x-amz-date')[0];
    if (amzDate !== undefined) {
      requestTime = parseIsoBasic(amzDate);
      if (requestTime === undefined) return badDate(amzDate);
    } else {
      requestTime = Date.parse(dateHeader as string);
      if (!Number.isFinite(requestTime)) return badDate(dateHeader as string);
      requestTime = Math.floor(requestTime / 1000) * 1000;
    }
    const [accessKeyId, scopeDate, region, service, terminator] = credential.parts as [string, string, string, string, string];
    return {
      presigned: false,
      accessKeyId,
      scopeDate,
      region,
      service,
      terminator,
      signedHeaders: (fields.get('SignedHeaders') as string).split(';').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
      signature: fields.get('Signature') as string,
      requestTime,
      amzDate: isoBasic(requestTime),
      ...(sessionTokens.length === 1 ? { sessionToken: sessionTokens[0] as string } : {}),
    };
  }

  if (presignedParams.length === 0) return { kind: 'missing' };
  if (presignedParams.length < PRESIGN_PARAMS.length) return { kind: 'incomplete', message: PRESIGN_INCOMPLETE };
  for (const p of [...PRESIGN_PARAMS, 'X-Amz-Security-Token']) {
    if (req.query.filter(([k]) => k === p).length > 1) return { kind: 'incomplete', message: `Only one ${p} parameter is allowed` };
  }
  const algorithm = queryValue(req, 'X-Amz-Algorithm') as string;
  if (algorithm !== ALGORITHM_IDENTIFIER) return { kind: 'incomplete', message: `X-Amz-Algorithm only supports "${ALGORITHM_IDENTIFIER}"` };
  const credential = splitCredential(queryValue(req, 'X-Amz-Credential') as string);
  if ('kind' in credential) return credential;
  const amzDate = queryValue(req, 'X-Amz-Date') as string;
  const requestTime = parseIsoBasic(amzDate);
  if (requestTime === undefined) return badDate(amzDate);
  const expiresText = queryValue(req, 'X-Amz-Expires') as string;
  if (!/^\d{1,7}$/.test(expiresText)) return { kind: 'incomplete', message: 'X-Amz-Expires should be a number' };
  const expiresSeconds = Number(expiresText);
  if (expiresSeconds > MAX_PRESIGNED_TTL) return { kind: 'incomplete', message: `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_TTL}` };
  const token = queryValue(req, 'X-Amz-Security-Token');
  const [accessKeyId, scopeDate, region, service, terminator] = credential.parts as [string, string, string, string, string];
  return {
    presigned: true,
    accessKeyId,
    scopeDate,
    region,
    service,
    terminator,
    signedHeaders: (queryValue(req, 'X-Amz-SignedHeaders') as string).split(';').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    signature: queryValue(req, 'X-Amz-Signature') as string,
    requestTime,
    amzDate,
    expiresSeconds,
    ...(token !== undefined ? { sessionToken: token } : {}),
  };
}

/**
 * The signing time against the server's clock: at most 15 minutes either way for a signed
 * request; a presigned URL may be used from 15 minutes before its signing time until it expires.
 * Wording from STS (`Signature expired: ... is now earlier than ... (... - 15 min.)`).
 */
export function checkSigningTime(claim: SignatureClaim, now: number): AuthProblem | undefined {
  const earliest = now - MAX_SKEW_MS;
  const latest = now + MAX_SKEW_MS;
  if (claim.requestTime > latest) {
    return { kind: 'skew', message: `Signature not yet current: ${claim.amzDate} is still later than ${isoBasic(latest)} (${isoBasic(now)} + 15 min.)` };
  }
  if (claim.presigned) {
    if (now > claim.requestTime + (claim.expiresSeconds ?? 0) * 1000) return { kind: 'presign-expired' };
    return undefined;
  }
  if (claim.requestTime < earliest) {
    return { kind: 'skew', message: `Signature expired: ${claim.amzDate} is now earlier than ${isoBasic(earliest)} (${isoBasic(now)} - 15 min.)` };
  }
  return undefined;
}

/** The credential scope must name the signing date, the service that answers, and `aws4_request`. */
export function checkCredentialScope(claim: SignatureClaim, service: string | undefined): AuthProblem | undefined {
  const problems: string[] = [];
  if (service !== undefined && claim.service !== service) problems.push(`Credential should be scoped to correct service: '${service}'.`);
  if (claim.terminator !== KEY_TYPE_IDENTIFIER) problems.push(`Credential should be scoped with a valid terminator: '${KEY_TYPE_IDENTIFIER}', not '${claim.terminator}'.`);
  const date = claim.amzDate.slice(0, 8);
  if (claim.scopeDate !== date) {
    problems.push(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${claim.scopeDate}' != '${date}', from '${claim.amzDate}'.`);
  }
  return problems.length > 0 ? { kind: 'mismatch', message: problems.join(' ') } : undefined;
}

type SmithyRequest = Parameters<typeof getCanonicalQuery>[0];

/** The SDK's signer, opened up just enough to sign a canonical request we assemble from the wire. */
class ExpectedSignature extends SignatureV4 {
  constructor(accessKeyId: string, secretAccessKey: string, region: string, service: string) {
    super({ credentials: { accessKeyId, secretAccessKey }, region, service, sha256: Sha256, applyChecksum: false });
  }

  async of(req: SignedRequest, claim: SignatureClaim): Promise<string> {
    const signed = new Set(claim.signedHeaders);
    const headers: Record<string, string> = {};
    for (const name of signed) {
      // Repeated headers are one canonical header, values joined by commas (each trimmed by the SDK).
      headers[name] = headerValues(req, name)
        .map((v) => v.trim().replace(/\s+/g, ' '))
        .join(',');
    }
    const query: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    for (const [k, v] of req.query) {
      const prior = query[k];
      query[k] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
    }
    const request: SmithyRequest = { method: req.method.toUpperCase(), protocol: 'http:', hostname: '', path: req.path, query, headers };
    const canonicalHeaders = getCanonicalHeaders(request, undefined, signed);
    // The hash of the body as received, never the client's x-amz-content-sha256 claim: a changed
    // body must not verify.
    const payloadHash = createHash('sha256').update(req.body).digest('hex');
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const scope = `${claim.scopeDate}/${claim.region}/${claim.service}/${KEY_TYPE_IDENTIFIER}`;
    const stringToSign = await this.createStringToSign(claim.amzDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
    return this.sign(stringToSign, { signingDate: new Date(claim.requestTime), signingRegion: claim.region, signingService: claim.service });
  }
}

/** Recomputes the signature with the secret and compares it with the one sent, in constant time. */
export async function signatureMatches(req: SignedRequest, claim: SignatureClaim, secretAccessKey: string): Promise<boolean> {
  const expected = await new ExpectedSignature(claim.accessKeyId, secretAccessKey, claim.region, claim.service).of(req, claim);
  return constantTimeEqual(expected, claim.signature);
}

/** String equality whose time does not depend on where the strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) {
    timingSafeEqual(x, x);
    return false;
  }
  return timingSafeEqual(x, y);
}
