import type { InternetGateway } from '../internet-gateways/internet-gateway.js';
import type { NetworkSnapshot } from '../network-snapshot.js';

/** A public IPv4 address mapped to a private one of an interface: an Elastic IP, or an instance's launch-time address. */
export interface PublicAddress {
  readonly publicIp: string;
  readonly networkInterfaceId: string;
  readonly privateIp: string;
}

/**
 * Everything an analysis may look at, read from one store snapshot: the source's VPC, every VPC
 * joined to it by a peering connection (in any state), and what lives in them. Plain stored
 * records: what AWS derives (route states, a subnet's main route table, the default ACL's
 * implicit associations, a peering's effective status at `now`) the analyzer derives itself.
 */
export interface ReachWorld extends NetworkSnapshot {
  readonly now: number;
  /** Resource id -> its `Name` tag as the caller sees it (AnalysisComponent.Name); absent when untagged. */
  readonly names: ReadonlyMap<string, string>;
  /**
   * Accounts the analysis may enter besides the caller's (AWS: AdditionalAccounts under an
   * Organization). Resources of other accounts may be in the world; they are used only when
   * their account is listed here, else the walk stops with UNKNOWN_PEERED_SGS /
   * NO_POSSIBLE_DESTINATION as AWS does.
   */
  readonly visibleAccounts: ReadonlySet<string>;
  /** The internet gateway(s) a path starts or ends at (read only for such paths). */
  readonly internetGateways?: readonly InternetGateway[];
  /** The public addresses of the world's interfaces (read only when a path starts or ends at an internet gateway). */
  readonly publicAddresses?: readonly PublicAddress[];
}

/** A port interval, both ends included. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/**
 * `icmp` is vpcpeer's own question (AWS's analyzer asks tcp or udp only): an ICMP echo. Packet
 * sets carry its type in the `dp` dimension and its code in `sp`, so rules naming a type and code
 * constrain them as port ranges do.
 */
export type Protocol = 'tcp' | 'udp' | 'icmp';

/**
 * The question: can traffic of `protocol` go from `source` to `destination` (or `destinationIp`),
 * and its reply come back? Ids are plain (`eni-…`, `i-…`, `pcx-…`), already resolved from ARNs.
 */
export interface ReachQuery {
  /** The caller: their account and Region. */
  readonly accountId: string;
  readonly region: string;
  readonly source: string;
  readonly destination?: string;
  /** One of the source's private IPv4s (default: its primary). */
  readonly sourceIp?: string;
  /** The destination address when the destination is a resource with several, or the only destination. */
  readonly destinationIp?: string;
  /** `icmp` asks about an echo (ping): vpcpeer's own question, beyond AWS's tcp and udp. */
  readonly protocol: Protocol;
  /** Destination ports to try; default all (0–65535). */
  readonly destinationPorts?: PortRange;
  /** Source ports; default all (0–65535). */
  readonly sourcePorts?: PortRange;
  /** Source address filter (FilterAtSource.SourceAddress), a CIDR. */
  readonly sourceAddress?: string;
  /** Components the path must traverse (FilterInArns, as ids). */
  readonly filterIn?: readonly string[];
  /** Components the path must do without (FilterOutArns, as ids): the walk uses none of them. */
  readonly filterOut?: readonly string[];
  /** vpcpeer's switch: walk peerings across Regions, which AWS cannot analyse. */
  readonly interRegion?: boolean;
}
