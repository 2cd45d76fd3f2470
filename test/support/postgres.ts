import { postgresBinaries } from '../../bench/start-postgres.js';

export { startPostgres, type TestPostgres } from '../../bench/start-postgres.js';

/**
 * Whether the PostgreSQL suites can run. In CI a missing PostgreSQL fails the run (`.ci/run`
 * installs Debian's `postgresql`); elsewhere the suites skip and say why.
 */
export const postgresAvailable: boolean = (() => {
  if (postgresBinaries) return true;
  const why = 'PostgreSQL is not available (no initdb on PATH or under /usr/lib/postgresql)';
  if (process.env.CI === 'true') throw new Error(`${why}; CI must install it`);
  console.warn(`SKIPPING PostgreSQL suites: ${why}`);
  return false;
})();
