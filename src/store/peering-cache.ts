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

const scopeKey = (scope: Scope): string => `${scope.accountId}/${scope.region}`;

/**
 * Committed peering connections and their tags (per reading scope), most recently used kept, at
 * most `capacity` of each. A describe by id served from here runs no SQL and parses no JSON; in
 * the benchmarks that was a third of the server's time per answer.
 *
 * Only committed state ever enters: the store fills it from reads made outside any write
 * transaction, and forgets every id a write transaction touched when that transaction ends,
 * committed or rolled back (open-sqlite-store.ts). Entries are deep-frozen, so no reader can
 * change what the next one sees.
 */
export class PeeringCache {
  private readonly docs = new Map<string, PeeringConnection>();
  /** Resource id -> scope key -> that scope's tags on it, ordered by key. */
  private readonly tags = new Map<string, Map<string, readonly Tag[]>>();

  /**
   * Bumped whenever an entry is invalidated: a read that began before cannot be sure its rows are
   * still current, so what it read is not kept (see `keepConnection`).
   */
  private epoch = 0;

  constructor(private readonly capacity: number) {}

  /** Taken before reading from SQL, handed back when keeping what was read. */
  get generation(): number {
    return this.epoch;
  }

  connection(id: string): PeeringConnection | undefined {
    const c = this.docs.get(id);
    if (c !== undefined) {
      // Map keeps insertion order: moving a hit to the end makes the first entry the least recent.
      this.docs.delete(id);
      this.docs.set(id, c);
    }
    return c;
  }

  /** Keeps a connection read from SQL at `generation`, unless something was invalidated since. */
  keepConnection(c: PeeringConnection, generation: number): void {
    if (generation !== this.epoch) return;
    this.docs.set(c.id, deepFreeze(c));
    if (this.docs.size > this.capacity) this.evict(this.docs.keys().next().value as string);
  }

  tagsOf(id: string, scope: Scope): readonly Tag[] | undefined {
    return this.tags.get(id)?.get(scopeKey(scope));
  }

  keepTags(id: string, scope: Scope, tags: readonly Tag[], generation: number): void {
    if (generation !== this.epoch) return;
    let byScope = this.tags.get(id);
    if (!byScope) {
      byScope = new Map();
      this.tags.set(id, byScope);
      if (this.tags.size > this.capacity) this.tags.delete(this.tags.keys().next().value as string);
    }
    byScope.set(scopeKey(scope), deepFreeze(tags));
  }

  /** The row or its tags changed (or may have): drop what is kept of it. */
  invalidate(id: string): void {
    this.epoch++;
    this.evict(id);
  }

  clear(): void {
    this.epoch++;
    this.docs.clear();
    this.tags.clear();
  }

  private evict(id: string): void {
    this.docs.delete(id);
    this.tags.delete(id);
  }
}
