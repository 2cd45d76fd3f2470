import Fastify, { LogController } from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nativeAnalysis, nativeReach } from '../api/network-insights-api.js';
import { OPERATIONS } from '../api/operations.js';
import type { CredentialsFile } from '../auth/credentials-file.js';
import { parseCredentialScope, resolveCaller } from '../auth/resolve-caller.js';
import type { SignedRequest } from '../auth/sigv4-verify.js';
import { Ec2Error } from '../core/ec2-error.js';
import type { RequestContext } from '../core/request-context.js';
import { exportState } from '../store/export-state.js';
import type { Store } from '../store/open-sqlite-store.js';
import { stateFileText } from '../store/state-file.js';
import type { Authenticator } from './authenticate.js';
import { strictAuthenticator, wordAuthProblem } from './authenticate.js';
import type { ActionDeps } from './handle-action.js';
import { startDataplane } from '../dataplane/dataplane-controller.js';
import { drainThen } from './drain-then.js';
import { batchedStdout } from './batched-output.js';
import { accessLineWriter } from './access-line.js';
import { createQueryEndpoint, signedRequestOf as signedRequestFrom } from './query-endpoint.js';
import type { QueryAnswer, QueryRequest } from './query-endpoint.js';
import { queryFastLane } from './query-fast-lane.js';
import { createMetrics } from './metrics.js';
import { notifyWrites } from './notify-writes.js';
import { randomIds } from './random-ids.js';
import { ServerClock } from './server-clock.js';
import { startSweeper, sweepAll } from './peering-sweeper.js';
import { loadSession } from './sts-handler.js';
import { encodeError } from '../protocol/index.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { SessionSecrets } from '../auth/session-secrets.js';
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
  /** The key AssumeRole sessions' secrets are derived from (`loadServerKey`); a fresh random one when absent. */
  readonly sessionKey?: Buffer;
  /** The built web console (Vite's output); served at / when present. */
  readonly consoleDir?: string;
  /**
   * `open` (the default): the credential scope's access key picks the account, signatures are not
   * checked. `strict`: only keys in the credentials file (and sessions AssumeRole issued to them),
   * with valid SigV4 signatures.
   */
  readonly auth?: { readonly mode: 'open' } | { readonly mode: 'strict'; readonly credentials: CredentialsFile };
  /**
   * Real packets (`serve --dataplane`): a namespace per running instance and interface, kept equal
   * to the store after every change. Off by default; the caller checks the machine first.
   */
  readonly dataplane?: boolean;
  /** How long a client may take to send its request line and headers, in ms (slowloris). */
  readonly headersTimeoutMs?: number;
  /** `serve --workers`: every worker's own figures, aggregated, for GET /metrics (metrics.ts). */
  readonly metricsAcrossWorkers?: () => Promise<string>;
  /**
   * `serve --reach-inter-region`: StartNetworkInsightsAnalysis follows peerings across Regions and
   * CreateNetworkInsightsPath accepts ends in two Regions (AWS analyses one Region only); also the
   * default of `GET /_vpcpeer/reach`.
   */
  readonly reachInterRegion?: boolean;
}

/** An account reads its own audit trail in pages of at most this many events. */
const MAX_EVENTS_PAGE = 1000;

/** The request as it arrived, as signature verification needs it. */
function signedRequestOf(req: FastifyRequest): SignedRequest {
  return signedRequestFrom({ method: req.method, url: req.url, rawHeaders: req.raw.rawHeaders, body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
}

/** The compiled server lives in dist/src/server; Vite writes the console to dist/console. */
const DEFAULT_CONSOLE_DIR = resolve(import.meta.dirname, '../../console');

const CLOCK_KEY = 'clock-offset-ms';
/** Changed by every reset: another process sharing the store then forgets the scopes it set up. */
const RESET_KEY = 'reset-generation';
const MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600;

function xmlReply(reply: FastifyReply, status: number, body: string | NodeJS.ReadableStream): FastifyReply {
  return reply.code(status).header('content-type', 'text/xml;charset=UTF-8').header('server', 'AmazonEC2').send(body);
}

/** The HTTP face of the server: the EC2/STS Query endpoint at `/`, admin endpoints under `/_vpcpeer/`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  // Bound once the endpoint exists (below): the server is made before the routes are.
  let answerQuery: (req: QueryRequest) => Promise<QueryAnswer> = () => Promise.reject(new Error('not ready'));
  // A shared store's clock and reset generation, read before each request (set below when shared).
  let refreshShared: (() => Promise<void>) | undefined;
  const quiet = options.logLevel === 'silent';
  const app: FastifyInstance = Fastify({
    // Lines leave in batches, a write every 50 ms or 64 KB (batched-output.ts).
    logger: quiet ? { level: 'silent' } : { level: options.logLevel, stream: batchedStdout() },
    // Each API call gets one structured line of our own (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    routerOptions: { maxParamLength: 200 },
    serverFactory: queryFastLane({
      answer: (req) => answerQuery(req),
      beforeEach: () => refreshShared?.(),
      bodyLimit,
      log: () => app.log,
      // A client gets this long to send its request line and headers; Node checks every second.
      http: { headersTimeout: options.headersTimeoutMs ?? 10_000, connectionsCheckingInterval: 1_000 },
      // Slow clients may not hold a connection open forever (slowloris).
      requestTimeoutMs: 30_000,
      socketTimeoutMs: 60_000,
      keepAliveTimeoutMs: 30_000,
    }),
  });
  // Fastify closes a server it did not make only when its own listen() started it; ours is often
  // started with app.server.listen(), so close it here (Node's close() also ends idle keep-alives).
  app.addHook('onClose', (_instance, done) => {
    if (!app.server.listening) return done();
    app.server.close(() => done());
  });
  // Without a key from the operator, sessions live as long as this process (as in memory).
  const sessionSecrets = new SessionSecrets(options.sessionKey ?? randomBytes(32));
  const authenticator: Authenticator | undefined =
    options.auth?.mode === 'strict'
      ? strictAuthenticator({ credentials: options.auth.credentials, loadSession: (key) => loadSession(options.store, sessionSecrets, key) })
      : undefined;
  const offset = await options.store.read((repo) => repo.meta.get(CLOCK_KEY));
  const clock = new ServerClock(offset ? Number(offset) : 0);
  const dataplane = options.dataplane
    ? startDataplane({ store: options.store, now: () => clock.now(), log: (level, message) => app.log[level](message) })
    : undefined;
  if (dataplane) app.addHook('onClose', async () => dataplane.stop());
  // Every committed change may move packets: the controller coalesces them and compares plans.
  // Those made here are heard as they commit; on a shared store, those made through another
  // process arrive by the store's own signal (PostgreSQL's NOTIFY).
  const store = dataplane ? notifyWrites(options.store, dataplane.changed) : options.store;
  const unwatch = dataplane ? await options.store.watch?.(dataplane.changed) : undefined;
  if (unwatch) app.addHook('onClose', unwatch);
  const deps: ActionDeps = {
    store,
    clock,
    ids: randomIds,
    operations: OPERATIONS,
    initialisedScopes: new Set(),
    sessionSecrets,
    defaultAccount: options.defaultAccount,
    defaultRegion: options.defaultRegion,
    ...(authenticator ? { authenticator } : {}),
    ...(options.reachInterRegion ? { reachInterRegion: true } : {}),
  };

  // A store other processes share (PostgreSQL) may have had its clock moved or been reset through
  // one of them: every request first reads both (two indexed reads), so it sees what they did.
  if (options.store.shared) {
    let generation: string | undefined = await options.store.read((repo) => repo.meta.get(RESET_KEY));
    const refresh = async (): Promise<void> => {
      // While the database cannot be reached there is nothing to refresh: the request answers 503
      // on its own where it needs the store (health says so without needing it).
      const shared = await options.store.read((repo) => repo.meta.getMany([CLOCK_KEY, RESET_KEY])).catch(() => undefined);
      if (!shared) return;
      const offsetText = shared.get(CLOCK_KEY);
      const now = shared.get(RESET_KEY);
      clock.setOffset(offsetText ? Number(offsetText) : 0);
      if (now !== generation) {
        generation = now;
        deps.initialisedScopes.clear();
      }
    };
    refreshShared = refresh;
    // The fast lane calls it itself; Fastify's routes (console, admin, GET /?Action=) through this hook.
    app.addHook('onRequest', refresh);
  }

  const swept = ({ expired, purged }: { expired: number; purged: number }): void => {
    if (expired + purged > 0) app.log.info({ expired, purged }, 'swept');
  };
  const stopSweeper = startSweeper(store, clock, options.sweepIntervalMs ?? 60_000, (err) => app.log.error({ err }, 'sweep failed'), swept);
  app.addHook('onClose', async () => stopSweeper());


  // Bodies are kept as raw bytes: the query parser decides what is valid, not Fastify.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  /** An error in the shape of the endpoint: JSON under /_vpcpeer/ (docs/errors.md), EC2's XML elsewhere. */
  const errorReply = (req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string, requestId: string): FastifyReply =>
    req.url.startsWith('/_vpcpeer/') ? reply.code(status).send({ error: code, message }) : xmlReply(reply, status, encodeError(code, message, requestId));
  app.setErrorHandler((err: { code?: string; statusCode?: number; message: string }, req, reply) => {
    const requestId = randomUUID();
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return drainThen(req.raw, () => errorReply(req, reply, 413, 'RequestEntityTooLarge', `Request body larger than ${bodyLimit} bytes`, requestId));
    }
    // An AWS error that reached no handler of its own: above all the store's ServiceUnavailable
    // (PostgreSQL down, a full disk), met by an admin endpoint or while verifying a signature.
    // It is a 503 clients retry, as the EC2 calls answer it, never an InternalError.
    if (err instanceof Ec2Error) return errorReply(req, reply, err.httpStatus, err.code, err.message, requestId);
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return errorReply(req, reply, err.statusCode, 'InvalidRequest', err.message, requestId);
    }
    req.log.error({ err, requestId }, 'unhandled error');
    return errorReply(req, reply, 500, 'InternalError', `An internal error has occurred (request ${requestId})`, requestId);
  });

  const logsCalls = ['trace', 'debug', 'info'].includes(options.logLevel);
  const metrics = createMetrics(options.store, options.metricsAcrossWorkers ? { acrossWorkers: options.metricsAcrossWorkers } : {});
  // Prometheus scrapes without signing: the figures name actions and codes, never accounts or ids.
  app.get('/metrics', async (_req, reply) => reply.code(200).header('content-type', metrics.contentType).send(await metrics.render()));
  answerQuery = createQueryEndpoint({ deps, metrics, log: app.log, access: logsCalls ? accessLineWriter(batchedStdout()) : undefined });
  // POST / takes the fast lane (query-fast-lane.ts); a GET with a query string comes through here.
  const queryEndpoint = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const auth = req.headers.authorization;
    const a = await answerQuery({ method: req.method, url: req.url, rawHeaders: req.raw.rawHeaders, authorization: typeof auth === 'string' ? auth : undefined, body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
    // The JavaScript SDK reads $metadata.requestId from this header only, never from the body.
    reply.header('x-amzn-requestid', a.requestId);
    return xmlReply(reply, a.status, a.body);
  };
  const consoleDir = options.consoleDir ?? DEFAULT_CONSOLE_DIR;
  const indexHtml = existsSync(join(consoleDir, 'index.html')) ? readFileSync(join(consoleDir, 'index.html'), 'utf8') : undefined;
  if (indexHtml !== undefined && existsSync(join(consoleDir, 'assets'))) {
    await app.register(fastifyStatic, { root: join(consoleDir, 'assets'), prefix: '/assets/', index: false, immutable: true, maxAge: '365d' });
  }
  const sendConsole = (reply: FastifyReply): FastifyReply => reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  // A browser asking for / gets the console; anything with query parameters is an API call.
  app.get('/', (req, reply) => (indexHtml !== undefined && !req.url.includes('?') ? sendConsole(reply) : queryEndpoint(req, reply)));
  // The console's own paths (client-side routes) load the same page.
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && indexHtml !== undefined && !req.url.startsWith('/_vpcpeer/') && !req.url.startsWith('/assets/')) return sendConsole(reply);
    return xmlReply(reply, 404, encodeError('NotFound', `No such path: ${req.method} ${req.url.slice(0, 200)}`, randomUUID()));
  });

  /**
   * Who calls an endpoint under /_vpcpeer/: in open mode the credential scope's access key picks
   * the account as for API calls; in strict mode the signature is verified (any signing service).
   * Undefined when the request is refused (the reply is sent).
   */
  const callerOf = async (req: FastifyRequest, reply: FastifyReply): Promise<{ accountId: string; region: string; admin: boolean } | undefined> => {
    if (!authenticator) {
      const auth = req.headers.authorization;
      const http = signedRequestOf(req);
      const presigned = http.query.find(([k]) => k === 'X-Amz-Credential')?.[1];
      const who = resolveCaller(parseCredentialScope(typeof auth === 'string' ? auth : undefined, presigned), deps);
      return { accountId: who.accountId, region: who.region, admin: true };
    }
    const outcome = await authenticator.authenticate(signedRequestOf(req), undefined);
    if (!outcome.ok) {
      const w = wordAuthProblem(outcome.problem, 'ec2');
      await reply.code(w.status).send({ error: w.code, message: w.message });
      return undefined;
    }
    return { accountId: outcome.caller.accountId, region: outcome.caller.region, admin: outcome.caller.admin };
  };
  /** Strict mode keeps reset and the clock to keys marked `"admin": true`: they act on every account. */
  const adminOnly = async (req: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const caller = await callerOf(req, reply);
    if (!caller) return false;
    if (!caller.admin) {
      await reply.code(403).send({ error: 'AccessDenied', message: 'In strict mode only a key marked "admin": true in the credentials file may call this endpoint: it acts on every account.' });
      return false;
    }
    return true;
  };

  // Readiness for load balancers: 503 while the store cannot be reached. It names the kind of
  // store, never its file path or connection string (the endpoint needs no signature).
  app.get('/_vpcpeer/health', async (_req, reply) => {
    const reachable = await options.store.reachable();
    return reply.code(reachable ? 200 : 503).send({ status: reachable ? 'ok' : 'unavailable', store: options.store.kind, storeReachable: reachable, auth: authenticator ? 'strict' : 'open' });
  });

  // Each account's own audit trail: every mutating call made as it, oldest first.
  app.get('/_vpcpeer/events', async (req, reply) => {
    const caller = await callerOf(req, reply);
    if (!caller) return reply;
    const query = new Map(signedRequestOf(req).query);
    const after = query.get('after') ?? '0';
    const limit = query.get('limit') ?? '100';
    if (!/^\d{1,15}$/.test(after) || !/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_EVENTS_PAGE) {
      return reply.code(400).send({ error: 'InvalidParameterValue', message: `after must be a sequence number and limit a number from 1 to ${MAX_EVENTS_PAGE}` });
    }
    const events = await options.store.read((repo) => repo.audit.listForAccount(caller.accountId, Number(after), Number(limit)));
    const lastSeq = events.at(-1)?.seq;
    return {
      accountId: caller.accountId,
      events: events.map((e) => ({ ...e, time: new Date(e.time).toISOString() })),
      ...(events.length === Number(limit) && lastSeq !== undefined ? { nextAfter: lastSeq } : {}),
    };
  });

  /** A native read in the caller's scope; a refusal answers as JSON with its AWS code and status. */
  const readAs = async <T>(caller: { accountId: string; region: string }, reply: FastifyReply, work: (ctx: RequestContext) => Promise<T>): Promise<T | FastifyReply> => {
    const scope = { accountId: caller.accountId, region: caller.region };
    try {
      return await options.store.read((repo) => work({ repo, caller: scope, now: clock.now(), ids: randomIds, ...(options.reachInterRegion ? { reachInterRegion: true } : {}) }));
    } catch (err) {
      if (err instanceof Ec2Error) return reply.code(err.httpStatus).send({ error: err.code, message: err.message });
      throw err;
    }
  };

  // An analysis with vpcpeer's plain sentence on every explanation (never on the EC2 wire), for the
  // console and `vpcpeer reach`: the caller's own analyses only, in the Region it signed for.
  app.get('/_vpcpeer/analyses/:id', async (req, reply) => {
    const caller = await callerOf(req, reply);
    if (!caller) return reply;
    const id = (req.params as { id: string }).id;
    return readAs(caller, reply, (ctx) => nativeAnalysis(ctx, id));
  });

  // A reachability question answered at once and stored nowhere, including what Reachability
  // Analyzer cannot ask (ICMP echo, an inter-Region analysis): `vpcpeer reach --protocol icmp` or
  // `--inter-region`, and tests comparing real pings with the analysis. Same visibility as an
  // analysis: the caller's account plus `additionalAccount`s.
  app.get('/_vpcpeer/reach', async (req, reply) => {
    const caller = await callerOf(req, reply);
    if (!caller) return reply;
    const pairs = signedRequestOf(req).query;
    const one = (name: string): string | undefined => pairs.find(([k]) => k === name)?.[1];
    const question = {
      source: one('source'),
      destination: one('destination'),
      protocol: one('protocol'),
      port: one('port'),
      sourcePort: one('sourcePort'),
      interRegion: one('interRegion'),
      additionalAccounts: pairs.filter(([k]) => k === 'additionalAccount').map(([, v]) => v),
    };
    return readAs(caller, reply, (ctx) => nativeReach(ctx, question));
  });

  // The data plane's state; `?settle=1` first waits until every change made so far is in the
  // kernel (tests and scripts probe traffic right after an API call).
  app.get('/_vpcpeer/dataplane', async (req, reply) => {
    if (!dataplane) return { enabled: false };
    const caller = await callerOf(req, reply);
    if (!caller) return reply;
    if (new Map(signedRequestOf(req).query).get('settle') === '1') await dataplane.settled();
    return { enabled: true, ...dataplane.status() };
  });
  // Where `vpcpeer exec` enters an instance or interface: the owner (or an admin) only.
  app.get('/_vpcpeer/dataplane/hosts/:id', async (req, reply) => {
    const id = (req.params as { id: string }).id;
    if (!dataplane) return reply.code(409).send({ error: 'DataplaneDisabled', message: 'This server runs without a data plane: start it with `vpcpeer serve --dataplane`.' });
    const caller = await callerOf(req, reply);
    if (!caller) return reply;
    const scope = { accountId: caller.accountId, region: caller.region };
    const owned = await options.store.read(async (repo) => (id.startsWith('i-') ? repo.instances.get(scope, id) : id.startsWith('eni-') ? repo.networkInterfaces.get(scope, id) : undefined));
    if (!owned && !(authenticator && caller.admin)) return reply.code(404).send({ error: 'NotFound', message: `${id} is no instance or network interface of account ${caller.accountId} in ${caller.region}.` });
    await dataplane.settled();
    const where = dataplane.whereIs(id);
    if (!where) return reply.code(409).send({ error: 'NotRunning', message: `${id} has no network namespace: only running instances and interfaces attached to nothing carry traffic.` });
    return { id, ...where };
  });

  // The whole world as a state file (docs/state-format.md): `vpcpeer state export` asks the server
  // for it when the server holds the SQLite folder. Every account's state, so admin only, as reset
  // and the clock are. One write transaction, serialised with every change and answered after it
  // ends, so the file is one committed state.
  app.get('/_vpcpeer/state', async (req, reply) => {
    if (!(await adminOnly(req, reply))) return reply;
    const text = stateFileText(await exportState(options.store));
    return reply.code(200).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(text);
  });

  app.post('/_vpcpeer/reset', async (req, reply) => {
    if (!(await adminOnly(req, reply))) return reply;
    await store.reset();
    await store.write((repo) => repo.meta.set(RESET_KEY, randomUUID()));
    deps.initialisedScopes.clear();
    clock.setOffset(0);
    return { reset: true };
  });
  const clockBody = (): { now: string; offsetSeconds: number } => ({ now: new Date(clock.now()).toISOString(), offsetSeconds: clock.offset / 1000 });
  app.get('/_vpcpeer/clock', async () => clockBody());
  app.post('/_vpcpeer/clock', async (req, reply) => {
    if (!(await adminOnly(req, reply))) return reply;
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
    await store.write((repo) => repo.meta.set(CLOCK_KEY, String(next)));
    clock.setOffset(next);
    // A jump in time is when much expires at once: write it down now rather than at the next tick.
    const result = await store.exclusive('vpcpeer-sweeper', () => sweepAll(store, clock));
    if (result) swept(result);
    return clockBody();
  });
  return app;
}
