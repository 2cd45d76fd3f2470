import type { AddressInfo } from 'node:net';
import { seedDigest, seedState, StoreHoldsState } from './store/import-state.js';
import { openPostgresStore } from './store/open-postgres-store.js';
import { openSqliteStore, type Store } from './store/open-sqlite-store.js';
import { checkStateFile } from './store/check-state-file.js';
import type { StateFile } from './store/state-file.js';
import { buildApp } from './server/build-app.js';

/** How to start a vpcpeer inside a test process (`startVpcpeer`). Everything is optional. */
export interface VpcpeerOptions {
  /** Keep state in this folder (SQLite) rather than in memory. */
  readonly dataDir?: string;
  /** Keep state in PostgreSQL (`postgres://user:pass@host:5432/db`) rather than in memory. */
  readonly database?: string;
  /** Port on 127.0.0.1 (default: a free one). */
  readonly port?: number;
  /** Account of requests whose access key is not a 12-digit account id (default 000000000000). */
  readonly defaultAccount?: string;
  /** Region of unsigned requests (default us-east-1). */
  readonly defaultRegion?: string;
  /** Start with the server's clock moved forward this many seconds (expiry tests). */
  readonly clockOffsetSeconds?: number;
  /** A world to start from, as `vpcpeer state export` writes it (its text, or the parsed JSON); ids stay fixed. */
  readonly seed?: string | object;
  /** Log level of the server's JSON lines on stdout (default `silent`). */
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** A started vpcpeer: where to point clients, and how to stop it. */
export interface RunningVpcpeer {
  /** `http://127.0.0.1:<port>`: the `endpoint_url` / `endpoint` of the AWS SDKs and CLI. */
  readonly endpoint: string;
  readonly port: number;
  /**
   * Credentials that act as `accountId` (open mode: a 12-digit access key id is that account).
   * Pass them to an SDK client with the endpoint.
   */
  credentials(accountId: string): { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Moves the server's clock forward (pending requests expire after 7 days, as on AWS). */
  advanceClock(seconds: number): Promise<void>;
  /** Wipes every account's state, keeping the server running. */
  reset(): Promise<void>;
  /** Stops the server and closes its store. */
  stop(): Promise<void>;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Starts vpcpeer in this process, on 127.0.0.1, in memory unless told otherwise: what moto's
 * decorator or a testcontainer gives other suites, without a container.
 *
 * ```ts
 * import { startVpcpeer } from 'vpcpeer';
 * const vpcpeer = await startVpcpeer();
 * const ec2 = new EC2Client({ endpoint: vpcpeer.endpoint, region: 'us-east-1', credentials: vpcpeer.credentials('111111111111') });
 * // ...
 * await vpcpeer.stop();
 * ```
 */
export async function startVpcpeer(options: VpcpeerOptions = {}): Promise<RunningVpcpeer> {
  if (options.dataDir !== undefined && options.database !== undefined) throw new Error('startVpcpeer: give dataDir or database, not both');
  if (options.defaultAccount !== undefined && !ACCOUNT_ID.test(options.defaultAccount)) throw new Error(`startVpcpeer: defaultAccount must be a 12-digit account id, not '${options.defaultAccount}'`);
  const seedText = options.seed === undefined ? undefined : typeof options.seed === 'string' ? options.seed : JSON.stringify(options.seed);
  let seed: StateFile | undefined;
  try {
    seed = seedText === undefined ? undefined : checkStateFile(seedText, Date.now());
  } catch (err) {
    throw new Error(`startVpcpeer: the seed is not a usable state file: ${(err as Error).message}`);
  }
  const store: Store = options.database !== undefined ? await openPostgresStore({ url: options.database }) : await openSqliteStore(options.dataDir !== undefined ? { dataDir: options.dataDir } : { inMemory: true });
  try {
    // As `serve --seed`: a store seeded from this very text before is started as it is.
    if (seed && seedText !== undefined) await seedState(store, seed, seedDigest(seedText));
  } catch (err) {
    await store.close();
    throw err instanceof StoreHoldsState ? new Error(`startVpcpeer: the store already holds state; seed an empty one (${err.message})`) : err;
  }
  const app = await buildApp({
    store,
    defaultAccount: options.defaultAccount ?? '000000000000',
    defaultRegion: options.defaultRegion ?? 'us-east-1',
    logLevel: options.logLevel ?? 'silent',
    auth: { mode: 'open' },
  });
  await app.ready();
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (app.server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = async (path: string, body?: unknown): Promise<void> => {
    const res = await fetch(endpoint + path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!res.ok) throw new Error(`vpcpeer ${path}: HTTP ${res.status} ${await res.text()}`);
  };
  const running: RunningVpcpeer = {
    endpoint,
    port,
    credentials(accountId) {
      if (!ACCOUNT_ID.test(accountId)) throw new Error(`credentials: the account must be a 12-digit account id, not '${accountId}'`);
      return { accessKeyId: accountId, secretAccessKey: 'vpcpeer-open-mode' };
    },
    advanceClock: (seconds) => admin('/_vpcpeer/clock', { advanceSeconds: seconds }),
    reset: () => admin('/_vpcpeer/reset'),
    async stop() {
      await app.close();
      await store.close();
    },
  };
  if (options.clockOffsetSeconds !== undefined && options.clockOffsetSeconds > 0) await running.advanceClock(options.clockOffsetSeconds);
  return running;
}
