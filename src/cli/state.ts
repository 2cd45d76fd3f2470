import { Command, Option } from 'commander';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportState } from '../store/export-state.js';
import { importState, StoreHoldsState } from '../store/import-state.js';
import type { Store } from '../store/open-sqlite-store.js';
import { openPostgresStore } from '../store/open-postgres-store.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { StateFile } from '../store/state-file.js';
import { stateFileText } from '../store/state-file.js';
import { StoreUnavailable } from '../store/store-unavailable.js';
import { readStateFile } from './read-state-file.js';
import { CliProblem, problem } from './server-access.js';

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
 * running server holds is refused by openSqliteStore's exclusive lock, with its own message.
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
  return openSqliteStore({ dataDir: dir }).catch((err: unknown) => problem((err as Error).message));
}

/** Prints a failure as one line; the exit status says whether it is the user's to fix (2) or ours (1). */
function report(err: unknown): void {
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

/** `vpcpeer state export|import`: a store's whole state as a JSON file (docs/state-format.md), offline. */
export function stateCommand(): Command {
  const state = new Command('state').description('Export a store\'s state to a JSON file, or import one (the server must not be running on a SQLite folder)');
  withStoreOptions(state.command('export'))
    .description('Write the store\'s state as JSON (docs/state-format.md) to standard output')
    .option('--output <file>', 'write to this file instead of standard output')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : PROBLEM))
    .action(async (opts: StoreOptions & { output?: string }, command: Command) => {
      await withStore(opts, command, true, async (store) => {
        const text = stateFileText(await exportState(store));
        if (opts.output !== undefined) writeWhole(resolve(opts.output), text);
        else process.stdout.write(text);
      });
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
