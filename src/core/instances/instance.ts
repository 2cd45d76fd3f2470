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
  // Additive optional fields (absent reads as AWS's default).
  /** A digest of the RunInstances parameters, for ClientToken idempotency. */
  readonly requestDigest?: string;
  /** Position in its launch (AmiLaunchIndex). */
  readonly launchIndex?: number;
  /** UserData as sent: base64 text. */
  readonly userData?: string;
  readonly disableApiTermination?: boolean;
  readonly disableApiStop?: boolean;
  /** `stop` (default) or `terminate`. */
  readonly instanceInitiatedShutdownBehavior?: 'stop' | 'terminate';
  readonly ebsOptimized?: boolean;
  readonly monitoring?: boolean;
  readonly architecture?: 'x86_64' | 'arm64';
  /** The public IPv4 address AWS gives at launch/start when asked or when the subnet maps one; released at stop. */
  readonly publicIp?: string;
  /** Whether a public address is wanted at each start (AssociatePublicIpAddress or the subnet's MapPublicIpOnLaunch). */
  readonly wantsPublicIp?: boolean;
  readonly metadataOptions?: InstanceMetadataOptions;
  /** `standard` or `unlimited`, for burstable (T) types. */
  readonly cpuCredits?: string;
  readonly cpuOptions?: { readonly coreCount: number; readonly threadsPerCore: number };
}

/** The instance metadata service settings (InstanceMetadataOptionsResponse). */
export interface InstanceMetadataOptions {
  readonly httpTokens: 'optional' | 'required';
  readonly httpPutResponseHopLimit: number;
  readonly httpEndpoint: 'enabled' | 'disabled';
  readonly httpProtocolIpv6: 'enabled' | 'disabled';
  readonly instanceMetadataTags: 'enabled' | 'disabled';
}
