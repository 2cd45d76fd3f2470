import { formatIpv4, parseIpv4Address } from '../net/index.js';
import type { RequestContext } from '../request-context.js';

/**
 * Where Elastic IPs come from. 198.18.0.0/15 is IANA's benchmarking block (RFC 2544, RFC 6890
 * "Globally Reachable: False"): no real host answers there, so a client that does send traffic to
 * an address handed out here reaches nothing on the internet. It holds 131,072 addresses; the
 * `.0` and `.255` of each /24 are skipped because real clients sometimes treat them specially.
 */
const POOL_FIRST = parseIpv4Address('198.18.0.0') as bigint;
const POOL_SIZE = 1n << 17n;

/** One region's allocation cursor and the owner (allocation id) of each address in use, in meta. */
const cursorKey = (region: string): string => `eip-pool:${region}:next`;
const ownerKey = (region: string, ip: string): string => `eip-pool:${region}:ip:${ip}`;

function usable(offset: bigint): boolean {
  const last = offset & 0xffn;
  return last !== 0n && last !== 0xffn;
}

export function isPoolAddress(ip: string): boolean {
  const n = parseIpv4Address(ip);
  return n !== undefined && n >= POOL_FIRST && n < POOL_FIRST + POOL_SIZE && usable(n - POOL_FIRST);
}

/**
 * Takes the next free address of the region (unique across accounts there), walking forward from
 * a cursor so released addresses are not handed out again until the pool wraps round, much as
 * AWS rarely gives a released address back. Undefined when every address is taken.
 */
export async function takePublicIp(ctx: RequestContext, allocationId: string): Promise<string | undefined> {
  const region = ctx.caller.region;
  let offset = BigInt((await ctx.repo.meta.get(cursorKey(region))) ?? '0');
  for (let tried = 0n; tried < POOL_SIZE; tried++, offset = (offset + 1n) % POOL_SIZE) {
    if (!usable(offset)) continue;
    const ip = formatIpv4(POOL_FIRST + offset);
    if (await ctx.repo.meta.get(ownerKey(region, ip))) continue;
    await ctx.repo.meta.set(ownerKey(region, ip), allocationId);
    await ctx.repo.meta.set(cursorKey(region), String((offset + 1n) % POOL_SIZE));
    return ip;
  }
  return undefined;
}

/** Takes one named address (AllocateAddress `Address`, recovering a released one) if it is free. */
export async function takeNamedPublicIp(ctx: RequestContext, ip: string, allocationId: string): Promise<boolean> {
  if (!isPoolAddress(ip) || (await ctx.repo.meta.get(ownerKey(ctx.caller.region, ip)))) return false;
  await ctx.repo.meta.set(ownerKey(ctx.caller.region, ip), allocationId);
  return true;
}

/** Gives an address back to its region's pool. The meta port cannot delete, so an empty owner marks it free. */
export async function releasePublicIp(ctx: RequestContext, ip: string): Promise<void> {
  await ctx.repo.meta.set(ownerKey(ctx.caller.region, ip), '');
}
