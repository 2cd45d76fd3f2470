import { Ec2Error } from '../../src/core/ec2-error.js';
import { createDefaultVpc, hasDefaultVpcBeenCreated } from '../../src/core/default-vpc.js';
import type { IdGenerator } from '../../src/core/ids.js';
import type { RequestContext } from '../../src/core/request-context.js';
import type { Store } from '../../src/store/open-sqlite-store.js';
import { openSqliteStore } from '../../src/store/open-sqlite-store.js';

/** Drives the domain directly over a real (in-memory) store, with a clock the test controls. */
export interface DomainHarness {
  readonly store: Store;
  now: number;
  /** Runs one domain call as (account, region) in a write transaction, like one API request. */
  as<T>(accountId: string, region: string, work: (ctx: RequestContext) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function counterIds(): IdGenerator {
  let n = 0;
  return { next: (prefix) => `${prefix}-${(++n).toString(16).padStart(17, '0')}` };
}

export async function domainHarness(): Promise<DomainHarness> {
  const store = await openSqliteStore({ inMemory: true });
  const ids = counterIds();
  const harness: DomainHarness = {
    store,
    now: Date.UTC(2026, 0, 1),
    as(accountId, region, work) {
      return store.write(async (repo) => {
        const ctx: RequestContext = { repo, caller: { accountId, region }, now: harness.now, ids };
        if (!(await hasDefaultVpcBeenCreated(ctx))) await createDefaultVpc(ctx);
        return work(ctx);
      });
    },
    close: () => store.close(),
  };
  return harness;
}

/** Awaits domain work that must fail with an Ec2Error, and returns that error. */
export async function fails(work: Promise<unknown>): Promise<Ec2Error> {
  try {
    await work;
  } catch (err) {
    if (err instanceof Ec2Error) return err;
    throw err;
  }
  throw new Error('expected an Ec2Error');
}
