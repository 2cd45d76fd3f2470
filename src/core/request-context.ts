import type { IdGenerator } from './ids.js';
import type { Repository } from './repository.js';
import type { Scope } from './scope.js';

/** What a domain operation runs with: one transaction's repository, the caller, one instant. */
export interface RequestContext {
  readonly repo: Repository;
  readonly caller: Scope;
  /** Milliseconds since the epoch on this server's clock (which an admin may have moved forward). */
  readonly now: number;
  readonly ids: IdGenerator;
  /**
   * `vpcpeer serve --reach-inter-region`: reachability analyses follow peerings across Regions and
   * paths may join two Regions. Off, as on AWS, which analyses inside one Region.
   */
  readonly reachInterRegion?: boolean;
}
