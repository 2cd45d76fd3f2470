import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { OPERATIONS } from '../api/operations.js';
import type { Store } from '../store/open-sqlite-store.js';
import type { ActionDeps } from './handle-action.js';
import { handleAction } from './handle-action.js';
import { decodeUtf8, parseFormParams } from './form-params.js';
import { randomIds } from './random-ids.js';
import { ServerClock } from './server-clock.js';
import { startSweeper, sweepAll } from './peering-sweeper.js';
import { encodeError } from '../protocol/index.js';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';

export interface AppOptions {
  readonly store: Store;
  readonly defaultAccount: string;
  readonly defaultRegion: string;
  readonly logLevel: string;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit?: number;
  /** How often expired and purgeable connections are swept, in ms (0: never in the background). */
  readonly sweepIntervalMs?: number;
  /** The built web console (Vite's output); served at / when present. */
  readonly consoleDir?: string;
}

/** The compiled server lives in dist/src/server; Vite writes the console to dist/console. */
const DEFAULT_CONSOLE_DIR = resolve(import.meta.dirname, '../../console');

const CLOCK_KEY = 'clock-offset-ms';
const MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600;

function xmlReply(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('content-type', 'text/xml;charset=UTF-8').header('server', 'AmazonEC2').send(body);
}

/** The HTTP face of the server: the EC2/STS Query endpoint at `/`, admin endpoints under `/_vpcpeer/`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel },
    // Each API call gets one structured line of our own (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // Slow clients may not hold a connection open forever (slowloris).
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 30_000,
    routerOptions: { maxParamLength: 200 },
  });
  const offset = await options.store.read((repo) => repo.meta.get(CLOCK_KEY));
  const clock = new ServerClock(offset ? Number(offset) : 0);
  const deps: ActionDeps = {
    store: options.store,
    clock,
    ids: randomIds,
    operations: OPERATIONS,
    initialisedScopes: new Set(),
    defaultAccount: options.defaultAccount,
    defaultRegion: options.defaultRegion,
  };

  const stopSweeper = startSweeper(options.store, clock, options.sweepIntervalMs ?? 60_000, (err) => app.log.error({ err }, 'sweep failed'));
  app.addHook('onClose', async () => stopSweeper());

  // Bodies are kept as raw bytes: the query parser decides what is valid, not Fastify.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: { code?: string; statusCode?: number; message: string }, req, reply) => {
    const requestId = randomUUID();
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return xmlReply(reply, 413, encodeError('RequestEntityTooLarge', `Request body larger than ${options.bodyLimit ?? 1024 * 1024} bytes`, requestId));
    }
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return xmlReply(reply, err.statusCode, encodeError('InvalidRequest', err.message, requestId));
    }
    req.log.error({ err, requestId }, 'unhandled error');
    return xmlReply(reply, 500, encodeError('InternalError', `An internal error has occurred (request ${requestId})`, requestId));
  });

  const queryEndpoint = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const started = process.hrtime.bigint();
    const rawQuery = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    const bodyBytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const bodyText = decodeUtf8(bodyBytes);
    const fromQuery = parseFormParams(rawQuery);
    const params = fromQuery && bodyText !== undefined ? parseFormParams(bodyText, fromQuery) : undefined;
    if (params === undefined) {
      return xmlReply(reply, 400, encodeError('MalformedQueryString', 'The request is not valid UTF-8 form data (bad percent-encoding or byte sequence)', randomUUID()));
    }
    const auth = req.headers.authorization;
    const result = await handleAction(deps, { params, authorization: typeof auth === 'string' ? auth : undefined });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = { action: result.action, account: result.accountId, region: result.region, ids: result.resourceIds.slice(0, 20), code: result.code, status: result.status, ms: Math.round(ms * 100) / 100 };
    if (result.internalError) req.log.error({ ...line, err: result.internalError }, 'api call failed');
    else req.log.info(line, 'api call');
    // The JavaScript SDK reads $metadata.requestId from this header only, never from the body.
    reply.header('x-amzn-requestid', result.requestId);
    return xmlReply(reply, result.status, result.body);
  };
  const consoleDir = options.consoleDir ?? DEFAULT_CONSOLE_DIR;
  const indexHtml = existsSync(join(consoleDir, 'index.html')) ? readFileSync(join(consoleDir, 'index.html'), 'utf8') : undefined;
  if (indexHtml !== undefined && existsSync(join(consoleDir, 'assets'))) {
    await app.register(fastifyStatic, { root: join(consoleDir, 'assets'), prefix: '/assets/', index: false, immutable: true, maxAge: '365d' });
  }
  const sendConsole = (reply: FastifyReply): FastifyReply => reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  app.post('/', queryEndpoint);
  // A browser asking for / gets the console; anything with query parameters is an API call.
  app.get('/', (req, reply) => (indexHtml !== undefined && !req.url.includes('?') ? sendConsole(reply) : queryEndpoint(req, reply)));
  // The console's own paths (client-side routes) load the same page.
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && indexHtml !== undefined && !req.url.startsWith('/_vpcpeer/') && !req.url.startsWith('/assets/')) return sendConsole(reply);
    return xmlReply(reply, 404, encodeError('NotFound', `No such path: ${req.method} ${req.url.slice(0, 200)}`, randomUUID()));
  });

  app.get('/_vpcpeer/health', async () => ({ status: 'ok', store: options.store.location }));
  app.post('/_vpcpeer/reset', async () => {
    await options.store.reset();
    deps.initialisedScopes.clear();
    clock.setOffset(0);
    return { reset: true };
  });
  const clockBody = (): { now: string; offsetSeconds: number } => ({ now: new Date(clock.now()).toISOString(), offsetSeconds: clock.offset / 1000 });
  app.get('/_vpcpeer/clock', async () => clockBody());
  app.post('/_vpcpeer/clock', async (req, reply) => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '');
    } catch {
      return reply.code(400).send({ error: 'Body must be JSON: {"advanceSeconds": N}' });
    }
    const seconds = (body as { advanceSeconds?: unknown } | null)?.advanceSeconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
      return reply.code(400).send({ error: `advanceSeconds must be a number from 0 to ${MAX_ADVANCE_SECONDS} (the clock only moves forward)` });
    }
    const next = clock.offset + Math.round(seconds * 1000);
    await options.store.write((repo) => repo.meta.set(CLOCK_KEY, String(next)));
    clock.setOffset(next);
    // A jump in time is when much expires at once: write it down now rather than at the next tick.
    await sweepAll(options.store, clock);
    return clockBody();
  });
  return app;
}
