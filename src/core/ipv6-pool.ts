import { Cidr } from './net/index.js';

/**
 * Amazon-provided IPv6 blocks are /56s out of Amazon's 2600:1f00::/24 space. We draw the 32 bits
 * below the /24 at random, so two VPCs practically never share a block, and retry on a clash.
 */
export function amazonIpv6Block(random: () => number, taken: readonly string[]): string {
  const pool = Cidr.parse('2600:1f00::/24') as Cidr;
  for (;;) {
    const index = BigInt(Math.floor(random() * 2 ** 32));
    const block = pool.subnet(56, index).toString();
    if (!taken.includes(block)) return block;
  }
}
