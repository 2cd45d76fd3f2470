#!/usr/bin/env node
import { Command, Option } from 'commander';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { addCredential, CredentialsFile, CredentialsFileError } from '../auth/credentials-file.js';
import { loadServerKey } from '../auth/session-secrets.js';
import { dataplaneMissing } from '../dataplane/dataplane-controller.js';
import { buildApp } from '../server/build-app.js';
import { openPostgresStore } from '../store/open-postgres-store.js';
import { openSqliteStore, type Store } from '../store/open-sqlite-store.js';
import { sessionKeyIn } from '../store/server-secrets.js';
import { isAccountId } from './account-id.js';
import { bindRefusal } from './bind-policy.js';
import { execCommand } from './exec.js';
import { reachCommand } from './reach.js';
import { readStateFile, type ReadStateFile } from './read-state-file.js';
import { redactedUrl } from './redact-url.js';
import { seedStore } from './seed-store.js';
import { isServeWorker, metricsOfAllWorkers, reportListening, superviseWorkers } from './serve-workers.js';
import { forgetServing, localUrl, recordServing } from './serving-record.js';
import { stateCommand } from './state.js';

const DEFAULT_CREDENTIALS = '.vpcpeer/credentials.json';

const program = new Command();
program.name('vpcpeer').description('A self-hosted Amazon VPC peering service speaking the EC2 API.').enablePositionalOptions();

const truthy = (v: boolean | string | undefined): boolean => v === true || v === 'true' || v === '1';

interface ServeOptions {
  host: string;
  port: string;
  dataDir: string;
  inMemory?: boolean | string;
  defaultAccount: string;
  defaultRegion: string;
  logLevel: string;
  auth: string;
  credentials: string;
  allowOpenAuth?: boolean | string;
  dataplane?: boolean | string;
  database?: string;
  sweepInterval: string;
  seed?: string;
  workers: string;
  serverKey?: string;
  reachInterRegion?: boolean | string;
}

program
  .command('serve')
  .description('Serve the EC2 API (and STS GetCallerIdentity, AssumeRole) over HTTP')
  .addOption(new Option('--host <host>', 'address to listen on').env('VPCPEER_HOST').default('127.0.0.1'))
  .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').env('VPCPEER_PORT').default('4566'))
  .addOption(new Option('--data-dir <dir>', 'folder for the durable state').env('VPCPEER_DATA_DIR').default('.vpcpeer'))
  .addOption(new Option('--in-memory', 'keep state in memory only (lost on exit)').env('VPCPEER_IN_MEMORY'))
  .addOption(new Option('--sweep-interval <seconds>', 'how often expired requests are marked expired and old deleted connections purged').env('VPCPEER_SWEEP_INTERVAL').default('60'))
  .addOption(new Option('--database <url>', 'keep state in PostgreSQL (postgres://user:pass@host:5432/db) instead of SQLite; several servers may share it').env('VPCPEER_DATABASE_URL'))
  .addOption(new Option('--default-account <id>', 'account for requests whose access key is not a 12-digit account id').env('VPCPEER_DEFAULT_ACCOUNT').default('000000000000'))
  .addOption(new Option('--default-region <region>', 'region for unsigned requests').env('VPCPEER_DEFAULT_REGION').default('us-east-1'))
  .addOption(new Option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent').env('VPCPEER_LOG_LEVEL').default('info'))
  .addOption(
    new Option('--auth <mode>', 'open: the access key picks the account, signatures are not checked; strict: only keys in the credentials file, with valid SigV4 signatures')
      .env('VPCPEER_AUTH')
      .default('open'),
  )
  .addOption(new Option('--credentials <file>', 'the credentials file of strict mode (`vpcpeer credentials create` writes it)').env('VPCPEER_CREDENTIALS').default(DEFAULT_CREDENTIALS))
  .addOption(new Option('--allow-open-auth', 'allow open mode on an address other machines can reach').env('VPCPEER_ALLOW_OPEN_AUTH'))
  .addOption(new Option('--server-key <file>', "the key AssumeRole sessions' secrets are derived from (made on first use, 0600); default: server.key in the data folder, the database's own with --database (shared by every process on it), or a random one kept in memory with --in-memory").env('VPCPEER_SERVER_KEY_FILE'))
  .addOption(new Option('--workers <n>', 'serve with n processes on one port (node:cluster), so every core works; needs --database').env('VPCPEER_WORKERS').default('1'))
  .addOption(new Option('--seed <file>', 'start from the world of a state file (`vpcpeer state export` writes one), imported before listening; the store must hold no state, or have been seeded from this same file (then it starts from what it holds)').env('VPCPEER_SEED'))
  .addOption(new Option('--dataplane', 'real packets (Linux): a network namespace per running instance, routed as the VPCs, peerings, groups and ACLs say').env('VPCPEER_DATAPLANE'))
  .addOption(
    new Option('--reach-inter-region', 'reachability analyses (StartNetworkInsightsAnalysis) follow peering connections across Regions, and paths may join two Regions; AWS analyses one Region only').env(
      'VPCPEER_REACH_INTER_REGION',
    ),
  )
  .action(async (opts: ServeOptions) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, not '${opts.port}'`);
    if (!isAccountId(opts.defaultAccount)) fail(`--default-account must be a 12-digit account id, not '${opts.defaultAccount}'`);
    if (opts.host !== 'localhost' && isIP(opts.host) === 0) fail(`--host must be an IP address or localhost, not '${opts.host}'`);
    const sweepSeconds = Number(opts.sweepInterval);
    if (!Number.isFinite(sweepSeconds) || sweepSeconds < 0.1 || sweepSeconds > 86_400) fail(`--sweep-interval must be a number of seconds from 0.1 to 86400, not '${opts.sweepInterval}'`);
    if (opts.auth !== 'open' && opts.auth !== 'strict') fail(`--auth must be open or strict, not '${opts.auth}'`);
    const auth = opts.auth as 'open' | 'strict';
    const refusal = bindRefusal(opts.host, auth, truthy(opts.allowOpenAuth));
    if (refusal) fail(refusal);
    let credentials: CredentialsFile | undefined;
    if (auth === 'strict') {
      try {
        credentials = new CredentialsFile(resolve(opts.credentials), (err) => process.stderr.write(`vpcpeer: keeping the previous credentials: ${err.message}\n`));
      } catch (err) {
        fail(`${(err as Error).message} (strict mode needs --credentials FILE; \`vpcpeer credentials create --account <id> --credentials FILE\` writes one)`);
      }
      if (credentials.size === 0) fail(`${credentials.path} lists no credentials; add one with \`vpcpeer credentials create --account <id> --credentials ${opts.credentials}\``);
    }
    const dataplane = truthy(opts.dataplane);
    if (dataplane) {
      const missing = dataplaneMissing();
      if (missing.length > 0) fail(`--dataplane cannot run on this machine; missing: ${missing.join('; ')}`);
    }
    const inMemory = truthy(opts.inMemory);
    const database = opts.database === undefined || opts.database === '' ? undefined : opts.database;
    if (database !== undefined && inMemory) fail('--database and --in-memory exclude each other: state is either in PostgreSQL or in memory');
    if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) fail(`--database must be a PostgreSQL URL such as postgres://user:pass@host:5432/db, not '${redactedUrl(database)}'`);
    const workers = Number(opts.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) fail(`--workers must be a whole number from 1 to 64, not '${opts.workers}'`);
    if (workers > 1 && database === undefined) fail('--workers needs --database: the processes must share their state, and a SQLite folder belongs to one process');
    if (workers > 1 && dataplane) fail('--workers and --dataplane exclude each other: one process runs the data plane');
    const how = credentials ? `auth: strict, ${credentials.size} key(s) from ${credentials.path}` : 'auth: open';
    // Sessions' secrets are derived from this key, never stored. Every process that verifies them
    // must have the same key: from --server-key's file (the primary of --workers makes it before
    // its workers start), else on PostgreSQL the store's own (every process of the database shares
    // it, made once by the first), else server.key in the data folder.
    const explicitKey = opts.serverKey !== undefined && opts.serverKey !== '';
    const keyFile = explicitKey ? resolve(opts.serverKey as string) : inMemory || database !== undefined ? undefined : join(resolve(opts.dataDir), 'server.key');
    const loadKey = (): Buffer | undefined => {
      try {
        return keyFile === undefined ? undefined : loadServerKey(keyFile);
      } catch (err) {
        return fail(`cannot read or make the server key ${keyFile}: ${(err as Error).message}`);
      }
    };
    // A seed file is read and checked whole before any store is opened: a bad file makes no
    // folder, no database file and runs no migration. Workers leave it to the primary.
    const seedPath = opts.seed !== undefined && opts.seed !== '' && !isServeWorker() ? resolve(opts.seed) : undefined;
    let seed: ReadStateFile | undefined;
    try {
      seed = seedPath === undefined ? undefined : readStateFile(seedPath);
    } catch (err) {
      fail((err as Error).message);
    }
    const seedInto = async (store: Store): Promise<void> => {
      if (seedPath === undefined || seed === undefined) return;
      await seedStore(store, seedPath, seed, (line) => process.stderr.write(`${line}\n`)).catch((err: unknown) => fail((err as Error).message));
    };
    if (workers > 1 && !isServeWorker()) {
      loadKey();
      // The primary seeds once (every worker would find the others' state and refuse), then
      // starts the workers and prints the one start-up line when all of them listen.
      if (seed !== undefined) {
        const seeded = await openPostgresStore({ url: database as string }).catch((err: unknown) => fail((err as Error).message));
        await seedInto(seeded);
        await seeded.close();
      }
      const address = await superviseWorkers(workers, (line) => process.stderr.write(`${line}\n`)).catch((err: unknown) => fail((err as Error).message));
      process.stdout.write(`vpcpeer listening on ${address} (state: ${redactedUrl(database as string)}) (${how}) (${workers} workers)\n`);
      return;
    }
    // A folder another server holds, one that cannot be written, or a database that cannot be
    // reached is the user's to fix: say so plainly.
    const store = await (database !== undefined ? openPostgresStore({ url: database }) : openSqliteStore(inMemory ? { inMemory: true } : { dataDir: resolve(opts.dataDir) })).catch((err: unknown) =>
      fail((err as Error).message),
    );
    await seedInto(store);
    // After the store: a folder that cannot be written is reported by the store, naming its file.
    const sessionKey = database !== undefined && !explicitKey ? await sessionKeyIn(store).catch((err: unknown) => fail((err as Error).message)) : loadKey();
    const app = await buildApp({
      store,
      defaultAccount: opts.defaultAccount,
      defaultRegion: opts.defaultRegion,
      logLevel: opts.logLevel,
      auth: credentials ? { mode: 'strict', credentials } : { mode: 'open' },
      dataplane,
      reachInterRegion: truthy(opts.reachInterRegion),
      sweepIntervalMs: Math.round(sweepSeconds * 1000),
      ...(isServeWorker() ? { metricsAcrossWorkers: metricsOfAllWorkers } : {}),
      ...(sessionKey ? { sessionKey } : {}),
    });
    // Listening on app.server directly keeps startup to our one line (Fastify would log its own).
    await app.ready();
    const address = await new Promise<string>((done, fail) => {
      app.server.once('error', fail);
      app.server.listen(port, opts.host, () => {
        const a = app.server.address();
        done(typeof a === 'object' && a ? `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}` : String(a));
      });
    });
    const where = inMemory ? 'in memory (lost on exit)' : database !== undefined ? redactedUrl(database) : store.location;
    const notes = `${dataplane ? ' (data plane: on)' : ''}${truthy(opts.reachInterRegion) ? ' (reachability: inter-Region)' : ''}`;
    // The SQLite folder is locked to this process: `vpcpeer state export` finds it here instead
    // (recorded before the line that tells a harness the server is up).
    const servedDir = database === undefined && !inMemory ? resolve(opts.dataDir) : undefined;
    if (servedDir !== undefined) recordServing(servedDir, { url: localUrl(address), pid: process.pid });
    // One line users (and test harnesses) can read: where to point clients, where state lives.
    if (isServeWorker()) reportListening(address);
    else process.stdout.write(`vpcpeer listening on ${address} (state: ${where}) (${how})${notes}\n`);
    const stop = (): void => {
      if (servedDir !== undefined) forgetServing(servedDir);
      void app.close().then(() => store.close()).then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const credentialsCommand = program.command('credentials').description('Manage the access keys of strict mode');
credentialsCommand
  .command('create')
  .description('Mint an access key and secret for an account and add them to the credentials file')
  .requiredOption('--account <id>', 'the 12-digit account the key acts as')
  .addOption(new Option('--credentials <file>', 'the credentials file (created if absent, mode 0600)').env('VPCPEER_CREDENTIALS').default(DEFAULT_CREDENTIALS))
  .option('--admin', 'may also call the admin endpoints (reset, clock), which act on every account')
  .option('--assume-role-account <id...>', 'accounts whose roles this key may assume with STS AssumeRole (its own always)')
  .action((opts: { account: string; credentials: string; admin?: boolean; assumeRoleAccount?: string[] }) => {
    try {
      const path = resolve(opts.credentials);
      const c = addCredential(path, opts.account, { admin: opts.admin === true, assumeRoleAccounts: opts.assumeRoleAccount ?? [] });
      // Machine-readable first line; a running strict server picks the key up without a restart.
      process.stdout.write(JSON.stringify({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, accountId: c.accountId, file: path }) + '\n');
      process.stderr.write(`Added to ${path}. Use it with:\n  export AWS_ACCESS_KEY_ID=${c.accessKeyId} AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}\n`);
    } catch (err) {
      if (err instanceof CredentialsFileError) fail(err.message);
      throw err;
    }
  });

program.addCommand(reachCommand());
program.addCommand(execCommand());
program.addCommand(stateCommand());

function fail(message: string): never {
  process.stderr.write(`vpcpeer: ${message}\n`);
  process.exit(2);
}

await program.parseAsync(process.argv);
