import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerOptions, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { encodeError } from '../protocol/index.js';
import { drainThen } from './drain-then.js';
import type { QueryAnswer, QueryRequest } from './query-endpoint.js';

export interface FastLaneOptions {
  readonly answer: (req: QueryRequest) => Promise<QueryAnswer>;
  /** Largest request body accepted, in bytes; past it the answer is 413 RequestEntityTooLarge. */
  readonly bodyLimit: number;
  /** Runs before each call (a shared store's clock and reset generation); undefined: nothing to wait for. */
  readonly beforeEach?: () => Promise<void> | undefined;
  readonly log: () => FastifyBaseLogger;
  readonly http: ServerOptions;
  readonly keepAliveTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly socketTimeoutMs: number;
}

/** POST to `/` (with or without a query string): every SDK's and CLI's EC2 and STS call. */
const isQueryCall = (req: IncomingMessage): boolean => req.method === 'POST' && (req.url === '/' || (req.url?.startsWith('/?') ?? false));

function send(res: ServerResponse, status: number, requestId: string, body: string | Readable, close = false): void {
  // Headers as a flat list: writeHead takes it as it is, with no object to build and walk.
  const headers = ['content-type', 'text/xml;charset=UTF-8', 'server', 'AmazonEC2', 'x-amzn-requestid', requestId];
  if (close) headers.push('connection', 'close');
  if (typeof body === 'string') {
    headers.push('content-length', String(Buffer.byteLength(body)));
    res.writeHead(status, headers);
    res.end(body);
    return;
  }
  res.writeHead(status, headers);
  // A client that goes away mid-answer ends the stream; nothing more to do.
  pipeline(body, res, () => {});
}

/**
 * The HTTP server, for Fastify's `serverFactory`: the Query calls go straight from Node's `http`
 * to the endpoint, everything else (the console, `/_vpcpeer/…`, GET with a query) through
 * Fastify. A call is most of what the server does, and Fastify's routing, hooks, request and
 * reply objects and per-request child logger were most of a describe-by-id's cost (issue 13).
 * What Fastify gave the Query endpoint is kept here: the body limit with its 413 after draining,
 * the timeouts, and an InternalError (never a crash) when something throws.
 */
export function queryFastLane(o: FastLaneOptions): (fastify: RequestListener) => Server {
  const refuseTooLarge = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = randomUUID();
    const body = encodeError('RequestEntityTooLarge', `Request body larger than ${o.bodyLimit} bytes`, requestId);
    void drainThen(req, () => send(res, 413, requestId, body, true));
  };
  const answer = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const before = o.beforeEach?.();
    if (before) await before;
    const authorization = req.headers.authorization;
    const a = await o.answer({ method: 'POST', url: req.url ?? '/', rawHeaders: req.rawHeaders, authorization: typeof authorization === 'string' ? authorization : undefined, body });
    send(res, a.status, a.requestId, a.body);
  };
  const failed = (res: ServerResponse) => (err: unknown): void => {
    const requestId = randomUUID();
    o.log().error({ err, requestId }, 'unhandled error');
    if (res.headersSent) res.destroy();
    else send(res, 500, requestId, encodeError('InternalError', `An internal error has occurred (request ${requestId})`, requestId));
  };
  // The body is read with plain listeners, not a promise: one fewer turn through the microtask
  // queue per call.
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    if (Number(req.headers['content-length'] ?? 0) > o.bodyLimit) return refuseTooLarge(req, res);
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > o.bodyLimit) {
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        refuseTooLarge(req, res);
        return;
      }
      if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    };
    const onEnd = (): void => {
      const body = more ? Buffer.concat(more, size) : (first ?? Buffer.alloc(0));
      answer(req, res, body).catch(failed(res));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    // A client gone before its body arrived has no answer to get; the error must not go unhandled.
    req.once('error', () => req.removeListener('end', onEnd));
  };
  return (fastify) => {
    const server = createServer(o.http, (req, res) => {
      if (!isQueryCall(req)) return fastify(req, res);
      try {
        serve(req, res);
      } catch (err) {
        failed(res)(err);
      }
    });
    // What Fastify would have set on a server of its own making.
    server.keepAliveTimeout = o.keepAliveTimeoutMs;
    server.requestTimeout = o.requestTimeoutMs;
    server.setTimeout(o.socketTimeoutMs);
    return server;
  };
}
