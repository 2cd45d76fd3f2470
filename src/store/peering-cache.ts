import type { PeeringConnection } from '../core/peering/peering-connection.js';
import type { Scope } from '../core/scope.js';
import type { Tag } from '../core/tag.js';

/** Freezes a parsed document all the way down: cached objects are shared by every request that reads them. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Kept page id lists (see pageIds); past this many they are all dropped. */
const MAX_PAGES = 1000;

interface ScopeTags {
  readonly accountId: string;
  readonly region: string;
  readonly tags: readonly Tag[];
}

interface Entry {
  connection: PeeringConnection | undefined;
  /** Each reading scope's tags on the connection (a connection has at most two scopes). */
  tags: ScopeTags[];
  /** Read since the eviction hand last passed it (CLOCK): a hit only sets this flag. */
  used: boolean;
}

/**
 * Committed peering connections and their tags (per reading scope), those read more than once, at
 * most `capacity` of them. A describe by id served from here runs no SQL and parses no JSON; in
 * the benchmarks that was a third of the server's time per answer.
 *
 * Only committed state ever enters: the store fills it from reads made outside any write
 * transaction, and forgets every id a write transaction touched when that transaction ends,
 * committed or rolled back (open-sqlite-store.ts). Entries are deep-frozen, so no reader can
 * change what the next one sees.
 */
export class PeeringCache {
  private readonly entries = new Map<string, Entry>();
  /** Ids read once and not kept yet (cleared whole when it reaches the capacity). */
  private readonly seenOnce = new Set<string>();
  /**
   * Bumped whenever an entry is invalidated: a read that began before cannot be sure its rows are
   * still current, so what it read is not kept (see `keepConnection`).
   */
  private epoch = 0;
  private readonly pages = new Map<string, { readonly epoch: number; readonly ids: readonly string[] }>();

  constructor(private readonly capacity: number) {}

  /** Taken before reading from SQL, handed back when keeping what was read. */
  get generation(): number {
    return this.epoch;
  }

  connection(id: string): PeeringConnection | undefined {
    const e = this.entries.get(id);
    if (e === undefined) return undefined;
    e.used = true;
    return e.connection;
  }

  tagsOf(id: string, scope: Scope): readonly Tag[] | undefined {
    const e = this.entries.get(id);
    if (e === undefined) return undefined;
    for (const t of e.tags) if (t.accountId === scope.accountId && t.region === scope.region) return t.tags;
    return undefined;
  }

  /**
   * Keeps a connection read from SQL at `generation`, unless something was invalidated since. A
   * connection is admitted on its second read: reads spread evenly over a store much larger than
   * the cache (every id once in a while) would otherwise replace entries on every read, and that
   * garbage showed as GC pauses in the tail latency of a describe at 100k connections.
   */
  keepConnection(c: PeeringConnection, generation: number): void {
    if (generation !== this.epoch) return;
    const e = this.entries.get(c.id);
    if (e !== undefined) {
      e.connection = deepFreeze(c);
      return;
    }
    if (!this.seenOnce.delete(c.id)) {
      if (this.seenOnce.size >= this.capacity) this.seenOnce.clear();
      this.seenOnce.add(c.id);
      return;
    }
    this.entry(c.id).connection = deepFreeze(c);
  }

  /** Keeps a scope's tags on a connection that is kept (see keepConnection). */
  keepTags(id: string, scope: Scope, tags: readonly Tag[], generation: number): void {
    if (generation !== this.epoch) return;
    const e = this.entries.get(id);
    if (e === undefined) return;
    e.tags = [...e.tags.filter((t) => t.accountId !== scope.accountId || t.region !== scope.region), { accountId: scope.accountId, region: scope.region, tags: deepFreeze(tags) }];
  }

  /**
   * The ids of a page of a scope's connections (describe without ids), as last read at the
   * current epoch: any change to any connection moves the epoch and so retires every page. Pages
   * are cheap to read again and few are asked for often (the first page of a few scopes).
   */
  pageIds(key: string): readonly string[] | undefined {
    const page = this.pages.get(key);
    return page !== undefined && page.epoch === this.epoch ? page.ids : undefined;
  }

  /** Keeps a page's ids read at `generation`, unless something changed since. */
  keepPageIds(key: string, ids: readonly string[], generation: number): void {
    if (generation !== this.epoch) return;
    if (this.pages.size >= MAX_PAGES) this.pages.clear();
    this.pages.set(key, { epoch: generation, ids: Object.freeze([...ids]) });
  }

  /** The row or its tags changed (or may have): drop what is kept of it. */
  invalidate(id: string): void {
    this.epoch++;
    this.entries.delete(id);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.seenOnce.clear();
    this.pages.clear();
  }

  private entry(id: string): Entry {
    let e = this.entries.get(id);
    if (e === undefined) {
      e = { connection: undefined, tags: [], used: false };
      this.entries.set(id, e);
      if (this.entries.size > this.capacity) this.evictOne();
    }
    return e;
  }

  /**
   * CLOCK: the oldest entry goes unless it was read since the hand last passed, in which case it
   * gets a second chance at the young end. Cheaper on every hit than keeping an exact LRU order.
   */
  private evictOne(): void {
    for (let turns = 0; turns <= this.entries.size; turns++) {
      const oldest = this.entries.entries().next().value;
      if (oldest === undefined) return;
      const [id, e] = oldest;
      this.entries.delete(id);
      if (!e.used) return;
      e.used = false;
      this.entries.set(id, e);
    }
  }
}
