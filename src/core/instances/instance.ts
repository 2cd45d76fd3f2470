import type { Scope } from '../scope.js';

/** AWS's instance state names (InstanceStateName). */
export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/**
 * An instance. Its network identity is its primary network interface (device 0), created with
 * it and deleted with it; what reads show as the state is derived from `lifecycle` and the clock
 * (as NAT gateways do), so nothing has to run in the background to move it along.
 */
export interface Instance extends Scope {
  readonly id: string;
  /** `r-…`: instances launched by one RunInstances share it. */
  readonly reservationId: string;
  readonly imageId: string;
  readonly instanceType: string;
  readonly subnetId: string;
  readonly vpcId: string;
  readonly availabilityZone: string;
  readonly primaryNetworkInterfaceId: string;
  /** The state the last call moved the instance towards, and when that call was made. */
  readonly lifecycle: { readonly target: 'running' | 'stopped' | 'terminated'; readonly since: number };
  readonly launchedAt: number;
  readonly keyName?: string;
  readonly clientToken?: string;
}
