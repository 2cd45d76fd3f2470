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
  /** Runs before each call (a shared store's clock and reset generation). */
  readonly beforeEach?: () => Promise<void>;
  readonly log: () => FastifyBaseLogger;
  readonly http: ServerOptions;
  readonly keepAliveTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly socketTimeoutMs: number;
}

const BASE_HEADERS = { 'content-type': 'text/xml;charset=UTF-8', server: 'AmazonEC2' } as const;

/** POST to `/` (with or without a query string): every SDK's and CLI's EC2 and STS call. */
const isQueryCall = (req: IncomingMessage): boolean => req.method === 'POST' && (req.url === '/' || (req.url?.startsWith('/?') ?? false));

function send(res: ServerResponse, status: number, requestId: string, body: string | Readable, extra?: Readonly<Record<string, string>>): void {
  if (typeof body === 'string') {
    res.writeHead(status, { ...BASE_HEADERS, 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body), ...extra });
    res.end(body);
    return;
  }
  res.writeHead(status, { ...BASE_HEADERS, 'x-amzn-requestid': requestId, ...extra });
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
    void drainThen(req, () => send(res, 413, requestId, body, { connection: 'close' }));
  };
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > o.bodyLimit) return refuseTooLarge(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    const body = await new Promise<Buffer | undefined>((resolve) => {
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        if (size > o.bodyLimit) {
          req.removeListener('data', onData);
          req.removeListener('end', onEnd);
          resolve(undefined);
          return;
        }
        chunks.push(chunk);
      };
      const onEnd = (): void => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
      req.on('data', onData);
      req.once('end', onEnd);
      // A client gone before its body arrived: no answer to give.
      req.once('error', () => resolve(undefined));
    });
    if (body === undefined) {
      if (size > o.bodyLimit) refuseTooLarge(req, res);
      return;
    }
    if (o.beforeEach) await o.beforeEach();
    const authorization = req.headers.authorization;
    const a = await o.answer({ method: 'POST', url: req.url ?? '/', rawHeaders: req.rawHeaders, authorization: typeof authorization === 'string' ? authorization : undefined, body });
    send(res, a.status, a.requestId, a.body);
  };
  return (fastify) => {
    const server = createServer(o.http, (req, res) => {
      if (!isQueryCall(req)) return fastify(req, res);
      serve(req, res).catch((err: unknown) => {
        const requestId = randomUUID();
        o.log().error({ err, requestId }, 'unhandled error');
        if (res.headersSent) res.destroy();
        else send(res, 500, requestId, encodeError('InternalError', `An internal error has occurred (request ${requestId})`, requestId));
      });
    });
    // What Fastify would have set on a server of its own making.
    server.keepAliveTimeout = o.keepAliveTimeoutMs;
    server.requestTimeout = o.requestTimeoutMs;
    server.setTimeout(o.socketTimeoutMs);
    return server;
  };
}
