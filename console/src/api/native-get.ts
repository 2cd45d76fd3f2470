import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Session } from '../session/session';
import { ApiError } from './api-error';

/**
 * GET of one of vpcpeer's own JSON endpoints under /_vpcpeer/, signed as the EC2 calls are (the
 * server takes the account from the signature, and checks it in strict mode). Errors come back
 * as `{error, message}`.
 */
export async function nativeGet(session: Session, path: string, signal?: AbortSignal): Promise<unknown> {
  const url = new URL(path, window.location.origin);
  const signer = new SignatureV4({ service: 'ec2', region: session.region, credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }, sha256: Sha256 });
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => { query[k] = v; });
  const signed = await signer.sign({
    method: 'GET',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host },
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(signed.headers)) if (name.toLowerCase() !== 'host') headers.set(name, value);
  let response: Response;
  try {
    response = await fetch(url.toString(), { headers, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw ApiError.network(e);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const e = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; code?: unknown; message?: unknown };
    throw new ApiError(typeof e.error === 'string' ? e.error : typeof e.code === 'string' ? e.code : `HTTP${response.status}`, typeof e.message === 'string' ? e.message : response.statusText, false);
  }
  return body;
}
