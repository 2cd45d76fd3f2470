#!/usr/bin/env node
import { Command, Option } from 'commander';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { buildApp } from '../server/build-app.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';

const program = new Command();
program.name('vpcpeer').description('A self-hosted Amazon VPC peering service speaking the EC2 API.');

program
  .command('serve')
  .description('Serve the EC2 API (and STS GetCallerIdentity) over HTTP')
  .addOption(new Option('--host <host>', 'address to listen on').env('VPCPEER_HOST').default('127.0.0.1'))
  .addOption(new Option('--port <port>', 'port to listen on (0 picks a free one)').env('VPCPEER_PORT').default('4566'))
  .addOption(new Option('--data-dir <dir>', 'folder for the durable state').env('VPCPEER_DATA_DIR').default('.vpcpeer'))
  .addOption(new Option('--in-memory', 'keep state in memory only (lost on exit)').env('VPCPEER_IN_MEMORY'))
  .addOption(new Option('--default-account <id>', 'account for requests whose access key is not a 12-digit account id').env('VPCPEER_DEFAULT_ACCOUNT').default('000000000000'))
  .addOption(new Option('--default-region <region>', 'region for unsigned requests').env('VPCPEER_DEFAULT_REGION').default('us-east-1'))
  .addOption(new Option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent').env('VPCPEER_LOG_LEVEL').default('info'))
  .action(async (opts: { host: string; port: string; dataDir: string; inMemory?: boolean | string; defaultAccount: string; defaultRegion: string; logLevel: string }) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, not '${opts.port}'`);
    if (!/^\d{12}$/.test(opts.defaultAccount)) fail(`--default-account must be a 12-digit account id, not '${opts.defaultAccount}'`);
    if (opts.host !== 'localhost' && isIP(opts.host) === 0) fail(`--host must be an IP address or localhost, not '${opts.host}'`);
    const inMemory = opts.inMemory === true || opts.inMemory === 'true' || opts.inMemory === '1';
    const store = await openSqliteStore(inMemory ? { inMemory: true } : { dataDir: resolve(opts.dataDir) });
    const app = await buildApp({ store, defaultAccount: opts.defaultAccount, defaultRegion: opts.defaultRegion, logLevel: opts.logLevel });
    // Listening on app.server directly keeps startup to our one line (Fastify would log its own).
    await app.ready();
    const address = await new Promise<string>((done, fail) => {
      app.server.once('error', fail);
      app.server.listen(port, opts.host, () => {
        const a = app.server.address();
        done(typeof a === 'object' && a ? `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}` : String(a));
      });
    });
    const where = inMemory ? 'in memory (lost on exit)' : store.location;
    // One line users (and test harnesses) can read: where to point clients, where state lives.
    process.stdout.write(`vpcpeer listening on ${address} (state: ${where})\n`);
    const stop = (): void => {
      void app.close().then(() => store.close()).then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

function fail(message: string): never {
  process.stderr.write(`vpcpeer: ${message}\n`);
  process.exit(2);
}

await program.parseAsync(process.argv);
