import type { NatGateway } from '../nat-gateways/nat-gateway.js';
import { isNatGatewayLive } from '../nat-gateways/nat-gateway-state.js';
import type { RequestContext } from '../request-context.js';
import type { Subnet } from '../subnet.js';

/**
 * The private IPv4 addresses of a subnet held by something: every network interface's (primary and
 * secondary) and every live NAT gateway's. One pool, so an interface never takes a NAT gateway's
 * address and the other way round (VPC user guide: an address belongs to one interface at a time).
 * `gateways`, when given, are the caller's NAT gateways already read (CreateNatGateway has them).
 */
export async function addressesInUse(ctx: RequestContext, subnet: Subnet, gateways?: readonly NatGateway[]): Promise<Set<string>> {
  return (await subnetAddressesInUse(ctx, subnet, gateways)).v4;
}

/** The addresses of a subnet already held, IPv4 (as `addressesInUse`) and IPv6 (interfaces'), from one read of the interfaces. */
export async function subnetAddressesInUse(ctx: RequestContext, subnet: Subnet, gateways?: readonly NatGateway[]): Promise<{ v4: Set<string>; v6: Set<string> }> {
  const v4 = new Set<string>();
  const v6 = new Set<string>();
  for (const eni of await ctx.repo.networkInterfaces.list(ctx.caller, { vpcId: subnet.vpcId })) {
    if (eni.subnetId !== subnet.id) continue;
    for (const ip of eni.privateIps) v4.add(ip);
    for (const ip of eni.ipv6Addresses) v6.add(ip);
  }
  for (const g of gateways ?? (await ctx.repo.natGateways.list(ctx.caller, { vpcId: subnet.vpcId }))) {
    if (g.subnetId !== subnet.id || !isNatGatewayLive(g)) continue;
    for (const a of g.addresses) if (a.privateIp !== undefined) v4.add(a.privateIp);
  }
  return { v4, v6 };
}

/** How many addresses each subnet of the caller has in use, for AvailableIpAddressCount. */
export async function addressCountsBySubnet(ctx: RequestContext): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const add = (subnetId: string, n: number): void => {
    counts.set(subnetId, (counts.get(subnetId) ?? 0) + n);
  };
  for (const eni of await ctx.repo.networkInterfaces.list(ctx.caller)) add(eni.subnetId, eni.privateIps.length);
  for (const g of await ctx.repo.natGateways.list(ctx.caller)) {
    if (isNatGatewayLive(g)) add(g.subnetId, g.addresses.filter((a) => a.privateIp !== undefined).length);
  }
  return counts;
}

/** The IPv6 addresses interfaces of a subnet hold. */
export async function ipv6AddressesInUse(ctx: RequestContext, subnet: Subnet): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const eni of await ctx.repo.networkInterfaces.list(ctx.caller, { vpcId: subnet.vpcId })) {
    if (eni.subnetId === subnet.id) for (const ip of eni.ipv6Addresses) taken.add(ip);
  }
  return taken;
}
