import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { SignedRequest } from '../auth/sigv4-verify.js';
import { encodeError } from '../protocol/index.js';
import { bufferSmall } from './buffer-small.js';
import { decodeUtf8, parseFormParams } from './form-params.js';
import type { ActionDeps } from './handle-action.js';
import { handleAction } from './handle-action.js';
import type { Metrics } from './metrics.js';
import { accessFields } from './access-line.js';
import type { CallFacts } from './access-line.js';

/** An EC2/STS Query request as it arrived, whichever way it came in. */
export interface QueryRequest {
  readonly method: string;
  readonly url: string;
  readonly rawHeaders: readonly string[];
  readonly authorization: string | undefined;
  readonly body: Buffer;
}

export interface QueryAnswer {
  readonly status: number;
  readonly requestId: string;
  /** XML: a string, or a stream for an answer past the buffering limit. */
  readonly body: string | Readable;
}

function rawHeaderPairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** The request as signature verification needs it. */
export function signedRequestOf(req: Omit<QueryRequest, 'authorization'>): SignedRequest {
  const q = req.url.indexOf('?');
  return {
    method: req.method,
    path: q < 0 ? req.url : req.url.slice(0, q),
    query: (q < 0 ? [] : parseFormParams(req.url.slice(q + 1))) ?? [],
    headers: rawHeaderPairs(req.rawHeaders),
    body: req.body,
  };
}

/**
 * The Query endpoint's work between the bytes in and the bytes out: decode the form, run the
 * action, count it, log its line, and hand back the answer for whichever HTTP layer carries it
 * (the fast lane for POST /, Fastify for the rest).
 */
export function createQueryEndpoint(o: { deps: ActionDeps; metrics: Metrics; log: FastifyBaseLogger; access: ((call: CallFacts, ms: number) => void) | undefined }): (req: QueryRequest) => Promise<QueryAnswer> {
  const { deps, metrics, log, access } = o;
  return async (req) => {
    const started = process.hrtime.bigint();
    const q = req.url.indexOf('?');
    const bodyText = decodeUtf8(req.body);
    const fromQuery = parseFormParams(q < 0 ? '' : req.url.slice(q + 1));
    const params = fromQuery && bodyText !== undefined ? parseFormParams(bodyText, fromQuery) : undefined;
    if (params === undefined) {
      const requestId = randomUUID();
      return { status: 400, requestId, body: encodeError('MalformedQueryString', 'The request is not valid UTF-8 form data (bad percent-encoding or byte sequence)', requestId) };
    }
    const result = await handleAction(deps, { params, authorization: req.authorization, ...(deps.authenticator ? { http: signedRequestOf(req) } : {}) });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    metrics.observe(result.action, result.code, ms / 1000);
    // An error line carries the call's fields and the error; otherwise the access line, if any
    // (nothing is built for the log at a quiet level).
    if (result.internalError) log.error({ ...accessFields(result, ms), err: result.internalError }, 'api call failed');
    else access?.(result, ms);
    if (result.auditError) log.error({ ...accessFields(result, ms), err: result.auditError }, 'audit event not recorded');
    return { status: result.status, requestId: result.requestId, body: typeof result.body === 'string' ? result.body : await bufferSmall(result.body) };
  };
}
