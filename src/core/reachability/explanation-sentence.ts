/**
 * One plain sentence per explanation, naming the resource and the fix (issue 11 point 4,
 * REACHABILITY.md §7). vpcpeer's own text: it never goes on the EC2 wire.
 */

const list = (xs: readonly string[]): string => xs.join(', ');

export const sentence = {
  /** "main table of vpc-A, used by subnet-A1" / "used by subnet-A1". */
  usedBy(table: { readonly associations: readonly { readonly main: boolean }[] } | undefined, subnet: { readonly id: string; readonly vpcId: string }): string {
    return table?.associations.some((a) => a.main) ? `main table of ${subnet.vpcId}, used by ${subnet.id}` : `used by ${subnet.id}`;
  },
  noRoute(table: string, usedBy: string, address: string, fix: string): string {
    return `Route table ${table} (${usedBy}) has no route to ${address}; ${fix}.`;
  },
  addRoute(cidr: string, pcx: string): string {
    return `add ${cidr} → ${pcx}`;
  },
  noPeering(vpc: string, address: string, holder?: string): string {
    return holder
      ? `${vpc} has no peering connection with ${holder}, which holds ${address}: create one and route ${address} through it`
      : `no VPC peered with ${vpc} holds ${address}: peer with the VPC that does and add a route through that connection`;
  },
  notTransitive(pcx: string, farVpc: string, farCidrs: readonly string[], address: string, holder: string | undefined, nearVpc: string): string {
    const where = holder ? `${address} is in ${holder}` : `${address} is outside it`;
    const fix = holder ? `create a peering between ${nearVpc} and ${holder}` : `route ${address} elsewhere`;
    return `${pcx} only carries traffic for ${farVpc} (${list(farCidrs)}); ${where}. Peering is not transitive: ${fix}.`;
  },
  blackhole(pcx: string, status: string, account: string, region: string, fix: string): string {
    return `The route to ${pcx} is a blackhole: the connection is ${status} (account ${account}, ${region}); ${fix}.`;
  },
  blackholeFix(status: string, account: string): string {
    if (status === 'pending-acceptance') return `accept it in account ${account}`;
    if (status === 'active') return 'nothing to do';
    return `it cannot carry traffic again: create a new peering connection, have it accepted, and point the route at it`;
  },
  routeToNothing(pcx: string): string {
    return `The route to ${pcx} is a blackhole: the connection no longer exists; create a new peering connection, have it accepted, and point the route at it.`;
  },
  moreSpecific(table: string, used: string, usedTarget: string, wanted: string, wantedTarget: string, address: string): string {
    return `Route table ${table} sends ${address} by the more specific route ${used} → ${usedTarget}, not ${wanted} → ${wantedTarget}; remove or narrow ${used}, or add a more specific route to ${wantedTarget}.`;
  },
  replyElsewhere(table: string, usedBy: string, address: string, used: string, usedTarget: string, wanted: string): string {
    return `Route table ${table} (${usedBy}) sends the reply to ${address} by ${used} → ${usedTarget}, not back over ${wanted}; add a route for ${address} (or its subnet) → ${wanted}.`;
  },
  aclDenies(acl: string, direction: 'ingress' | 'egress', rule: string, what: string, fix: string): string {
    return `${acl} ${direction} rule ${rule} denies ${what}; ${fix}.`;
  },
  sgMismatch(eni: string, groups: readonly string[], direction: 'ingress' | 'egress', what: string, fix: string): string {
    return `None of the ${direction} rules of ${list(groups)} on ${eni} admits ${what}; ${fix}.`;
  },
  sgNoRules(group: string, eni: string, fix: string): string {
    return `${group} on ${eni} has no rules at all; ${fix}.`;
  },
  filteredOut(component: string, role?: string): string {
    return `The path ${role ?? 'has to go through'} ${component}, which this analysis excludes (FilterOutArns); analyse again without excluding it, or give the traffic a way that avoids it.`;
  },
  unknownPeeredGroup(group: string, account: string, pcx: string): string {
    return `A rule references ${account}/${group} across ${pcx}, but account ${account} is not part of this analysis, so the reference admits nothing; add ${account} to the analysis' accounts.`;
  },
  sourceDestCheck(eni: string, address: string, own: readonly string[]): string {
    return `${eni} may only send from its own addresses (${list(own)}), not ${address}: use one of them as the source, or turn off its source/destination check.`;
  },
  eniAddress(eni: string, address: string, own: readonly string[]): string {
    return `${eni} only receives traffic for its own addresses (${list(own)}), not ${address}; send to one of them.`;
  },
  noDestinationInVpc(vpc: string, address: string): string {
    return `No network interface in ${vpc} holds ${address}; send to an address an interface there owns.`;
  },
  otherAccount(component: string, account: string): string {
    return `The path enters ${component} of account ${account}, which is not part of this analysis; add ${account} to the analysis' accounts.`;
  },
  otherRegion(pcx: string, region: string): string {
    return `${pcx} leads to ${region}, another Region: AWS analyses one Region at a time; to follow it, run \`vpcpeer reach --inter-region\`, or start the server with \`vpcpeer serve --reach-inter-region\`.`;
  },
  igwDetached(igw: string, vpc: string): string {
    return `${igw} is not attached to any VPC; attach it to ${vpc}.`;
  },
  igwElsewhere(igw: string, igwVpc: string, vpc: string): string {
    return `${igw} is attached to ${igwVpc}, not to ${vpc}; analyse with the internet gateway attached to ${vpc}.`;
  },
  expectsPublic(address: string, igw: string): string {
    return `${address} is not a public address, and the internet side of ${igw} has only public ones; use a public address (not RFC 1918 or RFC 6598 space).`;
  },
  noPublicIn(igw: string, what: string): string {
    return `${igw} delivers from the internet only to a private address paired with a public one, and ${what} has none; allocate an Elastic IP and associate it (or launch the instance with a public address).`;
  },
  noPublicOut(igw: string, eni: string, address: string): string {
    return `${address} of ${eni} is not paired with a public address, so ${igw} cannot carry its traffic to the internet; associate an Elastic IP with it (or launch the instance with a public address).`;
  },
  missing(id: string): string {
    return `${id} does not exist (any more); create the path again with an existing source and destination.`;
  },
  unassociated(id: string, state: string): string {
    return `${id} is ${state} and has no network interface in use; start (or launch) an instance and analyse from it.`;
  },
  ipv6(address: string): string {
    return `${address} is an IPv6 address; the analysis covers IPv4 only, as AWS's does.`;
  },
  disconnected(a: string, b: string): string {
    return `${a} and ${b} are not joined by any peering connection; create one between them, accept it and route through it.`;
  },
  pcxNotOnSource(pcx: string, vpc: string): string {
    return `${pcx} does not touch ${vpc}; analyse from an interface in one of the two VPCs it joins.`;
  },
};
