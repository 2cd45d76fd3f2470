import type { PortRange } from '../reachability/reach-world.js';
import type { Scope } from '../scope.js';

/** FilterAtSource / FilterAtDestination (PathFilter), echoed exactly as given. */
export interface PathFilter {
  readonly sourceAddress?: string;
  readonly sourcePortRange?: Partial<PortRange>;
  readonly destinationAddress?: string;
  readonly destinationPortRange?: Partial<PortRange>;
}

/**
 * A Network Insights path: a stored question. `source`/`destination` are plain ids even when
 * ARNs were sent; the ARNs are kept as well (REACHABILITY.md §1.2, Terraform's no-drift list).
 */
export interface NetworkInsightsPath extends Scope {
  readonly id: string;
  readonly source: string;
  readonly sourceArn: string;
  readonly destination?: string;
  readonly destinationArn?: string;
  readonly sourceIp?: string;
  readonly destinationIp?: string;
  readonly protocol: 'tcp' | 'udp';
  readonly destinationPort?: number;
  readonly filterAtSource?: PathFilter;
  readonly filterAtDestination?: PathFilter;
  readonly clientToken?: string;
  readonly createdAt: number;
}
