/**
 * What the data plane should look like, derived from the store alone (DATAPLANE.md §2): one
 * router namespace per VPC that has something running in it, one namespace per running instance
 * or free-standing network interface, a veth per interface and per active peering. Plain JSON: the
 * server sends it to the data-plane agent, which makes the kernel match it.
 */
export interface DataplanePlan {
  readonly routers: readonly PlannedRouter[];
  readonly hosts: readonly PlannedHost[];
}

/** One interface of a host: `dev` inside the host, `routerDev` its other end in the VPC's router. */
export interface PlannedInterface {
  readonly eniId: string;
  readonly dev: string;
  readonly routerNs: string;
  readonly routerDev: string;
  /** Private IPv4s, primary first. */
  readonly ips: readonly string[];
  /** The subnet's prefix length (the address is shown as in the subnet, as on an instance). */
  readonly prefixLength: number;
  /** The subnet's router address (network + 1, as in AWS). */
  readonly gateway: string;
  /** IPv6 addresses (in the subnet's /64); their next hop is the router's `IPV6_GATEWAY`. */
  readonly ipv6s: readonly string[];
}

/** An instance (all its interfaces) or an interface not attached to any instance. */
export interface PlannedHost {
  /** `i-…` or `eni-…`. */
  readonly id: string;
  readonly ns: string;
  /** Device index order: the first carries the default route. */
  readonly interfaces: readonly PlannedInterface[];
}

/** A peering connection's veth as one router sees it. */
export interface PlannedLink {
  readonly peeringId: string;
  readonly dev: string;
  /** The requester's end creates the pair. */
  readonly creates: boolean;
  readonly peerNs: string;
  /** This end's and the far end's link-local addresses (IPv4 routes use the far one as next hop). */
  readonly local: string;
  readonly remote: string;
  /** The link's MTU: `MTU_IN_REGION`, or `MTU_INTER_REGION_PEERING` when the VPCs' Regions differ. */
  readonly mtu: number;
}

export type PlannedTarget = { readonly kind: 'link'; readonly dev: string; readonly via: string } | { readonly kind: 'blackhole' };

export interface PlannedRoute {
  readonly destination: string;
  readonly target: PlannedTarget;
}

/** A route table as a kernel table: its non-local routes (local ones are the router's table 100). */
export interface PlannedTable {
  readonly routeTableId: string;
  readonly table: number;
  readonly routes: readonly PlannedRoute[];
}

/** A router's end of an interface: which table its traffic is routed by. */
export interface PlannedPort {
  readonly eniId: string;
  readonly dev: string;
  readonly subnetId: string;
  readonly ips: readonly string[];
  readonly ipv6s: readonly string[];
  readonly gateway: string;
  readonly table: number;
}

export interface PlannedRouter {
  readonly vpcId: string;
  readonly ns: string;
  /** The VPC's live IPv4 blocks: what table 100 (local) answers for. */
  readonly cidrs: readonly string[];
  /** The VPC's live IPv6 blocks (/56), likewise. */
  readonly cidrs6: readonly string[];
  readonly ports: readonly PlannedPort[];
  readonly links: readonly PlannedLink[];
  readonly tables: readonly PlannedTable[];
  /** The router's whole nftables table (security groups, network ACLs, the peering rules). */
  readonly nft: string;
}

/**
 * MTUs as AWS gives them (EC2 User Guide, "Network maximum transmission unit (MTU) for your EC2
 * instance", https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/network_mtu.html): jumbo
 * frames, 9001 bytes, within a Region, which every interface's veth and every same-Region
 * peering's carry; traffic over an inter-Region VPC peering connection is limited to 8500 bytes
 * (1500 before AWS raised it in 2025). A larger packet with Don't Fragment set is dropped by the
 * router with ICMP "fragmentation needed", so path MTU discovery finds the limit as on AWS.
 */
export const MTU_IN_REGION = 9001;
export const MTU_INTER_REGION_PEERING = 8500;

/** The kernel table holding a router's local routes: its VPC's interfaces, and nothing else of the VPC. */
export const LOCAL_TABLE = 100;
/** Route tables get kernel tables from here up. */
export const FIRST_ROUTE_TABLE = 1000;
/**
 * The router's IPv6 address on every interface's veth, and so every instance's IPv6 next hop. Link-local
 * addresses belong to one link, so each veth can carry the same one: nothing is allocated, and
 * no neighbour proxying is needed (DATAPLANE.md §3.7, the routed design).
 */
export const IPV6_GATEWAY = 'fe80::1';
