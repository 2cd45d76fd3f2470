import { Command, Option } from 'commander';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { exportState } from '../store/export-state.js';
import { importState, StoreHoldsState } from '../store/import-state.js';
import type { Store } from '../store/open-sqlite-store.js';
import { openPostgresStore } from '../store/open-postgres-store.js';
import { openSqliteStore, StoreInUse } from '../store/open-sqlite-store.js';
import type { StateFile } from '../store/state-file.js';
import { stateFileText } from '../store/state-file.js';
import { StoreUnavailable } from '../store/store-unavailable.js';
import { readStateFile } from './read-state-file.js';
import { CliProblem, endpointUrl, getFromServer, problem, serverAccess } from './server-access.js';
import { readServing, type ServingRecord } from './serving-record.js';

/** Usage and store problems, a bad file, a store in use: as `serve` exits on what the user must fix. */
const PROBLEM = 2;

interface StoreOptions {
  dataDir: string;
  database?: string;
}

function withStoreOptions(command: Command): Command {
  return command
    .addOption(new Option('--data-dir <dir>', 'the SQLite store\'s folder (as `serve --data-dir`)').env('VPCPEER_DATA_DIR').default('.vpcpeer'))
    .addOption(new Option('--database <url>', 'a PostgreSQL store instead (postgres://user:pass@host:5432/db)').env('VPCPEER_DATABASE_URL'));
}

/**
 * The store the options name, opened as `serve` opens it (its migrations run). A SQLite folder a
 * running server holds is refused by openSqliteStore's exclusive lock (StoreInUse, passed on:
 * the caller knows what to do about it).
 */
async function openStore(opts: StoreOptions, command: Command, mustExist: boolean): Promise<Store> {
  const database = opts.database === '' ? undefined : opts.database;
  if (database !== undefined) {
    if (command.getOptionValueSource('dataDir') === 'cli') problem('give --data-dir or --database, not both (VPCPEER_DATABASE_URL counts as --database)');
    if (!/^postgres(ql)?:\/\//.test(database)) problem('--database must be a PostgreSQL URL such as postgres://user:pass@host:5432/db');
    return openPostgresStore({ url: database, poolSize: 1 }).catch((err: unknown) => problem((err as Error).message));
  }
  const dir = resolve(opts.dataDir);
  // Opening a folder makes a store there: an export of a folder that holds none is a mistake.
  if (mustExist && !existsSync(join(dir, 'vpcpeer.db'))) problem(`${dir} holds no vpcpeer store (no vpcpeer.db)`);
  return openSqliteStore({ dataDir: dir }).catch((err: unknown) => {
    if (err instanceof StoreInUse) throw err;
    return problem((err as Error).message);
  });
}

/** Who holds a locked folder: the server recorded in it (serving-record.ts), or some other process. */
function holderOf(err: StoreInUse): { readonly text: string; readonly server?: ServingRecord } {
  const server = readServing(dirname(err.location));
  return server ? { text: `${err.location} is in use by the vpcpeer server at ${server.url} (pid ${server.pid})`, server } : { text: err.message };
}

/** The key `state export` signs with when it asks a server; none in open mode is fine. */
interface KeyOptions {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

const STATE_PATH = '/_vpcpeer/state';

/**
 * The state file a running server answers (GET /_vpcpeer/state): one committed state, read in one
 * write transaction as an offline export is. Signed with the key given (options or AWS_*), which
 * a strict server wants to be an admin key; unsigned otherwise (open mode).
 */
async function stateFromServer(url: string, opts: KeyOptions): Promise<string> {
  const endpoint = endpointUrl(url);
  const keyed = opts.accessKeyId ?? process.env.AWS_ACCESS_KEY_ID;
  const res = await getFromServer(endpoint, STATE_PATH, keyed === undefined ? undefined : serverAccess({ endpoint: url, ...opts }));
  const text = await res.text();
  if (res.status === 200) return text;
  let answer: { error?: unknown; message?: unknown } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    // Not ours: said as it came, below.
  }
  const what = answer.error !== undefined ? `${String(answer.error)}: ${String(answer.message ?? '')}` : text.slice(0, 200);
  const key = res.status === 401 || res.status === 403 ? ' (a strict-mode server exports for an admin key only: give one with --access-key-id and --secret-access-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)' : '';
  return problem(`the server at ${endpoint.origin} did not export: HTTP ${res.status} ${what}${key}`);
}

/** The store's state file: read from the store, or from the server that holds its SQLite folder. */
async function exportText(opts: StoreOptions & KeyOptions, command: Command): Promise<string> {
  let store: Store;
  try {
    store = await openStore(opts, command, true);
  } catch (err) {
    if (!(err instanceof StoreInUse)) throw err;
    const holder = holderOf(err);
    if (!holder.server) problem(holder.text);
    process.stderr.write(`vpcpeer: ${holder.text}; exporting through it\n`);
    return stateFromServer(holder.server.url, opts);
  }
  try {
    return stateFileText(await exportState(store));
  } finally {
    await store.close();
  }
}

/** Prints a failure as one line; the exit status says whether it is the user's to fix (2) or ours (1). */
function report(failure: unknown): void {
  // An import into a folder a server holds: the server's clients would see their world replaced under them.
  const err = failure instanceof StoreInUse ? new CliProblem(`${holderOf(failure).text}: stop it before importing into its folder, then start it again`) : failure;
  const e = err as { name?: string; message?: string };
  const known = err instanceof CliProblem || err instanceof StoreUnavailable;
  const what = known ? String(e.message) : `${e.name ?? 'Error'}: ${e.message ?? String(err)}`;
  // One line, whatever the message below us holds.
  process.stderr.write(`vpcpeer: ${what.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = known ? PROBLEM : 1;
}

/** Runs a subcommand's work with its store, closed whatever happens. */
async function withStore(opts: StoreOptions, command: Command, mustExist: boolean, work: (store: Store) => Promise<void>): Promise<void> {
  let store: Store | undefined;
  try {
    store = await openStore(opts, command, mustExist);
    await work(store);
  } catch (err) {
    report(err);
  } finally {
    await store?.close();
  }
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Writes beside the target and renames, so an interrupted export never leaves half a file. */
function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** `vpcpeer state export|import`: a store's whole state as a JSON file (docs/state-format.md). */
export function stateCommand(): Command {
  const state = new Command('state').description('Export a store\'s state to a JSON file (from a running server too), or import one (into a store no server is using)');
  withStoreOptions(state.command('export'))
    .description('Write the store\'s state as JSON (docs/state-format.md) to standard output; a SQLite folder a server holds is exported through that server')
    .option('--output <file>', 'write to this file instead of standard output')
    .option('--endpoint <url>', 'export from the running server at this URL (GET /_vpcpeer/state) instead of opening a store')
    .option('--access-key-id <key>', 'strict mode: an admin key to ask the server with (default: AWS_ACCESS_KEY_ID)')
    .option('--secret-access-key <secret>', 'its secret (default: AWS_SECRET_ACCESS_KEY)')
    .option('--session-token <token>', 'a session token, with temporary credentials (default: AWS_SESSION_TOKEN)')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : PROBLEM))
    .action(async (opts: StoreOptions & KeyOptions & { output?: string; endpoint?: string }, command: Command) => {
      try {
        const fromServer = opts.endpoint !== undefined && opts.endpoint !== '' ? opts.endpoint : undefined;
        if (fromServer !== undefined && (command.getOptionValueSource('dataDir') === 'cli' || command.getOptionValueSource('database') === 'cli')) {
          problem('give --endpoint (a running server) or --data-dir/--database (a store), not both');
        }
        const text = fromServer !== undefined ? await stateFromServer(fromServer, opts) : await exportText(opts, command);
        if (opts.output !== undefined) writeWhole(resolve(opts.output), text);
        else process.stdout.write(text);
      } catch (err) {
        report(err);
      }
    });
  withStoreOptions(state.command('import'))
    .description('Load a state file into the store: all of it or, when anything in it is wrong, nothing')
    .argument('<file>', 'a state file (`-` reads standard input)')
    .option('--replace', 'empty a store that already holds state first (in the same transaction)')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : PROBLEM))
    .action(async (path: string, opts: StoreOptions & { replace?: boolean }, command: Command) => {
      // The whole file is read and checked before the store is opened, let alone written.
      let checked: StateFile;
      try {
        checked = readStateFile(path).file;
      } catch (err) {
        report(err);
        return;
      }
      await withStore(opts, command, false, async (store) => {
        try {
          const n = await importState(store, checked, { replace: opts.replace === true });
          const what = [count(n.resources, 'resource'), count(n.peerings, 'peering connection'), count(n.tags, 'tag')].join(', ');
          process.stdout.write(`vpcpeer: imported ${what} and ${count(n.auditEvents, 'audit event')} into ${store.kind === 'postgres' ? 'the database' : store.location}\n`);
        } catch (err) {
          if (err instanceof StoreHoldsState) problem(`${err.message}; add --replace to replace it (its audit trail is kept)`);
          throw err;
        }
      });
    });
  return state;
}
