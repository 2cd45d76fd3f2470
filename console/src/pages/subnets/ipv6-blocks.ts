/** The eight 16-bit groups of an IPv6 address (with `::` expanded), or undefined. */
function groups(address: string): number[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string | undefined): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(halves[0]);
  const right = part(halves[1]);
  const fill = halves.length === 2 ? 8 - left.length - right.length : 0;
  const all = [...left, ...Array<number>(Math.max(0, fill)).fill(0), ...right];
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : undefined;
}

const key64 = (cidr: string): string | undefined => groups(cidr.split('/')[0] ?? '')?.slice(0, 4).join(':');

/**
 * The first /64 of a VPC's /56 that no subnet holds yet: what the console proposes in
 * "Edit IPv6 CIDRs" (AWS's form also starts from the VPC's block).
 */
export function freeSubnetBlock(vpcBlock: string, taken: readonly string[]): string | undefined {
  const g = groups(vpcBlock.split('/')[0] ?? '');
  if (!g) return undefined;
  const used = new Set(taken.map(key64));
  for (let i = 0; i < 256; i++) {
    const g3 = ((g[3] ?? 0) & 0xff00) | i;
    const candidate = [g[0], g[1], g[2], g3].map((x) => (x ?? 0).toString(16)).join(':');
    if (!used.has([g[0], g[1], g[2], g3].join(':'))) return `${candidate}::/64`;
  }
  return undefined;
}
