import { afterAll, beforeAll } from 'vitest';
import { postgresBinaries, startPostgres, type TestPostgres } from '../../bench/start-postgres.js';

export { startPostgres, type TestPostgres };

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

/** A throwaway PostgreSQL and one fresh database for a describe block: started before it, removed after. */
export function usePostgresDatabase(): { readonly postgres: TestPostgres; readonly url: string } {
  let postgres: TestPostgres | undefined;
  let url: string | undefined;
  beforeAll(async () => {
    postgres = await startPostgres();
    url = await postgres.newDatabase();
  }, 60_000);
  afterAll(async () => {
    await postgres?.destroy();
  });
  return {
    get postgres() {
      if (!postgres) throw new Error('PostgreSQL not started');
      return postgres;
    },
    get url() {
      if (url === undefined) throw new Error('PostgreSQL not started');
      return url;
    },
  };
}
