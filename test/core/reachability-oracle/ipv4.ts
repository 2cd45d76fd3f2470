/**
 * The oracle's own IPv4 arithmetic, deliberately not src/core/net: the oracle must not share
 * code with what it checks. Addresses are unsigned 32-bit numbers.
 */

export function ipToNumber(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4) throw new Error(`not an IPv4 address: ${ip}`);
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) throw new Error(`not an IPv4 address: ${ip}`);
    n = n * 256 + v;
  }
  return n;
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The prefix length of an IPv4 CIDR, or undefined for anything else (IPv6 blocks). */
export function prefixLength(cidr: string): number | undefined {
  const [addr, len] = cidr.split('/');
  if (addr === undefined || len === undefined || addr.includes(':')) return undefined;
  return Number(len);
}

/** Whether `ip` lies inside the IPv4 block `cidr` (an IPv6 block contains no IPv4 address). */
export function cidrContains(cidr: string, ip: string): boolean {
  const len = prefixLength(cidr);
  if (len === undefined) return false;
  const base = ipToNumber(cidr.split('/')[0] as string);
  // Compare the top `len` bits by integer division: no sign trouble with 32-bit shifts.
  const size = 2 ** (32 - len);
  return Math.floor(base / size) === Math.floor(ipToNumber(ip) / size);
}

/** Whether block `inner` lies wholly inside block `outer`. */
export function cidrWithin(inner: string, outer: string): boolean {
  const li = prefixLength(inner);
  const lo = prefixLength(outer);
  return li !== undefined && lo !== undefined && li >= lo && cidrContains(outer, inner.split('/')[0] as string);
}

export function cidrsOverlap(a: string, b: string): boolean {
  return cidrWithin(a, b) || cidrWithin(b, a);
}
